//! Plain text of the sanitised article, and the counts derived from it.

use crate::dom::Attribute;
use ego_tree::iter::Edge;
use html5ever::{local_name as ln, LocalName};
use scraper::node::Node;
use scraper::Html;

/// Elements after which text starts a new paragraph.
pub(crate) fn is_block(name: &LocalName) -> bool {
    // Atoms compare as integers: the walks ask this of every element.
    static BLOCK: [LocalName; 36] = [
        ln!("p"),
        ln!("div"),
        ln!("section"),
        ln!("article"),
        ln!("main"),
        ln!("header"),
        ln!("footer"),
        ln!("aside"),
        ln!("nav"),
        ln!("h1"),
        ln!("h2"),
        ln!("h3"),
        ln!("h4"),
        ln!("h5"),
        ln!("h6"),
        ln!("ul"),
        ln!("ol"),
        ln!("dl"),
        ln!("li"),
        ln!("dt"),
        ln!("dd"),
        ln!("pre"),
        ln!("blockquote"),
        ln!("figure"),
        ln!("figcaption"),
        ln!("table"),
        ln!("thead"),
        ln!("tbody"),
        ln!("tfoot"),
        ln!("tr"),
        ln!("caption"),
        ln!("hr"),
        ln!("address"),
        ln!("details"),
        ln!("summary"),
        ln!("math"),
    ];
    BLOCK.contains(name)
}

/// Elements whose items go on their own line without a blank line between them.
fn is_line(name: &str) -> bool {
    matches!(name, "li" | "tr" | "dt" | "dd")
}

/// Text with paragraphs separated by one blank line, `<br>` as a line break, `<pre>` verbatim
/// and table cells separated by tabs.
pub fn plain_text(fragment: &Html) -> String {
    let mut out = String::new();
    // Pending separator: 0 none, 1 space, 2 newline, 3 blank line.
    let mut sep = 0u8;
    let mut pre_depth = 0usize;
    // A subtree already written (math as its TeX source) is skipped until it closes.
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in fragment.tree.root().traverse() {
        if let Some(id) = skip {
            if let Edge::Close(n) = edge {
                if n.id() == id {
                    skip = None;
                }
            }
            continue;
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "br" {
                        sep = sep.max(2);
                    } else if name == "pre" {
                        pre_depth += 1;
                        sep = 3;
                    } else if name == "td" || name == "th" {
                        // Cells of one row are separated by a tab; the row break already
                        // pending before a first cell is kept.
                        if sep < 2 && !out.is_empty() {
                            trim_trailing_spaces(&mut out);
                            out.push('\t');
                            sep = 0;
                        }
                    } else if name == "math" {
                        if let Some(tex) = math_source(node) {
                            // A separate word, as in the Markdown (`$…$` between spaces).
                            flush(&mut out, sep.max(1));
                            out.push_str(&crate::dom::collapse_ws(&tex));
                            sep = 1;
                            skip = Some(node.id());
                        }
                    } else if name == "img" && sep == 0 {
                        sep = 1;
                    } else if is_line(name) {
                        sep = sep.max(2);
                    } else if is_block(&el.name.local) {
                        sep = 3;
                    }
                }
                Node::Text(t) => {
                    if pre_depth > 0 {
                        if t.is_empty() {
                            continue;
                        }
                        flush(&mut out, sep);
                        sep = 0;
                        out.push_str(t);
                        continue;
                    }
                    let mut words = words(t).peekable();
                    if words.peek().is_none() {
                        if !t.is_empty() && sep == 0 && !out.is_empty() {
                            sep = 1;
                        }
                        continue;
                    }
                    if t.starts_with(char::is_whitespace) && sep == 0 {
                        sep = 1;
                    }
                    flush(&mut out, sep);
                    let mut first = true;
                    for w in words {
                        if !first {
                            out.push(' ');
                        }
                        out.push_str(w);
                        first = false;
                    }
                    sep = if t.ends_with(char::is_whitespace) {
                        1
                    } else {
                        0
                    };
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                        sep = 3;
                    } else if is_line(name) {
                        sep = sep.max(2);
                    } else if is_block(&el.name.local) {
                        sep = 3;
                    }
                }
            }
        }
    }
    out.trim_end().to_string()
}

/// The source of a formula as the Markdown writer renders it: TeX from an annotation, else the
/// `alttext`; `None` when only the presentation tokens exist.
pub(crate) fn math_source(math: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    for n in math.descendants().take(10_000) {
        if let Node::Element(e) = n.value() {
            if e.name() == "annotation"
                && e.attribute("encoding")
                    .is_some_and(|enc| enc.contains("tex"))
            {
                let tex = crate::dom::raw_text(n).trim().to_string();
                if !tex.is_empty() {
                    return Some(tex);
                }
            }
        }
    }
    let alt = math.value().as_element()?.attribute("alttext")?;
    let alt = alt.trim();
    (!alt.is_empty()).then(|| alt.to_string())
}

fn flush(out: &mut String, sep: u8) {
    if out.is_empty() {
        return;
    }
    match sep {
        1 if !out.ends_with([' ', '\n', '\t']) => out.push(' '),
        2 => {
            trim_trailing_spaces(out);
            out.push('\n')
        }
        3 => {
            trim_trailing_spaces(out);
            while !out.ends_with("\n\n") {
                out.push('\n');
            }
        }
        _ => {}
    }
}

fn trim_trailing_spaces(out: &mut String) {
    while out.ends_with(' ') || out.ends_with('\t') {
        out.pop();
    }
}

