//! Parsing a page the way a reader mode needs it.
//!
//! html5ever parses with scripting *disabled*, so `<noscript>` content becomes elements rather
//! than one opaque text node: server-rendered pages of script-driven sites (forums, shops) keep
//! their real content there, and lazy-loading images keep their real `<img>` there. Whether that
//! content is used is decided later, in `content::prune`. The parser's work is bounded by
//! `budget` steps (see [`crate::limits`]).

use scraper::Html;

/// The parsed page, or the number of parser steps taken when `budget` ran out.
pub fn parse_document(html: &str, budget: u64) -> Result<Html, u64> {
    crate::limits::parse_document_bounded(html, budget)
}
