//! Choosing the element that holds the article: paragraphs vote for their ancestors by how
//! much prose they carry (length, commas), discounted by link density.

use crate::dom::Attribute;

use ego_tree::{NodeId, NodeRef};
use scraper::node::Node;
use scraper::Html;

use super::patterns::{class_weight, names};
use super::prune::Flags;
use super::stats::Stats;

fn base_score(name: &str) -> f32 {
    match name {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Is this element a paragraph for voting purposes: a `p`, or a `div`-like block that holds
/// only inline content (many sites write paragraphs as `div`s).
fn is_paragraph(name: &str, s: &Stats) -> bool {
    match name {
        "p" | "pre" | "td" => true,
        "div" | "section" | "span" | "font" | "article" | "dd" | "blockquote" => !s.has_block_child,
        _ => false,
    }
}

pub struct Candidates {
    pub scores: crate::dom::IdMap<f32>,
    pub top: Option<NodeId>,
}

pub fn element_weight(node: NodeRef<'_, Node>, flags: Flags) -> f32 {
    let Some(el) = node.value().as_element() else {
        return 0.0;
    };
    let mut w = base_score(el.name());
    if flags.weight_classes {
        w += class_weight(&names(el, flags));
        if el
            .attribute("itemprop")
            .is_some_and(|p| p.contains("articleBody"))
        {
            w += 50.0;
        }
        if matches!(el.name(), "article" | "main") {
            w += 10.0;
        }
    }
    w
}

pub fn find_candidates(doc: &Html, stats: &crate::dom::IdMap<Stats>, flags: Flags) -> Candidates {
    let mut scores: crate::dom::IdMap<f32> = Default::default();
    for node in doc.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let Some(s) = stats.get(&node.id()) else {
            continue;
        };
        if !is_paragraph(el.name(), s) || s.text < 25 {
            continue;
        }
        let own = 1.0 + s.commas as f32 + (s.text as f32 / 100.0).floor().min(3.0);
        for (level, anc) in node.ancestors().take(5).enumerate() {
            let Some(ael) = anc.value().as_element() else {
                break;
            };
            if matches!(ael.name(), "html") {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let entry = scores
                .entry(anc.id())
                .or_insert_with(|| element_weight(anc, flags));
            *entry += own / divider;
        }
    }
    // Final score: discount by link density, so navigation-heavy containers lose.
    let mut best: Option<(NodeId, f32)> = None;
    for (id, score) in scores.iter_mut() {
        let ld = stats.get(id).map_or(0.0, Stats::link_density);
        *score *= 1.0 - ld;
        if best.is_none_or(|(_, b)| *score > b) {
            best = Some((*id, *score));
        }
    }
    // HashMap order is arbitrary: break ties by document order for determinism.
    let top = best.map(|(_, b)| b).and_then(|b| {
        doc.tree
            .root()
            .descendants()
            .find(|n| scores.get(&n.id()).is_some_and(|s| *s == b))
            .map(|n| n.id())
    });
    Candidates { scores, top }
}

/// Readability's refinements of the top candidate: climb to a common ancestor when several
/// strong candidates share it, climb while the parent scores nearly as well, and skip
/// single-child wrappers.
pub fn refine_top(doc: &Html, c: &Candidates, stats: &crate::dom::IdMap<Stats>) -> Option<NodeId> {
    let top_id = c.top?;
    let top = doc.tree.get(top_id)?;
    let top_score = *c.scores.get(&top_id)?;

    // Other candidates scoring at least 75% of the top.
    let mut alternatives: Vec<NodeRef<'_, Node>> = c
        .scores
        .iter()
        .filter(|(id, s)| **id != top_id && **s >= top_score * 0.75)
        .filter_map(|(id, _)| doc.tree.get(*id))
        .collect();
    alternatives.truncate(50);
    let mut chosen = top;
    if alternatives.len() >= 3 {
        let mut parent = top.parent();
        let mut climbed = 0;
        while let Some(p) = parent {
            climbed += 1;
            if climbed > 40 || p.value().as_element().is_some_and(|e| e.name() == "body") {
                break;
            }
            let holds = alternatives
                .iter()
                .filter(|a| a.ancestors().take(60).any(|x| x.id() == p.id()))
                .count();
            if holds >= 3 {
                chosen = p;
                break;
            }
            parent = p.parent();
        }
    }

    // Climb while the parent's score is not much lower: the article is often split in
    // several blocks that each score well.
    let mut last = c.scores.get(&chosen.id()).copied().unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = chosen.parent();
    while let Some(p) = parent {
        if p.value()
            .as_element()
            .is_none_or(|e| e.name() == "body" || e.name() == "html")
        {
            break;
        }
        let Some(ps) = c.scores.get(&p.id()).copied() else {
            parent = p.parent();
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            chosen = p;
            break;
        }
        last = ps;
        parent = p.parent();
    }

    // The article is often split over sibling containers (one per section, one per layout
    // row) that each score modestly: climb to the ancestor holding the most prose net of
    // chrome, so no section is left behind and no sidebar is taken in.
    let objective = |id: NodeId| stats.get(&id).map_or(f32::MIN, Stats::objective);
    let mut best = (objective(chosen.id()), chosen);
    for anc in chosen.ancestors().take(30) {
        if anc.value().as_element().is_none_or(|e| e.name() == "html") {
            break;
        }
        let o = objective(anc.id());
        if o > best.0 {
            best = (o, anc);
        }
    }
    chosen = best.1;

    // A wrapper whose only element child is the candidate adds nothing but may hold siblings.
    while let Some(p) = chosen.parent() {
        let is_body = p.value().as_element().is_none_or(|e| e.name() == "body");
        let only_child = p.children().filter(|ch| ch.value().is_element()).count() == 1;
        if is_body || !only_child {
            break;
        }
        chosen = p;
    }
    Some(chosen.id())
}
