//! The page set and the parse both ratio benchmarks use (`extract.rs`, `interleaved.rs`).

use std::io::Read;
use std::path::{Path, PathBuf};

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink};

/// The fixed page set: (name, path under ../shared). Sizes from 4 KB to 1.6 MB, news, blogs,
/// docs, a wiki, math, right-to-left, and WCXB pages of other kinds.
pub const PAGES: &[(&str, &str)] = &[
    ("seed", "seed/seed-article.html"),
    ("rd-001", "corpus/readability/001/source.html"),
    ("rd-ars-1", "corpus/readability/ars-1/source.html"),
    ("rd-bbc-1", "corpus/readability/bbc-1/source.html"),
    ("rd-cnn", "corpus/readability/cnn/source.html"),
    ("rd-engadget", "corpus/readability/engadget/source.html"),
    ("rd-guardian-1", "corpus/readability/guardian-1/source.html"),
    ("rd-lemonde-1", "corpus/readability/lemonde-1/source.html"),
    ("rd-mathjax", "corpus/readability/mathjax/source.html"),
    ("rd-medium-1", "corpus/readability/medium-1/source.html"),
    ("rd-mozilla-1", "corpus/readability/mozilla-1/source.html"),
    ("rd-nytimes-3", "corpus/readability/nytimes-3/source.html"),
    ("rd-rtl-1", "corpus/readability/rtl-1/source.html"),
    ("rd-wikipedia", "corpus/readability/wikipedia/source.html"),
    ("rd-yahoo-2", "corpus/readability/yahoo-2/source.html"),
    ("wcxb-0001", "corpus/wcxb-dev/html/0001.html.gz"),
    ("wcxb-0250", "corpus/wcxb-dev/html/0250.html.gz"),
    ("wcxb-0500", "corpus/wcxb-dev/html/0500.html.gz"),
    ("wcxb-2020", "corpus/wcxb-dev/html/2020.html.gz"),
    ("wcxb-4074", "corpus/wcxb-dev/html/4074.html.gz"),
];

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
}

pub fn load(rel: &str) -> Option<String> {
    let raw = std::fs::read(shared().join(rel)).ok()?;
    let bytes = if rel.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .ok()?;
        out
    } else {
        raw
    };
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// Exactly the parse `extract` starts with (scripting disabled, see src/parse.rs).
pub fn parse_only(html: &str) -> Html {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}
