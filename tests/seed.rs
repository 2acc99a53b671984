//! The page this project started from extracts exactly as `seed-article.expected.json` says.

mod common;

use chrono::DateTime;
use cleanview::extract;
use serde_json::Value;

#[test]
fn seed_page_extracts_as_expected() {
    let dir = common::shared().join("seed");
    let html = std::fs::read_to_string(dir.join("seed-article.html")).expect("seed page");
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("seed-article.expected.json")).expect("expected"),
    )
    .expect("expected json");
    let s = |k: &str| exp[k].as_str().unwrap_or_default().to_string();
    let list = |k: &str| -> Vec<String> {
        exp[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let a = extract(&html, &common::options(&s("url"))).expect("extracts");

    assert_eq!(a.title.as_deref(), Some(s("title").as_str()));
    assert_eq!(a.site_name.as_deref(), Some(s("site_name").as_str()));
    assert_eq!(a.lang.as_deref(), Some(s("lang").as_str()));
    assert_eq!(a.image.as_deref(), Some(s("image").as_str()));
    let instant = |v: &str| DateTime::parse_from_rfc3339(v).expect("RFC 3339");
    let published = a.published.as_deref().expect("a publication time");
    assert_eq!(
        instant(published),
        instant(&s("published")),
        "published {published}"
    );
    let modified = a.modified.as_deref().expect("an update time");
    assert_eq!(
        instant(modified),
        instant(&s("modified")),
        "modified {modified}"
    );
    for wrong in list("dates_that_are_wrong_answers") {
        assert!(!published.starts_with(&wrong));
    }
    let source = a
        .published_source
        .as_ref()
        .expect("where the date came from");
    assert!(!source.raw.is_empty() && !source.source.is_empty());

    let excerpt = a.excerpt.as_deref().unwrap_or_default();
    assert!(
        excerpt.starts_with(&s("excerpt_starts_with")),
        "excerpt {excerpt}"
    );
    let tags: Vec<String> = a.tags.iter().map(|t| t.to_lowercase()).collect();
    for t in list("tags_include") {
        assert!(tags.contains(&t), "tag {t} missing from {tags:?}");
    }
    for t in list("text_must_contain") {
        assert!(a.text.contains(&t), "missing: {t}");
        assert!(a.markdown.contains(&t), "missing from the Markdown: {t}");
    }
    for t in list("text_must_not_contain") {
        assert!(!a.text.contains(&t), "clutter leaked: {t}");
        assert!(
            !a.content_html.contains(&t),
            "clutter leaked into content_html: {t}"
        );
    }
    let positions: Vec<usize> = list("paragraph_order")
        .iter()
        .map(|p| {
            a.text
                .find(p.as_str())
                .unwrap_or_else(|| panic!("paragraph missing: {p}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "paragraphs out of order: {positions:?}"
    );
    assert!(a.readerable);
    assert!(a.word_count > 300 && a.reading_minutes >= 1);
}
