//! Small helpers over scraper's tree. Every walk here is iterative (ego_tree's `descendants`
//! and `traverse` keep their own position), so input depth never becomes stack depth.

use ego_tree::NodeRef;
use scraper::node::Node;
use scraper::ElementRef;

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
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
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
