//! Streamed React pages: put each streamed part where its placeholder is.
//!
//! React's streaming server renderer (React 18+, Next.js's App Router and others) sends the
//! page's shell first, with a placeholder for every part not ready yet — a
//! `<template id="B:1">` (a Suspense boundary, followed by its fallback: "Loading…", a
//! skeleton) or a `<template id="P:1">` (a pending segment) — and streams each part later, at
//! the end of the body, as `<div hidden id="S:1">…</div>` plus a script that moves it into
//! place. A browser runs that script before the reader clicks anything, so the extension's
//! live page is already whole. Raw HTML (the CLI, crawlers, saved pages with their scripts
//! removed) still has the article in hidden divs after the footer and "Loading paragraph…"
//! where it belongs; we do the move the script would have done.
//!
//! Which part fills which placeholder is the number after the colon: the scripts
//! (`$RC("B:1","S:1")`, `$RS("S:2","P:2")`) pair equal numbers, in every one of the 274
//! calls in our corpora, and saved pages often lack the scripts, so the number is what we go by.
//! A boundary's fallback runs to React's `<!--/$-->` marker; where comments were stripped, the
//! one short element right after the template is taken as the fallback.
//!
//! Hostile input: a part used at most once, never moved into itself (a placeholder inside its
//! own part), bounded counts and walks; no recursion.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

use crate::dom::Attribute;

/// More placeholders than this is not a page React wrote; the rest stay as they are.
const MAX_PLACEHOLDERS: usize = 5_000;
/// How far up from a placeholder we look for the streamed part holding it.
const MAX_CLIMB: usize = 2_000;
/// The most siblings read to find the end of a marked fallback (`<!--$-->` … `<!--/$-->`).
const MAX_FALLBACK_NODES: usize = 5_000;
/// A fallback found without React's end marker is a spinner or a "Loading…" line.
const MAX_FALLBACK_TEXT: usize = 100;

/// Moves streamed parts into their placeholders. Returns how many were placed.
pub fn place_streamed_parts(doc: &mut Html) -> usize {
    let mut parts: HashMap<String, NodeId> = HashMap::new();
    let mut holes: Vec<(NodeId, bool, String)> = Vec::new();
    // Every element passes here: the tag is compared first, attributes read only for the two
    // kinds that can matter.
    for n in doc.tree.root().descendants() {
        let Node::Element(e) = n.value() else {
            continue;
        };
        match e.name() {
            "div" => {
                let Some(num) = e.attribute("id").and_then(|id| number(id, "S:")) else {
                    continue;
                };
                if e.attribute("hidden").is_some() {
                    parts.entry(num.to_string()).or_insert(n.id());
                }
            }
            "template" if holes.len() < MAX_PLACEHOLDERS => {
                let Some(id) = e.attribute("id") else {
                    continue;
                };
                if let Some(num) = number(id, "B:") {
                    holes.push((n.id(), true, num.to_string()));
                } else if let Some(num) = number(id, "P:") {
                    holes.push((n.id(), false, num.to_string()));
                }
            }
            _ => {}
        }
    }
    if parts.is_empty() || holes.is_empty() {
        return 0;
    }
    let mut placed = 0;
    for (hole, boundary, num) in holes {
        let Some(part) = parts.remove(&num) else {
            continue;
        };
        if !movable(doc, hole, part) {
            continue;
        }
        if boundary {
            remove_fallback(doc, hole);
        }
        let children: Vec<NodeId> = match doc.tree.get(part) {
            Some(p) => p.children().map(|c| c.id()).collect(),
            None => continue,
        };
        if let Some(mut h) = doc.tree.get_mut(hole) {
            for c in children {
                h.insert_id_before(c);
            }
        }
        for id in [hole, part] {
            if let Some(mut n) = doc.tree.get_mut(id) {
                n.detach();
            }
        }
        placed += 1;
    }
    placed
}

/// The hexadecimal number of an id such as `S:1a`.
fn number<'a>(id: &'a str, prefix: &str) -> Option<&'a str> {
    let num = id.strip_prefix(prefix)?;
    (!num.is_empty() && num.len() <= 8 && num.bytes().all(|b| b.is_ascii_hexdigit())).then_some(num)
}

