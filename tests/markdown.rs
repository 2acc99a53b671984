//! The Markdown writer construct by construct, and the YAML front matter.
//!
//! Besides the exact output, most tests parse the Markdown back with pulldown-cmark and check
//! the structure a reader would get, since "looks right" is not the same as "parses right".

use cleanview::markdown::{front_matter, to_markdown};
use cleanview::Article;
use pulldown_cmark::{html, Options, Parser};
use scraper::Html;
use yaml_rust2::{Yaml, YamlLoader};

fn md(h: &str) -> String {
    to_markdown(&Html::parse_fragment(h))
}

fn render(m: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_MATH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(m, opts));
    out
}

/// Text of the rendered Markdown, whitespace collapsed.
fn rendered_text(m: &str) -> String {
    let doc = Html::parse_fragment(&render(m));
    let t: String = doc.root_element().text().collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn paragraphs_emphasis_and_trailing_newline() {
    let m = md("<p>Hello <em>world</em> and <strong>bold <i>both</i></strong>.</p><p>Two</p>");
    assert_eq!(m, "Hello *world* and **bold *both***.\n\nTwo\n");
    assert!(render(&m).contains("<em>world</em>"));
    assert!(render(&m).contains("<strong>bold <em>both</em></strong>"));
}

#[test]
fn whitespace_inside_spans_moves_outside() {
    let m = md("<p>a<em> b </em>c</p>");
    assert_eq!(m, "a *b* c\n");
    assert!(render(&m).contains("<em>b</em>"));
}

#[test]
fn spans_that_would_not_parse_become_tags() {
    // `**Note:**text` is not strong in CommonMark (closer after punctuation, before a letter).
    let m = md("<p><strong>Note:</strong>text and a<em>\"q\"</em></p>");
    let r = render(&m);
    assert!(r.contains("<strong>Note:</strong>text"), "{m} -> {r}");
    assert!(r.contains("a<em>\"q\"</em>"), "{m} -> {r}");
}

#[test]
fn adjacent_spans_merge() {
    assert_eq!(md("<p><em>a</em><em>b</em></p>"), "*ab*\n");
    assert_eq!(md("<p><em><em>x</em></em></p>"), "*x*\n");
}

#[test]
fn escaping_only_where_needed() {
    let cases = [
        ("<p>1. not a list</p>", "1\\. not a list"),
        ("<p>2) neither</p>", "2\\) neither"),
        ("<p># not a heading</p>", "\\# not a heading"),
        ("<p>&gt; not a quote</p>", "\\> not a quote"),
        ("<p>- not an item</p>", "\\- not an item"),
        ("<p>+ not an item</p>", "\\+ not an item"),
        ("<p>a * b and 2*3*4</p>", "a * b and 2\\*3\\*4"),
        (
            "<p>snake_case and _under_</p>",
            "snake_case and \\_under\\_",
        ),
        ("<p>&lt;div&gt; as text</p>", "\\<div> as text"),
        ("<p>[a](b) and [c]</p>", "[a\\](b) and [c\\]"),
        ("<p>use `tick`</p>", "use \\`tick\\`"),
        ("<p>back\\slash</p>", "back\\\\slash"),
        ("<p>~~no~~</p>", "\\~\\~no\\~\\~"),
        (
            "<p>AT&amp;T &amp;amp; &amp;#38;</p>",
            "AT&T \\&amp; \\&#38;",
        ),
        (
            "<p>1.5 million, 3 &lt; 4, C# and a|b</p>",
            "1.5 million, 3 < 4, C# and a|b",
        ),
        ("<p>costs $5</p>", "costs $5"),
    ];
    for (html, want) in cases {
        let m = md(html);
        assert_eq!(m.trim_end(), want, "for {html}");
        // And it reads back as the same text, in one paragraph.
        let text = Html::parse_fragment(html)
            .root_element()
            .text()
            .collect::<String>();
        assert_eq!(rendered_text(&m), text, "round trip of {html}: {m}");
        let r = render(&m);
        assert!(
            r.starts_with("<p>") && r.matches("<p>").count() == 1,
            "{html} -> {r}"
        );
    }
}

#[test]
fn split_constructs_are_escaped_too() {
    // The `1` and the `. ` come from different text nodes.
    let m = md("<p><span>1</span>. text</p>");
    assert_eq!(m, "1\\. text\n");
}

#[test]
fn hard_breaks_and_rules() {
    let m = md("<p>line<br>next<br></p><hr><p>after</p>");
    assert_eq!(m, "line\\\nnext\n\n---\n\nafter\n");
    let r = render(&m);
    assert!(r.contains("line<br />"));
    assert!(r.contains("<hr />"));
}

#[test]
fn break_then_dashes_is_not_a_setext_heading() {
    let m = md("<p>title<br>---</p>");
    assert!(!render(&m).contains("<h2>"), "{m}");
}

#[test]
fn headings_are_atx_and_inline_only() {
    assert_eq!(md("<h2>Title <em>x</em></h2>"), "## Title *x*\n");
    assert_eq!(md("<h3><div>a</div><p>b</p></h3>"), "### a b\n");
    assert_eq!(md("<h1>C #</h1>"), "# C \\#\n");
    assert_eq!(md("<h2>one<br>two</h2>"), "## one two\n");
    assert_eq!(md("<h2></h2><p>x</p>"), "x\n");
}

#[test]
fn nested_lists_indent_to_the_content_column() {
    let mut h = String::from("<ol>");
    for i in 1..=12 {
        if i == 10 {
            h.push_str("<li>ten<ul><li>sub<ol><li>deep</li></ol></li></ul></li>");
        } else {
            h.push_str(&format!("<li>item {i}</li>"));
        }
    }
    h.push_str("</ol>");
    let m = md(&h);
    assert!(
        m.contains("9. item 9\n10. ten\n    - sub\n      1. deep\n11. item 11\n"),
        "{m}"
    );
    let r = render(&m);
    assert_eq!(r.matches("<ol>").count(), 2, "{r}");
    assert_eq!(r.matches("<ul>").count(), 1, "{r}");
    assert!(
        r.contains("<li>ten\n<ul>\n<li>sub\n<ol>\n<li>deep</li>"),
        "{r}"
    );
}

#[test]
fn list_start_and_loose_lists() {
    let m = md("<ol start=\"7\"><li><p>a</p><p>a2</p></li><li><p>b</p></li></ol>");
    assert_eq!(m, "7. a\n\n   a2\n\n8. b\n");
    let r = render(&m);
    assert!(r.contains("<ol start=\"7\">"));
    assert!(r.contains("<p>a2</p>"));
}

#[test]
fn ordered_list_after_a_paragraph_in_an_item() {
    // A list starting at 5 cannot interrupt a paragraph: it needs the blank line.
    let m = md("<ul><li>text<ol start=\"5\"><li>five</li></ol></li></ul>");
    assert!(render(&m).contains("<ol start=\"5\">"), "{m}");
}

#[test]
fn adjacent_lists_stay_separate() {
    let m = md("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>");
    let r = render(&m);
    assert_eq!(r.matches("<ul>").count(), 2, "{m}");
    assert_eq!(r.matches("<ol>").count(), 2, "{m}");
}

#[test]
fn paragraph_after_nested_list_is_not_lazy() {
    let m = md("<ul><li>a<ul><li>b</li></ul>more</li></ul>");
    let r = render(&m);
    assert!(r.contains("<p>more</p>"), "{m} -> {r}");
}

#[test]
fn empty_items_keep_numbering() {
    let m = md("<ol><li>a</li><li></li><li>c</li></ol>");
    assert_eq!(m, "1. a\n2.\n3. c\n");
}

#[test]
fn code_blocks_keep_lines_and_outrun_backticks() {
    let code = "fn main() {\n    let s = \"```\";\n\n\n    x  \t y\n}";
    let h = format!("<pre><code class=\"language-rust\">{code}</code></pre>");
    let m = md(&h);
    assert!(m.starts_with("````rust\n"), "{m}");
    assert!(m.ends_with("\n````\n"), "{m}");
    let r = render(&m);
    let doc = Html::parse_fragment(&r);
    let pre = scraper::Selector::parse("pre").expect("selector");
    let got: String = doc.select(&pre).flat_map(|p| p.text()).collect();
    assert_eq!(got, format!("{code}\n"));
    assert!(r.contains("class=\"language-rust\""));
}

#[test]
fn code_block_language_from_pre_and_br_lines() {
    let m = md("<pre class=\"lang-js\">a()<br>b()</pre>");
    assert_eq!(m, "```js\na()\nb()\n```\n");
}

#[test]
fn code_block_with_backtick_language_uses_tildes() {
    let m = md("<pre><code class=\"language-a`b\">x</code></pre>");
    assert!(m.starts_with("~~~a`b\n"), "{m}");
}

#[test]
fn inline_code_counts_backticks() {
    assert_eq!(md("<p><code>a`b</code></p>"), "``a`b``\n");
    assert_eq!(md("<p><code>`x</code></p>"), "`` `x ``\n");
    assert_eq!(md("<p>a<code> x </code>b</p>"), "a `x` b\n");
    assert!(render(&md("<p><code>``</code></p>")).contains("<code>``</code>"));
}

#[test]
fn quotes_prefix_every_line_including_code_and_nested_quotes() {
    let m = md(
        "<blockquote><p>quote<br>line</p><pre>a\n\nb</pre><blockquote><p>inner</p></blockquote><ul><li>x</li></ul></blockquote><blockquote><p>second</p></blockquote>",
    );
    assert_eq!(
        m,
        "> quote\\\n> line\n>\n> ```\n> a\n>\n> b\n> ```\n>\n> > inner\n>\n> - x\n\n> second\n"
    );
    let r = render(&m);
    assert_eq!(r.matches("<blockquote>").count(), 3, "{r}");
    assert!(r.contains("<pre><code>a\n\nb\n</code></pre>"), "{r}");
}

#[test]
fn code_inside_list_item() {
    let m = md("<ol><li>step<pre>x\n  y</pre></li><li>next</li></ol>");
    assert!(
        m.contains("1. step\n\n   ```\n   x\n     y\n   ```\n"),
        "{m}"
    );
    let r = render(&m);
    assert!(r.contains("<pre><code>x\n  y\n</code></pre>"), "{r}");
    assert_eq!(r.matches("<li>").count(), 2);
}

#[test]
fn tables_with_pipes_spans_and_breaks() {
    let m = md("<table><caption>Cap</caption><thead><tr><th>A</th><th>B|C</th><th align=\"right\">N</th></tr></thead>\
                <tbody><tr><td colspan=\"2\">wide</td><td>1</td></tr>\
                <tr><td rowspan=\"2\">tall</td><td>x<br>y</td><td><p>p1</p><p>p2</p></td></tr>\
                <tr><td>z</td><td><code>a|b</code></td></tr></tbody></table>");
    assert_eq!(
        m,
        "*Cap*\n\n| A | B\\|C | N |\n| --- | --- | ---: |\n| wide |  | 1 |\n| tall | x<br>y | p1<br>p2 |\n|  | z | `a\\|b` |\n"
    );
    let r = render(&m);
    assert!(r.contains("<th>B|C</th>"), "{r}");
    assert!(r.contains("<code>a|b</code>"), "{r}");
    assert_eq!(r.matches("<tr>").count(), 4, "{r}");
}

#[test]
fn table_without_header_gets_an_empty_one() {
    let m = md("<table><tr><td>a</td><td>b</td></tr></table>");
    assert_eq!(m, "|  |  |\n| --- | --- |\n| a | b |\n");
    assert!(render(&m).contains("<td>a</td>"));
}

#[test]
fn table_with_block_content_stays_html() {
    let m = md("<table><tr><td><ul><li>one</li></ul></td><td><table><tr><td>in</td></tr></table></td></tr><tr><td><pre>a\n\nb</pre></td></tr></table><p>after</p>");
    assert!(
        m.starts_with("<table><tbody><tr><td><ul><li>one</li></ul>"),
        "{m}"
    );
    assert!(m.contains("<pre>a&#10;&#10;b</pre>"), "{m}");
    let r = render(&m);
    assert!(r.contains("<p>after</p>"), "{r}");
    let text: String = Html::parse_fragment(&r).root_element().text().collect();
    assert!(text.contains("a\n\nb"), "{text}");
}

#[test]
fn links_images_and_autolinks() {
    let m = md(
        "<p><a href=\"https://x.com/a_(b)\" title='say \"hi\"'>link</a> \
                <a href=\"https://x.com/\">https://x.com/</a> \
                <img src=\"https://i.example/a b.png\" alt=\"al[t]\" title=\"t\"> \
                <a href=\"https://y.com/\"></a><a>no href</a></p>",
    );
    assert_eq!(
        m,
        "[link](<https://x.com/a_(b)> \"say \\\"hi\\\"\") <https://x.com/> ![al\\[t\\]](https://i.example/a%20b.png \"t\") no href\n"
    );
    let r = render(&m);
    assert!(
        r.contains("<a href=\"https://x.com/a_(b)\" title=\"say &quot;hi&quot;\">link</a>"),
        "{r}"
    );
    assert!(
        r.contains("<a href=\"https://x.com/\">https://x.com/</a>"),
        "{r}"
    );
    assert!(
        r.contains("src=\"https://i.example/a%20b.png\" alt=\"al[t]\" title=\"t\""),
        "{r}"
    );
}

#[test]
fn link_text_brackets_are_escaped() {
    let m = md("<p><a href=\"https://a.b/\">[1] see</a></p>");
    assert!(render(&m).contains(">[1] see</a>"), "{m}");
}

#[test]
fn figures_put_the_caption_under_the_image() {
    let m = md("<figure><picture><img src=\"https://i/x.png\" alt=\"x\"></picture><figcaption>Caption <b>here</b></figcaption></figure>");
    assert_eq!(m, "![x](https://i/x.png)\n\n*Caption **here***\n");
}

#[test]
fn strikethrough_sub_sup() {
    let m = md("<p><del>gone</del> <s>old</s> H<sub>2</sub>O x<sup>2</sup></p>");
    assert_eq!(m, "~~gone~~ ~~old~~ H<sub>2</sub>O x<sup>2</sup>\n");
    assert!(render(&m).contains("<del>gone</del>"));
}

#[test]
fn math_from_annotation_and_alttext() {
    let m = md("<p>Euler: <math><semantics><mi>e</mi><annotation encoding=\"application/x-tex\">e^{i\\pi}+1=0</annotation></semantics></math> and <math alttext=\"x^2\"><mi>x</mi></math></p>\
                <math display=\"block\" alttext=\"\\sum_i i\"><mi>x</mi></math>");
    assert_eq!(m, "Euler: $e^{i\\pi}+1=0$ and $x^2$\n\n$$\n\\sum_i i\n$$\n");
    let r = render(&m);
    assert!(r.contains("math-inline"), "{r}");
    assert!(r.contains("math-display"), "{r}");
}

#[test]
fn footnotes_numbered_list_shape() {
    let m = md("<p>Text<sup id=\"r1\"><a href=\"#fn1\">1</a></sup> and<sup><a href=\"#fn2\">2</a></sup>.</p>\
                <ol><li id=\"fn1\"><p>First note. <a href=\"#r1\">↩</a></p></li><li id=\"fn2\">Second<p>more</p></li></ol>");
    assert_eq!(
        m,
        "Text[^1] and[^2].\n\n[^1]: First note.\n\n[^2]: Second\n\n    more\n"
    );
    let r = render(&m);
    assert_eq!(r.matches("footnote-reference").count(), 2, "{r}");
    assert_eq!(r.matches("footnote-definition\"").count(), 2, "{r}");
    assert!(!r.contains('↩'));
}

#[test]
fn footnotes_section_shape() {
    let m = md("<p>Claim<a href=\"https://site.example/post#fn:a\" class=\"footnote-ref\">a</a>.</p>\
                <section class=\"footnotes\"><hr><ol><li id=\"fn:a\"><p>Source <a href=\"https://s.example/\">here</a> <a href=\"#fnref:a\" class=\"footnote-backref\">↩︎</a></p></li></ol></section>");
    assert_eq!(
        m,
        "Claim[^a].\n\n---\n\n[^a]: Source [here](https://s.example/)\n"
    );
}

#[test]
fn lists_that_are_not_all_footnotes_stay_lists() {
    let m = md("<p>See<a href=\"#i1\">1</a></p><ol><li id=\"i1\">one</li><li>two</li></ol>");
    assert_eq!(m, "See[1](#i1)\n\n1. one\n2. two\n");
}

#[test]
fn no_double_blank_lines_and_empty_input() {
    let m = md("<div><p>a</p><div></div><p></p><div><p>b</p></div></div>");
    assert_eq!(m, "a\n\nb\n");
    assert_eq!(md(""), "");
    assert_eq!(md("<p> </p>"), "");
}

#[test]
fn definition_lists_and_details() {
    let m = md("<dl><dt>Term</dt><dd>Meaning</dd></dl><details><summary>More</summary><p>Hidden</p></details>");
    assert_eq!(m, "**Term**\n\nMeaning\n\n**More**\n\nHidden\n");
}

#[test]
fn code_wrapping_pre_is_a_block() {
    let m = md("<code class=\"language-py\"><pre>x = 1\ny = 2</pre></code>");
    assert_eq!(m, "```py\nx = 1\ny = 2\n```\n");
}

/// A tree nested `n` times through `chain`, built directly: html5ever's own scope checks make
/// parsing such a page quadratic, which is the parser's cost, not the writer's.
fn deep_tree(chain: &[&str], n: usize) -> Html {
    let proto = Html::parse_fragment(
        "<div></div><blockquote></blockquote><ul></ul><ol></ol><li></li><p></p><em></em>\
         <strong></strong><span></span><table><tbody><tr><td></td></tr></tbody></table><a href=\"https://a.b/\"></a>leaf",
    );
    let mut nodes = std::collections::HashMap::new();
    let mut leaf = None;
    for n in proto.tree.root().descendants() {
        match n.value() {
            scraper::Node::Element(e) => {
                nodes
                    .entry(e.name().to_string())
                    .or_insert_with(|| n.value().clone());
            }
            scraper::Node::Text(_) => leaf = Some(n.value().clone()),
            _ => {}
        }
    }
    let mut html = Html::new_fragment();
    let mut id = html.tree.root().id();
    for _ in 0..n {
        for t in chain {
            let node = nodes.get(*t).expect("prototype").clone();
            let Some(mut parent) = html.tree.get_mut(id) else {
                break;
            };
            id = parent.append(node).id();
        }
    }
    if let (Some(mut parent), Some(leaf)) = (html.tree.get_mut(id), leaf) {
        parent.append(leaf);
    }
    html
}

/// 100,000 nested elements, on a thread with WebAssembly's 1 MB stack.
#[test]
fn deep_nesting_needs_no_stack() {
    let chains: Vec<Vec<&'static str>> = vec![
        vec!["div"],
        vec!["blockquote"],
        vec!["ul", "li"],
        vec!["ol", "li", "p"],
        vec!["em", "strong"],
        vec!["span"],
        vec!["a", "div"],
        vec!["table", "tbody", "tr", "td"],
        vec!["blockquote", "ul", "li", "em", "div"],
    ];
    let outs = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            chains
                .iter()
                .map(|c| {
                    let doc = deep_tree(c, 100_000 / c.len());
                    let t = std::time::Instant::now();
                    let m = to_markdown(&doc);
                    (c.join(">"), m, t.elapsed())
                })
                .collect::<Vec<_>>()
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow");
    for (chain, m, took) in outs {
        assert!(m.contains("leaf"), "{chain}: leaf missing");
        assert!(m.len() < 4_000_000, "{chain}: output is {} bytes", m.len());
        assert!(took.as_secs() < 20, "{chain}: took {took:?}");
    }
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "<table><tr><td colspan=\"999999999\">x</td></tr></table>",
        "<table><tr><td rowspan=\"-3\" colspan=\"abc\">x</td></tr><tr></tr></table>",
        "<ol start=\"-5\"><li>neg</li></ol><ol start=\"99999999999999999999\"><li>big</li></ol>",
        "<a href=\"#\">a</a><a href=\"#x\" id=\"x\">self</a>",
        "<pre></pre><code></code><math></math><img><img src=\" \">",
        "<p>\u{a0}<em>\u{a0}</em>é<strong>ü.</strong>ß</p>",
        "<sup><sub><del><em><a href=\"h:x\">x</a></em></del></sub></sup>",
        "<ol><li id=\"a\"><a href=\"#b\">b</a></li><li id=\"b\"><a href=\"#a\">a</a></li></ol>",
    ];
    for h in odd {
        let m = md(h);
        let _ = render(&m);
    }
}

