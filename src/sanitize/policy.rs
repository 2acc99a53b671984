//! What may leave the core: the allow-list of elements, attributes and URL schemes.
//!
//! Everything not named here is either unwrapped (its text stays, the element goes) or, for
//! the elements in [`DROP_WITH_CONTENT`], removed with everything inside it.

/// HTML elements written as they are (in the HTML namespace only).
pub(crate) const TAGS: &[&str] = &[
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

/// Elements removed together with their content: their text is code, styling, a fallback for
/// something we do not show, or (for `svg`) a whole foreign document. Elements of any
/// namespace other than HTML and MathML are dropped the same way.
pub(crate) const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "applet",
    "svg",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "frameset",
    "head",
];

/// Attributes allowed on every allowed element.
const GENERIC_ATTRS: &[&str] = &["id", "dir", "lang"];

/// Attribute values longer than this are dropped: no meaningful `href`, `alt` or `title` is.
pub(crate) const MAX_ATTR: usize = 64 * 1024;

/// Whether `attr` may stay on `tag` with this value. Only attributes without a namespace are
/// ever asked about (`xlink:href` is not `href`).
pub(crate) fn keep_attr(tag: &str, attr: &str, value: &str) -> bool {
    if value.len() > MAX_ATTR {
        return false;
    }
    if GENERIC_ATTRS.contains(&attr) {
        return true;
    }
    match (tag, attr) {
        ("a", "href") | ("img", "src") => safe_url(value),
        ("code", "class") => code_class(value),
        ("a", "title")
        | ("img", "alt" | "title" | "width" | "height")
        | ("td", "colspan" | "rowspan")
        | ("th", "colspan" | "rowspan" | "scope")
        | ("ol", "start" | "reversed")
        | ("li", "value")
        | ("time", "datetime")
        | ("abbr", "title")
        | ("math", "display" | "alttext")
        | ("annotation", "encoding")
        | ("mi" | "mn" | "mo" | "mtext" | "mstyle", "mathvariant") => true,
        _ => false,
    }
}

/// Attributes every kept element of this kind gets, after its own: links open without telling
/// the target who sent the reader, images load lazily without a referrer.
pub(crate) fn added_attrs(tag: &str) -> &'static [(&'static str, &'static str)] {
    match tag {
        "a" => &[("rel", "noopener noreferrer")],
        "img" => &[("referrerpolicy", "no-referrer"), ("loading", "lazy")],
        _ => &[],
    }
}

/// A code block's only class is its language, in a safe spelling.
fn code_class(value: &str) -> bool {
    value.strip_prefix("language-").is_some_and(|lang| {
        !lang.is_empty()
            && lang.len() <= 24
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-' | '_' | '.'))
    })
}

/// Relative URLs are already resolved by the content phase; what may remain relative is an
/// in-page anchor (`#fn1`), which footnotes need. Anything else must parse, as a browser
/// would parse it, to an absolute URL of an allowed scheme: no `javascript:`, `vbscript:` or
/// `data:`, whatever their spelling. (A check for a `:` let relative paths such as
/// `/wiki/File:X.jpg` through, found by fuzzing.) Only what a browser's URL parser strips
/// before an anchor counts as leading space: C0 controls and U+0020, not U+00A0 (`&nbsp;#x`
/// is a relative path, also found by fuzzing).
fn safe_url(value: &str) -> bool {
    value
        .trim_start_matches(|c: char| c <= ' ')
        .starts_with('#')
        || crate::weburl::parse(value)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https" | "mailto" | "tel"))
}
