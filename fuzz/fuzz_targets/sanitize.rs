//! The sanitiser on arbitrary HTML: never panics, and what it returns holds nothing active —
//! checked by parsing the output again, the way the clean view will.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::{node::Node, Html};

const ACTIVE: &[&str] = &[
    "script", "style", "iframe", "frame", "object", "embed", "form", "base", "meta", "link",
    "svg", "template", "noscript", "textarea", "input", "button", "select",
];

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let clean = cleanview::sanitize::clean_html(html, None);
    let parsed = Html::parse_fragment(&clean);
    for node in parsed.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let name = el.name();
        assert!(!ACTIVE.contains(&name), "<{name}> survived: {clean}");
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "{attr} survived: {clean}");
            assert!(
                !matches!(attr.as_str(), "style" | "srcdoc" | "ping" | "formaction"),
                "{attr} survived: {clean}"
            );
            if matches!(attr.as_str(), "href" | "src") {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let ok = v.starts_with("http:")
                    || v.starts_with("https:")
                    || v.starts_with("mailto:")
                    || v.starts_with("tel:")
                    || v.starts_with('#');
                assert!(ok, "{attr}={value:?} survived: {clean}");
            }
        }
    }
});
