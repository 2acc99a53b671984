//! The article title, reconciled from structured data, meta tags, the `h1` and `<title>`.

use super::index::Index;
use super::jsonld::ArticleInfo;
use super::meta_tags::MetaTags;
use crate::dom::collapse_ws;

/// Separators sites put between a headline and their name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » ", " « ", " ~ ", " > ",
];

pub fn choose(
    ix: &Index<'_>,
    tags: &MetaTags,
    ld: &ArticleInfo,
    site: Option<&str>,
) -> Option<String> {
    let doc_title = ix
        .title
        .map(|t| collapse_ws(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let headings: Vec<(String, String)> = ix
        .headings
        .iter()
        .map(|h| {
            (
                h.value().name().to_string(),
                collapse_ws(&h.text().collect::<String>()),
            )
        })
        .filter(|(_, t)| !t.is_empty())
        .take(50)
        .collect();

    // JSON-LD gives both `name` and `headline`; when they differ, the one that matches the
    // document title is the article's (the other is often a shortened or SEO variant).
    let ld_title = match (&ld.name, &ld.headline) {
        (Some(n), Some(h)) if n != h => {
            let dt = doc_title.as_deref().unwrap_or("");
            let name_matches = similarity(n, dt) > 0.75;
            let headline_matches = similarity(h, dt) > 0.75;
            Some(
                if headline_matches && !name_matches {
                    h
                } else {
                    n
                }
                .clone(),
            )
        }
        (Some(n), _) => Some(n.clone()),
        (None, Some(h)) => Some(h.clone()),
        _ => None,
    };

    // A title the publisher states in structured data is taken as stated: which part of it is
    // "the site" is the publisher's call (Readability.js agrees, and its suite is our
    // reference). Only the `<title>` fallback below is cut, and at a site name only when it
    // really is the site's name — a suffix such as " - State Media" is part of the headline.
    let structured = [
        ld_title,
        tags.get("dc.title"),
        tags.get("dcterms.title"),
        tags.get("og:title"),
        tags.get("weibo:article:title"),
        tags.get("weibo:webpage:title"),
        tags.get("title"),
        tags.get("twitter:title"),
        tags.get("parsely-title"),
    ]
    .into_iter()
    .flatten()
    .map(|t| collapse_ws(&t))
    .find(|t| !t.is_empty());
    if structured.is_some() {
        return structured;
    }
    let h1s: Vec<&str> = headings
        .iter()
        .filter(|(n, _)| n == "h1")
        .map(|(_, t)| t.as_str())
        .collect();
    match doc_title {
        Some(t) => {
            // A `<title>` ending in the site's own name: the rest is the headline.
            let stripped = strip_site_name(&t, site);
            if stripped != t {
                return Some(stripped);
            }
            Some(headline_from_doc_title(&t, &headings, &h1s))
        }
        None => h1s.first().map(|h| h.to_string()),
    }
}

const HIER_SEPARATORS: &[char] = &['\\', '/', '>', '»'];
const ALL_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// Byte ranges of " <sep> " occurrences in `title`.
fn separators(title: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for w in chars.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        if a.1 == ' ' && c.1 == ' ' && ALL_SEPARATORS.contains(&b.1) {
            out.push((a.0, c.0 + 1, b.1));
        }
    }
    out
}

fn word_count(s: &str) -> usize {
    crate::text::words(s).count()
}

/// The headline part of a `<title>` like "Headline | Site", by the conventions of sites'
/// title templates: the part before the last separator, unless that is too short to be a
/// headline; a colon-prefixed section name is dropped unless a heading shows the whole title.
fn headline_from_doc_title(orig: &str, headings: &[(String, String)], h1s: &[&str]) -> String {
    let mut cur = orig.to_string();
    let seps = separators(orig);
    let mut hierarchical = false;
    if let Some(&(last_start, _, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, _, c)| HIER_SEPARATORS.contains(c));
        cur = orig[..last_start].to_string();
        if word_count(&cur) < 3 {
            if let Some(&(_, first_end, _)) = seps.first() {
                cur = orig[first_end..].to_string();
            }
        }
    } else if orig.contains(": ") {
        let whole_is_heading = headings.iter().any(|(_, t)| t.trim() == orig.trim());
        if !whole_is_heading {
            if let Some(i) = orig.rfind(':') {
                cur = orig[i + 1..].to_string();
            }
            if word_count(&cur) < 3 {
                if let Some(i) = orig.find(':') {
                    cur = orig[i + 1..].to_string();
                }
            } else if orig.find(':').is_some_and(|i| word_count(&orig[..i]) > 5) {
                cur = orig.to_string();
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1s.len() == 1 {
        cur = h1s[0].to_string();
    }
    let cur = collapse_ws(&cur);
    let n = word_count(&cur);
    let orig_words_without_seps = word_count(&orig.replace(ALL_SEPARATORS, ""));
    if n <= 4 && (!hierarchical || n != orig_words_without_seps.saturating_sub(1)) {
        return orig.to_string();
    }
    cur
}

/// Share of `b`'s distinct words also found in `a`, weighted by length.
fn similarity(a: &str, b: &str) -> f32 {
    let toks = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = toks(a);
    let tb = toks(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let total: usize = tb.iter().map(|t| t.len() + 1).sum();
    let missing: usize = uniq_b.iter().map(|t| t.len() + 1).sum();
    1.0 - missing as f32 / total as f32
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
            headline_from_doc_title("A long headline here today | Site", &[], &[]),
            "A long headline here today"
        );
        // Too short once split: the whole title is kept.
        assert_eq!(
            headline_from_doc_title("Short one | Site", &[], &[]),
            "Short one | Site"
        );
    }
}
