//! The HTML report: a snapshot of each example and of the portfolio; one
//! self-contained page with no script and no outside resource; every
//! outside text escaped; the same sections in the same order as the
//! Markdown report; headings in order and tables with captions and header
//! cells; `--output` written whole.

use crate::common::{examples, path_of, run, scratch_dir};

fn html(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
    out.stdout
}

fn example(file: &str) -> String {
    html(&["assess", &format!("examples/{file}"), "--format", "html"])
}

#[test]
fn examples_as_html() {
    for file in examples() {
        insta::assert_snapshot!(format!("html-{file}"), example(&file));
    }
}

#[test]
fn the_portfolio_as_html() {
    insta::assert_snapshot!(
        "html-portfolio",
        html(&["assess", "examples", "--format", "html"])
    );
}

#[test]
fn a_report_with_its_baseline_as_html() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let stored = format!("{dir}/northwind.json");
    let northwind = "examples/slide-deck-northwind-retail.yaml";
    let out = run(&["assess", northwind, "--format", "json", "-o", &stored]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let later = format!("{dir}/later.yaml");
    let text = std::fs::read_to_string(format!("{}/{northwind}", env!("CARGO_MANIFEST_DIR")))
        .expect("example")
        .replace("stage: pilot", "stage: production")
        .replace("environment: laptop", "environment: production");
    std::fs::write(&later, text).expect("write");
    let page = html(&["assess", &later, "--baseline", &stored, "--format", "html"]);
    let chart = page.split("<svg class=\"chart\"").nth(1).expect("a chart");
    assert!(chart.contains("class=\"baseline\""), "the baseline's point");
    assert!(
        chart.contains("class=\"arrow-head\""),
        "an arrow to today's"
    );
    assert!(
        chart.contains(">baseline</text>"),
        "the baseline's point is labelled"
    );
    assert!(chart.contains("At the baseline (2026-11-20)"), "{chart}");
    assert!(page.contains("<h2>Since the baseline</h2>"));
}

/// Every page the tool writes in HTML, by name.
fn every_page() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = examples()
        .into_iter()
        .map(|f| (f.clone(), example(&f)))
        .collect();
    pages.push((
        "portfolio".to_owned(),
        html(&["assess", "examples", "--format", "html"]),
    ));
    pages.push((
        "hostile".to_owned(),
        html(&[
            "assess",
            "tests/fixtures/hostile-names",
            "--format",
            "html",
            "--detail",
        ]),
    ));
    pages
}

#[test]
fn pages_are_self_contained_and_have_no_script() {
    for (name, page) in every_page() {
        assert!(
            page.starts_with(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
            ),
            "{name}"
        );
        assert!(page.contains("<title>"), "{name}");
        assert!(page.ends_with("</html>\n"), "{name}");
        // The only references a page may hold are SVG's own; none from outside.
        let style = page
            .split("<style>")
            .nth(1)
            .and_then(|s| s.split("</style>").next())
            .expect("a stylesheet");
        for banned in ["url(", "@import", "http"] {
            assert!(
                !style.contains(banned),
                "{name}: {banned} in the stylesheet"
            );
        }
        for tag in tags(&page) {
            let mut words = tag.split_whitespace();
            let element = words.next().unwrap_or_default().to_lowercase();
            assert!(
                ![
                    "script",
                    "link",
                    "img",
                    "iframe",
                    "object",
                    "embed",
                    "base",
                    "image",
                    "use",
                    "a",
                    "form",
                    "foreignobject"
                ]
                .contains(&element.as_str()),
                "{name}: <{tag}>"
            );
            for attribute in words {
                let key = attribute
                    .split('=')
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                assert!(
                    !key.starts_with("on")
                        && !["src", "href", "xlink:href", "style", "srcset", "action"]
                            .contains(&key.as_str()),
                    "{name}: <{tag}>"
                );
            }
        }
    }
    // The examples carry no address at all, so none can be a resource.
    for file in examples() {
        let page = example(&file);
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "{file}"
        );
    }
}

/// The inside of every tag of the page: `a href="x"` of `<a href="x">`.
fn tags(page: &str) -> Vec<&str> {
    page.split('<')
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .filter(|tag| !tag.starts_with('/') && !tag.starts_with('!'))
        .collect()
}

#[test]
fn a_hostile_name_appears_only_escaped() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let name = "<script>alert(\"x\")</script> & 'Co' <b onload=x>";
    let yaml = std::fs::read_to_string(format!(
        "{}/examples/early-millbrook-credit-union.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
    .replace(
        "name: Millbrook Credit Union",
        &format!("name: '{}'", name.replace('\'', "''")),
    );
    assert!(yaml.contains("<script>"), "the name was replaced");
    let file = format!("{dir}/hostile.yaml");
    std::fs::write(&file, yaml).expect("write");
    for page in [
        html(&["assess", &file, "--format", "html"]),
        html(&[
            "assess",
            &file,
            "examples/aligned-harbor-logistics.yaml",
            "--format",
            "html",
            "--detail",
        ]),
    ] {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b "), "{page}");
        assert!(!page.contains("'Co'"));
        assert!(!page.contains("\"x\""));
        assert!(page.contains(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39; &lt;b onload=x&gt;"
        ));
    }
}

/// The level-2 headings of the Markdown report, and of the HTML page.
fn sections(markdown: &str, html: &str) -> (Vec<String>, Vec<String>) {
    let md = markdown
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::to_owned)
        .collect();
    let page = html
        .split("<h2>")
        .skip(1)
        .filter_map(|rest| rest.split("</h2>").next())
        .map(str::to_owned)
        .collect();
    (md, page)
}

