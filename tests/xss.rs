//! The XSS corpus (`tests/xss/vectors.txt`): every attack vector embedded in a realistic article
//! page between two known paragraphs, one page per vector and one page with all of them (the
//! page the browser tests load, built the same way by `tests/e2e/lib/server.mjs`).
//!
//! For each page the core's `content_html`, parsed as a browser would (and parsed again after
//! one serialise round, to catch mutation XSS), must hold nothing executable or
//! network-active, and both paragraphs around the vector must survive. Metadata that carries a
//! payload comes back as plain strings; URLs in metadata are http(s) or absent.

use cleanview::{extract, Article, Options};
use scraper::node::Node;
use scraper::Html;

fn render_markdown(md: &str) -> String {
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
    opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    opts.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new_ext(md, opts));
    out
}

const PAYLOAD: &str = "window.__xss=(window.__xss||0)+1;top.postMessage(location.protocol,`*`)";

/// The vectors, placeholders expanded.
fn vectors() -> Vec<String> {
    let js_url = format!("javascript:{PAYLOAD}");
    include_str!("xss/vectors.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("JSURL", &js_url).replace("XSS", PAYLOAD))
        .collect()
}

fn before(i: usize) -> String {
    format!("Harbour note {i} before: the pilot boats left the inner basin at dawn and the tide turned early.")
}

fn after(i: usize) -> String {
    format!("Harbour note {i} after: by noon the cranes on the north quay had unloaded every container.")
}

const PROSE: &[&str] = &[
    "The port authority published its annual report on Tuesday, and the figures surprised even the most optimistic observers of the regional shipping trade, who had expected a flat year.",
    "Container traffic rose by eleven percent, driven by new routes to the south and by a dredging project that finally allowed larger vessels to berth without waiting for the high tide.",
    "Dock workers, whose union negotiated a new agreement last spring, said the extra traffic had brought overtime but also longer shifts, and they asked for more staff before the winter season.",
    "Local businesses along the waterfront reported steady growth, with cafes and chandlers alike welcoming crews who now stay longer in port while their ships are loaded and inspected.",
];

/// The head of a hostile article page: every metadata field carries a payload.
fn head(title: &str) -> String {
    let p = PAYLOAD;
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} &lt;img src=x onerror={p}&gt; &amp; "quotes": colon --- end</title>
<meta name="author" content="&lt;b onmouseover={p}&gt;Mallory&lt;/b&gt; &lt;script&gt;{p}&lt;/script&gt;">
<meta name="description" content="&lt;svg onload={p}&gt; The harbour had a record year.">
<meta property="og:site_name" content="&lt;img src=x onerror={p}&gt;Harbour Gazette">
<meta property="og:image" content="javascript:{p}">
<meta property="article:tag" content="&lt;script&gt;{p}&lt;/script&gt;">
<link rel="icon" href="javascript:{p}">
<link rel="canonical" href="javascript:{p}">
<script src="/pages/xss-corpus.js"></script>
<script type="application/ld+json">
{{"@context":"https://schema.org","@type":"NewsArticle","headline":"<img src=x onerror={p}> Harbour record: \"quoted\" --- end\nline two","description":"<\/script><script>{p}<\/script>","image":"javascript:{p}","url":"javascript:{p}","datePublished":"2025-01-02T03:04:05Z","author":{{"@type":"Person","name":"<script>{p}<\/script>Eve"}},"publisher":{{"@type":"Organization","name":"<svg onload={p}>","logo":{{"@type":"ImageObject","url":"data:image/svg+xml,<svg onload={p}>"}}}},"keywords":["<img src=x onerror={p}>"]}}
</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By Jo Harbour</p>
"#
    )
}

fn tail() -> String {
    "</article></main>\n<footer><p>Harbour Gazette, all rights reserved.</p></footer>\n</body>\n</html>\n"
        .to_string()
}

/// One page per vector (`Some(i)`), or all vectors in one page (`None`).
fn page(vs: &[String], only: Option<usize>) -> String {
    let mut s = head("Record year for the harbour");
    for p in &PROSE[..2] {
        s.push_str(&format!("<p>{p}</p>\n"));
    }
    for (i, v) in vs.iter().enumerate() {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        s.push_str(&format!("<p>{}</p>\n{v}\n<p>{}</p>\n", before(i), after(i)));
    }
    for p in &PROSE[2..] {
        s.push_str(&format!("<p>{p}</p>\n"));
    }
    s.push_str(&tail());
    s
}

const BAD_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "keygen",
    "isindex",
    "base",
    "meta",
    "link",
    "svg",
    "template",
    "noscript",
    "xmp",
    "noembed",
    "noframes",
    "video",
    "audio",
    "source",
    "canvas",
    "dialog",
    "marquee",
    "area",
    "map",
    "title",
    "annotation-xml",
    "maction",
    "foreignobject",
    "set",
    "animate",
    "use",
    "image",
];

const BAD_ATTRS: &[&str] = &[
    "style",
    "srcdoc",
    "ping",
    "formaction",
    "action",
    "form",
    "srcset",
    "background",
    "lowsrc",
    "dynsrc",
    "xlink:href",
    "is",
    "download",
    "target",
    "crossorigin",
    "contenteditable",
    "autofocus",
    "data",
    "code",
    "http-equiv",
];

fn safe_url(v: &str) -> bool {
    let v: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:", "#"]
        .iter()
        .any(|p| v.starts_with(p))
}

/// Everything wrong with one parse of `html`, as readable lines.
fn problems_in(html: &str, what: &str) -> Vec<String> {
    problems_with(html, what, true)
}

