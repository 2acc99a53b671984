//! GitHub-flavoured Markdown from the sanitised article HTML.

use scraper::Html;

use crate::article::Article;

/// The article body as GFM.
pub fn to_markdown(fragment: &Html) -> String {
    crate::text::plain_text(fragment)
}

/// YAML front matter (`---` … `---`) for an exported article.
pub fn front_matter(_article: &Article) -> String {
    String::new()
}
