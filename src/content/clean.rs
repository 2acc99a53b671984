//! Second pass, inside the chosen article only: remove blocks that look like clutter by what
//! they hold (few words, many links, images without prose, forms), Readability's "clean
//! conditionally", plus the headings that open link lists ("Related stories") and the heading
//! that repeats the title.
//!
//! One post-order walk: each element is judged with its children's verdicts already applied,
//! so a table that only looked fishy because of a share bar inside it survives.

use crate::dom::Attribute;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Node;
use scraper::Html;

use super::patterns::{class_weight, is_boilerplate_heading, is_furniture_heading, names};
use super::prune::Flags;
use super::stats::{own_counts, text_len_and_commas, Stats};

#[derive(Default)]
struct Frame {
    stats: Stats,
    /// Has a block element among its descendants.
    holds_block: bool,
    /// Text of this element's own subtree, kept only for headings and short blocks.
    text: String,
    /// Its last text ends in whitespace, which the stats count as one character: two copies
    /// of a paragraph indented differently (`<p>text\n  </p>`, `<p>text</p>`) differ by it.
    ends_in_space: bool,
}

/// Elements that survive even with no text of their own.
fn keeps_without_text(name: &str) -> bool {
    matches!(
        name,
        "img"
            | "picture"
            | "source"
            | "br"
            | "hr"
            | "iframe"
            | "video"
            | "audio"
            | "math"
            | "td"
            | "th"
            | "tr"
            | "col"
            | "colgroup"
            | "wbr"
            | "script"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Characters of text (as [`Stats::text`] counts them) the article keeps, and those of the
/// repeated paragraphs dropped from it.
pub struct Kept {
    pub text: u32,
    pub copies: u32,
}

pub fn clean(
    doc: &mut Html,
    undo: &mut super::Undo,
    roots: &[NodeId],
    title: Option<&str>,
    flags: Flags,
) -> Kept {
    let mut kept = 0;
    let mut doomed: Vec<NodeId> = Vec::new();
    let mut title_dropped = false;
    let norm_title = title.map(normalise);
    let mut repeats = Repeats::default();
    for &root in roots {
        let Some(root_ref) = doc.tree.get(root) else {
            continue;
        };
        kept += walk(
            root_ref,
            flags,
            norm_title.as_deref(),
            &mut title_dropped,
            &mut doomed,
            &mut repeats,
        );
    }
    for id in doomed {
        undo.detach(doc, id);
    }
    let copies = repeats.drop_copies(doc, undo, roots);
    Kept {
        text: kept.saturating_sub(copies),
        copies,
    }
}

fn normalise(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    crate::text::words(&kept)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Long paragraphs that survived the walk, to drop their repeats afterwards. Pages built with
/// responsive variants (Framer, Webflow and other page builders) ship the same section once
/// per screen size and let CSS show one; a text-only reading sees the article two or three
/// times over. Such copies are recognised by their text alone, word for word, whatever the
/// markup around them (see [`Repeats::drop_copies`] for which repeats count). Which copy
/// survives is only known once every ancestor has been judged, so repeats are dropped after
/// the walk, keeping the first surviving copy in document order.
#[derive(Default)]
struct Repeats {
    blocks: Vec<(NodeId, Key)>,
    counts: std::collections::HashMap<Key, u32>,
}

/// Text length and a hash of the first few hundred bytes of text, whitespace runs read as
/// one: together they identify a paragraph without copying its text.
type Key = (u32, u64);

impl Repeats {
    /// Shorter blocks ("Read more", "Share", a price) recur legitimately.
    const MIN_TEXT: u32 = 80;

    fn note(&mut self, id: NodeId, name: &str, f: &Frame) {
        // Only the innermost block holding the text: a wrapper (`<li><p>…</p></li>`,
        // `<div><span><p>…</p></span></div>`) has the same text and would read as a copy.
        let block = matches!(
            name,
            "p" | "li" | "blockquote" | "dd" | "figcaption" | "div" | "section"
        );
        if !block || f.holds_block || f.stats.text < Self::MIN_TEXT {
            return;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for word in crate::text::words(&f.text) {
            std::hash::Hash::hash(word, &mut h);
        }
        let len = f.stats.text.saturating_sub(u32::from(f.ends_in_space));
        let key = (len, std::hash::Hasher::finish(&h));
        *self.counts.entry(key).or_insert(0) += 1;
        self.blocks.push((id, key));
    }

    /// Detach every later copy of a paragraph still in the article; returns the characters
    /// of text removed.
    fn drop_copies(self, doc: &mut Html, undo: &mut super::Undo, roots: &[NodeId]) -> u32 {
        if self.counts.values().all(|n| *n < 2) {
            return 0;
        }
        let blocks: crate::dom::IdMap<Key> = self.blocks.into_iter().collect();
        // Key → parent of its first copy.
        let mut seen: std::collections::HashMap<&Key, Option<NodeId>> = Default::default();
        // The long blocks still in the article, in reading order.
        struct Long<'k> {
            id: NodeId,
            key: &'k Key,
            /// Repeats a block before it from another container.
            copy: bool,
            /// A plain paragraph (`p`).
            paragraph: bool,
        }
        let mut order: Vec<Long> = Vec::new();
        for &root in roots {
            let Some(r) = doc.tree.get(root) else {
                continue;
            };
            // A quotation repeats on purpose (a forum reply quoting the post it answers):
            // paragraphs inside `blockquote` are neither copies nor originals.
            let mut quoted = 0usize;
            for edge in r.traverse() {
                match edge {
                    Edge::Open(n) => {
                        if is_quote(n) {
                            quoted += 1;
                        } else if quoted == 0 {
                            if let Some(key) = blocks.get(&n.id()) {
                                let parent = n.parent().map(|p| p.id());
                                let first = *seen.entry(key).or_insert(parent);
                                order.push(Long {
                                    id: n.id(),
                                    key,
                                    copy: first != parent,
                                    paragraph: n
                                        .value()
                                        .as_element()
                                        .is_some_and(|e| e.name() == "p"),
                                });
                            }
                        }
                    }
                    Edge::Close(n) => {
                        if is_quote(n) {
                            quoted -= 1;
                        }
                    }
                }
            }
        }
        // A repeat is a copy when it sits elsewhere than its original (another variant or
        // widget, not the same container), and it goes when the block before or after it is a
        // copy too: a variant repeats a run of paragraphs, while an author who repeats one (a
        // refrain, a placeholder) writes it beside its original or among new ones. A copy
        // that directly follows its original goes alone: a page that shows its summary under
        // the headline and again as the first paragraph of the body; no author writes the same
        // long paragraph twice in a row in two containers. Paragraphs only: a caption repeats
        // for a lightbox whose first copy may not be read out.
        let is_copy = |i: usize| order.get(i).is_some_and(|b| b.copy);
        let follows_original = |i: usize| {
            i > 0
                && order[i].paragraph
                && order[i - 1].paragraph
                && order[i - 1].key == order[i].key
        };
        let copies: Vec<(NodeId, u32)> = (0..order.len())
            .filter(|&i| {
                is_copy(i) && ((i > 0 && is_copy(i - 1)) || is_copy(i + 1) || follows_original(i))
            })
            .map(|i| (order[i].id, order[i].key.0))
            .collect();
        let mut removed = 0;
        for (id, len) in copies {
            undo.detach(doc, id);
            removed += len;
        }
        removed
    }
}

fn is_quote(n: NodeRef<'_, Node>) -> bool {
    n.value()
        .as_element()
        .is_some_and(|e| e.name() == "blockquote")
}

fn walk(
    root: NodeRef<'_, Node>,
    flags: Flags,
    title: Option<&str>,
    title_dropped: &mut bool,
    doomed: &mut Vec<NodeId>,
    repeats: &mut Repeats,
) -> u32 {
    let mut stack: Vec<Frame> = vec![Frame::default()];
    let mut link_depth = 0usize;
    let mut pre_depth = 0usize;
    // A boilerplate heading dooms the link list that follows it.
    let mut doom_next_list: Option<NodeId> = None;
    // After a furniture heading ("About the author") the next block goes whatever it holds.
    let mut furniture = false;
    // Elements closed since the heading: the list must follow it closely.
    let mut since_heading = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    match e.name() {
                        "a" => link_depth += 1,
                        "pre" | "code" => pre_depth += 1,
                        _ => {}
                    }
                    stack.push(Frame::default());
                }
                Node::Text(t) => {
                    let (len, commas) = text_len_and_commas(t);
                    if let Some(top) = stack.last_mut() {
                        top.stats.text += len;
                        top.stats.commas += commas;
                        if link_depth > 0 {
                            top.stats.link_text += len;
                        }
                        if top.text.len() < 400 {
                            top.text.push_str(t);
                        }
                        if len > 0 {
                            top.ends_in_space = t.ends_with(char::is_whitespace);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                let Node::Element(e) = n.value() else {
                    continue;
                };
                let name = e.name();
                match name {
                    "a" => link_depth = link_depth.saturating_sub(1),
                    "pre" | "code" => pre_depth = pre_depth.saturating_sub(1),
                    _ => {}
                }
                let Some(mut frame) = stack.pop() else {
                    continue;
                };
                own_counts(name, &mut frame.stats);
                let is_root = n.id() == root.id();
                since_heading += 1;
                if since_heading > 40 {
                    doom_next_list = None;
                }
                let mut remove = false;
                if !is_root && pre_depth == 0 {
                    if doom_next_list.is_some_and(|h| is_following(n, h))
                        && (frame.stats.link_density() > 0.4
                            || (furniture && frame.stats.text < 1500))
                    {
                        remove = true;
                        doom_next_list = None;
                    } else if is_heading(name) {
                        let text = crate::dom::collapse_ws(&frame.text);
                        if !*title_dropped
                            && matches!(name, "h1" | "h2")
                            && title.is_some_and(|t| {
                                !t.is_empty() && repeats_title(&normalise(&text), t)
                            })
                        {
                            remove = true;
                            *title_dropped = true;
                        } else if is_boilerplate_heading(&text) {
                            remove = true;
                            furniture = is_furniture_heading(&text);
                            doom_next_list = Some(n.id());
                            since_heading = 0;
                        } else if (flags.weight_classes && class_weight(&names(e, flags)) < 0.0)
                            // A heading that is a link names another page: in an article, a
                            // teaser; in a listing read whole (no conditional cleaning), the
                            // items the page lists.
                            || (flags.clean_conditionally
                                && frame.stats.link_density() > 0.5
                                && frame.stats.text < 120)
                        {
                            remove = true;
                        }
                    } else if flags.clean_conditionally {
                        remove = fishy(n, name, &frame, flags)
                            || (flags.article && is_teaser(n, name, &frame));
                    }
                    if !remove && (is_counter(name, &frame) || is_meta_line(name, &frame)) {
                        remove = true;
                    }
                    if !remove
                        && frame.stats.text == 0
                        && !keeps_without_text(name)
                        && frame.stats.images == 0
                        && frame.stats.embeds == 0
                        && !has_kept_child(n)
                    {
                        remove = true;
                    }
                }
                if remove {
                    doomed.push(n.id());
                    continue;
                }
                let quiet = !is_root && pre_depth == 0 && is_call_to_action_block(name, &frame);
                if quiet {
                    doomed.push(n.id());
                } else if !is_root && pre_depth == 0 {
                    repeats.note(n.id(), name, &frame);
                }
                if let Some(parent) = stack.last_mut() {
                    parent.stats.add(&frame.stats);
                    if frame.holds_block || super::stats::is_block_tag(&e.name.local) {
                        parent.holds_block = true;
                    }
                    if parent.text.len() < 400 {
                        parent.text.push_str(&frame.text);
                    }
                    if frame.stats.text > 0 {
                        parent.ends_in_space = frame.ends_in_space;
                    }
                }
            }
        }
    }
    // What is left is the frame above the root: the root's text minus what was removed.
    stack.first().map_or(0, |f| f.stats.text)
}

/// Is `n` after the heading `h` in document order, as its next sibling or the next
/// sibling of one of its ancestors (within a few levels)?
fn is_following(n: NodeRef<'_, Node>, h: NodeId) -> bool {
    let mut cur = Some(n);
    for _ in 0..4 {
        let Some(c) = cur else { return false };
        let mut prev = c.prev_sibling();
        while let Some(p) = prev {
            if p.id() == h {
                return true;
            }
            if p.value().is_element() {
                // Only the first element after the heading counts.
                if p.descendants().take(2000).any(|d| d.id() == h) {
                    return true;
                }
                break;
            }
            prev = p.prev_sibling();
        }
        cur = c.parent();
    }
    false
}

/// A heading that repeats the title the clean view already shows: the same words, or nearly
/// (a site suffix on one side, punctuation on the other).
fn repeats_title(heading: &str, title: &str) -> bool {
    if heading.is_empty() {
        return false;
    }
    if heading == title || title.starts_with(heading) && heading.len() * 10 >= title.len() * 6 {
        return true;
    }
    // Lists rather than sets (one map type fewer in the .wasm), so both are bounded: no
    // title runs to 100 words, and a page's 100,000-word "heading" must not cost 10^10
    // comparisons.
    let hw: Vec<&str> = crate::text::words(heading).take(101).collect();
    if hw.len() > 100 {
        return false;
    }
    // The title's distinct words, while they can still be few enough (at most 4/3 of the
    // heading's).
    let mut tw: Vec<&str> = Vec::new();
    for w in crate::text::words(title) {
        if !tw.contains(&w) {
            tw.push(w);
            if hw.len() * 4 < tw.len() * 3 {
                return false;
            }
        }
    }
    let shared = hw.iter().filter(|w| tw.contains(*w)).count();
    hw.len() >= 3 && shared * 4 >= hw.len() * 3
}

/// A short block that is page furniture by its wording: a skip link, a byline or date line
/// ("Written by …", "Last updated: …"), a reading-time or fact-check badge, an image credit,
/// or bare separators ("|", "•").
fn is_meta_line(name: &str, f: &Frame) -> bool {
    if !matches!(
        name,
        "div"
            | "span"
            | "p"
            | "li"
            | "small"
            | "a"
            | "time"
            | "header"
            | "footer"
            | "section"
            | "ul"
    ) {
        return false;
    }
    if f.stats.text == 0 || f.stats.text > 100 || f.stats.images > 0 || f.stats.embeds > 0 {
        return false;
    }
    let t = crate::dom::collapse_ws(&f.text).to_lowercase();
    if !t.chars().any(char::is_alphanumeric) {
        return true;
    }
    const LABELS: &[&str] = &[
        "skip to ",
        "jump to ",
        "written by",
        "posted by",
        "posted on",
        "published on",
        "published:",
        "last updated",
        "updated on",
        "updated:",
        "reading time",
        "min read",
        "minute read",
        "fact checked",
        "fact-checked",
        "reviewed by",
        "medically reviewed",
        "image credit",
        "photo credit",
        "image source",
    ];
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    LABELS.iter().any(|l| t.starts_with(l)) || is_reading_time(t)
}

/// A block that is nothing but a call to action ("Read more", "Learn more", "Shop now"): on
/// a card it repeats the link of the card's title, and in a reader it leads nowhere new.
/// Whole-text matches only: "Read more: how the vote went" names a story and stays.
///
/// It leaves the output but still counts for its container: a teaser card's "Read more"
/// link is part of what makes the card look like a teaser to the rules that judge it.
fn is_call_to_action_block(name: &str, f: &Frame) -> bool {
    if !matches!(name, "a" | "p" | "div" | "span" | "li" | "button")
        || f.stats.text == 0
        || f.stats.text > 40
        || f.stats.images > 0
        || f.stats.embeds > 0
    {
        return false;
    }
    // A link or a button; "See <a>more</a>." is a sentence with a link in it.
    if name != "button" && f.stats.link_density() < 0.8 {
        return false;
    }
    let t = crate::dom::collapse_ws(&f.text).to_lowercase();
    is_call_to_action(t.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

fn is_call_to_action(t: &str) -> bool {
    const CTA: &[&str] = &[
        "read more",
        "read full article",
        "read the full article",
        "read full story",
        "read the full story",
        "continue reading",
        "keep reading",
        "learn more",
        "show more",
        "see more",
        "view more",
        "load more",
        "shop now",
        "view all",
        "see all",
    ];
    let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    CTA.contains(&t)
}

/// "5 min read", "12 minute read", "3 min. Lesezeit", "4 min de lecture": a reading-time
/// badge, which the popup shows anyway. A number of minutes alone ("10 minutes") is not one:
/// recipes and timelines are made of those.
fn is_reading_time(t: &str) -> bool {
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == t.len() {
        return false;
    }
    let rest = rest.trim_start();
    // Longest first: "minute" is a prefix of "minuten", "min" of everything.
    let Some(rest) = [
        "minuten", "minutes", "minutos", "minute", "minuti", "mins", "min.", "min",
    ]
    .iter()
    .find_map(|u| rest.strip_prefix(u)) else {
        return false;
    };
    let rest = rest.trim_start();
    [
        "read",
        "de lecture",
        "lesezeit",
        "de lectura",
        "di lettura",
        "leestijd",
        "de leitura",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// A bare number in its own block: view, like and comment counters.
fn is_counter(name: &str, f: &Frame) -> bool {
    if !matches!(name, "div" | "span" | "li" | "small" | "p")
        || f.stats.text == 0
        || f.stats.text > 12
    {
        return false;
    }
    let t = f.text.trim();
    !t.is_empty()
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '.' | ',' | 'k' | 'K' | 'M' | '+')
        })
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Has a child element that survives without text (an image, a rule, a line break…).
fn has_kept_child(n: NodeRef<'_, Node>) -> bool {
    n.children().any(|c| {
        c.value()
            .as_element()
            .is_some_and(|e| keeps_without_text(e.name()))
    })
}

/// One of a run of short `article` cards inside the article, each titled by a headline that
/// links elsewhere: a "more from this section" rail (WordPress themes mark every post in it
/// as an `article`). Its excerpt keeps the link density under what cleaning would notice.
/// Forum posts are `article` elements too, but they are not titled by a linked headline.
fn is_teaser(n: NodeRef<'_, Node>, name: &str, f: &Frame) -> bool {
    if name != "article" || f.stats.text >= 600 || f.stats.link_text == 0 {
        return false;
    }
    // A run of three: two of the nearest element siblings (two each side) are cards too.
    // Neighbours only, so a parent with a million children costs no more than one with four.
    let is_card = |c: NodeRef<'_, Node>| c.value().as_element().map(|e| e.name() == "article");
    let cards = n
        .prev_siblings()
        .filter_map(is_card)
        .take(2)
        .chain(n.next_siblings().filter_map(is_card).take(2))
        .filter(|&a| a)
        .count();
    // A card is a few dozen elements; the bound keeps a hostile one from costing more.
    cards >= 2 && n.descendants().take(300).any(is_linked_headline)
}

/// A heading, or a block named `title`, whose text is one link of four words or more.
fn is_linked_headline(n: NodeRef<'_, Node>) -> bool {
    let Some(e) = n.value().as_element() else {
        return false;
    };
    let titled = is_heading(e.name())
        || e.attribute("class")
            .is_some_and(|c| crate::text::words(c).any(|t| t.contains("title")));
    if !titled {
        return false;
    }
    let mut links = n.descendants().take(50).filter(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| e.name() == "a" && e.attribute("href").is_some())
    });
    let (Some(link), None) = (links.next(), links.next()) else {
        return false;
    };
    let words = |x: NodeRef<'_, Node>| crate::text::words(&crate::dom::raw_text(x)).count();
    let w = words(link);
    w >= 4 && w == words(n)
}

/// Readability's conditional clean, judged on what the element holds after its children were
/// judged.
fn fishy(n: NodeRef<'_, Node>, name: &str, f: &Frame, flags: Flags) -> bool {
    if !matches!(
        name,
        "div"
            | "section"
            | "table"
            | "ul"
            | "ol"
            | "form"
            | "fieldset"
            | "aside"
            | "figure"
            | "header"
            | "footer"
            | "dl"
    ) {
        return false;
    }
    let el = match n.value().as_element() {
        Some(e) => e,
        None => return false,
    };
    let s = &f.stats;
    let weight = if flags.weight_classes {
        card_weight(&names(el, flags), flags.article)
    } else {
        0.0
    };
    if weight < 0.0 && s.text < 1000 && name != "figure" {
        return true;
    }
    if name == "table" && is_data_table(n, s) {
        return false;
    }
    if s.commas >= 10 {
        return false;
    }
    if n.ancestors().take(30).any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "pre" | "code"))
    }) {
        return false;
    }
    let is_list = matches!(name, "ul" | "ol" | "dl");
    let is_figure = name == "figure" || has_child_named(n, "figure");
    let p = s.paragraphs as f32;
    let img = s.images as f32;
    let li = s.list_items as f32 - 100.0;
    let ld = s.link_density();
    let text = s.text;

    // A list of mostly-links is navigation unless it is long prose.
    if is_list {
        let avg = text.checked_div(s.list_items).unwrap_or(text);
        return (ld > 0.5 && avg < 80 && text < 2000) || (weight < 0.0 && ld > 0.3);
    }
    if img > 1.0 && p / img < 0.5 && !is_figure && text < 100 {
        return true;
    }
    if li > p && !is_list && !is_figure {
        return true;
    }
    if s.inputs as f32 > (p / 3.0).floor() {
        return true;
    }
    if text < 25 && (img == 0.0 || img > 2.0) && !is_figure && s.headings == 0 && s.embeds == 0 {
        return s.links > 0 || text == 0;
    }
    if weight < 25.0 && ld > 0.2 && text < 1500 && s.links >= 2 {
        return true;
    }
    if weight >= 25.0 && ld > 0.5 {
        return true;
    }
    if (s.embeds == 1 && text < 75 && !is_figure) || s.embeds > 1 {
        return s.embeds > 1 && text < 200;
    }
    false
}

