//! Huge, deep and malformed-by-size input: every case completes on a thread with a 1 MB stack
//! (WebAssembly's stack), with a result or a clear `Error`, and bounded output. No wall-clock
//! time is asserted: parse work is bounded by construction (`cleanview::limits`), and the
//! timings are in SECURITY.md.

use cleanview::{extract, Error, Options};

/// Run `f` on a thread with WebAssembly's 1 MB stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow or panic")
}

const PARA: &str = "<p>The council met on Monday to discuss the new harbour wall, which engineers say will protect the old town from winter storms for another century.</p>\n";

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Deep</title></head><body><article><h1>Deep</h1>{p}{p}{p}{body}{p}{p}</article></body></html>",
        p = PARA
    )
}

fn nested(open: &str, close: &str, n: usize, inner: &str) -> String {
    let mut s = String::with_capacity(n * (open.len() + close.len()) + inner.len());
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..n {
        s.push_str(close);
    }
    s
}

#[test]
fn nesting_that_makes_parsing_quadratic_is_a_clear_error() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<div>", ""),
        ("<ul><li>", "</li></ul>"),
        ("<blockquote>", "</blockquote>"),
    ] {
        let html = page(&nested(open, close, 100_000, "deep words"));
        let r = on_small_stack(move || extract(&html, &Options::default()));
        match r {
            Err(e @ Error::TooComplex { .. }) => {
                assert!(e.to_string().contains("nested too deeply"), "{e}");
            }
            other => panic!(
                "{open}: expected TooComplex, got {:?}",
                other.map(|a| a.text.len())
            ),
        }
    }
}

#[test]
fn deep_nesting_the_parser_handles_linearly_keeps_its_words_on_a_1mb_stack() {
    let cases = [
        ("<span>", "</span>"),
        ("<b>", "</b>"),
        ("<a href=\"https://x.example/\">", "</a>"),
        ("<em><strong>", "</strong></em>"),
        ("<svg><g>", ""),
        ("<math><mrow>", ""),
        ("<table><tr><td>", ""),
    ];
    for (open, close) in cases {
        let html = page(&nested(open, close, 100_000, "<p>deep words here</p>"));
        let len = html.len();
        let a = on_small_stack(move || extract(&html, &Options::default()))
            .unwrap_or_else(|e| panic!("{open}: {e}"));
        assert!(a.text.contains("harbour wall"), "{open}: lost the prose");
        if !open.contains("svg") && !open.contains("math") {
            assert!(
                a.text.contains("deep words here"),
                "{open}: lost the deep text"
            );
        }
        // Output stays proportional to the input.
        assert!(
            a.content_html.len() < 10 * len,
            "{open}: {}",
            a.content_html.len()
        );
        assert!(a.markdown.len() < 10 * len, "{open}: {}", a.markdown.len());
    }
}

#[test]
fn deep_fragments_through_the_sanitiser_and_writers_on_a_1mb_stack() {
    // The phases after extraction on their own, on depths extraction would never hand them.
    on_small_stack(|| {
        // (Fragments are parsed without the page budget, so the quadratic shapes stay at
        // 10,000 here.)
        for (open, close, n) in [
            ("<blockquote>", "</blockquote>", 10_000),
            ("<em>", "</em>", 100_000),
            ("<ol><li>", "</li></ol>", 10_000),
        ] {
            let html = nested(open, close, n, "deep words");
            let clean = cleanview::sanitize::clean_html(&html, None);
            let frag = scraper::Html::parse_fragment(&clean);
            let md = cleanview::markdown::to_markdown(&frag);
            let text = cleanview::text::plain_text(&frag);
            assert!(md.contains("deep words"), "{open}");
            assert!(text.contains("deep words"), "{open}");
        }
    });
}

#[test]
fn a_million_siblings() {
    let html = page(&format!("<div>{}</div>", "<p>word</p>".repeat(1_000_000)));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert!(a.word_count >= 1_000_000, "{}", a.word_count);
}

