//! JSON-LD blocks, read leniently: real pages ship trailing commas, HTML comments and several
//! objects per script; a block that does not parse is skipped, never fatal.

use crate::dom::Attribute;
use crate::json::Value;
use scraper::{ElementRef, Html};

/// All JSON-LD objects on the page, with `@graph` members and top-level arrays flattened
/// into one list (nested objects stay inside their parents).
pub fn collect(doc: &Html) -> Vec<Value> {
    let scripts: Vec<ElementRef<'_>> = doc
        .tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "script")
        .collect();
    from_scripts(&scripts)
}

/// [`collect`] over the page's `script` elements, already gathered.
pub(crate) fn from_scripts(scripts: &[ElementRef<'_>]) -> Vec<Value> {
    let mut out = Vec::new();
    for script in scripts {
        let ty = script.value().attribute("type").unwrap_or("");
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
    let s = s.strip_prefix("<![CDATA[").unwrap_or(s);
    let s = s.strip_suffix("]]>").unwrap_or(s).trim();
    if let Ok(v) = crate::json::parse(s) {
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
    crate::json::parse(&fixed).ok()
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

/// schema.org types whose object describes the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "analysisnewsarticle",
    "askpublicnewsarticle",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "reportagenewsarticle",
    "reviewnewsarticle",
    "advertisercontentarticle",
    "satiricalarticle",
    "scholarlyarticle",
    "medicalscholarlyarticle",
    "report",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "techarticle",
    "apireference",
    "howto",
    "recipe",
    "review",
    "creativework",
    "videoobject",
    "podcastepisode",
];

/// What the page's JSON-LD says about its article.
#[derive(Debug, Clone, Default)]
pub struct ArticleInfo {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
    pub language: Option<String>,
    pub article_body: Option<String>,
    pub page_type: Option<String>,
}

pub(crate) fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![type_name(s)],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(type_name).collect(),
        _ => Vec::new(),
    }
}

fn type_name(s: &str) -> String {
    // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    s.rsplit(['/', ':', '#'])
        .next()
        .unwrap_or(s)
        .to_ascii_lowercase()
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(crate::dom::collapse_ws(s)).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name").or_else(|| o.get("@value"))),
        _ => None,
    }
}

fn url_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| url_of(Some(x))),
        Value::Object(o) => url_of(
            o.get("url")
                .or_else(|| o.get("contentUrl"))
                .or_else(|| o.get("@id")),
        ),
        _ => None,
    }
}

fn list_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => s
            .split(',')
            .map(crate::dom::collapse_ws)
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::Array(a)) => a.iter().filter_map(|x| str_of(Some(x))).collect(),
        _ => Vec::new(),
    }
}

fn names_of(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let items: Vec<&Value> = match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
        None => vec![],
    };
    for item in items {
        let name = match item {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("name").and_then(|n| str_of(Some(n))),
            _ => None,
        };
        if let Some(n) = name
            .map(|n| crate::dom::collapse_ws(&n))
            .filter(|n| !n.is_empty())
        {
            out.push(n);
        }
    }
    out
}

impl ArticleInfo {
    pub fn from_objects(objects: &[Value]) -> ArticleInfo {
        // Walk every object, nested ones included, with an explicit stack.
        let mut all: Vec<&Value> = Vec::new();
        let mut stack: Vec<&Value> = objects.iter().rev().collect();
        while let Some(v) = stack.pop() {
            if all.len() > 2000 {
                break;
            }
            match v {
                Value::Object(o) => {
                    all.push(v);
                    for child in o.values() {
                        if child.is_object() || child.is_array() {
                            stack.push(child);
                        }
                    }
                }
                Value::Array(a) => stack.extend(a.iter().rev()),
                _ => {}
            }
        }
        let article = all
            .iter()
            .find(|o| {
                types_of(o)
                    .iter()
                    .any(|t| ARTICLE_TYPES.contains(&t.as_str()) && t != "creativework")
            })
            .or_else(|| {
                all.iter().find(|o| {
                    types_of(o)
                        .iter()
                        .any(|t| ARTICLE_TYPES.contains(&t.as_str()))
                })
            })
            .or_else(|| {
                all.iter().find(|o| {
                    types_of(o)
                        .iter()
                        .any(|t| t.ends_with("page") && t != "webpage")
                })
            })
            .or_else(|| {
                all.iter()
                    .find(|o| types_of(o).iter().any(|t| t == "webpage"))
            })
            .copied();
        let website = all
            .iter()
            .find(|o| types_of(o).iter().any(|t| t == "website"))
            .and_then(|o| str_of(o.get("name")));
        let mut info = ArticleInfo {
            site_name: website,
            ..ArticleInfo::default()
        };
        let Some(a) = article else {
            return info;
        };
        info.page_type = types_of(a).into_iter().next();
        info.headline = str_of(a.get("headline"));
        info.name = str_of(a.get("name"));
        info.authors = names_of(a.get("author").or_else(|| a.get("creator")));
        info.description = str_of(a.get("description"));
        info.image = url_of(a.get("image").or_else(|| a.get("thumbnailUrl")));
        info.url = url_of(a.get("url"));
        if let Some(p) = a.get("publisher").and_then(|p| str_of(Some(p))) {
            info.site_name = Some(p);
        }
        info.keywords = list_of(a.get("keywords"));
        info.sections = list_of(a.get("articleSection"));
        info.language = str_of(a.get("inLanguage"));
        // Kept with its line breaks: they are the only paragraph marks it has.
        info.article_body = a
            .get("articleBody")
            .and_then(Value::as_str)
            .map(|b| b.trim().to_string())
            .filter(|b| b.len() > 200);
        info
    }
}
