//! The date phase on hostile input: deep nesting must not become stack depth, odd strings
//! must not panic.

use chrono::{DateTime, Utc};
use cleanview::date::{find_dates, parse_date};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T00:00:00Z")
        .expect("fixed clock")
        .with_timezone(&Utc)
}

#[test]
fn deep_nesting_in_a_small_stack() {
    let depth = 3_000;
    let mut html = String::from("<html><body>");
    for _ in 0..depth {
        html.push_str("<div class=\"post-date\">");
    }
    html.push_str("Published on 5 September 2025");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    // Parsing and the date phase run on WebAssembly's 1 MiB stack: every walk must be
    // iterative.
    let found = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn_scoped(s, || {
                let doc = scraper::Html::parse_document(&html);
                find_dates(&doc, None, &[], Some(now()))
            })
            .expect("thread")
            .join()
            .expect("no overflow")
    });
    assert_eq!(
        found.published.map(|d| d.value).as_deref(),
        Some("2025-09-05")
    );
}

#[test]
fn deep_json_ld_is_walked_iteratively() {
    let mut v =
        serde_json::json!({"datePublished": "2025-09-05T16:07:00Z", "@type": "NewsArticle"});
    for _ in 0..5_000 {
        // Built by moving, not with `json!` (which would serialise `v` recursively).
        let mut map = serde_json::Map::new();
        map.insert("mainEntity".to_string(), v);
        v = serde_json::Value::Object(map);
    }
    let ld = vec![v];
    let found = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn_scoped(s, || {
                let doc = scraper::Html::parse_document("<html><body></body></html>");
                find_dates(&doc, None, &ld, Some(now()))
            })
            .expect("thread")
            .join()
            .expect("no overflow")
    });
    // Bounded depth: a date buried 5,000 levels down is not the page's.
    assert!(found.published.is_none());
    // serde_json drops deep values recursively; leak it rather than test its destructor.
    std::mem::forget(ld);
}

#[test]
fn seed_like_page_prefers_the_structured_instant() {
    let html = r#"<html lang="en"><head>
        <meta property="article:published_time" content="20250905T1607+0000">
        <meta property="article:modified_time" content="20250905T1607+0000">
        </head><body><h1>Title</h1>
        <div class="article__info-date"><a href="/20250905/" data-unixtime="1757088420">16:07 GMT 05.09.2025</a></div>
        <p>In this Tuesday, Jan. 8, 2019, photo released by the agency...</p>
        <div class="related"><div>3 September 2025, 05:47 GMT</div></div>
        </body></html>"#;
    let doc = scraper::Html::parse_document(html);
    let url = url::Url::parse("https://example.com/20250905/slug-1122736223.html").ok();
    let f = find_dates(&doc, url.as_ref(), &[], Some(now()));
    assert_eq!(
        f.published.map(|d| d.value).as_deref(),
        Some("2025-09-05T16:07:00+00:00")
    );
    assert_eq!(
        f.modified.map(|d| d.value).as_deref(),
        Some("2025-09-05T16:07:00+00:00")
    );
}

#[test]
fn only_an_update_is_the_publication() {
    let html = r#"<html><head><meta property="article:modified_time" content="2024-03-01T10:00:00+01:00"></head><body></body></html>"#;
    let doc = scraper::Html::parse_document(html);
    let f = find_dates(&doc, None, &[], Some(now()));
    assert_eq!(
        f.published.map(|d| d.value).as_deref(),
        Some("2024-03-01T10:00:00+01:00")
    );
}

#[test]
fn published_is_never_the_update_when_both_exist() {
    let ld = vec![serde_json::json!({
        "@type": "NewsArticle",
        "datePublished": "2024-03-01",
        "dateModified": "2024-03-05T09:00:00Z"
    })];
    let html = r#"<html><head><meta property="article:published_time" content="2024-03-01T08:30:00+01:00"></head><body></body></html>"#;
    let doc = scraper::Html::parse_document(html);
    let f = find_dates(&doc, None, &ld, Some(now()));
    // The JSON-LD day, made precise by the meta tag stating the same day.
    assert_eq!(
        f.published.map(|d| d.value).as_deref(),
        Some("2024-03-01T08:30:00+01:00")
    );
    assert_eq!(
        f.modified.map(|d| d.value).as_deref(),
        Some("2024-03-05T09:00:00+00:00")
    );
}

#[test]
fn future_and_ancient_dates_are_ignored() {
    let html = r#"<html><head>
        <meta name="date" content="2031-01-01">
        </head><body><h1>T</h1><p class="date">Published 3 March 1990</p></body></html>"#;
    let doc = scraper::Html::parse_document(html);
    let f = find_dates(&doc, None, &[], Some(now()));
    assert!(f.published.is_none(), "{f:?}");
}

#[test]
fn parse_date_never_panics() {
    let mut s = String::new();
    for c in [
        "2025", "-", "09", "T", "16", ":", "+", "年", "月", "Sep", " ", ".", "/", "99", "à", "ago",
    ] {
        s.push_str(c);
        let _ = parse_date(&s, Some(now()));
        let _ = parse_date(&s, None);
    }
}
