//! `JUnit` XML, for the CI systems that show test results (Jenkins, Azure
//! Pipelines, Buildkite, GitLab): one `testsuite` per questionnaire, one
//! `testcase` per gate check, and a failed check a `failure` whose text is
//! the lines the gate prints on standard error. A questionnaire that could
//! not be assessed, in a portfolio, is a suite with one `error`.

use super::gate_lines;
use crate::assessment::Assessment;
use crate::gate::GateCheck;
use crate::portfolio::{GateOutcome, Portfolio};
use crate::vocabulary::Word;
use std::fmt::Write as _;
use std::io::{self, Write};

const HEADER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The report of one assessment.
pub fn render(a: &Assessment) -> String {
    let gate = GateOutcome::of(a);
    let (tests, failures) = counts(gate.as_ref());
    format!(
        "{HEADER}<testsuites name=\"readiness\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n{}</testsuites>\n",
        suite(&a.source, gate.as_ref())
    )
}

/// A portfolio's report: a suite for each organization, then one for each
/// file that could not be assessed.
pub fn write_portfolio(p: &Portfolio, out: &mut dyn Write) -> io::Result<()> {
    let (mut tests, mut failures) = (0, 0);
    for r in &p.rows {
        let (t, f) = counts(r.gate.as_deref());
        tests += t;
        failures += f;
    }
    let errors = p.errors.len();
    writeln!(
        out,
        "{HEADER}<testsuites name=\"readiness\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">",
        tests + errors
    )?;
    for r in &p.rows {
        out.write_all(suite(&r.source, r.gate.as_deref()).as_bytes())?;
    }
    for e in &p.errors {
        let file = escape(e.file.as_deref().unwrap_or("(no file)"));
        let said: Vec<String> = e
            .problems
            .iter()
            .map(|d| match (d.line, d.column) {
                (Some(line), Some(column)) => format!("{line}:{column}: {}", d.message),
                _ => d.message.clone(),
            })
            .collect();
        let mut said = said.join("\n");
        if e.more > 0 {
            crate::text::append(&mut said, |said| {
                write!(said, "\n({} more problems)", e.more)
            });
        }
        let message = escape(&said);
        write!(
            out,
            "  <testsuite name=\"{file}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"{file}\" name=\"assessed\">\n      <error type=\"invalid\" message=\"{message}\">{message}</error>\n    </testcase>\n  </testsuite>\n"
        )?;
    }
    out.write_all(b"</testsuites>\n")
}

/// How many checks a gate has, and how many failed.
fn counts(gate: Option<&GateOutcome>) -> (usize, usize) {
    gate.map_or((0, 0), |g| {
        (
            g.checks.len(),
            g.checks.iter().filter(|c| !c.check.passed()).count(),
        )
    })
}

/// The suite of the questionnaire `source`, a test case for each check of
/// its gate.
fn suite(source: &str, gate: Option<&GateOutcome>) -> String {
    let (tests, failures) = counts(gate);
    let file = escape(source);
    let mut out = format!(
        "  <testsuite name=\"{file}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
    );
    crate::text::append(&mut out, |out| {
        for (outcome, checked) in gate
            .iter()
            .flat_map(|g| g.checks.iter().map(move |c| (g, c)))
        {
            let check = &checked.check;
            let name = escape(&check_name(check));
            write!(out, "    <testcase classname=\"{file}\" name=\"{name}\"")?;
            if check.passed() {
                out.push_str("/>\n");
                continue;
            }
            let lines = gate_lines::failed(source, outcome, checked);
            let first = lines.first().map_or("", String::as_str);
            write!(
                out,
                ">\n      <failure type=\"gate\" message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(first),
                // Character data keeps its line breaks; attributes cannot.
                escape(&lines.join("\n")).replace("&#10;", "\n")
            )?;
        }
        if gate.is_none() {
            out.push_str("    <system-out>No gate was set for this run.</system-out>\n");
        }
        out.push_str("  </testsuite>\n");
        Ok(())
    });
    out
}

/// A check's name, as `readiness.toml` would set it: `fail_under 60.0`,
/// `fail_on critical`, `regression.strategy`.
fn check_name(check: &GateCheck) -> String {
    match *check {
        GateCheck::Score {
            gate, threshold, ..
        } => format!("{gate} {}", crate::gate::as_given(threshold)),
        GateCheck::Purgatory { .. } => "fail_on purgatory".to_owned(),
        GateCheck::Severity { fail_on, .. } => format!("fail_on {}", fail_on.word()),
        GateCheck::Finding { id, .. } => format!("fail_on {id}"),
        GateCheck::ScoreRegression { score, .. } => format!("regression.{score}"),
        GateCheck::LevelRegression { .. } => "regression.level".to_owned(),
        GateCheck::QuadrantRegression { .. } => "regression.quadrant".to_owned(),
        GateCheck::NewCritical { id: Some(id) } => format!("regression.new-critical {id}"),
        GateCheck::NewCritical { id: None } => "regression.new-critical".to_owned(),
        GateCheck::Reference { ref reference, .. } => format!("fail_on {reference}"),
    }
}

/// Text as XML character data or an attribute's value: the five markup
/// characters as entities, line breaks and tabs as character references
/// (kept in attributes, where a parser would fold them), and every other
/// control character, which XML 1.0 cannot hold, as its escape in words.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::text::append(&mut out, |out| {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\n' => out.push_str("&#10;"),
                '\t' => out.push_str("&#9;"),
                '\r' => out.push_str("&#13;"),
                c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                    write!(out, "\\u{{{:x}}}", u32::from(c))?;
                }
                c => out.push(c),
            }
        }
        Ok(())
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_never_pass_through() {
        assert_eq!(
            escape("a<b>&\"c'\n\u{1b}[31m"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\\u{1b}[31m"
        );
    }
}
