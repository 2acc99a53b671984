//! Page-level metadata: title, authors, site, language, lead image, tags, JSON-LD.
//!
//! Each field is read from several places in a fixed order of trust — JSON-LD of an article
//! type, then Open Graph and the other meta vocabularies, then the document itself — so a page
//! that states a value in structured data is never second-guessed by its markup.

mod index;
pub mod jsonld;
mod meta_tags;
mod title;

use crate::dom::Attribute;
use crate::json::Value;
use scraper::{ElementRef, Html};
use url::Url;

use crate::dom::collapse_ws;
use meta_tags::MetaTags;

/// Everything the later phases need to know about the page as a whole.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub base_url: Option<Url>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub image: Option<String>,
    pub favicon: Option<String>,
    pub tags: Vec<String>,
    /// Every JSON-LD object on the page, flattened out of `@graph` and arrays.
    pub json_ld: Vec<Value>,
    /// JSON-LD `articleBody`, used to cross-check the body we find.
    pub article_body: Option<String>,
    /// JSON-LD `@type` of the main entity, if it is a kind of page we know.
    pub page_type: Option<String>,
    /// The page calls itself an article (`og:type=article`, an article JSON-LD type).
    pub declared_article: bool,
}

/// Resolve `href` against `base`, keeping only http(s) results: a `javascript:` or `data:`
/// value is never a metadata URL.
pub(crate) fn absolute(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = crate::weburl::resolve(base, href).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

pub fn collect(doc: &Html, page_url: Option<&Url>) -> Meta {
    let ix = index::Index::build(doc);
    let json_ld = jsonld::from_scripts(&ix.scripts);
    let tags = MetaTags::read(&ix.metas);
    let ld = jsonld::ArticleInfo::from_objects(&json_ld);

    let base_url = base_url(&ix, page_url);
    let base = base_url.as_ref().or(page_url);

    let site_name = first_nonempty([
        tags.get("og:site_name"),
        ld.site_name.clone(),
        tags.get("application-name"),
        tags.get("al:android:app_name"),
        tags.get("twitter:app:name:iphone"),
    ]);

    let title = title::choose(&ix, &tags, &ld, site_name.as_deref());

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors = meta_authors(&tags);
    }
    if authors.is_empty() {
        authors = markup_authors(doc);
    }
    authors.retain(|a| !looks_like_url(a));
    // An organisation credited as author under the site's own name says nothing the site
    // name does not already say.
    if let Some(site) = site_name.as_deref() {
        authors.retain(|a| !a.eq_ignore_ascii_case(site));
    }
    dedup_ci(&mut authors);
    let byline = if authors.is_empty() {
        None
    } else {
        Some(authors.join(", "))
    };

    let excerpt = first_nonempty([
        ld.description.clone(),
        tags.get("dc.description"),
        tags.get("dcterms.description"),
        tags.get("og:description"),
        tags.get("description"),
        tags.get("twitter:description"),
    ]);

    let image = [
        tags.get("og:image:secure_url"),
        tags.get("og:image"),
        tags.get("og:image:url"),
        tags.get("twitter:image"),
        tags.get("twitter:image:src"),
        ld.image.clone(),
        link_href(&ix, "image_src"),
    ]
    .into_iter()
    .flatten()
    .find_map(|u| absolute(base, &u));

    let canonical_url = [
        link_href(&ix, "canonical"),
        tags.get("og:url"),
        ld.url.clone(),
    ]
    .into_iter()
    .flatten()
    .find_map(|u| absolute(base, &u))
    .or_else(|| page_url.map(|u| u.to_string()));

    let favicon = favicon(&ix, base, page_url);
    let (lang, dir) = lang_and_dir(doc, &ix, &tags, &ld);

    let mut tag_list = Vec::new();
    for t in ld.keywords.iter().chain(ld.sections.iter()) {
        tag_list.push(t.clone());
    }
    for name in [
        "article:tag",
        "article:section",
        "keywords",
        "news_keywords",
        "parsely-tags",
        "sailthru.tags",
    ] {
        for v in tags.get_all(name) {
            if name == "article:tag" || name == "article:section" {
                tag_list.push(v.to_string());
            } else {
                tag_list.extend(v.split([',', ';']).map(str::to_string));
            }
        }
    }
    let mut tag_list: Vec<String> = tag_list
        .into_iter()
        .map(|t| collapse_ws(&t))
        .filter(|t| !t.is_empty() && t.chars().count() <= 80)
        .collect();
    dedup_ci(&mut tag_list);
    tag_list.truncate(40);

    Meta {
        title,
        byline,
        authors,
        site_name,
        canonical_url,
        base_url,
        lang,
        dir,
        excerpt,
        image,
        favicon,
        tags: tag_list,
        article_body: ld.article_body.clone(),
        declared_article: tags
            .get("og:type")
            .is_some_and(|t| t.eq_ignore_ascii_case("article"))
            || ld
                .page_type
                .as_deref()
                .is_some_and(|t| t.contains("article") || t.contains("posting") || t == "report"),
        page_type: ld.page_type.clone(),
        json_ld,
    }
}

