//! Page-level metadata: title, authors, site, language, lead image, tags, JSON-LD.

pub mod jsonld;

use scraper::Html;
use url::Url;

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
    pub json_ld: Vec<serde_json::Value>,
    /// JSON-LD `articleBody`, used to cross-check the body we find.
    pub article_body: Option<String>,
}

pub fn collect(doc: &Html, page_url: Option<&Url>) -> Meta {
    let json_ld = jsonld::collect(doc);
    Meta {
        base_url: page_url.cloned(),
        json_ld,
        ..Meta::default()
    }
}