/// Each sign-up form's box is looked for by walking its ancestors' text: a page of many
/// forms in one box must not make that walk quadratic (50,000 forms: billions of steps if it
/// were), and the story beside them stays.
#[test]
fn fifty_thousand_sign_up_forms_in_one_box() {
    let forms = r#"<form><input type="email"></form>"#.repeat(50_000);
    let story = "<p>The story beside the forms, long enough to read as prose, with commas, clauses and a full stop at the end of it.</p>".repeat(4);
    let html = page(&format!(
        "<article>{story}</article><div class=\"box\">{forms}</div>"
    ));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert!(a.text.contains("The story beside the forms"), "{}", a.text);
}

/// Every `<noscript>` holding an iframe written as `<iframe />` makes the page's parse be
/// redone with the iframes closed (`parse.rs`): a hundred thousand of them are one repair and
/// one second parse, not one per noscript, and the text after each is kept.
#[test]
fn a_hundred_thousand_self_closed_iframes_in_noscript() {
    let html =
        page(&"<noscript><iframe src=x /></noscript><p>After the noscript.</p>".repeat(100_000));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert_eq!(a.text.matches("After the noscript.").count(), 100_000);
}

#[test]
fn ten_megabyte_attribute_values() {
    let big = "a&amp;".repeat(2 * 1024 * 1024);
    let html = page(&format!(
        "<p title=\"{big}\">titled</p><p><a href=\"https://x.example/{big}\">link</a> <img alt=\"{big}\" src=\"https://img.example/x.png\"></p>"
    ));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert!(a.text.contains("titled") && a.text.contains("link"));
    // Attribute values over 64 KB are dropped by the sanitiser, not copied into the output.
    assert!(a.content_html.len() < 100_000, "{}", a.content_html.len());
}

#[test]
fn a_million_entities_valid_and_invalid() {
    let good = "&amp;&lt;&#x41;&eacute;&notin;".repeat(200_000);
    let bad = "&amp&#xZZ;&#99999999;&notanentity;&#0;".repeat(200_000);
    let html = page(&format!("<p>{good}</p><p>{bad}</p>"));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert!(a.text.contains("&<Aé∉&<Aé∉"));
    assert!(
        a.text.contains("&&#xZZ;\u{fffd}\u{ac}anentity;\u{fffd}"),
        "legacy &not decodes without its semicolon"
    );
}

#[test]
fn size_and_node_limits_are_clear_errors() {
    let html = page(&"<p>word</p>".repeat(1000));
    let small = Options {
        max_input_bytes: 1000,
        ..Options::default()
    };
    let e = extract(&html, &small).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }) && e.to_string().contains("over the limit"));
    let few = Options {
        max_nodes: 100,
        ..Options::default()
    };
    let e = extract(&html, &few).unwrap_err();
    assert!(matches!(e, Error::TooManyNodes { .. }), "{e}");
    let strict = Options {
        parse_steps_per_byte: 1,
        ..Options::default()
    };
    // The per-byte budget includes a fixed allowance, so a normal page passes even at 1.
    assert!(extract(&html, &strict).is_ok());
}

#[test]
fn real_pages_stay_far_below_the_parse_budget() {
    // The seed page and every Readability source: under 1 step per byte (the default allows
    // 16; the full corpora in ../shared peak at 0.65).
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut files = vec![shared.join("seed/seed-article.html")];
    if let Ok(dir) = std::fs::read_dir(shared.join("corpus/readability")) {
        files.extend(dir.flatten().map(|e| e.path().join("source.html")));
    }
    let mut worst = 0.0f64;
    for f in files {
        let Ok(html) = std::fs::read_to_string(&f) else {
            continue;
        };
        let steps = cleanview::limits::parse_steps(&html);
        worst = worst.max(steps as f64 / html.len().max(1) as f64);
    }
    assert!(worst < 1.0, "{worst}");
}

/// 50 MB of prose: minutes of nothing? No — seconds, linear. Ignored by default (it allocates
/// about 600 MB); run with `cargo test --release --test limits -- --ignored`.
#[test]
#[ignore]
fn a_fifty_megabyte_page() {
    let html = page(&PARA.repeat(50 * 1024 * 1024 / PARA.len()));
    let a = on_small_stack(move || extract(&html, &Options::default())).expect("extracts");
    assert!(a.word_count > 5_000_000);
}