fn problems_with(html: &str, what: &str, images_need_policy: bool) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut out = Vec::new();
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let name = el.name().to_ascii_lowercase();
        if BAD_ELEMENTS.contains(&name.as_str()) {
            out.push(format!("{what}: element <{name}>"));
        }
        for (attr, value) in el.attrs() {
            let a = attr.to_ascii_lowercase();
            if a.starts_with("on") || BAD_ATTRS.contains(&a.as_str()) {
                out.push(format!("{what}: <{name} {a}={value:?}>"));
            }
            if matches!(a.as_str(), "href" | "src" | "cite" | "poster") && !safe_url(value) {
                out.push(format!("{what}: <{name} {a}={value:?}>"));
            }
            if a == "referrerpolicy" && value != "no-referrer" {
                out.push(format!("{what}: <{name} referrerpolicy={value:?}>"));
            }
        }
        if images_need_policy && name == "img" && el.attr("referrerpolicy") != Some("no-referrer") {
            out.push(format!("{what}: <img> without referrerpolicy=no-referrer"));
        }
    }
    out
}

/// `content_html` as the clean view sees it, and once more after a serialise/parse round.
fn problems(content_html: &str) -> Vec<String> {
    let mut out = problems_in(content_html, "content_html");
    let reparsed = Html::parse_fragment(content_html)
        .root_element()
        .inner_html();
    out.extend(problems_in(&reparsed, "re-parsed"));
    out
}

fn text_of(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let t: String = doc.root_element().text().collect();
    cleanview::dom::collapse_ws(&t)
}

fn options() -> Options {
    Options {
        url: Some("https://harbour.example.com/2025/01/02/record-year.html".into()),
        front_matter: true,
        ..Options::default()
    }
}

fn metadata_problems(a: &Article) -> Vec<String> {
    let mut out = Vec::new();
    for (field, v) in [
        ("image", &a.image),
        ("favicon", &a.favicon),
        ("url", &a.url),
    ] {
        if let Some(v) = v {
            let l = v.to_ascii_lowercase();
            if !(l.starts_with("https://") || l.starts_with("http://")) {
                out.push(format!("metadata {field} = {v:?}"));
            }
        }
    }
    out
}

/// The exported Markdown's front matter must stay valid YAML with the hostile strings.
fn front_matter_ok(md: &str, expected_title: &str) -> Result<(), String> {
    let rest = md.strip_prefix("---\n").ok_or("no front matter")?;
    let end = rest.find("\n---\n").ok_or("front matter not closed")?;
    let docs = yaml_rust2::YamlLoader::load_from_str(&rest[..end]).map_err(|e| e.to_string())?;
    let title = docs[0]["title"].as_str().ok_or("no title")?;
    if title != expected_title {
        return Err(format!("title {title:?} is not {expected_title:?}"));
    }
    Ok(())
}

#[test]
fn corpus_has_at_least_100_vectors() {
    let n = vectors().len();
    assert!(n >= 100, "only {n} vectors");
}

#[test]
fn every_vector_alone_is_inert_and_loses_no_paragraph() {
    let vs = vectors();
    let mut failures = Vec::new();
    for (i, v) in vs.iter().enumerate() {
        let html = page(&vs, Some(i));
        let a = match extract(&html, &options()) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("#{i} {v}\n  error: {e}"));
                continue;
            }
        };
        let mut p = problems(&a.content_html);
        p.extend(metadata_problems(&a));
        let text = text_of(&a.content_html);
        for want in [before(i), after(i)] {
            if !text.contains(&want) {
                p.push(format!("lost paragraph: {want}"));
            }
        }
        for prose in PROSE {
            if !text.contains(prose) {
                p.push(format!("lost prose: {}", &prose[..40]));
            }
        }
        if let Err(e) = front_matter_ok(&a.markdown, a.title.as_deref().unwrap_or_default()) {
            p.push(format!("front matter: {e}"));
        }
        if !p.is_empty() {
            failures.push(format!("#{i} {v}\n  {}", p.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vs.len(),
        failures.join("\n")
    );
}

#[test]
fn all_vectors_in_one_page_are_inert_and_every_paragraph_survives() {
    let vs = vectors();
    let html = page(&vs, None);
    let a = extract(&html, &options()).expect("extracts");
    let mut p = problems(&a.content_html);
    p.extend(metadata_problems(&a));
    let text = text_of(&a.content_html);
    for i in 0..vs.len() {
        for want in [before(i), after(i)] {
            if !text.contains(&want) {
                p.push(format!("lost paragraph: {want}"));
            }
        }
    }
    // The Markdown carries the payloads only as inert text: rendered by a CommonMark/GFM
    // renderer that passes raw HTML through, it still holds nothing active.
    // (Front matter is metadata for tools, not Markdown to render: it is split off first.)
    let body = a
        .markdown
        .split_once("\n---\n")
        .map_or(a.markdown.as_str(), |(_, body)| body);
    p.extend(problems_with(&render_markdown(body), "markdown", false));
    if let Err(e) = front_matter_ok(&a.markdown, a.title.as_deref().unwrap_or_default()) {
        p.push(format!("front matter: {e}"));
    }
    assert!(p.is_empty(), "{}", p.join("\n"));
}

#[test]
fn hostile_metadata_comes_back_as_plain_strings() {
    let vs = vectors();
    let a = extract(&page(&vs, None), &options()).expect("extracts");
    // The title keeps its payload as text (the UI sets it with textContent); it is not
    // stripped into something else, and nothing turns it into markup.
    let title = a.title.clone().unwrap_or_default();
    assert!(
        title.contains("<img src=x onerror=") && title.contains("\"quoted\" --- end"),
        "{title:?}"
    );
    assert!(
        metadata_problems(&a).is_empty(),
        "{:?}",
        metadata_problems(&a)
    );
}
