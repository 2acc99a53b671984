//! The allow-list sanitiser in front of every `content_html`, built on `ammonia`.
//!
//! The content phase already writes a small vocabulary, so this is defence in depth: whatever
//! the extractor lets through by mistake, nothing executable leaves the core. Defaults, all
//! deliberate:
//! - elements: text structure, tables, figures, images, links, code, MathML — no `script`,
//!   `style`, `iframe`, `object`, `form`, `svg`, `base`, `meta`;
//! - attributes: only those that carry meaning (`href`, `src`, `alt`, `colspan`, …) — no
//!   event handlers, no `style`, no `srcdoc`, no `ping`, no `formaction`;
//! - URLs: `http`, `https`, `mailto`, `tel` and in-page `#anchors` — no `javascript:`,
//!   `vbscript:` or `data:`, whatever their spelling;
//! - links get `rel="noopener noreferrer"`, images `referrerpolicy="no-referrer"` and
//!   `loading="lazy"`, so showing the article tells no third party who reads it.

use std::collections::{HashMap, HashSet};

use ammonia::Builder;
use url::Url;

const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "code",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    "a",
    "em",
    "strong",
    "u",
    "del",
    "mark",
    "sub",
    "sup",
    "small",
    "abbr",
    "q",
    "kbd",
    "samp",
    "time",
    "br",
    "hr",
    "wbr",
    "details",
    "summary",
    "div",
];

/// MathML elements allowed inside `<math>`; the content writer emits exactly these.
pub(crate) const MATHML_TAGS: &[&str] = &[
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "mrow",
    "mfrac",
    "msqrt",
    "mroot",
    "mstyle",
    "merror",
    "mpadded",
    "mphantom",
    "mfenced",
    "menclose",
    "msub",
    "msup",
    "msubsup",
    "munder",
    "mover",
    "munderover",
    "mmultiscripts",
    "mprescripts",
    "none",
    "mtable",
    "mtr",
    "mtd",
    "mlabeledtr",
    "semantics",
    "annotation",
];

fn builder() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().chain(MATHML_TAGS).copied().collect());
    b.clean_content_tags(
        [
            "script", "style", "template", "noscript", "iframe", "object", "svg", "textarea",
            "title",
        ]
        .into(),
    );
    b.generic_attributes(["id", "dir", "lang"].into());
    let mut attrs: HashMap<&str, HashSet<&str>> = HashMap::new();
    attrs.insert("a", ["href", "title"].into());
    attrs.insert("img", ["src", "alt", "title", "width", "height"].into());
    attrs.insert("td", ["colspan", "rowspan"].into());
    attrs.insert("th", ["colspan", "rowspan", "scope"].into());
    attrs.insert("ol", ["start", "reversed"].into());
    attrs.insert("li", ["value"].into());
    attrs.insert("time", ["datetime"].into());
    attrs.insert("abbr", ["title"].into());
    attrs.insert("code", ["class"].into());
    attrs.insert("math", ["display", "alttext"].into());
    attrs.insert("annotation", ["encoding"].into());
    for t in ["mi", "mn", "mo", "mtext", "mstyle"] {
        attrs.insert(t, ["mathvariant"].into());
    }
    b.tag_attributes(attrs);
    b.url_schemes(["http", "https", "mailto", "tel"].into());
    // Relative URLs are already resolved by the content phase; what remains relative is an
    // in-page anchor (`#fn1`), which footnotes need.
    b.url_relative(ammonia::UrlRelative::PassThrough);
    b.link_rel(Some("noopener noreferrer"));
    b.strip_comments(true);
    b.set_tag_attribute_value("img", "referrerpolicy", "no-referrer");
    b.set_tag_attribute_value("img", "loading", "lazy");
    b.attribute_filter(|element, attribute, value| match (element, attribute) {
        // A code block's only class is its language, in a safe spelling.
        ("code", "class") => {
            let lang = value.strip_prefix("language-")?;
            let ok = !lang.is_empty()
                && lang.len() <= 24
                && lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_' | '.'));
            ok.then(|| value.into())
        }
        // Relative URLs may only be in-page anchors; anything else must parse, as a browser
        // would parse it, to an absolute URL of an allowed scheme. (A check for a `:` let
        // relative paths such as `/wiki/File:X.jpg` through, found by fuzzing.) Only what a
        // browser's URL parser strips before an anchor counts as leading space: C0 controls
        // and U+0020, not U+00A0 (`&nbsp;#x` is a relative path, also found by fuzzing).
        ("a", "href") | ("img", "src") => {
            let ok = value
                .trim_start_matches(|c: char| c <= ' ')
                .starts_with('#')
                || Url::parse(value)
                    .is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "mailto" | "tel"));
            ok.then(|| value.into())
        }
        _ => Some(value.into()),
    });
    b
}

