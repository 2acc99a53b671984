//! JSON-LD blocks, read leniently: real pages ship trailing commas, HTML comments and several
//! objects per script; a block that does not parse is skipped, never fatal.

use scraper::{Html, Selector};
use serde_json::Value;

/// All JSON-LD objects on the page, with `@graph` members and top-level arrays flattened
/// into one list (nested objects stay inside their parents).
pub fn collect(doc: &Html) -> Vec<Value> {
    let Ok(sel) = Selector::parse("script") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for script in doc.select(&sel) {
        let ty = script.value().attr("type").unwrap_or("");
        if !ty.to_ascii_lowercase().contains("ld+json") {
            continue;
        }
        let raw: String = script.text().collect();
        if let Some(v) = parse_lenient(&raw) {
            flatten_into(v, &mut out);
        }
    }
    out
}

fn parse_lenient(raw: &str) -> Option<Value> {
    let s = raw.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s).trim();
    let s = s.strip_prefix("//<![CDATA[").unwrap_or(s);
    let s = s.strip_suffix("//]]>").unwrap_or(s).trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Trailing commas before a closing bracket are the most common defect.
    let mut fixed = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut in_str = false;
    let mut escaped = false;
    for (i, &c) in chars.iter().enumerate() {
        if in_str {
            fixed.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                fixed.push(c);
            }
            ',' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if !matches!(next, Some('}') | Some(']')) {
                    fixed.push(c);
                }
            }
            '\n' | '\r' | '\t' => fixed.push(' '),
            _ => fixed.push(c),
        }
    }
    serde_json::from_str(&fixed).ok()
}

fn flatten_into(v: Value, out: &mut Vec<Value>) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut map) => {
                if let Some(graph) = map.remove("@graph") {
                    stack.push(graph);
                }
                if !map.is_empty() {
                    out.push(Value::Object(map));
                }
            }
            _ => {}
        }
    }
}
