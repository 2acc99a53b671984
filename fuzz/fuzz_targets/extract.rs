//! The whole pipeline on arbitrary bytes: a result or an `Error`, never a panic or a hang.
#![no_main]

use cleanview::{extract, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let options = Options {
        url: Some("https://news.example.com/2025/09/05/story.html".to_string()),
        front_matter: true,
        ..Options::default()
    };
    if let Ok(article) = extract(&html, &options) {
        // The three renderings come from one sanitised fragment; none may carry markup the
        // sanitiser refuses.
        let lower = article.content_html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{}", article.content_html);
        assert!(!lower.contains("<iframe"), "{}", article.content_html);
    }
});