/// Sanitise article HTML with the allow-list above. The builder is made once per process:
/// its sets and maps cost more than cleaning a short article.
pub fn clean_html(html: &str, _base: Option<&Url>) -> String {
    static BUILDER: std::sync::OnceLock<Builder<'static>> = std::sync::OnceLock::new();
    let builder = BUILDER.get_or_init(builder);
    if has_long_run(html) {
        builder.clean(&split_long_runs(html)).to_string()
    } else {
        builder.clean(html).to_string()
    }
}

/// Text longer than this (bytes without a `<`) is cut into pieces before ammonia sees it.
const MAX_RUN: usize = 8 * 1024;
/// Attribute values longer than this are dropped: no meaningful `href`, `alt` or `title` is.
const MAX_ATTR: usize = 64 * 1024;

/// html5ever's serializer (0.40), which ammonia uses for its output, escapes a text node by
/// searching the whole rest of the node for `<`/`>` again after every `&` or U+0080–U+00BF
/// character: a single text node of N bytes full of `&` costs N² (an 8 MB paragraph of
/// `&amp;`: about a minute). Real text nodes are short; one this long exists only where the
/// source has a run of `MAX_RUN` bytes without a `<`, which this finds in one pass.
fn has_long_run(html: &str) -> bool {
    html.split('<').any(|run| run.len() > MAX_RUN)
}

/// The same fragment with every long text node cut into pieces of at most `MAX_RUN` bytes,
/// separated by empty comments (which every insertion mode keeps as nodes, so the pieces are
/// not merged again when ammonia parses this, and which ammonia then strips, leaving the
/// pieces as separate nodes that serialise to exactly the original text), and without
/// attribute values over `MAX_ATTR` bytes. Text inside raw-text elements is left alone: a
/// comment there would be read back as text.
fn split_long_runs(html: &str) -> String {
    use scraper::node::{Comment, Node, Text};

    const RAW_TEXT: &[&str] = &[
        "script",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
        "textarea",
        "title",
    ];
    let mut frag = crate::limits::parse_fragment(html);
    let mut long_texts = Vec::new();
    let mut big_attrs = Vec::new();
    for node in frag.tree.nodes() {
        match node.value() {
            Node::Text(t) if t.len() > MAX_RUN => {
                let raw = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name().to_string()))
                    .is_some_and(|name| RAW_TEXT.contains(&name.as_str()));
                if !raw {
                    long_texts.push(node.id());
                }
            }
            Node::Element(e) if e.attrs.iter().any(|(_, v)| v.len() > MAX_ATTR) => {
                big_attrs.push(node.id());
            }
            _ => {}
        }
    }
    for id in big_attrs {
        if let Some(mut node) = frag.tree.get_mut(id) {
            if let Node::Element(e) = node.value() {
                e.attrs.retain(|(_, v)| v.len() <= MAX_ATTR);
            }
        }
    }
    for id in long_texts {
        let Some(mut node) = frag.tree.get_mut(id) else {
            continue;
        };
        let text = match node.value() {
            Node::Text(t) => std::mem::take(&mut t.text),
            _ => continue,
        };
        let mut pieces = Vec::new();
        let mut rest: &str = &text;
        while !rest.is_empty() {
            let mut end = rest.len().min(MAX_RUN);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            pieces.push(&rest[..end]);
            rest = &rest[end..];
        }
        if let Node::Text(t) = node.value() {
            t.text = pieces[0].into();
        }
        // Insert after this node, last piece first, so the order comes out right.
        for piece in pieces[1..].iter().rev() {
            node.insert_after(Node::Text(Text {
                text: (*piece).into(),
            }));
            node.insert_after(Node::Comment(Comment { comment: "".into() }));
        }
    }
    frag.root_element().inner_html()
}

