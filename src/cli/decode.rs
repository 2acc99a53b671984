//! Bytes to text: the page's own declared encoding (BOM, `<meta charset>`, `http-equiv`),
//! else UTF-8 when the bytes are valid UTF-8, else windows-1252 as browsers do.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

pub fn decode_html(bytes: &[u8]) -> Result<String, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the input is empty".into());
    }
    if looks_binary(bytes) {
        return Err("the input is not HTML text (it looks like binary data)".into());
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    let declared = sniff_meta_charset(bytes);
    let enc = match declared {
        // A page that says UTF-16 in ASCII-compatible bytes is lying; browsers use UTF-8.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Ok(text.into_owned())
}

/// Binary files have NUL bytes or many control bytes early on; HTML has almost none.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if Encoding::for_bom(head).is_some() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    controls * 10 > head.len() || head.iter().filter(|&&b| b == 0).count() > 8
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the
/// first 4 KB, as the HTML prescan does (simplified: attribute order and quoting tolerated).
fn sniff_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut i = 0;
    while let Some(pos) = find(&lower[i..], b"<meta") {
        let start = i + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cpos) = find(tag, b"charset") {
            let rest = &tag[cpos + 7..];
            let rest = skip(rest, |b| b.is_ascii_whitespace() || b == b'=');
            let rest = skip(rest, |b| b == b'"' || b == b'\'');
            let label_end = rest
                .iter()
                .position(|&b| {
                    matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                })
                .unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                return Some(enc);
            }
        }
        i = end.max(start + 1);
        if i >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn skip(s: &[u8], f: impl Fn(u8) -> bool) -> &[u8] {
    let n = s.iter().take_while(|&&b| f(b)).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_windows_1251_is_honoured() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
        assert!(decode_html(&page).unwrap().contains("Привет"));
    }

    #[test]
    fn invalid_utf8_without_declaration_falls_back() {
        let page = b"<p>caf\xe9</p>";
        assert!(decode_html(page).unwrap().contains("café"));
    }

    #[test]
    fn binary_and_empty_inputs_are_errors() {
        assert!(decode_html(b"   \n").is_err());
        assert!(decode_html(&[0u8, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]).is_err());
    }
}
