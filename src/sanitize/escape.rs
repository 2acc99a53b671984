//! Escaping, and the pieces of markup built on it, for the HTML the core writes. One pass per string, so output time stays linear
//! whatever the text holds (html5ever's serializer rescans a text node after every `&`).

/// Text content: after this, no character of `s` can start or end markup. U+00A0 is written
/// as `&nbsp;` so a no-break space survives editors that trim whitespace.
///
/// Scans bytes: the four characters are `&`, `<`, `>` (ASCII) and U+00A0 (`C2 A0` in UTF-8),
/// and a byte search over text that is mostly plain is several times faster than a search for
/// a set of chars.
pub(crate) fn text(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (rep, width) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            // A parser turns a raw CR into LF; only a reference keeps it as the tree has it.
            b'\r' => ("&#13;", 1),
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(from..i).unwrap_or(""));
        out.push_str(rep);
        i += width;
        from = i;
    }
    out.push_str(s.get(from..).unwrap_or(""));
}

/// A double-quoted attribute value. `<` and `>` are escaped too, so no serialised value can
/// look like a tag to a parser that mis-tracks quotes.
pub(crate) fn attr(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '"', '<', '>', '\r']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'<' => "&lt;",
            b'\r' => "&#13;",
            _ => "&gt;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// ` name="value"`, the value escaped: one attribute of a start tag.
pub(crate) fn attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    attr(out, value);
    out.push('"');
}

/// `</tag>`, except for void elements, which have no end tag.
pub(crate) fn end_tag(out: &mut String, tag: &str) {
    if !matches!(tag, "br" | "hr" | "img" | "wbr") {
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_and_attributes_escape_exactly_their_characters() {
        let mut out = String::new();
        super::text(&mut out, "a&b<c>d\u{a0}e\u{c2}\u{a1}é\"'\r");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&nbsp;e\u{c2}\u{a1}é\"'&#13;");
        let mut out = String::new();
        super::attr(&mut out, "a&b<c>d\"e\u{a0}'\r");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e\u{a0}'&#13;");
    }
}
