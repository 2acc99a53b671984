//! The article title, reconciled from structured data, meta tags, the `h1` and `<title>`.

use scraper::{Html, Selector};

use super::jsonld::ArticleInfo;
use super::meta_tags::MetaTags;
use crate::dom::collapse_ws;

/// Separators sites put between a headline and their name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » ", " « ", " ~ ", " > ",
];

pub fn choose(doc: &Html, tags: &MetaTags, ld: &ArticleInfo, site: Option<&str>) -> Option<String> {
    let doc_title = Selector::parse("title")
        .ok()
        .and_then(|s| doc.select(&s).next())
        .map(|t| collapse_ws(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = Selector::parse("h1")
        .ok()
        .map(|s| {
            doc.select(&s)
                .map(|h| collapse_ws(&h.text().collect::<String>()))
                .filter(|t| !t.is_empty())
                .take(5)
                .collect()
        })
        .unwrap_or_default();

    // JSON-LD gives both `headline` and `name`; when they differ, the one closer to the
    // document title is the article's (the other is often the site or a truncated SEO form).
    let ld_title = match (&ld.headline, &ld.name) {
        (Some(h), Some(n)) if h != n => {
            let dt = doc_title.as_deref().unwrap_or("");
            if similarity(n, dt) > similarity(h, dt) {
                Some(n.clone())
            } else {
                Some(h.clone())
            }
        }
        (Some(h), _) => Some(h.clone()),
        (None, Some(n)) => Some(n.clone()),
        _ => None,
    };

    let structured = [
        ld_title,
        tags.get("dc.title"),
        tags.get("dcterms.title"),
        tags.get("og:title"),
        tags.get("twitter:title"),
        tags.get("parsely-title"),
        tags.get("title"),
    ]
    .into_iter()
    .flatten()
    .map(|t| collapse_ws(&t))
    .find(|t| !t.is_empty() && Some(t.as_str()) != site);

    let title = structured
        .or_else(|| {
            doc_title
                .as_deref()
                .map(|t| headline_from_doc_title(t, &h1s))
        })
        .or_else(|| h1s.first().cloned())?;
    Some(strip_site_name(&title, site))
}

/// Drop `site` from either end of `title` when it is joined by a separator, and only then:
/// a suffix that merely looks like a site name (" - State Media") is part of the headline.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let lt = title.to_lowercase();
    let ls = site.to_lowercase();
    for sep in SEPARATORS {
        let suffix = format!("{sep}{ls}");
        if lt.ends_with(&suffix) && lt.len() > suffix.len() {
            let cut = title.len() - suffix.len();
            if title.is_char_boundary(cut) {
                return title[..cut].trim().to_string();
            }
        }
        let prefix = format!("{ls}{sep}");
        if lt.starts_with(&prefix)
            && lt.len() > prefix.len()
            && title.is_char_boundary(prefix.len())
        {
            return title[prefix.len()..].trim().to_string();
        }
    }
    title.to_string()
}

/// From a `<title>` like "Headline | Site", keep the headline part; an `h1` that matches the
/// title's start confirms it.
fn headline_from_doc_title(title: &str, h1s: &[String]) -> String {
    if let Some(h) = h1s.iter().find(|h| h.as_str() == title) {
        return h.clone();
    }
    for sep in SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let head = title[..i].trim();
            let tail = title[i + sep.len()..].trim();
            // The longer part is the headline; a 1-word head is a site prefix ("Site | Headline").
            let pick = if head.split_whitespace().count() >= 3 || head.len() >= tail.len() {
                head
            } else {
                tail
            };
            if pick.split_whitespace().count() >= 2 {
                return pick.to_string();
            }
        }
    }
    if let Some(h) = h1s.first() {
        if title.to_lowercase().contains(&h.to_lowercase()) && h.split_whitespace().count() >= 3 {
            return h.clone();
        }
    }
    title.to_string()
}

/// Share of `a`'s words that occur in `b` (case-insensitive).
fn similarity(a: &str, b: &str) -> f32 {
    let bw: std::collections::HashSet<String> =
        b.split_whitespace().map(str::to_lowercase).collect();
    let aw: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
    if aw.is_empty() {
        return 0.0;
    }
    aw.iter().filter(|w| bw.contains(*w)).count() as f32 / aw.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_stripped_only_when_it_is_the_site() {
        assert_eq!(
            strip_site_name("Big News | Example Times", Some("Example Times")),
            "Big News"
        );
        assert_eq!(
            strip_site_name("Kim Says X - State Media", Some("Sputnik International")),
            "Kim Says X - State Media"
        );
    }

    #[test]
    fn doc_title_keeps_the_headline_part() {
        assert_eq!(
            headline_from_doc_title("A long headline here | Site", &[]),
            "A long headline here"
        );
    }
}
