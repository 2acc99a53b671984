//! GitHub-flavoured Markdown from the sanitised article HTML, and YAML front matter.
//!
//! The writer is lossless by construction for the article's words: every text node reaches the
//! output, escaped only where a GFM parser would read it as syntax. Structure GFM cannot
//! express (tables with block content) is kept as clean HTML rather than flattened. The walk is
//! iterative, so the input's depth never becomes stack depth.

mod blocks;
mod escape;
mod footnotes;
mod front_matter;
mod inline;
mod table;
mod writer;

use scraper::Html;

use crate::article::Article;

/// The article body as GFM, ending in one newline (empty for an empty body).
pub fn to_markdown(fragment: &Html) -> String {
    writer::render(fragment)
}

/// YAML front matter (`---` … `---` and a blank line) for an exported article; empty when the
/// article has none of the fields.
pub fn front_matter(article: &Article) -> String {
    front_matter::render(article)
}
