//! Finding the article in the page and pruning what is not part of it.
//!
//! Phases, each its own module: [`prune`] drops hidden elements and page chrome from the whole
//! page; [`stats`] measures every element bottom-up; [`score`] lets paragraphs vote for the
//! container that holds them; siblings that continue the article are gathered here; [`clean`]
//! removes clutter inside the article; [`serialize`] writes simple, absolute-URL HTML.
//! When a pass finds too little (aggressive pruning can hit a badly named container), the next
//! pass relaxes its flags, as Readability does.

mod clean;
pub mod patterns;
mod prune;
mod score;
pub mod serialize;
mod stats;

use crate::dom::Attribute;

use ego_tree::NodeId;
use scraper::Html;
use url::Url;

use crate::metadata::Meta;
use crate::options::Options;
use crate::sanitize::{Builder, Clean, Space};
use prune::Flags;
use stats::Stats;

/// The article, sanitised while it was written.
pub struct Found {
    pub clean: Clean,
    pub readerable: bool,
}

/// The removals a pass made, in order, so the page can be put back as it was for the next
/// pass. Passes only ever detach nodes (detached nodes stay in the arena), so putting each back
/// where it was, last first, restores the parsed page exactly; copying the page for each pass
/// instead cost about 5% of a parse on every page, though most pages need one pass.
#[derive(Default)]
pub struct Undo(Vec<(NodeId, NodeId, Option<NodeId>)>);

impl Undo {
    /// Detach `id` from the tree, remembering where it was.
    pub fn detach(&mut self, doc: &mut Html, id: NodeId) {
        let Some(n) = doc.tree.get(id) else {
            return;
        };
        let Some(parent) = n.parent().map(|p| p.id()) else {
            return;
        };
        let prev = n.prev_sibling().map(|p| p.id());
        if let Some(mut n) = doc.tree.get_mut(id) {
            n.detach();
            self.0.push((id, parent, prev));
        }
    }

    /// Put every detached node back, last first. `false` when the tree is not as the log
    /// left it (it cannot be, as passes only detach; the caller then stops passing).
    pub fn restore(&mut self, doc: &mut Html) -> bool {
        self.restore_to(doc, 0)
    }

    /// How many removals the log holds, to put back only the later ones with [`restore_to`].
    ///
    /// [`restore_to`]: Undo::restore_to
    pub fn mark(&self) -> usize {
        self.0.len()
    }

    /// Put back the removals made after `mark`, last first.
    pub fn restore_to(&mut self, doc: &mut Html, mark: usize) -> bool {
        while self.0.len() > mark {
            let Some((id, parent, prev)) = self.0.pop() else {
                break;
            };
            let detached = doc.tree.get(id).is_some_and(|n| n.parent().is_none());
            let in_place = match prev {
                Some(p) => doc.tree.get(p).and_then(|p| p.parent()).map(|p| p.id()) == Some(parent),
                None => doc.tree.get(parent).is_some(),
            };
            if !detached || !in_place || id == parent {
                self.0.clear();
                return false;
            }
            match prev {
                Some(p) => {
                    if let Some(mut p) = doc.tree.get_mut(p) {
                        p.insert_id_after(id);
                    }
                }
                None => {
                    if let Some(mut p) = doc.tree.get_mut(parent) {
                        p.prepend_id(id);
                    }
                }
            }
        }
        true
    }
}

/// Text length below which a pass is considered to have missed the article.
const ENOUGH_TEXT: u32 = 500;

/// Hidden text shorter than this does not stand in for a page that shows nothing: it is the
/// skip links and screen-reader labels of an app shell whose content a script has yet to
/// load ("I'm shopping for…"), not an article hidden until a script reveals it.
const HIDDEN_FALLBACK_MIN: u32 = 150;

const PASSES: [Flags; 5] = [
    Flags::ALL,
    Flags {
        strip_unlikely: false,
        ..Flags::ALL
    },
    Flags {
        strip_hidden: false,
        ..Flags::ALL
    },
    Flags {
        strip_hidden: false,
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
        article: false,
        discussion: false,
    },
    Flags {
        strip_hidden: false,
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
        article: false,
        discussion: false,
    },
];

