//! Finding footnotes: in-page links to the items of an ordered list.
//!
//! A list becomes footnote definitions only when every one of its items is the target of such
//! a link; otherwise it stays a list and its links stay links, so nothing is dropped.

use crate::dom::Attribute;
use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::node::Node;
use scraper::Html;

#[derive(Default)]
pub(crate) struct Footnotes {
    /// Reference `<a>` → label.
    pub(crate) refs: crate::dom::IdMap<String>,
    /// Definition items in document order, with their labels.
    pub(crate) defs: Vec<(NodeId, String)>,
    /// Lists that are written as definitions at the end instead of in place.
    pub(crate) lists: crate::dom::IdSet,
}

fn fragment_of(href: &str) -> Option<&str> {
    let i = href.rfind('#')?;
    let f = &href[i + 1..];
    (!f.is_empty()).then_some(f)
}

fn elem_name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

/// Is `inner` inside `outer` (or the same node)? Bounded walk: a reference nested deeper than
/// this inside its own definition is not worth the cost of finding.
fn within(inner: NodeRef<'_, Node>, outer: NodeId) -> bool {
    inner.ancestors().take(64).any(|a| a.id() == outer) || inner.id() == outer
}

pub(crate) fn scan(doc: &Html) -> Footnotes {
    // String keys, as `suspense`'s map: one map type fewer in the .wasm.
    let mut ids: HashMap<String, NodeId> = HashMap::new();
    let mut links: Vec<(NodeRef<'_, Node>, &str)> = Vec::new();
    for n in doc.tree.root().descendants() {
        if let Node::Element(el) = n.value() {
            if let Some(id) = el.attribute("id") {
                ids.entry(id.to_string()).or_insert(n.id());
            }
            if el.name() == "a" {
                if let Some(f) = el.attribute("href").and_then(fragment_of) {
                    links.push((n, f));
                }
            }
        }
    }
    if links.is_empty() {
        return Footnotes::default();
    }
    // Target item → the references to it, in order.
    let mut targets: crate::dom::IdMap<Vec<NodeRef<'_, Node>>> = Default::default();
    let mut lists: Vec<NodeId> = Vec::new();
    for (a, frag) in &links {
        let Some(&tid) = ids.get(*frag) else { continue };
        let Some(target) = doc.tree.get(tid) else {
            continue;
        };
        if elem_name(&target) != Some("li") {
            continue;
        }
        let Some(parent) = target.parent() else {
            continue;
        };
        if elem_name(&parent) != Some("ol") || within(*a, tid) {
            continue;
        }
        if !targets.contains_key(&tid) && !lists.contains(&parent.id()) {
            lists.push(parent.id());
        }
        targets.entry(tid).or_default().push(*a);
    }
    let mut out = Footnotes::default();
    let mut used: HashSet<String> = HashSet::new();
    for list_id in lists {
        let Some(list) = doc.tree.get(list_id) else {
            continue;
        };
        let items: Vec<NodeRef<'_, Node>> =
            list.children().filter(|c| c.value().is_element()).collect();
        let all_targets = !items.is_empty()
            && items
                .iter()
                .all(|i| elem_name(i) == Some("li") && targets.contains_key(&i.id()));
        if !all_targets {
            continue;
        }
        out.lists.insert(list_id);
        for item in items {
            let refs = targets.get(&item.id()).map(Vec::as_slice).unwrap_or(&[]);
            let seq = out.defs.len() + 1;
            let mut label = refs
                .first()
                .map(|a| label_from_text(&crate::dom::collapsed_text(*a)))
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| seq.to_string());
            if used.contains(&label) {
                let base = label.clone();
                let mut k = 2;
                while used.contains(&label) {
                    label = format!("{base}-{k}");
                    k += 1;
                }
            }
            used.insert(label.clone());
            for a in refs {
                out.refs.insert(a.id(), label.clone());
            }
            out.defs.push((item.id(), label));
        }
    }
    out
}

/// The page's own footnote mark (`1`, `[2]`, `a`) when it makes a valid label.
fn label_from_text(t: &str) -> String {
    let l = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')'));
    if !l.is_empty()
        && l.chars().count() <= 16
        && l.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        l.to_string()
    } else {
        String::new()
    }
}