#[cfg(test)]
mod tests {
    use super::clean_html;

    #[test]
    fn nothing_executable_survives() {
        let dirty = r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a>
            <a href=" JaVaScRiPt:alert(1)">c</a><img src="data:image/svg+xml,<svg onload=alert(1)>" onerror="x">
            <iframe srcdoc="<script>alert(1)</script>"></iframe><svg><script>alert(1)</script></svg>
            <math><mi xlink:href="javascript:alert(1)">x</mi></math><a href="https://ok.example/" ping="https://t/">d</a></p>"#;
        let clean = clean_html(dirty, None);
        let lower = clean.to_lowercase();
        for bad in [
            "script",
            "javascript",
            "onclick",
            "onerror",
            "onload",
            "srcdoc",
            "iframe",
            "data:",
            "ping",
            "xlink",
        ] {
            assert!(!lower.contains(bad), "{bad} survived in {clean}");
        }
        for text in ["a", "b", "c", "d", "x"] {
            assert!(clean.contains(text));
        }
    }

    #[test]
    fn relative_urls_other_than_anchors_are_dropped() {
        // fuzz/artifacts/sanitize/crash-bbae5fe2…: a relative path with a colon survived.
        let clean = clean_html(
            r#"<a href="/wiki/File:Apparatus.jpg">a</a><img src="x/y:z.png" alt="i"><a href="\x01javascript:1">b</a><a href="a b:c">c</a><a href=" #fn1">d</a><a href="HTTPS://ok.example/a:b">e</a>"#,
            None,
        );
        assert_eq!(clean.matches("href=").count(), 2, "{clean}");
        assert!(clean.contains(r##"href=" #fn1""##), "{clean}");
        assert!(clean.contains("HTTPS://ok.example/a:b"), "{clean}");
        assert!(!clean.contains("src="), "{clean}");
    }

    #[test]
    fn a_no_break_space_before_an_anchor_makes_a_relative_path() {
        // crash-8101f6a4… (fuzz campaign, 6.8M executions): `href="&nbsp;#se"` survived as
        // an anchor, while a browser reads it as the relative path `%C2%A0#se`.
        let clean = clean_html("<a hrEf= &nbsp#se\">nrc</a><a href='\t#ok'>ok</a>", None);
        assert_eq!(clean.matches("href=").count(), 1, "{clean}");
        assert!(clean.contains("nrc") && clean.contains("#ok"), "{clean}");
    }

    #[test]
    fn long_text_is_cut_for_the_serializer_and_comes_out_whole() {
        let text = "&amp;\u{b0} ".repeat(40_000);
        let html = format!(
            "<p>{text}</p><pre>{text}</pre><p title='{}'>t</p>",
            "&amp;".repeat(70_000)
        );
        assert!(super::has_long_run(&html));
        let clean = clean_html(&html, None);
        let direct = super::builder().clean(&html).to_string();
        // Identical except the oversized attribute, which is dropped.
        assert_eq!(
            clean,
            direct.replace(&format!(" title=\"{}\"", "&amp;".repeat(70_000)), "")
        );
        assert!(
            clean.starts_with("<p>&amp;\u{b0} &amp;"),
            "{}",
            &clean[..40]
        );
    }

    #[test]
    fn code_language_and_math_are_kept() {
        let html =
            r#"<pre><code class="language-rust">fn main() {}</code></pre><math><mi>x</mi></math>"#;
        let clean = clean_html(html, None);
        assert!(clean.contains(r#"class="language-rust""#), "{clean}");
        assert!(clean.contains("<math><mi>x</mi></math>"), "{clean}");
    }
}
