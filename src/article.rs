//! The one JSON contract shared by the CLI, the WASM build and the tests.

use serde::{Deserialize, Serialize};

/// Where a date came from, so a reader (or a researcher) can judge it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateSource {
    /// The string exactly as the page gave it.
    pub raw: String,
    /// Where it was found: `json-ld:datePublished`, `meta:article:published_time`,
    /// `time[datetime]`, `url`, `text`, ...
    pub source: String,
    /// 0.0..=1.0 in whole hundredths; structured data scores high, loose text low. An `f64`
    /// made by dividing by 100, so the CLI's JSON and the extension's JS number read the same
    /// (`0.3`; an `f32` turned into a JS number reads `0.30000001192092896`).
    pub confidence: f64,
}

/// A clean article with its metadata. Keys serialise in snake_case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    pub image: Option<String>,
    pub favicon: Option<String>,
    pub tags: Vec<String>,
    /// RFC 3339 with the page's own offset, or a bare `YYYY-MM-DD` when only the day is known.
    pub published: Option<String>,
    pub published_source: Option<DateSource>,
    pub modified: Option<String>,
    pub modified_source: Option<DateSource>,
    pub content_html: String,
    pub text: String,
    pub markdown: String,
    pub word_count: usize,
    pub reading_minutes: u32,
    pub readerable: bool,
}
