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

const MATHML_TAGS: &[&str] = &[
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
        // Relative URLs may only be in-page anchors.
        ("a", "href") | ("img", "src") => {
            let v = value.trim();
            let absolute = v.contains(':') || v.starts_with('#');
            absolute.then(|| value.into())
        }
        _ => Some(value.into()),
    });
    b
}

/// Sanitise article HTML with the allow-list above. The builder is made once per process:
/// its sets and maps cost more than cleaning a short article.
pub fn clean_html(html: &str, _base: Option<&Url>) -> String {
    static BUILDER: std::sync::OnceLock<Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(builder).clean(html).to_string()
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
    fn code_language_and_math_are_kept() {
        let html =
            r#"<pre><code class="language-rust">fn main() {}</code></pre><math><mi>x</mi></math>"#;
        let clean = clean_html(html, None);
        assert!(clean.contains(r#"class="language-rust""#), "{clean}");
        assert!(clean.contains("<math><mi>x</mi></math>"), "{clean}");
    }
}