pub fn extract_content(doc: Html, options: &Options, meta: &Meta, base: Option<&Url>) -> Found {
    let hidden = options
        .hidden_attribute
        .as_deref()
        .filter(|a| !a.is_empty());
    // Best short results of passes that honour the page's hidden markup, and of those that
    // do not: the latter only win when the former found next to nothing.
    let mut best: Option<(u32, Clean)> = None;
    let mut best_loose: Option<(u32, Clean)> = None;
    let mut d = doc;
    let mut undo = Undo::default();
    let keep_noscript = prune::noscript_holds_the_page(&d);
    for (i, flags) in PASSES.iter().enumerate() {
        // Each pass starts from the page as parsed: the previous pass's removals are put back.
        if i > 0 && !undo.restore(&mut d) {
            break;
        }
        let strict_len = best.as_ref().map_or(0, |b| b.0);
        let (clean, text_len) =
            run_pass(&mut d, &mut undo, *flags, hidden, meta, base, keep_noscript);
        // Content the page hides wins only when it dwarfs what is visible: a short visible
        // article stays short.
        let enough = if flags.strip_hidden {
            ENOUGH_TEXT
        } else {
            ENOUGH_TEXT.max(strict_len.saturating_mul(3))
        };
        if text_len >= enough {
            return finish(clean, text_len, meta);
        }
        let slot = if flags.strip_hidden {
            &mut best
        } else {
            &mut best_loose
        };
        if slot.as_ref().is_none_or(|(l, _)| text_len > *l) {
            *slot = Some((text_len, clean));
        }
    }
    let strict_len = best.as_ref().map_or(0, |b| b.0);
    if strict_len < 200
        && best_loose
            .as_ref()
            .is_some_and(|(l, _)| *l > strict_len * 2 && *l >= HIDDEN_FALLBACK_MIN)
    {
        best = best_loose;
    }
    let (len, clean) = best.unwrap_or_else(|| (0, Builder::empty()));
    finish(clean, len, meta)
}

fn finish(clean: Clean, text_len: u32, meta: &Meta) -> Found {
    let article_type = meta
        .page_type
        .as_deref()
        .is_some_and(|t| t.contains("article") || t.contains("posting") || t == "report");
    Found {
        readerable: article_type && text_len >= 500,
        clean,
    }
}

fn run_pass(
    d: &mut Html,
    undo: &mut Undo,
    flags: Flags,
    hidden: Option<&str>,
    meta: &Meta,
    base: Option<&Url>,
    keep_noscript: bool,
) -> (Clean, u32) {
    let mut flags = flags;
    flags.discussion = meta.page_type.as_deref().is_some_and(is_thread);
    flags.article = meta.declared_article;
    let lazy = prune::prune(d, undo, hidden, flags, keep_noscript);
    let stats = stats::gather(d.tree.root());
    let cands = score::find_candidates(d, &stats, flags);
    let body = body_id(d);
    let top = score::refine_top(d, &cands, &stats).or(body);
    let Some(mut top) = top else {
        return (Builder::empty(), 0);
    };
    let mut roots = gather_siblings(d, top, &cands.scores, &stats);
    // Pages that are not articles (landing, product, listing pages) spread their content
    // over many small blocks: when the best container holds only a minority of the page's
    // prose, take the whole main area and keep its link-rich blocks.
    if let (false, Some(body)) = (meta.declared_article, body) {
        let good = |id: &NodeId| stats.get(id).map_or(0, |s| s.good);
        let chosen: u32 = roots.iter().map(good).sum();
        let page = good(&body);
        if page > 0 && (chosen as f32) < page as f32 * 0.5 {
            top = main_area(d, &stats, body).unwrap_or(body);
            roots = vec![top];
            flags.clean_conditionally = false;
        }
    }
    let mark = undo.mark();
    let mut kept = clean::clean(d, undo, &roots, meta.title.as_deref(), flags);
    if flags.clean_conditionally {
        // Copies count here: the main area's measure includes them too.
        let kept_all = kept.text + kept.copies;
        let sparse = body.and_then(|b| sparse_main(d, &stats, b, &roots, kept_all, meta));
        let wider = sparse
            .map(|(area, _)| area)
            .or_else(|| short_pick(d, &stats, &roots, body, kept_all, meta));
        if let Some(wider) = wider {
            // A marked main area is sure to be the content, and so is the pick read whole when
            // cleaning left under a tenth of it (a grid judged away card by card: a looser
            // pass finds less of it, not an article). Otherwise a widened pick is a guess:
            // the next passes may still find the article (in a container named like
            // clutter), so the guess competes with the length it had.
            let guess = sparse.is_none_or(|(area, marked)| {
                !marked && kept_all.saturating_mul(10) >= stats.get(&area).map_or(0, |x| x.text)
            });
            if undo.restore_to(d, mark) {
                roots = vec![wider];
                flags.clean_conditionally = false;
                let short = kept.text;
                kept = clean::clean(d, undo, &roots, meta.title.as_deref(), flags);
                if guess {
                    kept.text = short;
                }
            }
        }
    }
    let text_len = kept.text;
    let mut w = serialize::Writer::new(base, &lazy);
    for r in &roots {
        w.write(d, *r);
    }
    (w.finish(), text_len)
}