fn article() -> Article {
    Article {
        title: Some("Re: a # b --- \"quoted\" \\ back\nnew\tline ünï €".into()),
        authors: vec!["- Dash".into(), "*Star".into()],
        byline: Some("ignored when authors exist".into()),
        site_name: Some("&anchor !tag %dir @at".into()),
        url: Some("https://example.com/a?b=c#d".into()),
        published: Some("2024-01-02T03:04:05+01:00".into()),
        modified: Some("2024-01-03".into()),
        tags: vec!["yes".into(), "null".into(), "1.5".into(), "---".into()],
        excerpt: Some("A: b\r\n\u{1}\u{7f}\u{85}\u{2028} end".into()),
        ..Default::default()
    }
}

fn parse(fm: &str) -> Yaml {
    assert!(fm.starts_with("---\n") && fm.ends_with("\n---\n\n"), "{fm}");
    let body = &fm[4..fm.len() - 5];
    let docs = YamlLoader::load_from_str(body).expect("valid YAML");
    docs.into_iter().next().expect("one document")
}

#[test]
fn front_matter_round_trips_through_a_yaml_parser() {
    let a = article();
    let fm = front_matter(&a);
    let y = parse(&fm);
    assert_eq!(y["title"].as_str(), a.title.as_deref());
    let authors: Vec<&str> = y["author"]
        .as_vec()
        .expect("author list")
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(authors, ["- Dash", "*Star"]);
    assert_eq!(y["site"].as_str(), a.site_name.as_deref());
    assert_eq!(y["url"].as_str(), a.url.as_deref());
    assert_eq!(y["published"].as_str(), a.published.as_deref());
    assert_eq!(y["modified"].as_str(), a.modified.as_deref());
    let tags: Vec<&str> = y["tags"]
        .as_vec()
        .expect("tags list")
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(tags, ["yes", "null", "1.5", "---"]);
    assert_eq!(y["excerpt"].as_str(), a.excerpt.as_deref());
}

