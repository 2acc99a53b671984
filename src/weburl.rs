//! URL parsing for the whole crate: `url`'s WHATWG parser, with a host name written in Unicode
//! mapped to its ASCII (Punycode) form first.
//!
//! Why a wrapper: full IDNA processing (UTS #46) in `url` brings ICU4X's normalisation and
//! property tables, about 53 KB of the gzipped `.wasm` — an eighth of the extension's core —
//! for host names written in Unicode, which pages seldom contain (the extension passes
//! `location.href`, which the browser already gives in Punycode). `Cargo.toml` therefore pins
//! `idna_adapter` to its table-free 1.0 line, with which `url` refuses non-ASCII host names,
//! and this module does the part of the mapping that real host names need: full-width forms
//! and ideographic full stops to ASCII, lower case, each non-ASCII label to `xn--` Punycode
//! (the encoder is `idna`'s own, which needs no tables). So `https://Пример.рф/` still becomes
//! `https://xn--e1afmkfd.xn--p1ai/`, as in a browser.
//!
//! Left out, knowingly: Unicode normalisation (NFC) and UTS #46's validity checks. A host name
//! that only those would change or reject comes out as a different ASCII name; it is still
//! just a name, so nothing unsafe can result, only a link that does not resolve.

use std::borrow::Cow;

use url::{ParseError, Url};

/// An absolute URL.
pub fn parse(input: &str) -> Result<Url, ParseError> {
    Url::parse(&ascii_host(input, None))
}

/// `href` resolved against `base`, as a browser resolves a link on the page.
pub fn join(base: &Url, href: &str) -> Result<Url, ParseError> {
    base.join(&ascii_host(href, Some(base.scheme())))
}

/// `href` resolved against the page's `base` when there is one, else read as absolute.
pub fn resolve(base: Option<&Url>, href: &str) -> Result<Url, ParseError> {
    match base {
        Some(b) => join(b, href),
        None => parse(href),
    }
}

/// `input` with its host name in lower-case ASCII; borrowed unchanged when it is already
/// plain (every ASCII input without a `%` takes this path after one scan). Percent escapes in
/// a host are decoded first, as `url` decodes them, so `b%C3%BCcher` is mapped like `bücher`.
/// Every host mapped here comes out in lower case: on its slow path `url` with the table-free
/// adapter expects no upper case (a debug assertion, which fuzzing reached with `https:2@oA…`).
pub fn ascii_host<'a>(input: &'a str, base_scheme: Option<&str>) -> Cow<'a, str> {
    if input.is_ascii() && !input.contains('%') {
        return Cow::Borrowed(input);
    }
    // The URL parser drops tabs and line breaks anywhere before reading the URL; so must the
    // search for its host (`http:\n/host` has one).
    if input.contains(['\t', '\n', '\r']) {
        let input = input.replace(['\t', '\n', '\r'], "");
        return Cow::Owned(map_host(&input, base_scheme).into_owned());
    }
    map_host(input, base_scheme)
}

fn map_host<'a>(input: &'a str, base_scheme: Option<&str>) -> Cow<'a, str> {
    let Some((start, end)) = host_span(input, base_scheme) else {
        return Cow::Borrowed(input);
    };
    let host = &input[start..end];
    if host.is_ascii() && !host.contains('%') {
        return Cow::Borrowed(input);
    }
    let ascii = to_ascii(&decode_host(host));
    Cow::Owned(format!("{}{ascii}{}", &input[..start], &input[end..]))
}

