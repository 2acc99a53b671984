//! Extraction quality over the shared corpora, with a per-page report.
//!
//! Each figure has the target and a regression floor at the figure last reached
//! (see README "Figures"). The floors are never lowered to pass: a drop means extraction got
//! worse. Where the floor is below the target, the target has not been reached yet — the
//! report prints both.

mod common;

use std::path::PathBuf;

use cleanview::extract;
use serde_json::Value;

struct Figure {
    name: &'static str,
    value: f64,
    target: f64,
    floor: f64,
}

fn check(figures: &[Figure]) {
    let mut failed = Vec::new();
    for f in figures {
        let status = if f.value >= f.target {
            "target reached"
        } else if f.value >= f.floor {
            "below target, at floor"
        } else {
            "REGRESSED below floor"
        };
        println!(
            "{:<32} {:.4}  (target {:.2}, floor {:.3})  {status}",
            f.name, f.value, f.target, f.floor
        );
        if f.value < f.floor {
            failed.push(f.name);
        }
    }
    assert!(failed.is_empty(), "regressed: {failed:?}");
}

#[test]
fn readability_suite() {
    let root = common::shared().join("corpus/readability");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("readability corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    dirs.sort();
    let rows = common::par_map(&dirs, |d| {
        let html = common::read_page(&d.join("source.html"));
        let expected = common::html_text(
            &std::fs::read_to_string(d.join("expected.html")).unwrap_or_default(),
        );
        let meta: Value = std::fs::read_to_string(d.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(Value::Null);
        let a = extract(&html, &common::options("http://fakehost/test/page.html"));
        let (tff, title_ok, readerable_ok) = match &a {
            Ok(a) => (
                common::tp_fp_fn(&expected, &a.text),
                meta["title"]
                    .as_str()
                    .map(|t| common::same(t, a.title.as_deref().unwrap_or(""))),
                meta["readerable"].as_bool().map(|r| r == a.readerable),
            ),
            Err(_) => (
                (0.0, 0.0, 1.0),
                meta["title"].as_str().map(|_| false),
                Some(false),
            ),
        };
        let name = d
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (
            name,
            tff,
            title_ok,
            a.err().map(|e| e.to_string()),
            readerable_ok,
        )
    });
    let mut worst: Vec<(f64, &str)> = rows
        .iter()
        .map(|(n, tff, _, _, _)| (common::prf(&[*tff]).2, n.as_str()))
        .collect();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst pages by body F1:");
    for (f, n) in worst.iter().take(10) {
        println!("  {f:.3}  {n}");
    }
    for (n, _, title_ok, err, _) in &rows {
        if let Some(e) = err {
            println!("  error on {n}: {e}");
        }
        if *title_ok == Some(false) {
            println!("  title differs: {n}");
        }
    }
    let tffs: Vec<(f64, f64, f64)> = rows.iter().map(|r| r.1).collect();
    let (p, r, f1) = common::prf(&tffs);
    let titles: Vec<bool> = rows.iter().filter_map(|r| r.2).collect();
    let title_rate = titles.iter().filter(|t| **t).count() as f64 / titles.len().max(1) as f64;
    let readerable: Vec<bool> = rows.iter().filter_map(|r| r.4).collect();
    let readerable_rate =
        readerable.iter().filter(|t| **t).count() as f64 / readerable.len().max(1) as f64;
    println!("pages {}  precision {p:.4}  recall {r:.4}", rows.len());
    check(&[
        Figure {
            name: "readability body F1",
            value: f1,
            target: 0.97,
            floor: 0.97,
        },
        Figure {
            name: "readability titles right",
            value: title_rate,
            target: 0.97,
            floor: 0.97,
        },
        Figure {
            name: "readerable agrees",
            value: readerable_rate,
            target: 0.95,
            floor: 0.95,
        },
    ]);
}

#[test]
fn wcxb_dev_bag_of_words() {
    let root = common::shared().join("corpus/wcxb-dev");
    let mut truths: Vec<PathBuf> = std::fs::read_dir(root.join("ground-truth"))
        .expect("wcxb corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    truths.sort();
    let rows = common::par_map(&truths, |g| {
        let d: Value = serde_json::from_str(&std::fs::read_to_string(g).unwrap_or_default())
            .unwrap_or(Value::Null);
        let stem = g
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let page = root.join("html").join(format!("{stem}.html.gz"));
        let truth = d["ground_truth"]["main_content"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let kind = d["_internal"]["page_type"]["primary"]
            .as_str()
            .unwrap_or("article")
            .to_string();
        let url = d["url"].as_str().unwrap_or("").to_string();
        let html = common::read_page(&page);
        let text = extract(&html, &common::options(&url))
            .map(|a| a.text)
            .unwrap_or_default();
        (stem, kind, common::bow_f1(&truth, &text))
    });
    let mean = |f: &dyn Fn(&str) -> bool| {
        let v: Vec<f64> = rows.iter().filter(|r| f(&r.1)).map(|r| r.2).collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let mut kinds: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        println!("  {k:<14} {:.3}", mean(&|t| t == k));
    }
    let mut worst: Vec<&(String, String, f64)> = rows.iter().filter(|r| r.1 == "article").collect();
    worst.sort_by(|a, b| a.2.total_cmp(&b.2));
    println!(
        "worst articles: {}",
        worst
            .iter()
            .take(10)
            .map(|r| format!("{} {:.2}", r.0, r.2))
            .collect::<Vec<_>>()
            .join(", ")
    );
    check(&[
        Figure {
            name: "wcxb bag-of-words F1",
            value: mean(&|_| true),
            target: 0.87,
            floor: 0.870,
        },
        Figure {
            name: "wcxb articles F1",
            value: mean(&|t| t == "article"),
            target: 0.95,
            floor: 0.951,
        },
    ]);
}
