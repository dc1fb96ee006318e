//! Imports go one way: a test that reads the `crate::` and `super::` paths
//! of every source file and fails on a circle, between two top-level
//! modules (`assessment` and `gate`) or between two files (`render::diff`
//! and `render::markdown`). A file may use its own parents
//! (`super::{escape, Writer}`); that is not counted.
//!
//! Some imports would close no circle and still break a layer; those are
//! named in [`FORBIDDEN`], and the same test fails on each.
//!
//! What it reads is the text, not the compiler's view: a path in a macro
//! counts, one in a comment or a test module does not. That is enough to
//! keep the layers of `README.md` ("Architecture") true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Imports no file may write, as `(from, to)`, each a module and all that
/// is within it: the reports are drawn from the model and shared words
/// alone, never from the engine that computed them, so that what a report
/// says is what the assessment holds.
const FORBIDDEN: &[(&str, &str)] = &[("render", "assess")];

type Module = Vec<String>;

/// Whether `module` is the one `path` names (`render`, `render::html`) or
/// within it.
fn within(module: &Module, path: &str) -> bool {
    let parts: Vec<&str> = path.split("::").collect();
    module.len() >= parts.len() && module.iter().zip(&parts).all(|(m, p)| m == p)
}

/// The rule of `rules` that forbids `from` to import `to`, if one does.
fn forbidding<'r>(
    from: &Module,
    to: &Module,
    rules: &'r [(&'r str, &'r str)],
) -> Option<&'r (&'r str, &'r str)> {
    rules.iter().find(|(a, b)| within(from, a) && within(to, b))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the source directory is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/render/html/diff.rs` is `render::html::diff`; `src/render/mod.rs`
/// is `render`; `src/lib.rs` is the crate itself.
fn module_of(file: &Path, src: &Path) -> Module {
    let relative = file.strip_prefix(src).expect("a file under src");
    let mut parts: Module = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file, without its test module and its comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers after `at` in `code`: one (`crate::render::…`), or
/// the first of each item of a group (`crate::{assess, rubric}`).
fn named_after(code: &str, at: usize) -> Vec<Vec<String>> {
    let rest = &code[at..];
    let path = |text: &str| -> Vec<String> {
        text.split("::")
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|s| !s.is_empty())
            .collect()
    };
    if let Some(group) = rest.strip_prefix('{') {
        let end = group.find('}').unwrap_or(group.len());
        group[..end]
            .split(',')
            .map(|item| path(item.trim()))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        vec![path(rest)]
    }
}

/// The modules `code`, the code of `module`, names, each as the longest
/// known module its path starts with.
fn imports(module: &Module, code: &str, known: &BTreeSet<Module>) -> BTreeSet<Module> {
    let mut found = BTreeSet::new();
    let starts = code
        .match_indices("crate::")
        .chain(code.match_indices("super::"));
    for (at, word) in starts {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut base: Module = if word == "crate::" {
            Vec::new()
        } else {
            module[..module.len().saturating_sub(1)].to_vec()
        };
        let mut after = at + word.len();
        while code[after..].starts_with("super::") {
            base.pop();
            after += "super::".len();
        }
        for path in named_after(code, after) {
            let mut full = base.clone();
            full.extend(path.into_iter().filter(|p| p != "self"));
            let target = (1..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|m| known.contains(m));
            // A module's own parents are where it lives, not an import.
            if let Some(target) = target {
                if !module.starts_with(&target) && !target.starts_with(module) {
                    found.insert(target);
                }
            }
        }
    }
    found
}

/// A circle in `graph`, as the modules on it, first one repeated at the end.
fn circle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        done: &mut BTreeSet<Module>,
        path: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(start) = path.iter().position(|m| m == node) {
            let mut found = path[start..].to_vec();
            found.push(node.clone());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, path) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

fn shown(modules: &[Module]) -> String {
    modules
        .iter()
        .map(|m| m.join("::"))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[test]
fn no_circle_of_imports_and_no_forbidden_import() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let modules: Vec<(Module, String)> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("a readable source file");
            (module_of(f, &src), code(&text))
        })
        // The crate's root and the binary only declare and call.
        .filter(|(m, _)| !m.is_empty())
        .collect();
    let known: BTreeSet<Module> = modules.iter().map(|(m, _)| m.clone()).collect();
    let mut files_graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut top_graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut broken = Vec::new();
    for (module, code) in &modules {
        for target in imports(module, code, &known) {
            if let Some((a, b)) = forbidding(module, &target, FORBIDDEN) {
                broken.push(format!(
                    "{} → {} ({a} may not import {b})",
                    module.join("::"),
                    target.join("::")
                ));
            }
            if module[0] != target[0] {
                top_graph
                    .entry(vec![module[0].clone()])
                    .or_default()
                    .insert(vec![target[0].clone()]);
            }
            files_graph
                .entry(module.clone())
                .or_default()
                .insert(target);
        }
    }
    for (a, b) in FORBIDDEN {
        assert!(
            known.iter().any(|m| within(m, a)) && known.iter().any(|m| within(m, b)),
            "FORBIDDEN names a module that is not there: {a} or {b}"
        );
    }
    assert!(
        broken.is_empty(),
        "forbidden imports: {}",
        broken.join("; ")
    );
    if let Some(found) = circle(&top_graph) {
        panic!(
            "a circle of imports between top-level modules: {}",
            shown(&found)
        );
    }
    if let Some(found) = circle(&files_graph) {
        panic!("a circle of imports between files: {}", shown(&found));
    }
}

#[test]
fn a_circle_is_found_and_a_parent_is_not_an_import() {
    let known: BTreeSet<Module> = [vec!["render"], vec!["render", "html"], vec!["gate"]]
        .into_iter()
        .map(|m| m.into_iter().map(str::to_owned).collect())
        .collect();
    let html: Module = vec!["render".into(), "html".into()];
    let code = "use super::{escape, markup};\nuse crate::{gate::Gate, render};";
    let found = imports(&html, code, &known);
    assert_eq!(found, BTreeSet::from([vec!["gate".to_owned()]]));
    let a = vec!["a".to_owned()];
    let b = vec!["b".to_owned()];
    let graph = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circle(&graph), Some(vec![a.clone(), b, a]));
}

#[test]
fn a_forbidden_import_is_found_in_the_module_and_all_within_it() {
    let module = |path: &str| -> Module { path.split("::").map(str::to_owned).collect() };
    let known: BTreeSet<Module> = [
        "render",
        "render::sarif",
        "assess",
        "assess::findings",
        "assessment",
    ]
    .into_iter()
    .map(module)
    .collect();
    let rules = [("render", "assess")];
    let sarif = module("render::sarif");
    let text = "use crate::assess::findings::describe;\nuse crate::assessment::Finding;\n\
                #[cfg(test)]\nmod tests {\n    use crate::assess::assess;\n}\n";
    let found: Vec<Module> = imports(&sarif, &code(text), &known)
        .into_iter()
        .filter(|target| forbidding(&sarif, target, &rules).is_some())
        .collect();
    // `assessment` is not within `assess`, and a test module is not read.
    assert_eq!(found, vec![module("assess::findings")]);
    // The rule goes one way.
    assert_eq!(
        forbidding(&module("assess"), &module("render"), &rules),
        None
    );
    assert!(within(&module("render::html::diff"), "render::html"));
    assert!(!within(&module("render"), "render::html"));
}
