//! Parsing a page the way a reader mode needs it.
//!
//! html5ever parses with scripting *disabled*, so `<noscript>` content becomes elements rather
//! than one opaque text node: server-rendered pages of script-driven sites (forums, shops) keep
//! their real content there, and lazy-loading images keep their real `<img>` there. Whether that
//! content is used is decided later, in `content::prune`.

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink};

pub fn parse_document(html: &str) -> Html {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}
