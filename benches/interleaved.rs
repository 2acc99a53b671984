//! The extract/parse ratio measured so that machine noise cancels: per page, parse and
//! extract alternate in one loop and each keeps its fastest run. Other load on a shared
//! machine only ever adds time, and it lands on both sides of the ratio alike.
//!
//!     cargo bench --bench interleaved            # 30 rounds per page
//!     cargo bench --bench interleaved -- 60      # more rounds
//!
//! Same pages and parse as `benches/extract.rs` (criterion); pages missing from `../shared`
//! are skipped with a note.

use std::hint::black_box;
use std::time::Instant;

use cleanview::{extract, Options};

#[path = "pages.rs"]
mod pages;
use pages::{load, parse_only, PAGES};

fn main() {
    // `cargo bench` passes `--bench`; a bare number is the round count.
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(30);
    let opts = Options {
        url: Some("https://example.com/article.html".into()),
        now: chrono::DateTime::from_timestamp(1_764_288_000, 0),
        ..Options::default()
    };
    let mut ratios = Vec::new();
    println!("| page | bytes | parse ms | extract ms | extract/parse |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, rel) in PAGES {
        let Some(html) = load(rel) else {
            eprintln!("skipping {name}: ../shared/{rel} not found");
            continue;
        };
        let (mut parse, mut full) = (f64::MAX, f64::MAX);
        for _ in 0..rounds {
            let t = Instant::now();
            let doc = parse_only(black_box(&html));
            parse = parse.min(t.elapsed().as_secs_f64());
            drop(doc);
            let t = Instant::now();
            let article = extract(black_box(&html), &opts);
            full = full.min(t.elapsed().as_secs_f64());
            drop(article);
        }
        let ratio = full / parse;
        ratios.push(ratio);
        println!(
            "| {name} | {} | {:.2} | {:.2} | {ratio:.2} |",
            html.len(),
            parse * 1e3,
            full * 1e3
        );
    }
    if ratios.is_empty() {
        return;
    }
    ratios.sort_by(f64::total_cmp);
    let n = ratios.len();
    let median = if n % 2 == 0 {
        (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
    } else {
        ratios[n / 2]
    };
    let under = ratios.iter().filter(|r| **r <= 2.0).count();
    println!(
        "\n{n} pages, fastest of {rounds} alternating runs each: extract/parse median {median:.2}, \
         worst {:.2}, best {:.2}; {under}/{n} at or under 2",
        ratios[n - 1],
        ratios[0]
    );
}
