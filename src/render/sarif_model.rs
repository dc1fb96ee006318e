//! The part of SARIF 2.1.0 the tool writes, as typed records. Keys are in
//! the order of their names, as the logs have always been written.

use serde::Serialize;

/// The schema a log names.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// A log of one run.
#[derive(Debug, Serialize)]
pub struct Log<'a> {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub runs: [Run<'a>; 1],
    pub version: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run<'a> {
    pub column_kind: &'static str,
    pub results: Vec<SarifResult>,
    pub tool: Tool<'a>,
}

#[derive(Debug, Serialize)]
pub struct Tool<'a> {
    pub driver: &'a Driver,
}

/// The tool, and every finding it can report as a rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub full_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_uri: Option<&'static str>,
    pub name: &'static str,
    pub rules: Vec<Rule>,
    pub semantic_version: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub default_configuration: Configuration,
    pub full_description: Text,
    pub help: Text,
    pub id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub properties: Properties,
    pub short_description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Properties {
    pub tags: Vec<String>,
}

/// A message, or a description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub text: String,
}

/// A finding that fired, where.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub level: &'static str,
    pub locations: [Location; 1],
    pub message: Text,
    pub rule_id: &'static str,
    pub rule_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressions: Option<[Suppression; 1]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub physical_location: PhysicalLocation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArtifactLocation {
    pub uri: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: u32,
}

/// An accepted finding: suppressed outside the code, with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suppression {
    pub justification: String,
    pub kind: &'static str,
    pub status: &'static str,
}