#[test]
fn the_sections_and_their_order_are_the_markdown_reports() {
    for file in examples() {
        let markdown = html(&[
            "assess",
            &format!("examples/{file}"),
            "--format",
            "markdown",
        ]);
        let (md, page) = sections(&markdown, &example(&file));
        assert_eq!(md, page, "{file}");
        assert!(page.contains(&"Evidence and method".to_owned()), "{file}");
    }
}

#[test]
fn the_leadership_part_is_at_most_700_words() {
    for file in examples() {
        let page = example(&file);
        let body = page.split("<main>").nth(1).expect("main");
        let leadership = body
            .split("<section class=\"evidence\">")
            .next()
            .expect("the leadership part");
        // The chart's text alternative is not read on the page.
        let shown: String = leadership
            .split("<svg")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split("</svg>").nth(1).unwrap_or("")
                }
            })
            .collect();
        let text = without_tags(&shown);
        let words = text.split_whitespace().count();
        assert!(words <= 700, "{file}: {words} words");
    }
}

fn without_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn headings_are_in_order_and_tables_have_captions_and_header_cells() {
    for (name, page) in every_page() {
        let mut last = 0;
        for part in page.split("<h").skip(1) {
            let Some(level) = part.chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= last + 1, "{name}: h{level} after h{last}");
            last = level;
        }
        assert!(page.contains("<h1>"), "{name}");
        for table in page.split("<table>").skip(1) {
            let table = table.split("</table>").next().expect("closed");
            assert!(table.starts_with("\n<caption>"), "{name}: a caption");
            assert!(table.contains("<thead>"), "{name}: a header row");
            assert!(
                !table.contains("<th scope=\"col\"></th>"),
                "{name}: an empty header"
            );
            assert!(
                !table.contains("<th scope=\"row\"></th>"),
                "{name}: an empty header"
            );
            assert!(
                !table.contains("<th>"),
                "{name}: a header cell without scope"
            );
        }
    }
}

#[test]
fn the_chart_has_a_title_and_a_text_alternative_with_the_scores() {
    for file in examples() {
        let page = example(&file);
        let json: serde_json::Value = serde_json::from_str(
            &run(&["assess", &format!("examples/{file}"), "--format", "json"]).stdout,
        )
        .expect("JSON");
        let a = &json["assessments"][0];
        let desc = page
            .split("<desc id=\"chart-desc\">")
            .nth(1)
            .and_then(|d| d.split("</desc>").next())
            .expect("a text alternative");
        for side in ["strategy", "implementation"] {
            if let Some(score) = a["scores"][side].as_f64() {
                assert!(
                    desc.contains(&format!("{side} {score:.1}")),
                    "{file}: {desc}"
                );
            }
        }
        assert!(
            page.contains("aria-labelledby=\"chart-title chart-desc\""),
            "{file}"
        );
        assert!(page.contains("<title id=\"chart-title\">"), "{file}");
    }
}

#[test]
fn output_writes_the_page_and_nothing_on_stdout() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let path = format!("{dir}/report.html");
    let file = "partial-cedar-health.yaml";
    let out = run(&[
        "assess",
        &format!("examples/{file}"),
        "--format",
        "html",
        "-o",
        &path,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        std::fs::read_to_string(&path).expect("written"),
        example(file)
    );
}

#[test]
fn a_side_not_scored_has_no_point_but_its_range_is_shaded_and_the_reason_given() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let file = format!("{dir}/bare.yaml");
    std::fs::write(
        &file,
        "version: 1\norganization:\n  name: Bare Co\n  assessed: 2026-11-20\nimplementation:\n  pilots:\n    - name: bot\n      stage: production\n      started: 2025-01-01\n      environment: cloud\n",
    )
    .expect("write");
    let page = html(&["assess", &file, "--format", "html"]);
    let markdown = html(&["assess", &file, "--format", "markdown"]);
    assert!(!page.contains("class=\"point\""), "no point");
    assert!(page.contains("class=\"range\""), "the range shaded");
    let why = "Not placed: strategy is not scored, 18 questions open.";
    assert!(page.contains(&format!("<p>{why}</p>")));
    assert!(markdown.contains(why), "the same line as the Markdown's");
    assert!(page.contains("strategy not scored yet; could be 0.0 to 100.0"));
}

// "3 organizations on the chart" stood above "Not placed: Empty Co; ...":
// only an organization scored on both sides is on the chart.
#[test]
fn the_portfolio_chart_counts_only_the_organizations_it_places() {
    let tmp = crate::common::scratch_dir();
    let dir = crate::common::path_of(&tmp);
    let empty = format!("{dir}/empty.yaml");
    std::fs::write(
        &empty,
        "version: 1\norganization: {name: Empty Co, assessed: 2026-11-20}\n",
    )
    .expect("write");
    let out = crate::common::run(&[
        "assess",
        &empty,
        "examples/aligned-harbor-logistics.yaml",
        "--format",
        "html",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("1 organization on the chart of strategy against implementation."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Not placed: Empty Co"),
        "{}",
        out.stdout
    );
}
