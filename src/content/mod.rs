//! Finding the article in the page and pruning what is not part of it.

use scraper::Html;
use url::Url;

use crate::metadata::Meta;
use crate::options::Options;

/// The article as (unsanitised but pruned) HTML.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub html: String,
    pub readerable: bool,
}

pub fn extract_content(doc: Html, _options: &Options, _meta: &Meta, _base: Option<&Url>) -> Found {
    let html = doc
        .select(&scraper::Selector::parse("body").expect("static selector"))
        .next()
        .map(|b| b.inner_html())
        .unwrap_or_default();
    Found {
        html,
        readerable: true,
    }
}
