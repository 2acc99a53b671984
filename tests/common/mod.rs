//! What the corpus tests share: where the shared data lives, a fixed clock, and the scorer's
//! metrics (`../shared/tools/score.py`) re-implemented so `cargo test` needs no Python.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use cleanview::Options;
use scraper::Html;

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T00:00:00Z")
        .expect("fixed clock")
        .with_timezone(&Utc)
}

pub fn options(url: &str) -> Options {
    Options {
        url: Some(url.to_string()),
        now: Some(now()),
        ..Options::default()
    }
}

/// A page's HTML, unpacking `.gz` files.
pub fn read_page(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        String::from_utf8_lossy(&out).into_owned()
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// `\w+` tokens, as Python's `re` reads them.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(text: &str) -> HashMap<Vec<String>, f64> {
    let t = tokens(text);
    let mut out = HashMap::new();
    let n = 4;
    let count = t.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let end = (i + n).min(t.len());
        if i < end {
            *out.entry(t[i..end].to_vec()).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// Normalised (tp, fp, fn) of 4-gram shingles, each page weighted 1.
pub fn tp_fp_fn(truth: &str, pred: &str) -> (f64, f64, f64) {
    let a = shingles(truth);
    let b = shingles(pred);
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for k in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        let x = a.get(k).copied().unwrap_or(0.0);
        let y = b.get(k).copied().unwrap_or(0.0);
        tp += x.min(y);
        fp += (y - x).max(0.0);
        fneg += (x - y).max(0.0);
    }
    let s = tp + fp + fneg;
    if s == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp / s, fp / s, fneg / s)
    }
}

/// Macro-averaged precision, recall and F1 over pages, as the scorer computes them.
pub fn prf(rows: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let p = |&(tp, fp, fneg): &(f64, f64, f64)| {
        if fp == 0.0 && fneg == 0.0 {
            1.0
        } else if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    };
    let r = |&(tp, fp, fneg): &(f64, f64, f64)| {
        if fp == 0.0 && fneg == 0.0 {
            1.0
        } else if tp == 0.0 && fneg == 0.0 {
            0.0
        } else {
            tp / (tp + fneg)
        }
    };
    let ps: Vec<f64> = rows.iter().filter(|x| x.0 + x.1 > 0.0).map(p).collect();
    let rs: Vec<f64> = rows.iter().filter(|x| x.0 + x.2 > 0.0).map(r).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (pp, rr) = (mean(&ps), mean(&rs));
    let f = if pp + rr > 0.0 {
        2.0 * pp * rr / (pp + rr)
    } else {
        0.0
    };
    (pp, rr, f)
}

/// WCXB's bag-of-words F1 for one page.
pub fn bow_f1(truth: &str, pred: &str) -> f64 {
    let count = |s: &str| {
        let mut m: HashMap<String, f64> = HashMap::new();
        for t in tokens(s) {
            *m.entry(t.to_lowercase()).or_insert(0.0) += 1.0;
        }
        m
    };
    let t = count(truth);
    let p = count(pred);
    if t.is_empty() {
        return if p.is_empty() { 1.0 } else { 0.0 };
    }
    if p.is_empty() {
        return 0.0;
    }
    let overlap: f64 = t
        .iter()
        .map(|(k, v)| v.min(p.get(k).copied().unwrap_or(0.0)))
        .sum();
    let (ps, ts): (f64, f64) = (p.values().sum(), t.values().sum());
    let (prec, rec) = (overlap / ps, overlap / ts);
    if prec + rec == 0.0 {
        0.0
    } else {
        2.0 * prec * rec / (prec + rec)
    }
}

/// Text of an HTML document with a space at every element boundary (the scorer's reading of
/// an expected HTML file).
pub fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for n in doc.tree.root().descendants() {
        match n.value() {
            scraper::Node::Text(t) => {
                let inside_skipped = n.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| {
                        matches!(e.name(), "script" | "style" | "template" | "noscript")
                    })
                });
                if !inside_skipped {
                    out.push_str(t);
                }
            }
            scraper::Node::Element(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Case-folded, whitespace-collapsed comparison of metadata strings.
pub fn same(a: &str, b: &str) -> bool {
    let n = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    n(a) == n(b)
}

/// Run `f` over `items` on two threads, keeping order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mid = items.len() / 2;
    let (a, b) = items.split_at(mid);
    std::thread::scope(|s| {
        let h = s.spawn(|| a.iter().map(&f).collect::<Vec<R>>());
        let mut right: Vec<R> = b.iter().map(&f).collect();
        let mut left = h.join().expect("worker thread");
        left.append(&mut right);
        left
    })
}