/// The page's `main` element (or `role=main`) when it holds most of the prose.
fn main_area(d: &Html, stats: &crate::dom::IdMap<Stats>, body: NodeId) -> Option<NodeId> {
    let good = |id: &NodeId| stats.get(id).map_or(0, |s| s.good);
    let page = good(&body);
    innermost_main(d, |id| good(id) as f32 >= page as f32 * 0.6)
}

/// The innermost `main` element (or `role=main`) that `holds` accepts: pages nest them (a
/// site shell's `main` around the page's own).
fn innermost_main(d: &Html, holds: impl Fn(&NodeId) -> bool) -> Option<NodeId> {
    crate::dom::attached_elements(d)
        .filter(|e| e.value().name() == "main" || e.value().attribute("role") == Some("main"))
        .map(|m| m.id())
        .rfind(holds)
}

/// A landing or service page built of short blocks (a hero line, feature cards, a few
/// sentences each, an FAQ) reads as little prose, so cleaning the best container drops most
/// of it as if it were clutter. When the page is not declared an article, marks a main area
/// holding much of its text (or, without such a mark, the one container scoring picked holds
/// that much), and what survived cleaning is a small part of that area, the area (minus the
/// page chrome pruning already removed) is the content. Not for product pages and forums,
/// whose main area is mostly offers, reviews and replies around the part a reader wants.
/// Returns the area and whether the page marked it (`main`, `role=main`).
fn sparse_main(
    d: &Html,
    stats: &crate::dom::IdMap<Stats>,
    body: NodeId,
    roots: &[NodeId],
    kept: u32,
    meta: &Meta,
) -> Option<(NodeId, bool)> {
    if meta.declared_article || meta.page_type.as_deref().is_some_and(is_offer_or_thread) {
        return None;
    }
    let text = |id: &NodeId| stats.get(id).map_or(0, |s| s.text);
    let much = |id: &NodeId| text(id) as f32 >= text(&body) as f32 * 0.4;
    let area = match (innermost_main(d, much), roots) {
        (Some(m), _) => (m, true),
        (None, [r]) if much(r) => (*r, false),
        _ => return None,
    };
    ((kept as f32) < text(&area.0) as f32 * SPARSE_SHARE).then_some(area)
}

/// A listing page (a category, a tag archive, a recipe collection) opens with an intro
/// paragraph and continues as a grid of short cards: title links and a line or two each.
/// Scoring picks the intro, the one block that reads as prose, and cleaning drops the cards as
/// link lists, leaving a few dozen words. When what survived is that short and is no more
/// than an intro (a few paragraphs at most: a short article has more), the nearest ancestor
/// of the pick holding at least twice as much text (the page chrome already pruned) is read
/// instead, without conditional cleaning. Never the whole body: a short article in a page of
/// widgets is still a short article. Not for product pages and forums, as [`sparse_main`].
fn short_pick(
    d: &Html,
    stats: &crate::dom::IdMap<Stats>,
    roots: &[NodeId],
    body: Option<NodeId>,
    kept: u32,
    meta: &Meta,
) -> Option<NodeId> {
    if kept >= SHORT_PICK || meta.page_type.as_deref().is_some_and(is_offer_or_thread) {
        return None;
    }
    let paragraphs = roots
        .iter()
        .filter_map(|r| d.tree.get(*r))
        .flat_map(|r| r.descendants())
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "p"))
        .count();
    if paragraphs > INTRO_PARAGRAPHS {
        return None;
    }
    let text = |id: NodeId| stats.get(&id).map_or(0, |s| s.text);
    let mut node = d.tree.get(*roots.first()?)?;
    loop {
        if Some(node.id()) == body || node.value().as_element().is_none_or(|e| e.name() == "html") {
            return None;
        }
        if text(node.id()) >= kept.saturating_mul(2).max(1) {
            return Some(node.id());
        }
        node = node.parent()?;
    }
}

/// Paragraphs an intro has at most.
const INTRO_PARAGRAPHS: usize = 3;

/// Characters of cleaned text below which a pick is short enough to question (some 200 words).
const SHORT_PICK: u32 = 1200;

/// Below this share of the main area's text, the cleaned pick is taken to have missed it.
const SPARSE_SHARE: f32 = 0.5;

/// A forum thread or a question with its answers, by its schema.org type.
fn is_thread(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    t.contains("forum") || t.contains("discussion") || t == "qapage" || t == "question"
}

