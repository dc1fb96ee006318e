//! `readiness explain` with no id: every finding the rubric can report, with
//! its group, default severity and title, as a table, Markdown or JSON, so
//! that the ids the other messages name can be looked up.

use crate::rubric::Rubric;
use crate::vocabulary::{FindingId, Word};
use serde::Serialize;
use std::fmt::Write as _;

/// One finding of the list; its JSON keys in the order of their names, as
/// the list has always been written.
#[derive(Debug, Serialize)]
struct Row<'a> {
    group: &'static str,
    id: &'static str,
    severity: &'static str,
    title: &'a str,
}

/// The JSON list.
#[derive(Debug, Serialize)]
struct List<'a> {
    findings: Vec<Row<'a>>,
}

fn rows(rubric: &Rubric) -> Vec<Row<'_>> {
    FindingId::all()
        .iter()
        .map(|&id| {
            let text = rubric.finding(id);
            Row {
                id: id.word(),
                group: id.group().word(),
                severity: text.severity.word(),
                title: &text.title,
            }
        })
        .collect()
}

/// A terminal table, `width` columns wide, then where to read more.
pub fn text(rubric: &Rubric, width: u16) -> String {
    let mut t = super::words::new_table(&["Finding", "Group", "Severity", "Title"]);
    for row in rows(rubric) {
        t.add_row(vec![row.id, row.group, row.severity, row.title]);
    }
    let note = "`readiness explain ID` says what one of them means, what makes it fire and how to resolve it; `readiness rubric show` lists the criteria too.";
    format!(
        "{}\n{}\n",
        super::words::fit(&t, width),
        super::words::wrap(note, width, "", "")
    )
}

/// A Markdown table.
pub fn markdown(rubric: &Rubric) -> String {
    let mut out =
        String::from("| Finding | Group | Severity | Title |\n| --- | --- | --- | --- |\n");
    for row in rows(rubric) {
        crate::text::append(&mut out, |out| {
            writeln!(
                out,
                "| `{}` | {} | {} | {} |",
                row.id,
                row.group,
                row.severity,
                super::markdown::cell(row.title)
            )
        });
    }
    out
}

/// `{"findings": [{"group", "id", "severity", "title"}, ...]}`.
pub fn json(rubric: &Rubric) -> String {
    super::json::render(&List {
        findings: rows(rubric),
    })
}
