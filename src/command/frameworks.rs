//! `readiness frameworks [ID [FILE...]]`: the frameworks the rubric refers
//! to, one framework's ids with what the rubric maps to each, or the
//! coverage view of questionnaires assessed with that rubric (accepted risks
//! from the settings file marked, as `assess` marks them).

use crate::assessment::FrameworkView;
use crate::command::args::FrameworksArgs;
use crate::command::settings::Settings;
use crate::command::{acceptances, config, inputs, read, Environment};
use crate::coverage;
use crate::diagnostic::{Diagnostic, Position};
use crate::error::{Error, Undeclared};
use crate::frameworks::Framework;
use crate::gate::{FailCondition, Gates};
use crate::load::questionnaire::LoadOptions;
use crate::render;
use crate::rubric::Rubric;
use crate::suggest::closest;
use crate::vocabulary::Format;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn run(args: &FrameworksArgs, env: &Environment) -> Result<String, Error> {
    let config = config::discover(
        config::Source::from_flags(args.config.as_deref(), args.no_config),
        Path::new("."),
    )?;
    let rubric = read::rubric_of_settings(args.rubric.as_deref(), &config)?;
    // The command line offers table, markdown and json only.
    let format = match args.format.unwrap_or(Format::Table) {
        Format::Sarif | Format::Github => Format::Table,
        format => format,
    };
    let Some(id) = &args.id else {
        return Ok(render::frameworks::list(rubric, format, env.width));
    };
    let framework = declared(rubric, id)?;
    if args.files.is_empty() {
        return Ok(render::frameworks::ids(
            rubric, framework, format, env.width,
        ));
    }
    let inputs = inputs::expand(&args.files)?;
    if let Some(problem) = inputs.problems.into_iter().next() {
        return Err(problem);
    }
    let options = LoadOptions {
        as_of: args.as_of,
        today: env.today,
    };
    let settings = Settings {
        config_file: config.path,
        rubric: None,
        format,
        gates: Gates::default(),
        accept: config.accept,
        overrides: Vec::new(),
        fail_on_from: None,
        frameworks: Vec::new(),
        frameworks_from: None,
    };
    let mut assessments = Vec::with_capacity(inputs.files.len());
    let mut seen = Vec::new();
    for file in &inputs.files {
        let name = read::shown_name(file, "<stdin>");
        let questionnaire = read::questionnaire(file, &name, options)?;
        let mut a = crate::assess::assess(&questionnaire, rubric, &name);
        // Acceptances expire by the clock, or by --as-of, as in `assess`.
        acceptances::apply(&mut a, &settings, args.as_of.unwrap_or(env.today))?;
        seen.extend(acceptances::Seen::of(&a, &settings));
        assessments.push(a);
    }
    // A pilot named by an acceptance that no questionnaire has is a
    // mistake here as in `assess`: left alone, its risk would show as
    // not accepted with no word why.
    acceptances::refuse_unknown_pilots(&settings, &seen)?;
    let coverages: Vec<_> = assessments
        .iter()
        .map(|a| coverage::coverage(rubric, framework, a))
        .collect();
    Ok(render::frameworks::coverage(
        rubric, framework, &coverages, format, env.width,
    ))
}

/// The framework the rubric declares with `id`, or why there is none.
pub fn declared<'r>(rubric: &'r Rubric, id: &str) -> Result<&'r Arc<Framework>, Undeclared> {
    if let Some(framework) = rubric.framework(id.trim()) {
        return Ok(framework);
    }
    let ids: Vec<&str> = rubric.frameworks.iter().map(|f| &*f.id).collect();
    // `nist` is the start of `nist-ai-rmf`, too far for an edit distance.
    let near = closest(id.trim(), &ids).or_else(|| {
        ids.iter()
            .copied()
            .find(|f| !id.trim().is_empty() && f.starts_with(id.trim()))
    });
    Err(Undeclared::Framework {
        rubric: rubric.id.clone(),
        // Written by whoever ran the tool: quoted on one line, as given.
        id: crate::diagnostic::escaped(id).into_owned(),
        suggestion: near.map(str::to_owned),
        declared: ids.iter().map(|&id| id.to_owned()).collect(),
    })
}

/// Checks every framework reference `--fail-on` (or `gate.fail_on`) names
/// against the rubric, and writes each id as its framework does: an
/// unknown one is an error, with the nearest id, before anything is assessed.
pub fn resolve_fail_on(settings: &mut Settings, rubric: &Rubric) -> Result<(), Error> {
    let mut problem = None;
    for condition in &mut settings.gates.fail_on {
        let FailCondition::Reference { framework, id } = condition else {
            continue;
        };
        match declared(rubric, framework) {
            Err(why) => problem = problem.or(Some(why)),
            Ok(declared) => match declared.entry(id) {
                Some(entry) => *id = std::sync::Arc::from(&*entry.id),
                None => {
                    problem = problem.or_else(|| Some(Undeclared::Reference(declared.unknown(id))));
                }
            },
        }
    }
    let Some(why) = problem else {
        return Ok(());
    };
    Err(placed(
        settings.fail_on_from.as_ref(),
        ("gate.fail_on", "--fail-on"),
        why,
    ))
}

/// A problem with a setting, placed where it was given: on its key in the
/// settings file, or on its flag.
fn placed(
    from: Option<&(PathBuf, Position)>,
    (key, flag): (&str, &'static str),
    why: Undeclared,
) -> Error {
    match from {
        Some((file, at)) => Error::Invalid {
            file: crate::diagnostic::shown_path(file),
            text: None,
            problems: vec![Diagnostic::at(*at, format!("{key}: {why}"))],
        },
        None => Error::Flag { flag, problem: why },
    }
}

/// The frameworks whose view the report adds, each declared by the rubric:
/// an unknown one is an error, with the nearest, before anything is assessed.
pub fn views(settings: &Settings, rubric: &Rubric) -> Result<Vec<FrameworkView>, Error> {
    // One copy of the rubric for all the views, made only when there is
    // one: a run that asks for none copies nothing.
    let mut shared: Option<Arc<Rubric>> = None;
    let mut views: Vec<FrameworkView> = Vec::new();
    for id in &settings.frameworks {
        let framework = match declared(rubric, id) {
            Ok(framework) => framework,
            Err(why) => {
                return Err(placed(
                    settings.frameworks_from.as_ref(),
                    ("framework", "--framework"),
                    why,
                ))
            }
        };
        // Each once, in the order given.
        if !views.iter().any(|v| v.framework.id == framework.id) {
            views.push(FrameworkView {
                rubric: Arc::clone(shared.get_or_insert_with(|| Arc::new(rubric.clone()))),
                framework: Arc::clone(framework),
            });
        }
    }
    Ok(views)
}