/// Schema.org types of pages whose main area holds much besides the content.
fn is_offer_or_thread(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    l.contains("product") || l.contains("offer") || is_thread(t)
}

fn body_id(d: &Html) -> Option<NodeId> {
    crate::dom::attached_elements(d)
        .find(|e| e.value().name() == "body")
        .map(|b| b.id())
}

/// The top candidate plus those of its siblings that continue the article: scored siblings
/// close to the top's score, and prose paragraphs with few links.
fn gather_siblings(
    d: &Html,
    top: NodeId,
    scores: &crate::dom::IdMap<f32>,
    stats: &crate::dom::IdMap<Stats>,
) -> Vec<NodeId> {
    let Some(top_ref) = d.tree.get(top) else {
        return vec![top];
    };
    let Some(parent) = top_ref.parent() else {
        return vec![top];
    };
    if parent
        .value()
        .as_element()
        .is_none_or(|e| e.name() == "html")
    {
        return vec![top];
    }
    let top_score = scores.get(&top).copied().unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top_ref
        .value()
        .as_element()
        .and_then(|e| e.attribute("class"))
        .unwrap_or("");
    let mut out = Vec::new();
    for sib in parent.children() {
        if sib.id() == top {
            out.push(top);
            continue;
        }
        let Some(el) = sib.value().as_element() else {
            continue;
        };
        let mut bonus = 0.0;
        if !top_class.is_empty() && el.attribute("class") == Some(top_class) {
            bonus += top_score * 0.2;
        }
        let keep = if scores
            .get(&sib.id())
            .is_some_and(|s| s + bonus >= threshold)
        {
            true
        } else if matches!(el.name(), "p")
            || (el.name() == "div" && stats.get(&sib.id()).is_some_and(|s| !s.has_block_child))
        {
            let s = stats.get(&sib.id()).copied().unwrap_or_default();
            let ld = s.link_density();
            let text = crate::dom::collapse_ws(&crate::dom::raw_text(sib));
            (s.text > 80 && ld < 0.25)
                || (s.text > 0
                    && s.text <= 80
                    && ld == 0.0
                    && (text.ends_with('.') || text.contains(". ")))
        } else {
            false
        };
        if keep {
            out.push(sib.id());
        }
    }
    if out.is_empty() {
        out.push(top);
    }
    out
}

/// Words (lower-cased, 3+ letters) of a text, for overlap checks.
fn word_set(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// The cross-check against JSON-LD `articleBody`: when the publisher's own copy of the body
/// shares few words with what we found, we found the wrong block (or the page renders its
/// body with script), and the publisher's copy, paragraph by paragraph, is the better answer.
pub fn body_from_json_ld(article_body: &str, found_text: &str) -> Option<Clean> {
    // Only a real body (some 80 words or more) is worth trusting over the page.
    if crate::text::words(article_body).count() < 80 {
        return None;
    }
    let body = word_set(article_body);
    let found = word_set(found_text);
    let shared = body.iter().filter(|w| found.contains(*w)).count();
    if shared as f32 >= body.len() as f32 * 0.4 {
        return None;
    }
    let mut b = Builder::with_capacity(article_body.len() + 256);
    for para in article_body
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        b.open(Space::Html, "p", std::iter::empty());
        // As a parser of `<p>…</p>` would read it: NUL dropped, a lone CR a line break.
        if para.contains(['\0', '\r']) {
            b.text(&para.replace('\0', "").replace('\r', "\n"));
        } else {
            b.text(para);
        }
        b.close();
    }
    Some(b.finish())
}

#[cfg(test)]
mod undo_tests {
    use super::Undo;
    use scraper::Html;

    #[test]
    fn restore_puts_back_every_detachment_in_any_order() {
        let html = "<html><head><title>t</title></head><body><div id=a><p>1</p>x<p>2<b>3</b>\
                    </p><span>4</span></div><ul><li>5<li>6<li>7</ul><!-- c --></body></html>";
        let original = Html::parse_document(html);
        let ids: Vec<_> = original.tree.nodes().map(|n| n.id()).collect();
        // Several orders of removal, nested ones included (a child and then its parent, a
        // parent and then a child of it, the same node twice).
        for step in 1..ids.len() {
            let mut doc = original.clone();
            let mut undo = Undo::default();
            for k in 0..ids.len() {
                let id = ids[(k * step + 1) % ids.len()];
                if k % 3 != 2 {
                    undo.detach(&mut doc, id);
                }
            }
            assert_ne!(doc.html(), original.html(), "step {step} removed nothing");
            assert!(undo.restore(&mut doc));
            assert_eq!(doc.html(), original.html(), "step {step}");
        }
    }
}
