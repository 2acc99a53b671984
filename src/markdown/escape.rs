//! Escaping that keeps text text.
//!
//! Markdown gives meaning to punctuation only in some positions, so each rule below escapes a
//! character only where a CommonMark/GFM parser could read it as syntax. Over-escaping is safe
//! but makes the Markdown hard to read, which is the point of exporting it.

/// CommonMark's notion of punctuation for flanking rules: ASCII punctuation, plus (as an
/// approximation of the Unicode P and S categories) any non-ASCII character that is neither
/// alphanumeric nor whitespace.
pub(crate) fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Whitespace as the HTML parser collapses it (not NBSP, which is content).
pub(crate) fn is_html_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Could a delimiter character between `prev` and `next` open or close a span? `None` on the
/// left is the start of a line (whitespace); `None` on the right is "not known yet", so it is
/// treated as the worst case.
fn could_flank(prev: Option<char>, next: Option<char>) -> bool {
    let Some(n) = next else { return true };
    let p_space = prev.is_none_or(char::is_whitespace);
    let p_punct = prev.is_some_and(is_punct);
    let left = !n.is_whitespace() && (!is_punct(n) || p_space || p_punct);
    let right = !p_space && (!p_punct || n.is_whitespace() || is_punct(n));
    left || right
}

/// Append `word` (no HTML whitespace inside) to `out`, escaped for inline context.
///
/// `prev` is the character already written before it, `after` the character known to follow
/// (a space when the text node goes on), `in_brackets` is true inside link text or image alt,
/// where any unbalanced bracket would end the text early.
pub(crate) fn escape_word(
    word: &str,
    mut prev: Option<char>,
    after: Option<char>,
    in_brackets: bool,
    out: &mut String,
) {
    let mut it = word.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n).or(after);
        let esc = match c {
            '\\' | '`' => true,
            '*' | '~' => could_flank(prev, next),
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '[' => in_brackets,
            ']' => in_brackets || matches!(next, None | Some('(' | '[' | ':')),
            '<' => next.is_none_or(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_ahead(&word[i + 1..], after.is_none()),
            '$' => {
                prev.is_some_and(|p| !p.is_whitespace())
                    || next.is_none_or(|n| !n.is_whitespace() && !n.is_ascii_digit())
            }
            _ => false,
        };
        if esc {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
}

/// Would `&` followed by `rest` be read as a character reference (`&amp;`, `&#38;`)? When the
/// text node ends before a `;` could come, assume it might.
fn entity_ahead(rest: &str, open_end: bool) -> bool {
    let (digits, body) = match rest.strip_prefix('#') {
        Some(r) => match r.strip_prefix(['x', 'X']) {
            Some(h) => (16, h),
            None => (10, r),
        },
        None => (0, rest),
    };
    let ok = |c: char| match digits {
        16 => c.is_ascii_hexdigit(),
        10 => c.is_ascii_digit(),
        _ => c.is_ascii_alphanumeric(),
    };
    let len = body.chars().take_while(|&c| ok(c)).count();
    if len == 0 || (digits == 0 && !body.starts_with(|c: char| c.is_ascii_alphabetic())) {
        return false;
    }
    match body[len..].chars().next() {
        Some(';') => true,
        None => open_end,
        _ => false,
    }
}

/// Escape a whole string (whitespace collapsed to single spaces) for bracketed text such as an
/// image's alt.
pub(crate) fn escape_bracketed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut words = text.split(is_html_ws).filter(|w| !w.is_empty()).peekable();
    while let Some(w) = words.next() {
        let prev = out.chars().next_back();
        let after = words.peek().map(|_| ' ');
        escape_word(w, prev, after, true, &mut out);
        if after.is_some() {
            out.push(' ');
        }
    }
    out
}

/// Escape what would start a block construct at the beginning of each line of a paragraph.
///
/// Done on the finished paragraph because a construct such as `1.` can be split across text
/// nodes (`<b>1</b>. text`); inline markup itself never produces these patterns.
pub(crate) fn escape_line_starts(para: &str) -> String {
    let mut out = String::with_capacity(para.len() + 4);
    for (i, line) in para.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line_start(line, &mut out);
    }
    out
}