/// Schemes whose URLs always have a host, even when no slash follows the colon.
fn is_special(scheme: &str) -> bool {
    ["http", "https", "ws", "wss", "ftp"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
}

/// Byte range of the host in a URL or a scheme-relative reference (`//host/path`), or `None`
/// when the input has no authority. Follows the WHATWG reading where it matters here: leading
/// C0 controls and spaces are ignored, `\` counts as `/`, user info ends at the last `@`, and
/// `https:host` names a host — except against an `https:` page, where it is a relative path.
fn host_span(input: &str, base_scheme: Option<&str>) -> Option<(usize, usize)> {
    let lead = input.len() - input.trim_start_matches(|c: char| c <= ' ').len();
    let rest = &input[lead..];
    let scheme = scheme_len(rest).map(|n| &rest[..n]);
    let after_scheme = scheme.map_or(0, |s| s.len() + 1);
    let tail = &rest[after_scheme..];
    let slashes = tail.len() - tail.trim_start_matches(['/', '\\']).len();
    let opens_authority = match scheme {
        // A scheme-relative reference: against an http(s) page any run of two or more
        // slashes or backslashes opens the authority (`\\\host`), elsewhere exactly `//`.
        None => slashes == 2 || (slashes > 2 && base_scheme.is_some_and(is_special)),
        Some(s) if is_special(s) => {
            slashes > 0 || base_scheme.is_none_or(|b| !b.eq_ignore_ascii_case(s))
        }
        // After any other scheme, a run of slashes opens the authority (`x:\\host`).
        Some(_) => slashes > 0,
    };
    if !opens_authority {
        return None;
    }
    let auth_start = lead + after_scheme + slashes;
    let auth_len = input[auth_start..]
        .find(['/', '\\', '?', '#'])
        .unwrap_or(input.len() - auth_start);
    let auth = &input[auth_start..auth_start + auth_len];
    let host_start = auth_start + auth.rfind('@').map_or(0, |i| i + 1);
    let host = &input[host_start..auth_start + auth_len];
    let host_len = match host.rfind(':') {
        Some(i) if host[i + 1..].bytes().all(|b| b.is_ascii_digit()) => i,
        _ => host.len(),
    };
    Some((host_start, host_start + host_len))
}

/// Length of a leading URL scheme (`https`, `git+ssh`), without its colon.
fn scheme_len(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(colon)
}

/// The host with the percent escapes of letters, digits, `-`, `.` and non-ASCII bytes decoded
/// (invalid UTF-8 read as U+FFFD, as `url` does). Escapes of other characters stay, so a
/// decoded `/` or `@` cannot move where the host ends; `url` decodes them and refuses the name.
fn decode_host(host: &str) -> String {
    let b = host.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let pair = (
                b.get(i + 1).and_then(|c| hex(*c)),
                b.get(i + 2).and_then(|c| hex(*c)),
            );
            if let (Some(h), Some(l)) = pair {
                let v = (h * 16 + l) as u8;
                if v >= 0x80 || v.is_ascii_alphanumeric() || v == b'-' || v == b'.' {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// IDNA's ToASCII for the host names pages actually write. A label Punycode cannot encode
/// (over its length limit) stays as it is, in lower case, for `url` to refuse.
fn to_ascii(host: &str) -> String {
    let mut mapped = String::with_capacity(host.len());
    for c in host.chars() {
        let c = match c {
            // Ideographic and full-width full stops separate labels, as `.` does.
            '\u{3002}' | '\u{ff0e}' | '\u{ff61}' => '.',
            // Full-width ASCII forms (`ｅｘａｍｐｌｅ`) are their ASCII letters and digits.
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            // Soft hyphen and zero-width joiners are removed by IDNA's mapping.
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => continue,
            c => c,
        };
        mapped.extend(c.to_lowercase());
    }
    let mut out = String::with_capacity(mapped.len() + 8);
    for (i, label) in mapped.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        match idna::punycode::encode_str(label) {
            Some(p) if !label.is_ascii() => {
                out.push_str("xn--");
                out.push_str(&p);
            }
            _ => out.push_str(label),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse(s)
            .map(|u| u.to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn unicode_hosts_become_punycode() {
        assert_eq!(p("https://пример.рф/"), "https://xn--e1afmkfd.xn--p1ai/");
        assert_eq!(p("https://Пример.РФ/"), "https://xn--e1afmkfd.xn--p1ai/");
        assert_eq!(
            p("http://bücher.example/a?b#c"),
            "http://xn--bcher-kva.example/a?b#c"
        );
        assert_eq!(p("https://例え.テスト/"), "https://xn--r8jz45g.xn--zckzah/");
        assert_eq!(
            p("https://mañana.com:8080/x"),
            "https://xn--maana-pta.com:8080/x"
        );
        assert_eq!(
            p("https://user:pw@bücher.example/"),
            "https://user:pw@xn--bcher-kva.example/"
        );
        assert_eq!(p("https://ｅｘａｍｐｌｅ．com/"), "https://example.com/");
        assert_eq!(p("https://пример。рф/"), "https://xn--e1afmkfd.xn--p1ai/");
        assert_eq!(
            p("  https://bücher.example"),
            "https://xn--bcher-kva.example/"
        );
    }

    #[test]
    fn only_the_host_changes() {
        assert_eq!(
            p("https://example.com/путь?q=ü#ä"),
            "https://example.com/%D0%BF%D1%83%D1%82%D1%8C?q=%C3%BC#%C3%A4"
        );
        assert_eq!(
            p("https://xn--bcher-kva.example/"),
            "https://xn--bcher-kva.example/"
        );
        for plain in [
            "https://example.com/ü",
            "/wiki/Ü:x",
            "mailto:ü@example.com",
            "https://x.org/%C3%BC",
        ] {
            assert!(
                matches!(ascii_host(plain, None), Cow::Borrowed(_)),
                "{plain}"
            );
        }
        assert_eq!(
            p("https://b%C3%BCcher.example/"),
            "https://xn--bcher-kva.example/"
        );
        assert_eq!(
            p("https:B%C3%BCcher.example"),
            "https://xn--bcher-kva.example/"
        );
        assert!(
            parse("https://a%2Fb.example/").is_err(),
            "a decoded slash stays in the host"
        );
    }

    #[test]
    fn relative_references() {
        let base = parse("https://example.org/a/b").unwrap();
        let j = |h: &str| join(&base, h).map(|u| u.to_string()).unwrap_or_default();
        assert_eq!(j("//bücher.example/x"), "https://xn--bcher-kva.example/x");
        assert_eq!(
            j("\\\\\\bücher.example/x"),
            "https://xn--bcher-kva.example/x"
        );
        assert_eq!(j("ü/x"), "https://example.org/a/%C3%BC/x");
        // Against an https page, `https:ü` is a path, as in a browser.
        assert_eq!(j("https:ü"), "https://example.org/a/%C3%BC");
        assert_eq!(
            j("https://bücher.example"),
            "https://xn--bcher-kva.example/"
        );
        assert_eq!(
            j("https:\\\\bücher.example\\x"),
            "https://xn--bcher-kva.example/x"
        );
    }

    #[test]
    fn any_input_is_safe() {
        for s in [
            "",
            "ü",
            "https://",
            "https://ü",
            "https://@ü:",
            "//",
            "https://[ü]/",
            "ü:ü//ü",
            "https://ü.ü.ü.ü.ü.",
            "\u{0}https://ü",
            // Upper case beside a code point a host may not hold: found by fuzzing.
            "https:2@oA\n\u{fffd}\u{fffd}Qx0",
            "http:\n/sM\u{fffd}\u{fffd}amp\u{48c}tatic.0Xa",
            "\\\\\\\\ZZ\u{fffd}ZZ\\\\04:\\",
            "http:Ü",
            "https://Foo_Bar.com/",
            "https://A\u{0}B/",
            "https://%41%00/",
            "https://XN--BCHER-KVA.example/",
        ] {
            let _ = parse(s);
            let _ = ascii_host(s, Some("https"));
            if let Ok(base) = parse("https://example.org/") {
                let _ = join(&base, s);
            }
        }
        assert_eq!(
            p("https://\u{ad}bü\u{200d}cher.example/"),
            "https://xn--bcher-kva.example/"
        );
    }
}