fn first_nonempty<const N: usize>(candidates: [Option<String>; N]) -> Option<String> {
    candidates
        .into_iter()
        .flatten()
        .map(|s| collapse_ws(&s))
        .find(|s| !s.is_empty())
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Remove case-insensitive duplicates, keeping the first spelling.
fn dedup_ci(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.to_lowercase()));
}

fn base_url(ix: &index::Index<'_>, page_url: Option<&Url>) -> Option<Url> {
    let href = ix.base?.value().attribute("href")?.trim();
    let url = crate::weburl::resolve(page_url, href).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

fn link_href(ix: &index::Index<'_>, rel: &str) -> Option<String> {
    ix.links
        .iter()
        .find(|l| {
            l.value().attribute("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|t| t.eq_ignore_ascii_case(rel))
            })
        })
        .and_then(|l| l.value().attribute("href"))
        .map(str::to_string)
}

fn favicon(ix: &index::Index<'_>, base: Option<&Url>, page_url: Option<&Url>) -> Option<String> {
    let mut best: Option<(u32, String)> = None;
    for l in &ix.links {
        let rel = l
            .value()
            .attribute("rel")
            .unwrap_or("")
            .to_ascii_lowercase();
        let rank = if crate::text::words(&rel).any(|t| t == "icon") {
            // Prefer a size near 32 px: crisp in the popup, small to load.
            let size = l
                .value()
                .attribute("sizes")
                .and_then(|s| s.split(['x', 'X']).next())
                .and_then(|n| n.trim().parse::<u32>().ok())
                .unwrap_or(32);
            3 + 100u32.saturating_sub(size.abs_diff(32))
        } else if rel.contains("apple-touch-icon") {
            2
        } else {
            continue;
        };
        if let Some(u) = l.value().attribute("href").and_then(|h| absolute(base, h)) {
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, u));
            }
        }
    }
    best.map(|(_, u)| u)
        .or_else(|| page_url.and_then(|p| absolute(Some(p), "/favicon.ico")))
}

fn lang_and_dir(
    doc: &Html,
    ix: &index::Index<'_>,
    tags: &MetaTags,
    ld: &jsonld::ArticleInfo,
) -> (Option<String>, Option<String>) {
    let root = doc.root_element();
    let body = ix.body;
    let lang = [
        root.value().attribute("lang").map(str::to_string),
        root.value().attribute("xml:lang").map(str::to_string),
        body.and_then(|b| b.value().attribute("lang"))
            .map(str::to_string),
        tags.get("content-language"),
        tags.get("og:locale"),
        ld.language.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|l| l.trim().replace('_', "-"))
    .find(|l| {
        !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    let declared = root
        .value()
        .attribute("dir")
        .or_else(|| body.and_then(|b| b.value().attribute("dir")))
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| d == "rtl" || d == "ltr");
    let dir = declared.or_else(|| {
        let primary = lang.as_deref()?.split('-').next()?.to_ascii_lowercase();
        let rtl = matches!(
            primary.as_str(),
            "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "sd" | "yi" | "dv" | "ku" | "ug"
        );
        Some(if rtl { "rtl" } else { "ltr" }.to_string())
    });
    (lang, dir)
}

fn meta_authors(tags: &MetaTags) -> Vec<String> {
    for name in [
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "twitter:creator",
    ] {
        let vals: Vec<String> = tags
            .get_all(name)
            .into_iter()
            .map(|v| collapse_ws(v.trim_start_matches("By ").trim_start_matches("by ")))
            .filter(|v| !v.is_empty() && !looks_like_url(v) && !v.starts_with('@'))
            .collect();
        if !vals.is_empty() {
            return vals;
        }
    }
    Vec::new()
}

/// Authors named in the markup: `rel=author`, `itemprop=author`, or a short byline element.
fn markup_authors(doc: &Html) -> Vec<String> {
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if names_author(el.value()) {
            if let Some(t) = byline_text(el) {
                return vec![t];
            }
        }
    }
    Vec::new()
}

