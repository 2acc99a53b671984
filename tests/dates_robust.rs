//! The date phase on hostile input: deep nesting must not become stack depth, odd strings
//! must not panic.

use chrono::{DateTime, Utc};
use cleanview::date::{find_dates, parse_date};
use cleanview::json;

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
    // Deeper than the JSON reader ever returns (127 levels), as a caller could build it.
    let mut v = json::parse(r#"{"datePublished": "2025-09-05T16:07:00Z", "@type": "NewsArticle"}"#)
        .expect("valid");
    for _ in 0..5_000 {
        v = json::Value::Object([("mainEntity".to_string(), v)].into_iter().collect());
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
    // A value drops its children recursively; leak it rather than test its destructor.
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
    let ld = vec![json::parse(
        r#"{"@type": "NewsArticle", "datePublished": "2024-03-01", "dateModified": "2024-03-05T09:00:00Z"}"#,
    )
    .expect("valid")];
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

fn published(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    find_dates(&doc, None, &[], Some(now()))
        .published
        .map(|d| d.value)
}

#[test]
fn header_date_beats_loose_meta_and_lists() {
    // A loose `<meta name="date">` the header contradicts yields to the header.
    let html = r#"<html><head><meta name="date" content="2020-02-12"></head><body>
        <article><h1>Headline</h1><p class="dateline">05.02.2020</p><p>Body text.</p>
        </article></body></html>"#;
    assert_eq!(published(html).as_deref(), Some("2020-02-05"));
    // ...but not when the header shows the meta's day somewhere too.
    let html = r#"<html><head><meta name="date" content="2017-05-01T17:05:00+02:00"></head>
        <body><main><h1>Headline</h1><p class="today-date">26.02.2020</p><p>01.05.2017</p>
        <p>Body.</p></main></body></html>"#;
    assert_eq!(
        published(html).as_deref(),
        Some("2017-05-01T17:05:00+02:00")
    );
    // A date in prose under the headline is not a dateline.
    let html = r#"<html><body><div class="teaser-meta">02.01.2022</div><main><h1>Headline</h1>
        <p>Applications for the premium must reach the lower hunting authority by 30 April 2022 at the latest, as the regulation says.</p>
        </main></body></html>"#;
    assert_eq!(published(html).as_deref(), Some("2022-01-02"));
}

#[test]
fn a_sidebar_class_on_the_headline_wrapper_is_a_layout_state() {
    let html = r#"<html><body><div class="mainwrap sidebar"><h1>Headline</h1>
        <div class="post-meta"><a class="post-meta-time">08/08/2017</a></div><p>Body</p>
        </div></body></html>"#;
    assert_eq!(published(html).as_deref(), Some("2017-08-08"));
}

#[test]
fn lead_image_day_and_script_state_are_last_resort_evidence() {
    let html = r#"<html><head>
        <meta property="og:image" content="https://example.org/files/2016/05/04/cover.png">
        </head><body><p>No date here.</p></body></html>"#;
    assert_eq!(published(html).as_deref(), Some("2016-05-04"));
    let html = r#"<html><head><script>var meta = {"product":{"id":1,
        "published_at":"2019-03-02T06:22:28+01:00","created_at":"2019-03-02T06:27:24+01:00"}};
        </script></head><body><p>Coffee beans.</p></body></html>"#;
    assert_eq!(
        published(html).as_deref(),
        Some("2019-03-02T06:22:28+01:00")
    );
    // A file name is not a directory date.
    let html = r#"<html><head>
        <meta property="og:image" content="https://example.org/up/IMG_2016-05-04.png">
        </head><body><p>No date here.</p></body></html>"#;
    assert_eq!(published(html), None);
}
