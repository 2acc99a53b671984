//! Parsing a page the way a reader mode needs it.
//!
//! html5ever parses with scripting *disabled*, so `<noscript>` content becomes elements rather
//! than one opaque text node: server-rendered pages of script-driven sites (forums, shops) keep
//! their real content there, and lazy-loading images keep their real `<img>` there. Whether that
//! content is used is decided later, in `content::prune`. The parser's work is bounded by
//! `budget` steps (see [`crate::limits`]).
//!
//! Reading `<noscript>` as markup has one trap a browser (which runs scripts, and so reads it
//! as text up to `</noscript>`) never falls into: an element whose content is raw text, opened
//! inside and never closed, takes the rest of the page as its text. Tag managers' snippets
//! written as JSX, `<noscript><iframe src="…" /></noscript>`, do exactly that (HTML ignores
//! the self-closing slash on an `iframe`), and the article vanished into an invisible iframe.
//! Such a page is parsed again with the element closed where the browser's `</noscript>` is.

use crate::text::find_ascii_ci as find_ci;
use scraper::{Html, Node};

/// Elements whose content the tokenizer reads as text up to their own end tag, and that a
/// page has no reason to leave open. (`script` and `style` are left out: their text holds
/// markup in strings, where a scan for tags would misread it.)
const RAW_TEXT: [&str; 6] = ["iframe", "noembed", "noframes", "xmp", "textarea", "title"];

/// The parsed page, or the number of parser steps taken when `budget` ran out.
pub fn parse_document(html: &str, budget: u64) -> Result<Html, u64> {
    let (doc, used) = crate::limits::parse_document_counted(html, budget);
    let doc = doc?;
    if !swallowed_by_noscript(&doc) {
        return Ok(doc);
    }
    let Some(mended) = close_raw_text_in_noscript(html) else {
        return Ok(doc);
    };
    // The second reading shares the page's budget; past it, the first reading stands.
    Ok(crate::limits::parse_document_bounded(&mended, budget.saturating_sub(used)).unwrap_or(doc))
}

/// Whether a raw-text element holds a `</noscript>` end tag as text, and so the page after
/// it: wherever the parser put the element (a noscript in `<head>` is closed by an `iframe`,
/// which then opens the body). One look at each such element: a handful on most pages.
fn swallowed_by_noscript(doc: &Html) -> bool {
    doc.tree.nodes().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| RAW_TEXT.contains(&&*e.name.local))
            && n.children().any(|t| match t.value() {
                Node::Text(t) => find_ci(t.as_bytes(), 0, b"</noscript").is_some(),
                _ => false,
            })
    })
}

/// `html` with an end tag inserted before each `</noscript>` whose noscript opens a raw-text
/// element and leaves it open; `None` when there is none. Should the scan misread a noscript
/// (one inside a comment or a script's string), the inserted end tag is ignored by the tree
/// builder in markup, and inside a script or style it is text: only `</script>` or
/// `</style>` could end those, and neither is inserted.
fn close_raw_text_in_noscript(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(open) = find_ci(bytes, at, b"<noscript") {
        let name_end = open + "<noscript".len();
        at = name_end;
        if !names_tag(bytes, open + 1, "noscript") {
            continue;
        }
        let Some(gt) = bytes.get(name_end..)?.iter().position(|&b| b == b'>') else {
            break;
        };
        let start = name_end + gt + 1;
        let Some(close) = find_ci(bytes, start, b"</noscript") else {
            break;
        };
        if let Some(tag) = unclosed_raw_text(bytes.get(start..close)?) {
            out.push_str(html.get(copied..close)?);
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
            copied = close;
        }
        at = close + "</noscript".len();
    }
    if copied == 0 {
        return None;
    }
    out.push_str(html.get(copied..)?);
    Some(out)
}

/// The first raw-text element opened in `region` and not closed in it.
fn unclosed_raw_text(region: &[u8]) -> Option<&'static str> {
    let mut at = 0;
    while let Some(lt) = region.get(at..)?.iter().position(|&b| b == b'<') {
        let tag_at = at + lt + 1;
        at = tag_at;
        let Some(tag) = RAW_TEXT.iter().find(|t| names_tag(region, tag_at, t)) else {
            continue;
        };
        match find_end_tag(region, tag_at, tag) {
            Some(after) => at = after,
            None => return Some(tag),
        }
    }
    None
}

