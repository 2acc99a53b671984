//! Small helpers over scraper's tree. Every walk here is iterative (ego_tree's `descendants`
//! and `traverse` keep their own position), so input depth never becomes stack depth.

use ego_tree::NodeRef;
use scraper::node::{Element, Node};
use scraper::ElementRef;

/// Attribute lookup by name without building an atom.
///
/// scraper's `attr` interns the name (a hash into html5ever's static atom table), then
/// binary-searches with string comparisons, and it is called some ten times per element per
/// phase. Elements carry a handful of attributes, so a scan comparing names is several times
/// cheaper. Only attributes without a namespace match, as with `attr` (`xlink:href` is not
/// `href`).
pub trait Attribute<'a> {
    fn attribute(&self, name: &str) -> Option<&'a str>;
}

impl<'a> Attribute<'a> for &'a Element {
    fn attribute(&self, name: &str) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|(q, _)| &*q.local == name && q.ns.is_empty())
            .map(|(_, v)| &**v)
    }
}

impl<'a> Attribute<'a> for ElementRef<'a> {
    fn attribute(&self, name: &str) -> Option<&'a str> {
        self.value().attribute(name)
    }
}

/// All text under `node`, in document order, whitespace kept as the page has it.
pub fn raw_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    out
}

/// All text under `node` with runs of whitespace collapsed to one space and the ends trimmed.
pub fn collapsed_text(node: NodeRef<'_, Node>) -> String {
    collapse_ws(&raw_text(node))
}

/// Collapse every run of Unicode whitespace to one ASCII space; trim both ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Whole words are copied at once: pushing char by char was most of the cost.
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The element's local name, lower case (html5ever already lower-cases HTML names).
pub fn tag<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

/// Attribute value, if present.
pub fn attr<'a>(el: &ElementRef<'a>, name: &str) -> Option<&'a str> {
    el.value().attr(name)
}

thread_local! {
    static SELECTORS: std::cell::RefCell<std::collections::HashMap<&'static str, Option<scraper::Selector>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// A selector from the crate's own fixed list, parsed once per thread.
///
/// Parsing a selector goes through cssparser's tokenizer and costs more than extracting a
/// small page; a handful of fixed selectors used on every call made up a sixth of the work on
/// short inputs. The list is the crate's literals, so the table stays a few entries long.
pub fn selector(s: &'static str) -> Option<scraper::Selector> {
    SELECTORS.with(|table| {
        if let Some(found) = table.borrow().get(s) {
            return found.clone();
        }
        let parsed = scraper::Selector::parse(s).ok();
        table.borrow_mut().insert(s, parsed.clone());
        parsed
    })
}