fn escape_line_start(line: &str, out: &mut String) {
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return };
    let second = chars.next();
    let blank_after = |c: Option<char>| matches!(c, None | Some(' ' | '\t'));
    let needs = match first {
        '#' | '>' => true,
        '-' | '+' | '*' | '=' | '_' => {
            blank_after(second) || line.chars().all(|c| c == first || c == ' ' || c == '\t')
        }
        '~' => line.starts_with("~~~"),
        '[' => line.starts_with("[ ]") || line.starts_with("[x]") || line.starts_with("[X]"),
        '0'..='9' => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            // ASCII digits: `digits` is a char boundary.
            let rest = &line[digits..];
            let mut r = rest.chars();
            let mark = r.next();
            if digits <= 9 && matches!(mark, Some('.' | ')')) && blank_after(r.next()) {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(rest);
                return;
            }
            false
        }
        _ => false,
    };
    if needs {
        out.push('\\');
    }
    out.push_str(line);
}

/// A heading's closing `#` run would be stripped as an optional closing sequence.
pub(crate) fn escape_heading_end(text: &str) -> String {
    let trimmed = text.trim_end_matches('#');
    if trimmed.len() == text.len() {
        return text.to_string();
    }
    if trimmed.is_empty() || trimmed.ends_with([' ', '\t']) {
        // `trimmed.len()` is where the ASCII `#` run starts: a char boundary.
        let mut out = String::with_capacity(text.len() + 1);
        out.push_str(trimmed);
        out.push('\\');
        out.push_str(&text[trimmed.len()..]);
        return out;
    }
    text.to_string()
}

/// A link or image destination that reads back as the same URL.
///
/// Spaces and controls are %-encoded (a browser would do the same); parentheses stay readable
/// inside `<…>`, where they need no balancing.
pub(crate) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    let mut angle = false;
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("\\\\"),
            '(' | ')' => {
                angle = true;
                out.push(c);
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            _ => out.push(c),
        }
    }
    if angle || out.is_empty() {
        format!("<{out}>")
    } else {
        out
    }
}

/// A link title in double quotes.
pub(crate) fn title(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 2);
    out.push('"');
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > 1 {
            out.push(' ');
        }
        space = false;
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Can `url` be written as an autolink `<url>` that renders with itself as text?
pub(crate) fn autolink_ok(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    scheme_ok
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '\\'))
}

/// A code span around `code`: a backtick run longer than any inside, padded when the content
/// starts or ends with a backtick or with spaces on both sides (which the parser would strip).
pub(crate) fn code_span(code: &str) -> String {
    let longest = longest_run(code, '`');
    let fence = "`".repeat(longest + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
    let sp = if pad { " " } else { "" };
    format!("{fence}{sp}{code}{sp}{fence}")
}

pub(crate) fn longest_run(s: &str, ch: char) -> usize {
    let mut best = 0;
    let mut cur = 0;
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts() {
        assert_eq!(escape_line_starts("1. x"), "1\\. x");
        assert_eq!(escape_line_starts("2) x"), "2\\) x");
        assert_eq!(escape_line_starts("1.5 x"), "1.5 x");
        assert_eq!(escape_line_starts("# x"), "\\# x");
        assert_eq!(escape_line_starts("- x\\\n---"), "\\- x\\\n\\---");
        assert_eq!(escape_line_starts("-x"), "-x");
    }

    #[test]
    fn words() {
        let mut s = String::new();
        escape_word("snake_case", None, None, false, &mut s);
        assert_eq!(s, "snake_case");
        s.clear();
        escape_word("*", Some(' '), Some(' '), false, &mut s);
        assert_eq!(s, "*");
        s.clear();
        escape_word("<div>", None, None, false, &mut s);
        assert_eq!(s, "\\<div>");
    }

    #[test]
    fn destinations() {
        assert_eq!(destination("http://a/b c"), "http://a/b%20c");
        assert_eq!(destination("http://a/(b)"), "<http://a/(b)>");
        assert_eq!(title("a \"b\""), "\"a \\\"b\\\"\"");
        assert_eq!(escape_heading_end("C #"), "C \\#");
        assert_eq!(escape_heading_end("C#"), "C#");
    }
}
