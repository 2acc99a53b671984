//! Behaviours of `extract` on small hand-made pages, one concern each.

use cleanview::{extract, Error, Options};

fn opts() -> Options {
    Options {
        url: Some("https://news.example.com/2024/03/story.html".into()),
        ..Options::default()
    }
}

fn para(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>Paragraph {i} of the story, with enough words, commas, and detail to read like prose written by a person.</p>"))
        .collect()
}

#[test]
fn clutter_around_the_article_is_dropped() {
    let html = format!(
        r#"<html><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
        <div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
        <article><h1>Headline</h1>{}<div class="share-bar"><a href="x">Share on X</a></div></article>
        <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
        <div id="comments"><p>First comment, which is long enough to look like prose, but it is a comment.</p></div>
        <footer>© 2024 Example News. All rights reserved.</footer></body></html>"#,
        para(6)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Paragraph 0") && a.text.contains("Paragraph 5"));
    for clutter in [
        "Home",
        "cookies",
        "Share on X",
        "Another story",
        "First comment",
        "All rights reserved",
    ] {
        assert!(!a.text.contains(clutter), "{clutter} leaked: {}", a.text);
    }
}

/// On a page that declares itself a forum thread (or a question with answers) the replies
/// are what the reader came for, whatever their blocks are named; on an article they are
/// the comment section and go.
#[test]
fn a_threads_replies_are_content_an_articles_comments_are_not() {
    let page = |ty: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"{ty}","headline":"Is it worth it?"}}</script></head>
            <body><main><h1>Is it worth it?</h1><article class="post">{}</article>
            <div class="comments"><article class="comment comment-overall-layer"><div class="comment-content"><p>FIRST REPLY: it depends on the hours you are willing to work, and on what you want to do after the first two years.</p></div></article>
            <article class="comment comment-overall-layer"><div class="comment-content"><p>SECOND REPLY: the exit opportunities are broad, so you can always leave if the balance does not suit you.</p></div></article></div></main></body></html>"#,
            para(3)
        )
    };
    let thread = extract(&page("DiscussionForumPosting"), &opts()).expect("extracts");
    assert!(thread.text.contains("Paragraph 0"), "{}", thread.text);
    assert!(
        thread.text.contains("FIRST REPLY") && thread.text.contains("SECOND REPLY"),
        "{}",
        thread.text
    );
    let article = extract(&page("NewsArticle"), &opts()).expect("extracts");
    assert!(article.text.contains("Paragraph 0"), "{}", article.text);
    assert!(!article.text.contains("REPLY"), "{}", article.text);
}

