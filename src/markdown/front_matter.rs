//! YAML front matter for an exported article.
//!
//! Every string is double-quoted: titles are arbitrary page text, and a plain YAML scalar
//! would turn `Re: x`, `# 1`, `- list`, `&anchor`, `yes` or `2024-01-01` into something else.

use crate::article::Article;

/// `---` … `---` plus a blank line, or an empty string when the article has no metadata.
pub(crate) fn render(a: &Article) -> String {
    let mut out = String::from("---\n");
    field(&mut out, "title", a.title.as_deref());
    let authors: Vec<&str> = a
        .authors
        .iter()
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
        .collect();
    match authors.as_slice() {
        [] => field(&mut out, "author", a.byline.as_deref()),
        [one] => field(&mut out, "author", Some(one)),
        many => list(&mut out, "author", many),
    }
    field(&mut out, "site", a.site_name.as_deref());
    field(&mut out, "url", a.url.as_deref());
    field(&mut out, "published", a.published.as_deref());
    field(&mut out, "modified", a.modified.as_deref());
    let tags: Vec<&str> = a
        .tags
        .iter()
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !tags.is_empty() {
        list(&mut out, "tags", &tags);
    }
    field(&mut out, "excerpt", a.excerpt.as_deref());
    if out == "---\n" {
        return String::new();
    }
    out.push_str("---\n\n");
    out
}

fn field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
        out.push_str(key);
        out.push_str(": ");
        quoted(out, v);
        out.push('\n');
    }
}

fn list(out: &mut String, key: &str, values: &[&str]) {
    out.push_str(key);
    out.push_str(":\n");
    for v in values {
        out.push_str("  - ");
        quoted(out, v);
        out.push('\n');
    }
}

/// A YAML double-quoted scalar. Only `"`, `\` and characters YAML does not allow printed
/// (controls, DEL, C1, line and paragraph separators, BOM, non-characters) are escaped; all
/// other Unicode is written as is.
pub(crate) fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