#[test]
fn front_matter_uses_byline_and_omits_missing_values() {
    let a = Article {
        title: Some("---".into()),
        byline: Some("By Someone".into()),
        excerpt: Some("  ".into()),
        ..Default::default()
    };
    let fm = front_matter(&a);
    assert_eq!(fm, "---\ntitle: \"---\"\nauthor: \"By Someone\"\n---\n\n");
    let y = parse(&fm);
    assert_eq!(y["title"].as_str(), Some("---"));
    assert!(y["excerpt"].is_badvalue());
    assert_eq!(front_matter(&Article::default()), "");
}

#[test]
fn front_matter_single_author_is_a_string() {
    let a = Article {
        authors: vec!["Ann".into()],
        ..Default::default()
    };
    assert_eq!(parse(&front_matter(&a))["author"].as_str(), Some("Ann"));
}

#[test]
fn extract_puts_front_matter_first_when_asked() {
    let opts = cleanview::Options {
        front_matter: true,
        ..Default::default()
    };
    let a = cleanview::extract(
        "<html><head><title>T: x</title></head><body><p>Body text here.</p></body></html>",
        &opts,
    )
    .expect("extract");
    assert!(a.markdown.starts_with("---\n"), "{}", a.markdown);
    assert!(a.markdown.ends_with("Body text here.\n"), "{}", a.markdown);
}