/// `[rel~=author], [itemprop~=author], .byline, .author, .byline-name, .author-name,
/// [class*=byline]`, matched by hand: run as a selector over every element of the page it
/// cost more than the rest of the metadata. As scraper's selectors do, `rel` compares without
/// ASCII case and class names with it (in quirks mode too).
fn names_author(el: &scraper::node::Element) -> bool {
    el.attrs.iter().any(|(q, v)| {
        if !q.ns.is_empty() {
            return false;
        }
        let mut tokens = v.split_ascii_whitespace();
        match &*q.local {
            "rel" => tokens.any(|t| t.eq_ignore_ascii_case("author")),
            "itemprop" => tokens.any(|t| t == "author"),
            "class" => {
                v.contains("byline") || tokens.any(|t| ["author", "author-name"].contains(&t))
            }
            _ => false,
        }
    })
}

fn byline_text(el: ElementRef<'_>) -> Option<String> {
    // A named child (itemprop=name) is more exact than the whole element's text.
    let name = el
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .find(|n| crate::dom::has_token(n.value(), "itemprop", "name"))
        .map(|n| collapse_ws(&n.text().collect::<String>()));
    let t = name.unwrap_or_else(|| collapse_ws(&el.text().collect::<String>()));
    let t = strip_by(&t);
    let words = crate::text::words(t).count();
    ((1..=12).contains(&words) && t.chars().count() < 100 && !t.contains("http"))
        .then(|| t.to_string())
}

fn strip_by(t: &str) -> &str {
    let lower = t.to_lowercase();
    for p in [
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "автор: ",
        "автор ",
    ] {
        if lower.starts_with(p) && t.is_char_boundary(p.len()) {
            return t[p.len()..].trim();
        }
    }
    t.trim()
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    /// The hand matcher picks exactly the elements the selector it replaces picks.
    #[test]
    fn author_marks_match_as_the_selector_does() {
        let body = r#"<a rel="Author me">1</a><a rel="authors">2</a><span itemprop="author">3</span>
            <span itemprop="Author">4</span><p class="byline">5</p><p class="Byline">6</p>
            <p class="post-byline x">7</p><p class="author-name">8</p><p class="authorname">9</p>
            <p class="x AUTHOR">10</p><p id="author">11</p><p data-class="byline">12</p>
            <svg><a rel="author">13</a></svg><p class="byline-name">14</p>"#;
        let s = Selector::parse(
            "[rel~=author], [itemprop~=author], .byline, .author, .byline-name, .author-name, \
             [class*=byline]",
        )
        .unwrap();
        for doctype in ["<!DOCTYPE html>", ""] {
            let doc = Html::parse_document(&format!("{doctype}<body>{body}</body>"));
            let want: Vec<String> = doc.select(&s).map(|e| e.text().collect()).collect();
            let got: Vec<String> = doc
                .root_element()
                .descendants()
                .filter_map(scraper::ElementRef::wrap)
                .filter(|e| super::names_author(e.value()))
                .map(|e| e.text().collect())
                .collect();
            assert_eq!(got, want, "{doctype:?}");
        }
    }
}
