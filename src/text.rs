//! Plain text of the sanitised article, and the counts derived from it.

use crate::dom::Attribute;
use ego_tree::iter::Edge;
use scraper::node::Node;
use scraper::Html;

/// Elements after which text starts a new paragraph.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "li"
            | "dt"
            | "dd"
            | "pre"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "math"
    )
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
                    } else if is_block(name) {
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
                    let mut words = t.split_whitespace().peekable();
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
                    } else if is_block(name) {
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
