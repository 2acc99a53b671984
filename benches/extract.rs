//! Per page: html5ever parse only (the same parser options `extract` uses) versus the full
//! `cleanview::extract`, on a fixed set of corpus pages from `../shared`.
//!
//!     cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3 --sample-size 20
//!     python3 benches/ratio.py        # the extract/parse ratio per page, from criterion's files
//!
//! Pages missing from `../shared` are skipped with a note (the corpus is not in the repo).

use std::io::Read;
use std::path::{Path, PathBuf};

use cleanview::{extract, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
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

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
}

fn load(rel: &str) -> Option<String> {
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
fn parse_only(html: &str) -> Html {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

fn bench_pages(c: &mut Criterion) {
    let opts = Options {
        url: Some("https://example.com/article.html".into()),
        now: chrono::DateTime::from_timestamp(1_764_288_000, 0),
        ..Options::default()
    };
    for (name, rel) in PAGES {
        let Some(html) = load(rel) else {
            eprintln!("skipping {name}: ../shared/{rel} not found");
            continue;
        };
        let mut group = c.benchmark_group(format!("page/{name}"));
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_function(BenchmarkId::from_parameter("parse"), |b| {
            b.iter(|| parse_only(std::hint::black_box(&html)))
        });
        group.bench_function(BenchmarkId::from_parameter("extract"), |b| {
            b.iter(|| extract(std::hint::black_box(&html), &opts).expect("extracts"))
        });
        group.finish();
    }
}

criterion_group!(benches, bench_pages);
criterion_main!(benches);