#[test]
fn lazy_images_code_languages_and_videos_survive() {
    let html = format!(
        r#"<html><body><article>{}
        <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/photo.jpg" alt="A photo"><figcaption>The caption</figcaption></figure>
        <pre class="highlight"><code class="language-rust">fn main() {{
    println!("hi");
}}</code></pre>
        <iframe src="https://www.youtube.com/embed/abc123"></iframe>{}</article></body></html>"#,
        para(3),
        para(3)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.content_html
            .contains(r#"src="https://news.example.com/img/photo.jpg""#),
        "{}",
        a.content_html
    );
    assert!(a.content_html.contains(r#"class="language-rust""#));
    assert!(
        a.markdown
            .contains("```rust\nfn main() {\n    println!(\"hi\");\n}\n```"),
        "{}",
        a.markdown
    );
    assert!(a
        .content_html
        .contains("https://www.youtube.com/watch?v=abc123"));
    assert!(!a.content_html.contains("iframe"));
}

#[test]
fn hidden_microdata_is_not_text() {
    let html = format!(
        r#"<html><body><article><div style="display:none"><span itemprop="name">HIDDEN NAME</span></div>
        <div hidden>HIDDEN TOO</div><div aria-hidden="true">HIDDEN THREE</div>{}</article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(!a.text.contains("HIDDEN"), "{}", a.text);
}

/// Without style sheets, framework utility classes are the only sign a block is never shown:
/// a store's variant data goes, copy shown again at some screen size stays, and hidden prose
/// (an FAQ answer a script reveals) stays as the page's text.
#[test]
fn blocks_hidden_by_a_utility_class_are_dropped_unless_shown_or_prose() {
    let html = format!(
        r#"<html><body><article>{}
        <dl class="product-info hide"><dt>HIDDEN_VARIANT_A</dt><dd>https://cdn.example.com/a.jpg</dd><dt>HIDDEN_VARIANT_B</dt><dd>sku-123</dd></dl>
        <div class="d-none"><span>HIDDEN_PRICE 20.00</span></div>
        <span class="allSubDir hideAll">{{'en-in': 'https://example.com/HIDDEN_MAP/'}}</span>
        <div class="Hidden"><span>HIDDEN_CASE label</span></div>
        <ul class="hidden"><li>HIDDEN_SIZE S</li><li>HIDDEN_SIZE M</li></ul>
        <p>A visible sentence of the story<span class="screen-reader-text"> HIDDEN_SR label</span>, with more words.</p>
        <div class="w-form"><div class="w-form-fail"><div>HIDDEN_FORM Oops! Something went wrong.</div></div></div>
        <div class="hide md:block"><p>DESKTOP_ONLY note beside the story.</p></div>
        <div class="d-none d-lg-block"><p>WIDE_SCREEN summary line.</p></div>
        <div class="hide show@medium"><p>MEDIUM_UP text line.</p></div>
        <h3>How long does delivery take?</h3>
        <div class="faq__answer hide"><p>FAQ_ANSWER: orders leave the warehouse within two days and arrive within a week.</p></div>
        </article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    for gone in [
        "HIDDEN_VARIANT",
        "HIDDEN_PRICE",
        "HIDDEN_SIZE",
        "HIDDEN_SR",
        "HIDDEN_FORM",
        "HIDDEN_MAP",
        "HIDDEN_CASE",
    ] {
        assert!(!a.text.contains(gone), "{gone} kept: {}", a.text);
    }
    for kept in ["DESKTOP_ONLY", "WIDE_SCREEN", "MEDIUM_UP", "FAQ_ANSWER"] {
        assert!(a.text.contains(kept), "{kept} missing: {}", a.text);
    }
}

/// A contact form is dropped by how much text a reader sees in it: its choice lists (here 120
/// options) and the validation script form builders put inside it do not count, so they no
/// longer make it look like a page wrapped in one `<form>`.
#[test]
fn contact_forms_go_however_long_their_choice_lists() {
    let options: String = (0..120)
        .map(|i| format!("<option>Monthly budget band number {i}</option>"))
        .collect();
    let html = format!(
        r#"<html><body><article>{}
        <form method="post" action="/contact"><ul>
        <li><label for="n">FORM_NAME Name</label><input id="n" name="n"></li>
        <li><select name="b">{options}</select><div class="gfield_description">FORM_NOTE This field is for validation purposes and should be left unchanged.</div></li>
        <li><textarea name="m"></textarea></li></ul>
        <script>window.gf_validation = function () {{ return "a long inline validation routine that the form builder ships"; }};</script>
        <input type="submit" value="Send"></form>
        </article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(!a.text.contains("FORM_"), "form kept: {}", a.text);
    assert!(a.text.contains("Paragraph 4 of the story"), "{}", a.text);
}

#[test]
fn the_browser_hidden_mark_is_honoured() {
    let html = format!(
        r#"<html><body><article>{}<div data-cleanview-hidden>POPUP OVERLAY TEXT</div></article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(!a.text.contains("POPUP OVERLAY"));
}

/// A page whose script reveals the story keeps it hidden in the markup: with nothing visible,
/// the hidden story is the article. An app shell's hidden skip link is not.
#[test]
fn hidden_text_stands_in_only_when_it_is_an_article() {
    let html = format!(
        r#"<html><body><div style="display:none"><h1>Story</h1>{}</div></body></html>"#,
        para(3)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Paragraph 2 of the story"), "{}", a.text);
    let shell = r##"<html><body><div style="display:none"><h1>Shop</h1><ul><li><a href="#search">I'm shopping for...</a></li></ul></div><div id="app"></div></body></html>"##;
    let a = extract(shell, &opts()).expect("extracts");
    assert!(!a.text.contains("shopping for"), "{}", a.text);
}

/// A cookie banner goes in the relaxed passes too, which run exactly when the article is
/// short or sits in an unlikely-named block; a cookie policy's own prose stays.
#[test]
fn cookie_banners_go_in_every_pass() {
    let html = format!(
        r#"<html><body><div class="content"><h1>Notice</h1>{}</div><div id="cookie-law-info-bar"><span>COOKIE TEXT: this website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt out if you wish.</span></div></body></html>"#,
        para(2)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Paragraph 1 of the story"), "{}", a.text);
    assert!(!a.text.contains("COOKIE TEXT"), "{}", a.text);
    let clause = "<p>Clause {i}: this site stores small files on your device, some needed for it to work and some, with your consent, to measure how it is used.</p>";
    let clauses: String = (0..4)
        .map(|i| clause.replace("{i}", &i.to_string()))
        .collect();
    let policy = format!(
        r#"<html><body><div class="cookie-policy"><h1>Cookie policy</h1>{clauses}</div></body></html>"#
    );
    let a = extract(&policy, &opts()).expect("extracts");
    assert!(a.text.contains("Clause 3"), "{}", a.text);
}

#[test]
fn collapsed_sections_the_reader_can_open_are_kept() {
    let html = format!(
        r#"<html><body><article><h1>Guide</h1>{}
        <button aria-expanded="false" aria-controls="faq-1">Step two</button>
        <div id="faq-1" hidden><p>ACCORDION TEXT behind a disclosure button, a full paragraph of the guide itself.</p></div>
        <h2 id="h-3"><button>Step three</button></h2>
        <div role="region" aria-labelledby="h-3" style="display:none"><p>REGION TEXT of a collapsed section, also part of the guide, with words.</p></div>
        <details><summary>Step four</summary><p data-cleanview-hidden>DETAILS TEXT inside a closed details element, marked hidden by the browser.</p></details>
        <div style="display:none"><p>PLAIN HIDDEN TEXT that nothing on the page can open.</p></div>
        <div id="menu-x" hidden aria-expanded="false" role="menu"><p>MENU TEXT</p></div>
        </article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    for kept in ["ACCORDION TEXT", "REGION TEXT", "DETAILS TEXT"] {
        assert!(a.text.contains(kept), "{kept} missing: {}", a.text);
    }
    assert!(!a.text.contains("PLAIN HIDDEN"), "{}", a.text);
    assert!(!a.text.contains("MENU TEXT"), "{}", a.text);
}

#[test]
fn an_issue_of_a_newsletter_is_the_article_but_its_signup_box_is_not() {
    let html = format!(
        r#"<html><body><main><section class="hero"><h1>Issue 12: the harbour</h1></section>
        <div class="newsletter-wrapper"><article class="newsletter-content">{}</article></div>
        <div class="newsletter-signup"><p>SIGN UP for our monthly newsletter and never miss an issue.</p></div>
        </main></body></html>"#,
        (0..8)
            .map(|i| format!("<p>Paragraph {i} of this month's issue, which runs long as letters do, with the news, the tools, the reading list, and a word of thanks.</p>"))
            .collect::<String>()
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.text.contains("Paragraph 0") && a.text.contains("Paragraph 7"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("SIGN UP"), "{}", a.text);
}

#[test]
fn json_ld_article_body_rescues_a_script_rendered_page() {
    let body: String = (0..12)
        .map(|i| format!("Sentence {i} about the harbour, the council, the budget and the weather in spring.\\n"))
        .collect();
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"H","articleBody":"{body}"}}</script></head>
        <body><div id="app"><p>Loading…</p></div><div class="teaser"><p>Subscribe to our newsletter for the latest updates, offers and more news.</p></div></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.text.contains("Sentence 0 about the harbour") && a.text.contains("Sentence 11"),
        "{}",
        a.text
    );
}

#[test]
fn relative_links_resolve_against_base() {
    let html = format!(
        r#"<html><head><base href="https://cdn.example.org/base/"></head><body><article>{}<p>See <a href="more.html">more</a>.</p></article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.content_html
            .contains(r#"href="https://cdn.example.org/base/more.html""#),
        "{}",
        a.content_html
    );
}

#[test]
fn unicode_host_names_resolve_as_a_browser_would() {
    // The page URL, a link and an image written with Unicode host names all come out in the
    // ASCII (Punycode) form a browser uses; none is dropped.
    let html = format!(
        r#"<html><head><link rel="canonical" href="https://Пример.рф/новости/1"></head><body><article>{}
        <p>See <a href="https://bücher.example/katalog">the catalogue</a> and <a href="/статья">this</a>.</p>
        <img src="//例え.テスト/bild.jpg" alt="Bild"></article></body></html>"#,
        para(5)
    );
    let o = Options {
        url: Some("https://пример.рф/новости/1?x=ü".into()),
        ..Options::default()
    };
    let a = extract(&html, &o).expect("extracts");
    for want in [
        r#"href="https://xn--bcher-kva.example/katalog""#,
        r#"href="https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F""#,
        r#"src="https://xn--r8jz45g.xn--zckzah/bild.jpg""#,
    ] {
        assert!(a.content_html.contains(want), "{want}\n{}", a.content_html);
    }
    assert_eq!(
        a.url.as_deref(),
        Some("https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1")
    );
}
#[test]
fn cjk_reading_time_counts_characters() {
    let zh = "北京时间今天上午，研究人员发布了一项关于城市交通与空气质量的新报告。".repeat(40);
    let html =
        format!(r#"<html lang="zh"><body><article><p>{zh}</p><p>{zh}</p></article></body></html>"#);
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.word_count > 1500, "word count {}", a.word_count);
    assert!(a.reading_minutes >= 3);
}

#[test]
fn limits_give_clear_errors() {
    let small = Options {
        max_input_bytes: 100,
        ..opts()
    };
    let err = extract(&"x".repeat(200), &small).expect_err("too large");
    assert!(matches!(err, Error::TooLarge { .. }));
    assert!(err.to_string().contains("limit"));
    assert_eq!(extract("  \n ", &opts()), Err(Error::Empty));
    let bad_url = Options {
        url: Some("not a url".into()),
        ..opts()
    };
    assert!(matches!(
        extract("<p>x</p>", &bad_url),
        Err(Error::BadUrl(_))
    ));
}

#[test]
fn non_article_pages_still_yield_their_content() {
    let items: String = (0..20)
        .map(|i| {
            format!(r#"<li><a href="/p/{i}">Product number {i}</a> <span>$1{i}.99</span></li>"#)
        })
        .collect();
    let html = format!(
        r#"<html><body><main><h1>Shop</h1><ul class="products">{items}</ul></main></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Product number 3"), "{}", a.text);
    assert!(!a.readerable);
}

#[test]
fn a_landing_page_of_short_blocks_keeps_its_main_area() {
    // A service page: a hero, feature cards of a heading and a sentence or two each, an FAQ.
    // Each block is too short to read as prose, yet together they are what the page says.
    let cards: String = (1..=8)
        .map(|i| {
            format!(
                r#"<div class="card"><h3>Feature {i}</h3><p>Plan {i} covers your whole team.</p>
                <a class="btn" href="/features/{i}">Learn more</a></div>"#
            )
        })
        .collect();
    let faq: String = (1..=5)
        .map(|i| {
            format!(
                r#"<details><summary>Question {i}?</summary><p>Answer {i}, short and to the point.</p></details>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="website"></head><body>
        <header><nav><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/about">About</a></nav></header>
        <main><section class="hero"><h1>Tools for teams</h1><p>Everything your team needs to plan,
        track and ship work, in one place.</p></section>
        <section class="features"><h2>What you get</h2><div class="grid">{cards}</div></section>
        <section class="faq"><h2>Questions</h2>{faq}</section></main>
        <footer><p>© Example Inc.</p><a href="/privacy">Privacy</a></footer></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    for want in [
        "Everything your team needs",
        "Feature 1",
        "Plan 8 covers your whole team.",
        "Answer 5, short and to the point.",
    ] {
        assert!(a.text.contains(want), "{want} missing from:\n{}", a.text);
    }
    for clutter in ["Pricing", "Privacy", "Example Inc."] {
        assert!(!a.text.contains(clutter), "{clutter} kept:\n{}", a.text);
    }
}

#[test]
fn a_section_shipped_once_per_screen_size_reads_once() {
    // Page builders repeat a section per breakpoint and let CSS show one of them. Quotations
    // repeat on purpose and stay; a paragraph wrapped in a list item is not its own copy.
    let section = |v: &str| {
        format!(
            r#"<div class="ssr-variant hidden-{v}"><div class="rich-text">{}
            <ul><li><p>A list item that holds a whole paragraph of its own, long enough to count as prose.</p></li></ul>
            </div></div>"#,
            para(4)
        )
    };
    let html = format!(
        r#"<html><body><main><h1>Story</h1>{}{}{}
        <h2>Reply</h2><blockquote><p>Paragraph 2 of the story, with enough words, commas, and detail to read like prose written by a person.</p></blockquote>
        <p>I agree with the quoted paragraph, and I say so in a sentence of my own here.</p></main></body></html>"#,
        section("desktop"),
        section("tablet"),
        section("phone")
    );
    let a = extract(&html, &opts()).expect("extracts");
    let count = |s: &str| a.text.matches(s).count();
    assert_eq!(count("Paragraph 0 of the story"), 1, "{}", a.text);
    assert_eq!(count("Paragraph 3 of the story"), 1, "{}", a.text);
    assert_eq!(
        count("A list item that holds a whole paragraph"),
        1,
        "{}",
        a.text
    );
    // Once in the article, once in the quotation.
    assert_eq!(count("Paragraph 2 of the story"), 2, "{}", a.text);
    assert!(a.text.contains("I agree with the quoted paragraph"));
}

#[test]
fn a_summary_shown_twice_in_a_row_reads_once() {
    // The summary under the headline, then again as the body's first field: one copy goes,
    // however the template indents either. An author's own repeated paragraph in the same
    // container (a refrain) stays.
    let summary = "The agency is an independent nonprofit established in 1974 to fund civil legal aid for people who cannot afford it.";
    let refrain = "<p>And still the river runs, and still the town sleeps on beside it, as it has for a hundred years.</p>";
    let html = format!(
        r#"<html><body><main><div class="title-block"><h1>Legal help</h1><p class="summary">
          {summary}
        </p></div>
        <div class="body-field"><p>{summary}</p>{}{refrain}<p>Another verse of the poem, different from the refrain.</p>{refrain}</div></main></body></html>"#,
        para(4)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert_eq!(
        a.text.matches("independent nonprofit").count(),
        1,
        "{}",
        a.text
    );
    assert_eq!(
        a.text.matches("still the river runs").count(),
        2,
        "{}",
        a.text
    );
}

#[test]
fn a_relaxed_pass_does_not_hand_the_page_to_its_menu() {
    // A shop's category page: a few product cards (too little prose for the first pass) under
    // a mega-menu with more words than the cards. The menu must not become the article.
    let menu: String = (0..40)
        .map(|i| {
            format!(
                r#"<li><a href="/c/{i}">Category {i} furniture and home decor collection</a>
                <p>Shop the best category {i} items, with free delivery on every order today.</p></li>"#
            )
        })
        .collect();
    let cards: String = (0..4)
        .map(|i| format!(r#"<div class="product"><h3>Sofa model {i}</h3><p>$49{i}</p></div>"#))
        .collect();
    let html = format!(
        r#"<html><body><header><nav class="mega"><ul>{menu}</ul></nav></header>
        <main><h1>Sofas</h1><p>Find the sofa that fits your room.</p>{cards}</main>
        <footer><p>Customer service and store locations.</p></footer></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Sofa model 2"), "{}", a.text);
    assert!(!a.text.contains("Category 7"), "{}", a.text);
}

fn cards(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"<div class="card"><img src="/img/{i}.jpg" alt=""><h3><a href="/recipes/{i}">Recipe number {i} with tomatoes and basil</a></h3>
                <span class="rating">4.{i} stars</span></div>"#
            )
        })
        .collect()
}

#[test]
fn a_shop_category_without_a_main_element_keeps_its_grid() {
    // A shop's category page with no `main`: a grid of products (pictures, name, maker,
    // price) and one block of prose, the shop's pricing policy. Scoring picks the wrapper,
    // and conditional cleaning leaves only the policy (each card is pictures and a few words):
    // that small a part of the container is not the content, the container is.
    let items: String = (1..=30)
        .map(|i| {
            format!(
                r#"<div class="item"><img src="/img/{i}.jpg" alt=""><img src="/img/{i}b.jpg" alt="">
                <h4>Laser projector model {i}</h4><div>Maker {i}</div><div>${i},499</div></div>"#
            )
        })
        .collect();
    let policy: String = (1..=4)
        .map(|i| format!("<p>Policy point {i}: as an authorised dealer, we are bound by agreements with our partners on how prices are shown, so some items cannot be added to a cart.</p>"))
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="website"></head><body>
        <header><nav><a href="/">Home</a> <a href="/screens">Screens</a></nav></header>
        <div class="page-wrapper"><h1>Native 4K projectors</h1><div class="toolbar">Products 1-30 of 40</div>
        <div class="products">{items}</div>
        <div class="policy"><h3>Pricing policy</h3>{policy}</div></div>
        <footer><p>© Example Screens</p></footer></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    for want in ["Laser projector model 1", "Maker 7", "$12,499"] {
        assert!(a.text.contains(want), "{want} missing from:\n{}", a.text);
    }
    assert!(!a.text.contains("Example Screens"), "{}", a.text);
}

#[test]
fn cards_are_what_a_landing_page_says_but_teasers_in_an_article() {
    // Feature and testimonial cards of a few sentences each: outside an article they are the
    // page; under a declared article, blocks named "card" are teasers for other stories.
    let cards: String = (1..=6)
        .map(|i| {
            format!(
                r#"<div class="value-card"><img src="/f/{i}.png" alt=""><img src="/f/{i}b.png" alt="">
                <h3>Feature {i}</h3><div>Card text {i}: connect every inbox you own and let the tool rotate sending across them.</div>
                <a href="/f/{i}">Learn more</a></div>"#
            )
        })
        .collect();
    let page = |og: &str| {
        format!(
            r#"<html><head><meta property="og:type" content="{og}"></head><body>
            <div class="page-wrapper"><h1>Outreach that lands</h1><p>Find leads, write to them, and
            win more work with the tools one team uses every day, from the first e-mail onwards.</p>
            {}{cards}<p>Start today, at no cost, and see the difference in replies within a week.</p>
            <div class="person vcard">BYLINE Sam Lee has written about sales for ten years, and runs the outreach team of a firm in Leeds.</div></div></body></html>"#,
            para(8)
        )
    };
    let landing = extract(&page("website"), &opts()).expect("extracts");
    assert!(landing.text.contains("Card text 6"), "{}", landing.text);
    assert!(!landing.text.contains("BYLINE"), "{}", landing.text);
    let article = extract(&page("article"), &opts()).expect("extracts");
    assert!(!article.text.contains("Card text 1"), "{}", article.text);
}

#[test]
fn a_listing_page_keeps_its_cards_after_the_intro() {
    // A category archive: one intro paragraph, then a grid of recipe cards. Scoring picks the
    // intro; the cards are what the page lists and belong in the reading.
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body>
        <header><nav><a href="/">Home</a><a href="/recipes">Recipes</a></nav></header>
        <div class="content"><h1>Tomato recipes</h1>
        <div class="intro"><p>Our collection of tomato recipes has something for every kind of dish, whether you want a big plate of pasta, a salad, or a slow sauce.</p></div>
        <div class="grid">{}</div></div>
        <footer><p>© Example Recipes</p></footer></body></html>"#,
        cards(12)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.text.contains("Our collection of tomato recipes"),
        "{}",
        a.text
    );
    for i in [0, 5, 11] {
        assert!(
            a.text
                .contains(&format!("Recipe number {i} with tomatoes and basil")),
            "card {i} missing: {}",
            a.text
        );
    }
    assert!(!a.text.contains("Example Recipes"), "{}", a.text);
}

#[test]
fn a_short_article_does_not_grow_into_its_link_grid() {
    // A news brief of five short paragraphs, followed in the same wrapper by a grid of
    // teasers: short as it is, the brief is the article.
    let brief: String = (0..5)
        .map(|i| format!("<p>Brief paragraph {i}, a sentence of news.</p>"))
        .collect();
    let html = format!(
        r#"<html><body><div class="wrap"><article><h1>Breaking</h1>{brief}</article>
        <div class="around-the-web">{}</div></div></body></html>"#,
        cards(12)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Brief paragraph 4"), "{}", a.text);
    assert!(!a.text.contains("Recipe number"), "{}", a.text);
}

#[test]
fn a_widened_short_pick_does_not_preempt_a_later_pass() {
    // The first pass drops the article's wrapper for its class and finds only a promotion
    // paragraph above a product menu. Widening that paragraph takes in the menu; the article,
    // found by the next pass, must still win.
    let menu: String = (0..30)
        .map(|i| format!(r#"<li><a href="/m/{i}">Mattress model {i} queen size</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><div class="top"><p>Spring sale: save big on better sleep, with up to 20% off mattresses, free delivery on select models, and queen mattresses from $599. Details, terms, and conditions apply in every store.</p>
        <ul class="models">{menu}</ul></div>
        <div class="sidebar"><h2>Which mattress for side sleepers?</h2>{}</div></body></html>"#,
        para(8)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Paragraph 7 of the story"), "{}", a.text);
    assert!(!a.text.contains("Mattress model 3"), "{}", a.text);
}

#[test]
fn highlighted_code_keeps_its_comments() {
    // Syntax highlighters name their token spans after the token kind: `hljs-comment`,
    // Prism's `token comment`. Inside code those are the code, not a comment widget.
    let html = format!(
        r#"<html><body><article><h1>Git in five commands</h1>{}
        <pre><code class="language-bash hljs"><span class="hljs-comment"># stage every modified file</span>
git add -A
<span class="token comment"># record the staged files</span>
git commit</code></pre>{}</article></body></html>"#,
        para(3),
        para(2)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("# stage every modified file"), "{}", a.text);
    assert!(a.text.contains("# record the staged files"), "{}", a.text);
    assert!(
        a.markdown
            .contains("# stage every modified file\ngit add -A"),
        "{}",
        a.markdown
    );
}

#[test]
fn forum_posts_marked_as_articles_stay() {
    // Forum software marks each post as an `article` too; posts are titled by their
    // author's name, not by a headline linking away.
    let posts: String = (0..4)
        .map(|i| {
            format!(
                r#"<article class="message"><h4 class="message-name"><a href="/members/user{i}">user{i}</a></h4>
                <div class="message-body">Reply {i}: I started with a circular saw and a cheap workbench, then built a bookshelf, which taught me more than any book.</div></article>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body>
        <div class="thread"><h1>Beginning woodworking</h1>{posts}</div></body></html>"#
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(
        a.text.contains("Reply 0:") && a.text.contains("Reply 3:"),
        "{}",
        a.text
    );
}

#[test]
fn a_rail_of_linked_article_cards_after_the_story_is_dropped() {
    // "Also in the news": WordPress themes mark each teaser as an `article`, titled by a
    // headline linking to the story, with an excerpt that keeps the link density low.
    let teasers: String = (0..10)
        .map(|i| {
            format!(
                r#"<article id="post-{i}" class="article article_{i}">
                <div class="feature_image"><img src="/img/{i}.jpg" alt=""></div>
                <div class="content"><div class="categories">Front Page</div>
                <div class="title"><a href="/2025/12/story-{i}/">Council approves the new harbour plan {i}</a></div>
                <div class="author">Webmaster</div><div class="date">December 19, 2025</div>
                <div class="excerpt">THE COUNCIL met on Tuesday, in the old hall, and approved the plan after a long debate about costs, dates, roads, and the people it will move...</div></div></article>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><meta property="og:type" content="article"></head><body>
        <div class="main-column"><section class="widget"><div class="post_content"><h1>Enrolment opens</h1>{}</div></section>
        <section class="widget"><div>ALSO IN THE NEWS</div></section><section class="widget">{teasers}</section></div></body></html>"#,
        para(6)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(a.text.contains("Paragraph 5 of the story"), "{}", a.text);
    assert!(!a.text.contains("harbour plan"), "{}", a.text);
}

/// A reading-time badge in the story's header is furniture (the popup shows the reading time);
/// a step that takes ten minutes is not.
#[test]
fn reading_time_badges_go_but_durations_stay() {
    let html = format!(
        r#"<html><body><article><h1>Story</h1>
        <div class="meta"><span>5 min read</span></div><p>12 minute read</p><div>• 4 Min. Lesezeit</div>
        <span>7 Minuten Lesezeit</span><span>3 minutos de lectura</span><span>6 minuti di lettura</span>
        {}<ol><li>Simmer for 10 minutes</li><li>Rest 5 min</li></ol></article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    for gone in [
        "min read",
        "minute read",
        "Lesezeit",
        "de lectura",
        "di lettura",
    ] {
        assert!(!a.text.contains(gone), "{gone} kept: {}", a.text);
    }
    for kept in ["Simmer for 10 minutes", "Rest 5 min"] {
        assert!(a.text.contains(kept), "{kept} missing: {}", a.text);
    }
}

/// A block that only says "Read more" or "Learn more" leaves the reader; a link that names
/// its story stays.
#[test]
fn bare_calls_to_action_go_but_named_links_stay() {
    let html = format!(
        r#"<html><body><article><h1>Story</h1>{}
        <p><a href="/full">Read more »</a></p><div><a class="btn" href="/x">Learn More</a></div>
        <p><a href="/vote">Read more: how the council voted on the budget</a></p>
        <p>To learn more, visit the library's page on the history of the bridge and its builders.</p>
        <p>Read more.</p>
        </article></body></html>"#,
        para(5)
    );
    let a = extract(&html, &opts()).expect("extracts");
    assert!(!a.text.contains("Read more »"), "{}", a.text);
    assert!(!a.text.contains("Learn More"), "{}", a.text);
    assert!(
        a.text.contains("Read more: how the council voted"),
        "{}",
        a.text
    );
    assert!(a.text.contains("To learn more, visit"), "{}", a.text);
    // Not a link: the page's own words.
    assert!(a.text.contains("Read more."), "{}", a.text);
}
