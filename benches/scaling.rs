//! Scaling: extraction time and peak heap memory versus input size, 10 KB … 10 MB, on a
//! synthetic article page and on real corpus markup (Readability pages concatenated to size).
//!
//!     cargo bench --bench scaling                 # writes bench-output/scaling.csv
//!     python3 benches/plot_scaling.py             # docs/benchmarks/scaling-*.svg + fit
//!
//! Peak memory is measured by a counting global allocator (heap bytes live at once during one
//! `extract`, input string excluded), so it is exact and independent of the OS. Time is the
//! minimum of a few runs (the least disturbed by other processes on a shared machine).

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use cleanview::{extract, Options};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const SIZES: &[usize] = &[
    10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000,
];

/// A synthetic news page of about `target` bytes: header, navigation, an article of sections
/// with paragraphs, links, emphasis, lists, figures and a table, a sidebar and a footer.
fn synthetic(target: usize) -> String {
    let mut s = String::with_capacity(target + 4096);
    s.push_str("<!doctype html><html lang=en><head><meta charset=utf-8><title>A long synthetic article</title>");
    s.push_str("<meta property=\"og:site_name\" content=\"Synthetic Times\"><meta property=\"article:published_time\" content=\"2025-09-05T16:07:00Z\"></head><body>");
    s.push_str("<header><nav><ul>");
    for i in 0..30 {
        let _ = write!(s, "<li><a href=\"/section/{i}\">Section {i}</a></li>");
    }
    s.push_str("</ul></nav></header><main><article><h1>A long synthetic article</h1><p class=byline>By A. Writer</p>");
    let mut i = 0;
    let tail = "</article><aside class=sidebar><h3>Most read</h3><ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul></aside></main><footer><a href=/privacy>Privacy</a> <a href=/terms>Terms</a> © Synthetic Times</footer></body></html>";
    while s.len() + tail.len() < target {
        let _ = write!(
            s,
            "<section id=s{i}><h2>Part {i}</h2><p>Paragraph {i} of the article tells a story in plain words, with <a href=\"/link/{i}\">a link to more</a>, some <em>emphasis</em> and <strong>strong words</strong>, long enough to read like prose.</p>"
        );
        match i % 4 {
            0 => s.push_str("<ul><li>First point of a list</li><li>Second point</li><li>Third point</li></ul>"),
            1 => {
                let _ = write!(s, "<figure><img src=\"/img/{i}.jpg\" alt=\"Picture {i}\" width=640 height=360><figcaption>A caption for picture {i}.</figcaption></figure>");
            }
            2 => s.push_str("<table><tr><th>Year</th><th>Value</th></tr><tr><td>2024</td><td>12</td></tr><tr><td>2025</td><td>15</td></tr></table>"),
            _ => s.push_str("<blockquote><p>A quoted sentence from someone in the story.</p></blockquote><div class=share><a href=/share>Share</a> <button>Like</button></div>"),
        }
        s.push_str("</section>");
        i += 1;
    }
    s.push_str(tail);
    s
}

/// Real markup of about `target` bytes: Readability corpus pages, whole documents one after the
/// other (html5ever merges the extra `<html>`/`<body>` tags, as browsers do).
fn real(target: usize, corpus: &[String]) -> String {
    let mut s = String::with_capacity(target + 2_000_000);
    let mut k = 0;
    while s.len() < target {
        let page = &corpus[k % corpus.len()];
        let room = target - s.len();
        if page.len() <= room || s.is_empty() {
            s.push_str(page);
        } else if k > corpus.len() * 4 {
            break;
        }
        k += 1;
    }
    s
}

fn load_corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|p| std::fs::read(p.join("source.html")).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .filter(|s| s.len() > 2_000)
        .collect()
}

/// Makes a page of about the given size.
type PageMaker<'a> = dyn Fn(usize) -> String + 'a;

fn measure(html: &str, opts: &Options) -> (f64, usize, usize) {
    let runs = if html.len() >= 3_000_000 { 2 } else { 5 };
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut words = 0;
    for _ in 0..runs {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t0 = Instant::now();
        let a = extract(std::hint::black_box(html), opts).expect("extracts");
        best = best.min(t0.elapsed().as_secs_f64() * 1e3);
        peak = PEAK.load(Ordering::Relaxed) - base;
        words = a.word_count;
        drop(a);
    }
    (best, peak, words)
}

fn main() {
    // `cargo bench` passes `--bench`; a name filter is not supported, nothing else is read.
    let opts = Options {
        now: chrono::DateTime::from_timestamp(1_764_288_000, 0),
        ..Options::default()
    };
    let corpus = load_corpus();
    let mut csv = String::from("series,bytes,extract_ms,peak_heap_bytes,words\n");
    println!(
        "{:<10} {:>10} {:>11} {:>9} {:>13} {:>11}",
        "series", "bytes", "extract ms", "ns/byte", "peak heap MB", "peak/input"
    );
    let mut series: Vec<(&str, Box<PageMaker>)> = vec![("synthetic", Box::new(synthetic))];
    if corpus.is_empty() {
        eprintln!("../shared/corpus/readability not found: real series skipped");
    } else {
        series.push(("real", Box::new(|n| real(n, &corpus))));
    }
    for (name, make) in &series {
        for &size in SIZES {
            let html = make(size);
            let (ms, peak, words) = measure(&html, &opts);
            println!(
                "{:<10} {:>10} {:>11.2} {:>9.1} {:>13.1} {:>11.2}",
                name,
                html.len(),
                ms,
                ms * 1e6 / html.len() as f64,
                peak as f64 / 1e6,
                peak as f64 / html.len() as f64
            );
            let _ = writeln!(csv, "{name},{},{ms:.3},{peak},{words}", html.len());
        }
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench-output");
    std::fs::create_dir_all(&out).expect("bench-output/");
    std::fs::write(out.join("scaling.csv"), csv).expect("write scaling.csv");
    println!("-> bench-output/scaling.csv");
}