/// The placeholder is in the document (not in a part already detached) and not inside the
/// part meant to fill it, which would move the part into itself.
fn movable(doc: &Html, hole: NodeId, part: NodeId) -> bool {
    let Some(h) = doc.tree.get(hole) else {
        return false;
    };
    if h.parent().is_none() {
        return false;
    }
    let mut climbed = 0;
    for a in h.ancestors() {
        if a.id() == part {
            return false;
        }
        climbed += 1;
        if climbed > MAX_CLIMB {
            return false;
        }
    }
    true
}

/// Removes a boundary's fallback: the siblings after the template up to React's matching
/// `<!--/$-->`, or, without the markers, one short element right after it.
fn remove_fallback(doc: &mut Html, hole: NodeId) {
    let Some(h) = doc.tree.get(hole) else {
        return;
    };
    let marked = h
        .prev_sibling()
        .and_then(|p| match p.value() {
            Node::Comment(c) => Some(c.comment.trim().starts_with('$')),
            _ => None,
        })
        .unwrap_or(false);
    let mut doomed = Vec::new();
    if marked {
        let mut depth = 0usize;
        let mut closed = false;
        for s in h.next_siblings().take(MAX_FALLBACK_NODES) {
            if let Node::Comment(c) = s.value() {
                let c = c.comment.trim();
                if c == "/$" {
                    if depth == 0 {
                        closed = true;
                        break;
                    }
                    depth -= 1;
                } else if c.starts_with('$') {
                    depth += 1;
                }
            }
            doomed.push(s.id());
        }
        if !closed {
            doomed.clear();
        }
    } else {
        let next = h.next_siblings().find(|s| match s.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Comment(_) => false,
            _ => true,
        });
        if let Some(s) = next {
            let short = matches!(s.value(), Node::Element(e) if e.name() != "template")
                && s.descendants().take(200).count() < 200
                && crate::dom::raw_text(s).trim().len() <= MAX_FALLBACK_TEXT;
            if short {
                doomed.push(s.id());
            }
        }
    }
    for id in doomed {
        if let Some(mut n) = doc.tree.get_mut(id) {
            n.detach();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> (usize, String) {
        let mut doc = Html::parse_document(html);
        let n = place_streamed_parts(&mut doc);
        let body = doc
            .tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
            .map(|b| {
                b.descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.trim().to_string()))
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        (n, body)
    }

    #[test]
    fn parts_fill_their_placeholders_in_order() {
        let (n, text) = run(
            r#"<body><main><h1>T</h1><!--$?--><template id="B:0"></template><p>Loading paragraph...</p><!--/$-->
            <p>middle</p><template id="P:1"></template><p>end</p></main><footer>foot</footer>
            <div hidden id="S:1"><p>second</p></div><div hidden id="S:0"><p>first</p><p>more</p></div></body>"#,
        );
        assert_eq!(n, 2);
        assert_eq!(text, "T first more middle second end foot");
    }

    #[test]
    fn without_markers_one_short_fallback_goes() {
        let (_, text) = run(
            r#"<body><div><template id="B:a"></template><div>Loading image...</div><p>kept</p></div>
            <div hidden id="S:a"><p>streamed</p></div></body>"#,
        );
        assert_eq!(text, "streamed kept");
    }

    #[test]
    fn nested_parts_and_hostile_shapes() {
        // A part holding the placeholder of another part; a placeholder inside its own part;
        // a part without placeholder; a placeholder without part.
        let (n, text) = run(
            r#"<body><template id="B:1"></template><template id="P:9"></template>
            <div hidden id="S:1"><p>outer</p><template id="P:2"></template></div>
            <div hidden id="S:2"><p>inner</p></div>
            <div hidden id="S:3"><template id="P:3"></template><p>self</p></div>
            <div hidden id="S:4"><p>orphan</p></div></body>"#,
        );
        assert_eq!(n, 2);
        assert!(text.starts_with("outer inner"), "{text}");
        assert!(text.contains("self") && text.contains("orphan"));
    }

    #[test]
    fn pages_without_streaming_are_untouched() {
        let (n, text) =
            run(r#"<body><template id="x"></template><div hidden id="S:"><p>a</p></div></body>"#);
        assert_eq!((n, text.as_str()), (0, "a"));
    }
}