/// [`class_weight`], except that outside articles a "card" is not clutter: in an article a
/// card is a teaser for another story, but on a landing, pricing or listing page the cards
/// (features, plans, testimonials) are what the page says. A person's card (`vcard`,
/// `h-card`) stays a byline either way.
fn card_weight(class_id: &str, article: bool) -> f32 {
    if article
        || !class_id.contains("card")
        || crate::text::words(class_id).any(|t| t == "vcard" || t == "h-card")
    {
        return class_weight(class_id);
    }
    // A space, not nothing: `postcard` must not become `post`, a content name.
    class_weight(&class_id.replace("card", " "))
}

fn has_child_named(n: NodeRef<'_, Node>, tag: &str) -> bool {
    n.children()
        .any(|c| c.value().as_element().is_some_and(|e| e.name() == tag))
}

/// Tables used for layout are judged like `div`s; tables of data stay whatever they hold.
fn is_data_table(n: NodeRef<'_, Node>, s: &Stats) -> bool {
    let Some(el) = n.value().as_element() else {
        return false;
    };
    if el.attribute("role") == Some("presentation") || el.attribute("datatable") == Some("0") {
        return false;
    }
    if el.attribute("summary").is_some() {
        return true;
    }
    let mut rows = 0;
    let mut has_th = false;
    let mut nested = false;
    for d in n.descendants().skip(1).take(5000) {
        if let Some(e) = d.value().as_element() {
            match e.name() {
                "tr" => rows += 1,
                "th" | "thead" | "caption" => has_th = true,
                "table" => nested = true,
                _ => {}
            }
        }
    }
    if nested {
        return false;
    }
    has_th || (rows >= 3 && s.link_density() < 0.5)
}

#[cfg(test)]
mod tests {
    use super::repeats_title;

    #[test]
    fn a_heading_repeats_the_title_by_most_of_its_words() {
        let title = "cities plan new tram lines for the next decade";
        assert!(repeats_title(
            "cities plan new tram lines for the decade",
            title
        ));
        assert!(repeats_title("plan new tram lines for the decade", title));
        // Too short a part of it: a section heading that shares words.
        assert!(!repeats_title("cities plan new tram lines", title));
        assert!(!repeats_title("tram lines", title));
        assert!(!repeats_title("what the mayor said about buses", title));
        // Repeated words in the title count once.
        assert!(repeats_title(
            "tram tram lines",
            "tram lines tram lines tram"
        ));
    }

    /// Word lists, not sets: a hostile page's enormous heading or title must stay cheap
    /// (with both at 200,000 distinct words, a pairwise comparison would not finish).
    #[test]
    fn enormous_headings_and_titles_are_not_compared_word_by_word() {
        let huge: String = (0..200_000).map(|i| format!("w{i} ")).collect();
        assert!(!repeats_title(&huge, &huge[1..]));
        assert!(!repeats_title("cities plan new tram lines", &huge));
    }
}
