//! Publication and update times from ordered evidence.

use chrono::{DateTime, Utc};
use scraper::Html;
use url::Url;

use crate::article::DateSource;

/// One date the page states, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    /// RFC 3339 keeping the page's offset, or `YYYY-MM-DD` when only the day is known.
    pub value: String,
    pub source: DateSource,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateFindings {
    pub published: Option<FoundDate>,
    pub modified: Option<FoundDate>,
}

/// Find the original publication time and the last update of the page.
pub fn find_dates(
    _doc: &Html,
    _page_url: Option<&Url>,
    _json_ld: &[serde_json::Value],
    _now: Option<DateTime<Utc>>,
) -> DateFindings {
    DateFindings::default()
}