/// The whitespace-separated words of `s`, exactly as `str::split_whitespace` yields them.
///
/// Splitting text into words runs over every text node several times per page (collapsing,
/// plain text, repeat keys). The standard splitter decodes each character and asks the Unicode
/// tables through a chain of iterator adaptors, which the size-optimised `.wasm` does not
/// inline; this one reads bytes, and recognises the few non-ASCII White_Space characters by
/// their UTF-8 encodings without decoding.
pub fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// Iterator of [`words`].
pub struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let mut i = self.pos;
        let mut start = None;
        while i < b.len() {
            let (space, len) = space_at(b, i);
            match (space, start) {
                (true, Some(st)) => {
                    self.pos = i + len;
                    return self.s.get(st..i);
                }
                (false, None) => start = Some(i),
                _ => {}
            }
            i += len;
        }
        self.pos = b.len();
        start.and_then(|st| self.s.get(st..))
    }
}

/// Position of `needle` (ASCII, lower case) in `hay` at or after `from`, ignoring ASCII case:
/// tag and class names as browsers compare them, without a lower-cased copy of the haystack.
pub(crate) fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut at = from;
    while let Some(i) = hay
        .get(at..)?
        .iter()
        .position(|b| b.eq_ignore_ascii_case(first))
    {
        let pos = at + i;
        if hay
            .get(pos..pos + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(pos);
        }
        at = pos + 1;
    }
    None
}

/// Whether the character starting at byte `i` of valid UTF-8 is Unicode White_Space (what
/// `char::is_whitespace` tests), and its length in bytes.
fn space_at(b: &[u8], i: usize) -> (bool, usize) {
    let Some(&lead) = b.get(i) else {
        return (false, 1);
    };
    if lead < 0x80 {
        return (matches!(lead, b'\t'..=b'\r' | b' '), 1);
    }
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match lead {
        // U+0085, U+00A0
        0xC2 => (matches!(at(1), 0x85 | 0xA0), 2),
        0xC3..=0xDF => (false, 2),
        // U+1680
        0xE1 => (at(1) == 0x9A && at(2) == 0x80, 3),
        // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 => (
            (at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                || (at(1) == 0x81 && at(2) == 0x9F),
            3,
        ),
        // U+3000
        0xE3 => (at(1) == 0x80 && at(2) == 0x80, 3),
        0xE0..=0xEF => (false, 3),
        _ => (false, 4),
    }
}

/// Is this character written without spaces between words (Chinese, Japanese, Korean)?
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Extension A
        | 0x4E00..=0x9FFF // CJK Unified Ideographs
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF)
}

/// Words, counting each CJK character as one word (they carry roughly a word's meaning and are
/// read at a per-character rate).
pub fn word_count(text: &str) -> usize {
    let (words, cjk) = count_words_and_cjk(text);
    words + cjk
}

/// Words (runs of letters and digits) and CJK characters. ASCII, most of most texts, takes a
/// byte path; other characters are decoded one by one.
fn count_words_and_cjk(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut cjk = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if b.is_ascii_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else if b.is_ascii_whitespace() || b == 0x0b {
                in_word = false;
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!in_word);
            in_word = true;
        } else if c.is_whitespace() {
            in_word = false;
        }
    }
    (words, cjk)
}

/// Minutes to read at 230 words a minute, or 500 characters a minute for CJK text; at least 1
/// for any non-empty text.
pub fn reading_minutes(text: &str) -> u32 {
    let (words, cjk) = count_words_and_cjk(text);
    if words + cjk == 0 {
        return 0;
    }
    let minutes = words as f64 / 230.0 + cjk as f64 / 500.0;
    (minutes.round() as u32).max(1)
}

/// A summary from the first substantial paragraph, cut at a word boundary near 300 characters.
pub fn first_paragraph_excerpt(text: &str) -> Option<String> {
    let para = text
        .split("\n\n")
        .map(str::trim)
        .find(|p| p.chars().count() >= 60)
        .or_else(|| text.split("\n\n").map(str::trim).find(|p| !p.is_empty()))?;
    let para = crate::dom::collapse_ws(para);
    if para.chars().count() <= 300 {
        return Some(para);
    }
    let mut cut: String = para.chars().take(300).collect();
    if let Some(i) = cut.rfind(' ') {
        cut.truncate(i);
    }
    cut.push('…');
    Some(cut)
}

/// Does the text read like an article? Readability.js's test, on our own paragraphs: each
/// paragraph of at least 140 characters adds the square root of its excess length, and 20
/// points make an article (one solid 540-character paragraph, or several shorter ones).
pub fn has_article_prose(text: &str) -> bool {
    let mut score = 0.0f64;
    for p in text.split("\n\n") {
        let len = p.trim().chars().count();
        if len >= 140 {
            score += ((len - 140) as f64).sqrt();
            if score > 20.0 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::words;

    /// Every character, between two words and doubled up, splits as the standard splitter
    /// splits it: the byte tests are exactly Unicode's White_Space.
    #[test]
    fn words_split_every_character_as_split_whitespace_does() {
        let mut s = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            s.clear();
            s.extend([c, 'a', c, c, 'é', c]);
            assert!(
                words(&s).eq(s.split_whitespace()),
                "U+{:04X}: {:?}",
                c as u32,
                words(&s).collect::<Vec<_>>()
            );
        }
        for s in [
            "",
            " ",
            "  a",
            "a  ",
            "\u{3000}x\u{2029}y\u{85}",
            "x\u{a0}\u{202f}\u{205f}",
        ] {
            assert!(words(s).eq(s.split_whitespace()), "{s:?}");
        }
    }
}
