//! Per-element text statistics, gathered bottom-up in one post-order walk.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use html5ever::{local_name as ln, LocalName};
use scraper::node::Node;

/// What an element holds, counting its whole subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Characters of text, whitespace runs counted as one.
    pub text: u32,
    /// Of which inside links.
    pub link_text: u32,
    pub commas: u32,
    pub paragraphs: u32,
    pub images: u32,
    pub list_items: u32,
    pub inputs: u32,
    pub embeds: u32,
    pub headings: u32,
    pub links: u32,
    /// Has a child element that is itself a block (so this is a container, not a paragraph).
    pub has_block_child: bool,
    /// Characters of prose: non-link text of text blocks that read like sentences or headings.
    pub good: u32,
    /// Characters of chrome: link text, and short blocks (labels, buttons, counters).
    pub bad: u32,
    /// Inline text not yet judged; it is judged as one chunk by the nearest enclosing block.
    loose_text: u32,
    loose_link: u32,
}

impl Stats {
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link_text as f32 / self.text as f32
        }
    }

    pub fn add(&mut self, o: &Stats) {
        self.text += o.text;
        self.link_text += o.link_text;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.list_items += o.list_items;
        self.inputs += o.inputs;
        self.embeds += o.embeds;
        self.headings += o.headings;
        self.links += o.links;
        self.good += o.good;
        self.bad += o.bad;
    }

    /// Judge this block's loose inline text: prose is good, short or link text is bad.
    fn settle(&mut self, heading: bool) {
        let (t, l) = (self.loose_text, self.loose_link);
        if t > 0 {
            if heading || t - l.min(t) >= 20 {
                self.good += t - l.min(t);
                self.bad += l;
            } else {
                self.bad += t;
            }
        }
        self.loose_text = 0;
        self.loose_link = 0;
    }

    /// Prose minus chrome: the container that maximises this holds the article and little else.
    pub fn objective(&self) -> f32 {
        self.good as f32 - 1.5 * self.bad as f32
    }
}

/// Block-level elements: their presence makes a parent a container.
pub fn is_block_tag(name: &LocalName) -> bool {
    // Atoms compare as integers: asked of every element in every pass.
    static BLOCK: [LocalName; 30] = [
        ln!("address"),
        ln!("article"),
        ln!("aside"),
        ln!("blockquote"),
        ln!("dd"),
        ln!("details"),
        ln!("div"),
        ln!("dl"),
        ln!("dt"),
        ln!("fieldset"),
        ln!("figure"),
        ln!("footer"),
        ln!("form"),
        ln!("h1"),
        ln!("h2"),
        ln!("h3"),
        ln!("h4"),
        ln!("h5"),
        ln!("h6"),
        ln!("header"),
        ln!("hr"),
        ln!("li"),
        ln!("main"),
        ln!("nav"),
        ln!("ol"),
        ln!("p"),
        ln!("pre"),
        ln!("section"),
        ln!("table"),
        ln!("ul"),
    ];
    BLOCK.contains(name)
}

/// Count text the way a reader sees it: each whitespace run is one character.
///
/// Runs over every text node of every pass, so ASCII (most markup whitespace and most text)
/// takes a byte path; other characters are decoded one by one.
pub fn text_len_and_commas(t: &str) -> (u32, u32) {
    let bytes = t.as_bytes();
    if bytes.is_ascii() {
        return ascii_len_and_commas(bytes);
    }
    let mut len = 0u32;
    let mut commas = 0u32;
    let mut in_ws = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (ws, comma) = if b < 0x80 {
            i += 1;
            (
                matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
                b == b',',
            )
        } else {
            let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            (
                c.is_whitespace(),
                matches!(c, '，' | '、' | '،' | '﹐' | '︐' | '︑' | '⸴' | '⹁' | '﹑'),
            )
        };
        if ws {
            if !in_ws {
                len += 1;
                in_ws = true;
            }
        } else {
            in_ws = false;
            len += 1;
            commas += u32::from(comma);
        }
    }
    (len, commas)
}

/// [`text_len_and_commas`] for ASCII, without a branch per byte: a byte counts unless it is
/// whitespace following whitespace (the text starts as if after whitespace), so the loop is
/// a plain sum the compiler vectorises.
fn ascii_len_and_commas(bytes: &[u8]) -> (u32, u32) {
    let ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut len = 0u32;
    let mut commas = 0u32;
    let mut prev_ws = true;
    for &b in bytes {
        let w = ws(b);
        len += u32::from(!(w && prev_ws));
        commas += u32::from(b == b',');
        prev_ws = w;
    }
    (len, commas)
}

/// The counters an element adds for itself (not its children).
pub fn own_counts(name: &str, s: &mut Stats) {
    match name {
        "p" => s.paragraphs += 1,
        "img" | "picture" => s.images += 1,
        "li" => s.list_items += 1,
        "input" | "select" | "textarea" | "button" => s.inputs += 1,
        "iframe" | "video" | "embed" | "object" | "audio" => s.embeds += 1,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.headings += 1,
        "a" => s.links += 1,
        _ => {}
    }
}

/// Stats of every element under `root`.
pub fn gather(root: NodeRef<'_, Node>) -> crate::dom::IdMap<Stats> {
    let mut out = crate::dom::IdMap::default();
    let mut stack: Vec<Stats> = vec![Stats::default()];
    let mut link_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    if e.name() == "a" {
                        link_depth += 1;
                    }
                    stack.push(Stats::default());
                }
                Node::Text(t) => {
                    let (len, commas) = text_len_and_commas(t);
                    if let Some(top) = stack.last_mut() {
                        top.text += len;
                        top.commas += commas;
                        top.loose_text += len;
                        if link_depth > 0 {
                            top.link_text += len;
                            top.loose_link += len;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    let name = e.name();
                    if name == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    let mut s = stack.pop().unwrap_or_default();
                    own_counts(name, &mut s);
                    let block = is_block_tag(&e.name.local)
                        || s.has_block_child
                        || matches!(name, "td" | "th" | "body");
                    if block {
                        s.settle(matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
                    }
                    out.insert(n.id(), s);
                    if let Some(parent) = stack.last_mut() {
                        parent.add(&s);
                        if !block {
                            parent.loose_text += s.loose_text;
                            parent.loose_link += s.loose_link;
                        }
                        if is_block_tag(&e.name.local) {
                            parent.has_block_child = true;
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text_len_and_commas;

    /// The definition, one char at a time.
    fn reference(t: &str) -> (u32, u32) {
        let (mut len, mut commas, mut in_ws) = (0, 0, true);
        for c in t.chars() {
            if c.is_whitespace() {
                len += u32::from(!in_ws);
                in_ws = true;
            } else {
                len += 1;
                in_ws = false;
                commas += u32::from(matches!(c, ',' | '，' | '、'));
            }
        }
        (len, commas)
    }

    #[test]
    fn whitespace_runs_count_once_on_both_paths() {
        for t in [
            "",
            " ",
            "a",
            "  a  b\t\n c , d,,  ",
            "\n\n\n",
            "x\u{b}\u{c}y",
            "  héllo,  wörld \u{a0} 你好，世界、 ",
            "a\u{2003}\u{2003}b",
        ] {
            assert_eq!(text_len_and_commas(t), reference(t), "{t:?}");
        }
    }
}
