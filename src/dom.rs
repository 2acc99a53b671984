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
    for word in crate::text::words(s) {
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

/// Whether an attribute's value holds `token` as one of its whitespace-separated words, as
/// the CSS `[name~=token]` test does (case-sensitive).
pub fn has_token(el: &Element, name: &str, token: &str) -> bool {
    el.attribute(name)
        .is_some_and(|v| v.split_ascii_whitespace().any(|t| t == token))
}

/// Elements attached to the tree, in the parser's creation order, as scraper's `Html::select`
/// visits them. The crate tests elements by hand rather than through CSS selectors: the three
/// fixed selectors it once ran kept the `selectors` and `cssparser` crates in the `.wasm`
/// (~44 KB of code) for work a name or attribute comparison does.
pub fn attached_elements(d: &scraper::Html) -> impl DoubleEndedIterator<Item = ElementRef<'_>> {
    d.tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.parent().is_some())
}

/// Hasher for maps keyed by node: a node id is an arena index, so SipHash (std's default,
/// built against key flooding) costs more than the lookups it serves, which run per element per
/// phase. The murmur3 finaliser spreads the sequential indices over all bits; a page cannot
/// choose its node indices freely, so crafted collisions would need a quadratic number of nodes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by node, with [`IdHasher`].
pub type IdMap<V> =
    std::collections::HashMap<ego_tree::NodeId, V, std::hash::BuildHasherDefault<IdHasher>>;
/// A set of nodes, with [`IdHasher`].
pub type IdSet =
    std::collections::HashSet<ego_tree::NodeId, std::hash::BuildHasherDefault<IdHasher>>;

/// One subtree at a time passed over in a `traverse()` walk: the walk calls [`Skip::start`] on
/// the subtree root's `Open` and asks [`Skip::passes`] of every edge. The root's own `Close`
/// ends the skip and is not passed over, so the walk can undo what it did on the `Open`.
#[derive(Default)]
pub struct Skip(Option<ego_tree::NodeId>);

impl Skip {
    pub fn start(&mut self, root: ego_tree::NodeId) {
        self.0 = Some(root);
    }

    /// Whether `edge` lies inside the subtree being passed over.
    pub fn passes(&mut self, edge: &ego_tree::iter::Edge<'_, Node>) -> bool {
        let Some(root) = self.0 else {
            return false;
        };
        if let ego_tree::iter::Edge::Close(n) = edge {
            if n.id() == root {
                self.0 = None;
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{attached_elements, has_token, Attribute};
    use scraper::{Html, Selector};

    /// The hand tests pick the same elements, in the same order, as the selectors they
    /// replace, also where the parser moves nodes (foster parenting, adoption agency) so that
    /// creation order and document order differ.
    #[test]
    fn hand_walks_match_the_selectors_they_replace() {
        let pages = [
            r#"<main id=a><div role="main" id=b><main id=c></main></div></main><div role="Main">x</div>"#,
            r#"<table><main id=a>fostered</main><tr><td><div role=main id=b></div></td></tr></table>"#,
            r#"<b><p><main id=a>adopted</b><i role="main navigation">y</i></main></p>"#,
            r#"<svg><main id=s></main></svg><template><main id=t></main></template><body id=x><body id=y>"#,
            r#"<span itemprop="name author">A</span><span itemprop=Name>B</span><p itemprop="x name">C</p>"#,
        ];
        let ids = |v: Vec<scraper::ElementRef<'_>>| v.iter().map(|e| e.id()).collect::<Vec<_>>();
        for page in pages {
            let d = Html::parse_document(page);
            let by = |s: &str| ids(d.select(&Selector::parse(s).unwrap()).collect());
            let main = attached_elements(&d)
                .filter(|e| e.value().name() == "main" || e.attribute("role") == Some("main"))
                .collect();
            assert_eq!(ids(main), by("main, [role=main]"), "{page}");
            let body = attached_elements(&d)
                .filter(|e| e.value().name() == "body")
                .collect();
            assert_eq!(ids(body), by("body"), "{page}");
            let root = d.root_element();
            let named = root
                .descendants()
                .skip(1)
                .filter_map(scraper::ElementRef::wrap)
                .filter(|n| has_token(n.value(), "itemprop", "name"))
                .collect();
            let want = ids(root
                .select(&Selector::parse("[itemprop~=name]").unwrap())
                .collect());
            assert_eq!(ids(named), want, "{page}");
        }
    }
}
