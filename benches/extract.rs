//! Per page: html5ever parse only (the same parser options `extract` uses) versus the full
//! `cleanview::extract`, on a fixed set of corpus pages from `../shared`.
//!
//!     cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3 --sample-size 20
//!     python3 benches/ratio.py        # the extract/parse ratio per page, from criterion's files
//!
//! Criterion measures `parse` and `extract` of a page seconds apart, so on a shared machine a
//! burst of other load lands on one side of the ratio only; `benches/interleaved.rs` measures
//! both alternately in one loop for that reason.
//!
//! Pages missing from `../shared` are skipped with a note (the corpus is not in the repo).

use cleanview::{extract, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "pages.rs"]
mod pages;
use pages::{load, parse_only, PAGES};

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