/// Just past the first `</tag` in `hay` at or after `from`, ignoring ASCII case.
fn find_end_tag(hay: &[u8], from: usize, tag: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let name = find_ci(hay, at, b"</")? + 2;
        // `</iframe>` or `</iframe ` ends the element; `</iframex` does not.
        if names_tag(hay, name, tag) {
            return Some(name + tag.len());
        }
        at = name;
    }
}

/// Whether the tag name at `at` in `hay` is `tag`, in any case: the name followed by what the
/// tokenizer ends a tag name with (`>`, `/`, whitespace), so `iframex` is not `iframe`.
fn names_tag(hay: &[u8], at: usize, tag: &str) -> bool {
    let end = at + tag.len();
    hay.get(at..end)
        .is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes()))
        && hay
            .get(end)
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_text(html: &str) -> String {
        let doc = parse_document(html, u64::MAX).expect("parses");
        let body = crate::dom::attached_elements(&doc)
            .find(|e| e.value().name() == "body")
            .expect("a body");
        crate::dom::collapsed_text(*body)
    }

    /// The page after a tag manager's JSX noscript stays the page.
    #[test]
    fn an_open_iframe_in_noscript_does_not_take_the_page() {
        let page = r#"<html><head></head><body><noscript><iframe src="https://tags.example/ns.html" height="0" width="0" /></noscript><main><h1>Headline</h1><p>The story.</p></main><noscript><IMG src="a.png"><style>p{}</style></noscript><p>After.</p></body></html>"#;
        let text = body_text(page);
        assert!(
            text.contains("Headline") && text.contains("The story."),
            "{text}"
        );
        assert!(text.contains("After."), "{text}");
        // The noscript's markup is still read as markup.
        let doc = parse_document(page, u64::MAX).expect("parses");
        assert!(crate::dom::attached_elements(&doc).any(|e| e.value().name() == "img"));
    }

    #[test]
    fn pages_without_the_trap_are_left_alone() {
        for page in [
            "<noscript><iframe src=x></iframe></noscript><p>A</p>",
            "<noscript><style>p{}</style><img src=y></noscript><p>A</p>",
            "<p>A</p><noscript>",
            "<noscriptx><iframe></noscriptx><p>A</p>",
        ] {
            assert_eq!(close_raw_text_in_noscript(page), None, "{page}");
        }
        assert_eq!(
            close_raw_text_in_noscript("<NOSCRIPT><Title>x</NOSCRIPT>").as_deref(),
            Some("<NOSCRIPT><Title>x</title></NOSCRIPT>")
        );
        // `</iframex` does not end an iframe; a script's text is not scanned for tags.
        assert!(close_raw_text_in_noscript("<noscript><iframe></iframex></noscript>").is_some());
        assert_eq!(
            close_raw_text_in_noscript("<noscript><script>x</noscript>"),
            None
        );
    }

    /// Wherever the parser puts the open element: a noscript in `<head>` is closed by the
    /// iframe, which opens the body and takes the page; one nested in a `div` likewise.
    #[test]
    fn the_trap_is_found_wherever_the_iframe_lands() {
        for page in [
            r#"<html><head><noscript><iframe src="t" /></noscript><title>T</title></head><body><p>The story.</p></body></html>"#,
            r#"<html><body><noscript><div><iframe src="t" /></div></noscript><p>The story.</p></body></html>"#,
        ] {
            let text = body_text(page);
            assert!(text.contains("The story."), "{page}: {text}");
        }
    }

    /// The second reading shares the first one's budget: when too little is left, the first
    /// reading is returned rather than an error for a page that parsed.
    #[test]
    fn the_repair_stays_within_the_budget() {
        let page =
            r#"<html><body><noscript><iframe src="t" /></noscript><p>The story.</p></body></html>"#;
        let (first, used) = crate::limits::parse_document_counted(page, u64::MAX);
        assert!(first.is_ok());
        let doc = parse_document(page, used + 1).expect("the first reading stands");
        assert!(swallowed_by_noscript(&doc));
    }
}
