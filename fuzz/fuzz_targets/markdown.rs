//! The Markdown and text writers on arbitrary fragments (not only sanitised ones: the writers
//! must not rely on the allow-list for their own safety).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::Html;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let fragment = Html::parse_fragment(html);
    let md = cleanview::markdown::to_markdown(&fragment);
    let text = cleanview::text::plain_text(&fragment);
    let _ = cleanview::text::word_count(&text);
    let _ = cleanview::text::first_paragraph_excerpt(&text);
    // And the same on the sanitised form, which is what the pipeline actually renders.
    let clean = Html::parse_fragment(&cleanview::sanitize::clean_html(html, None));
    let _ = cleanview::markdown::to_markdown(&clean);
    assert!(md.is_empty() || md.ends_with('\n'));
});
