//! Clean View's core: one page's HTML and URL in, a clean article with its metadata out.
//!
//! The pipeline is a row of small phases, each in its own module:
//! parse (`scraper`/html5ever) → [`metadata`] (title, authors, site, JSON-LD, …) →
//! [`date`] (publication and update instants from ordered evidence) → [`content`] (find the
//! article, prune the clutter) → [`sanitize`] (allow-list walk over the parsed fragment) → [`text`] and
//! [`markdown`] (both rendered from the sanitised HTML, so the three never disagree).
//!
//! No phase recurses on the depth of the input: a page with 100,000 nested elements costs a
//! deep stack nowhere, which matters in WebAssembly's 1 MB stack.

pub mod article;
pub mod content;
pub mod date;
pub mod dom;
pub mod error;
pub mod json;
pub mod limits;
pub mod markdown;
mod memo;
pub mod metadata;
pub mod options;
mod parse;
pub mod sanitize;
mod suspense;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod weburl;

pub use article::{Article, DateSource};
pub use error::Error;
pub use options::Options;

/// Extract the article of one page.
///
/// Never panics on any input; returns [`Error`] only when the input is empty, over the limits
/// in `options` (size, node count, parser work — see [`limits`]), or the given URL is not
/// absolute. Time is linear in the input size and no phase recurses on the input's depth.
pub fn extract(html: &str, options: &Options) -> Result<Article, Error> {
    if html.len() > options.max_input_bytes {
        return Err(Error::TooLarge {
            bytes: html.len(),
            limit: options.max_input_bytes,
        });
    }
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    let page_url = match options.url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(u) => Some(weburl::parse(u).map_err(|_| Error::BadUrl(u.to_string()))?),
    };

    let budget = limits::step_budget(html.len(), options.parse_steps_per_byte);
    let mut doc = parse::parse_document(html, budget).map_err(|steps| Error::TooComplex {
        steps,
        limit: budget,
    })?;
    let nodes = doc.tree.nodes().count();
    if nodes > options.max_nodes {
        return Err(Error::TooManyNodes {
            nodes,
            limit: options.max_nodes,
        });
    }

    // Before anything reads the page: streamed React parts are the article's own text.
    suspense::place_streamed_parts(&mut doc);

    let meta = metadata::collect(&doc, page_url.as_ref());
    let dates = date::find_dates(&doc, page_url.as_ref(), &meta.json_ld, options.now);
    let base = meta.base_url.clone().or_else(|| page_url.clone());

    let found = content::extract_content(doc, options, &meta, base.as_ref());
    let sanitize::Clean {
        html: mut content_html,
        tree: mut fragment,
    } = found.clean;
    let mut text = text::plain_text(&fragment);
    if let Some(body) = meta.article_body.as_deref() {
        if let Some(clean) = content::body_from_json_ld(body, &text) {
            (content_html, fragment) = (clean.html, clean.tree);
            text = text::plain_text(&fragment);
        }
    }
    let mut markdown = markdown::to_markdown(&fragment);

    let readerable = found.readerable || text::has_article_prose(&text);
    let word_count = text::word_count(&text);
    let reading_minutes = text::reading_minutes(&text);
    let mut article = Article {
        title: meta.title.clone(),
        byline: meta.byline.clone(),
        authors: meta.authors.clone(),
        site_name: meta.site_name.clone(),
        url: meta.canonical_url.clone(),
        lang: meta.lang.clone(),
        dir: meta.dir.clone(),
        excerpt: meta.excerpt.clone(),
        image: meta.image.clone(),
        favicon: meta.favicon.clone(),
        tags: meta.tags.clone(),
        published: dates.published.as_ref().map(|d| d.value.clone()),
        published_source: dates.published.map(|d| d.source),
        modified: dates.modified.as_ref().map(|d| d.value.clone()),
        modified_source: dates.modified.map(|d| d.source),
        content_html,
        text,
        markdown: String::new(),
        word_count,
        reading_minutes,
        readerable,
    };
    if article.excerpt.is_none() {
        article.excerpt = text::first_paragraph_excerpt(&article.text);
    }
    if options.front_matter {
        let mut doc = markdown::front_matter(&article);
        doc.push_str(&markdown);
        markdown = doc;
    }
    article.markdown = markdown;
    Ok(article)
}
