//! The JSON Schema of every JSON document the tool writes, derived from the
//! types that write them: `readiness schema --report`, committed as
//! `schema/report.schema.json`. The doc comments of the types are its
//! descriptions. Every object refuses keys it does not describe, so a field
//! added to a report outside these types fails the tests that validate
//! each report against the schema.

use super::schema::Closed;
use schemars::generate::SchemaSettings;
use schemars::{json_schema, Schema};

/// The root of the schema: a report of one organization or a portfolio,
/// with every other document under `$defs`.
pub fn report_schema() -> Schema {
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(Closed)
        .into_generator();
    let assessment = generator.subschema_for::<super::Report>();
    let portfolio = generator.subschema_for::<super::portfolio::Portfolio>();
    // The other documents are only registered, for `$defs`: the root
    // refers to the two reports.
    generator.subschema_for::<super::Comparison>();
    generator.subschema_for::<super::history::History>();
    generator.subschema_for::<super::history::PortfolioHistory>();
    generator.subschema_for::<super::frameworks::Frameworks>();
    generator.subschema_for::<super::frameworks::FrameworkIds>();
    generator.subschema_for::<super::frameworks::FrameworkCoverage>();
    let definitions = generator.take_definitions(true);
    let mut root = json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "readiness JSON report, format 1",
        "description": "One questionnaire gives one assessment; several (or a directory, or --portfolio) give a portfolio of them. The JSON of readiness diff is $defs/comparison; that of readiness history is $defs/history (a file) or $defs/portfolio_history (a directory); that of readiness frameworks is $defs/frameworks, $defs/framework_ids (with an id) or $defs/framework_coverage (with questionnaires). It describes the documents of this version of readiness exactly: every object is closed to keys it does not describe, and a later version may add fields within format 1, so validate a document against the schema of the version that wrote it.",
        "anyOf": [assessment, portfolio],
    });
    root.insert("$defs".to_owned(), definitions.into());
    root
}
