//! Malformed input, as property tests: truncated documents, arbitrary bytes, NUL bytes, mixed
//! and wrongly declared encodings, invalid entities. Every case gives an `Article` or a clear
//! `Error`, never a panic.

use cleanview::{extract, Error, Options};
use proptest::prelude::*;

// The CLI's byte decoding (BOM, meta charset, UTF-8, windows-1252), included as source: it
// lives in the binary, not the library.
#[allow(dead_code)]
#[path = "../src/cli/decode.rs"]
mod decode;

const PAGE: &str = r##"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Caf&eacute; "society": a --- story</title>
<meta property="og:title" content="Café society"><meta name="author" content="Zoë Ångström">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Café","datePublished":"2025-09-05T16:07:00+00:00","author":{"name":"Zoë"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Café society</h1><p class="byline">By Zoë</p>
<p>The café on the corner has served the same strong coffee since 1952, and its regulars — writers, dockers, students — still argue at the zinc counter every morning.</p>
<p>Its owner, a third-generation barista, says the secret is patience: the beans are roasted slowly, <em>never</em> rushed, and the cups are warmed on the machine.</p>
<table><tr><th>Year</th><th>Price</th></tr><tr><td>1952</td><td>&euro;0.10</td></tr></table>
<pre><code>while (open) { serve(); }</code></pre><p>Footnote<sup><a href="#fn1">1</a></sup> and <a href="https://example.com/more">more</a>.</p>
<ol><li id="fn1">The first note.</li></ol></article><footer>© 2025</footer></body></html>"##;

fn opts() -> Options {
    Options {
        url: Some("https://example.com/2025/09/05/cafe.html".into()),
        front_matter: true,
        ..Options::default()
    }
}

/// An `Article` or one of the documented errors; anything else (a panic) fails the test.
fn check(html: &str) {
    match extract(html, &opts()) {
        Ok(a) => {
            assert!(a.markdown.is_empty() || a.markdown.ends_with('\n'));
            assert!(a.word_count <= html.len());
        }
        Err(Error::Empty) => assert!(html.trim().is_empty()),
        Err(e) => panic!("unexpected error {e} for {html:?}"),
    }
}

fn cut(s: &str, at: usize) -> &str {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn truncated_documents(at in 0usize..2000) {
        check(cut(PAGE, at));
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn nul_and_control_bytes_anywhere(positions in proptest::collection::vec((0usize..2000, 0u8..32), 1..40)) {
        let mut s = PAGE.to_string();
        for (at, byte) in positions {
            let mut at = at.min(s.len());
            while !s.is_char_boundary(at) { at -= 1; }
            s.insert(at, byte as char);
        }
        check(&s);
    }

    #[test]
    fn spliced_garbage(at in 0usize..2000, junk in "[<>&;#x0-9a-zA-Z\"'=/!\\- \u{0}\u{fffd}\u{1F600}]{0,200}") {
        let head = cut(PAGE, at);
        let s = format!("{head}{junk}{}", &PAGE[head.len()..]);
        check(&s);
    }

    #[test]
    fn invalid_entities(ents in proptest::collection::vec("&(#[xX]?[0-9a-fA-F]{0,12}|[a-zA-Z]{0,40});?", 1..200)) {
        let body: String = ents.concat();
        check(&format!("<html><body><article><h1>E</h1><p>{body}</p><p title=\"{body}\">x</p></article></body></html>"));
    }

    #[test]
    fn bytes_in_any_declared_encoding(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        charset in prop::sample::select(vec!["utf-8", "windows-1252", "iso-8859-1", "shift_jis", "utf-16", "utf-16le", "gb18030", "koi8-r", "x-user-defined", "bogus", ""]),
        bom in prop::sample::select(vec![&b""[..], &b"\xEF\xBB\xBF"[..], &b"\xFF\xFE"[..], &b"\xFE\xFF"[..]]),
    ) {
        let mut input = bom.to_vec();
        input.extend_from_slice(format!("<meta charset=\"{charset}\"><title>t</title><p>").as_bytes());
        input.extend_from_slice(&bytes);
        // Decoding gives text or a readable refusal (binary, empty), and the text extracts.
        match decode::decode_html(&input) {
            Ok(text) => check(&text),
            Err(msg) => prop_assert!(!msg.is_empty()),
        }
    }

    #[test]
    fn page_mixing_encodings(latin1 in proptest::collection::vec(0x80u8..=0xFF, 1..200)) {
        // A UTF-8 page with a windows-1252 paragraph pasted in, declared as UTF-8.
        let mut input = PAGE.as_bytes().to_vec();
        let at = PAGE.find("<table>").unwrap();
        let mut para = b"<p>".to_vec();
        para.extend_from_slice(&latin1);
        para.extend_from_slice(b"</p>");
        input.splice(at..at, para);
        match decode::decode_html(&input) {
            Ok(text) => {
                check(&text);
                let a = extract(&text, &opts()).unwrap();
                prop_assert!(a.text.contains("zinc counter"));
            }
            Err(msg) => prop_assert!(!msg.is_empty()),
        }
    }
}

#[test]
fn empty_and_whitespace_are_the_empty_error() {
    for s in ["", " ", "\n\t  \r\n"] {
        assert_eq!(extract(s, &opts()).unwrap_err(), Error::Empty);
    }
}

#[test]
fn a_bad_page_url_is_a_clear_error() {
    let o = Options {
        url: Some("not a url".into()),
        ..Options::default()
    };
    assert!(matches!(extract(PAGE, &o), Err(Error::BadUrl(_))));
}
