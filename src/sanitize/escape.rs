//! Escaping for the HTML the core writes. One pass per string, so output time stays linear
//! whatever the text holds (html5ever's serializer rescans a text node after every `&`).

/// Text content: after this, no character of `s` can start or end markup.
pub(crate) fn text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '\u{a0}']) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or('&');
        out.push_str(match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            _ => "&nbsp;",
        });
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// A double-quoted attribute value. `<` and `>` are escaped too, so no serialised value can
/// look like a tag to a parser that mis-tracks quotes.
pub(crate) fn attr(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '"', '<', '>']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'<' => "&lt;",
            _ => "&gt;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}
