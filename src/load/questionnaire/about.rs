//! What each key of the questionnaire asks, in a sentence: the JSON Schema's
//! descriptions (what an editor shows while a person types) and, for the
//! operating-model scales, the poles `init` writes beside them. A test keeps
//! a sentence here for every key of the format.

/// The sentence for a section, question or list item key, by its dotted
/// path; a list item's keys are written `implementation.pilots.stage`.
pub fn about(path: &str) -> Option<&'static str> {
    ABOUT
        .iter()
        .find(|(key, _)| *key == path)
        .map(|(_, text)| *text)
}

/// The two ends of each operating-model scale, 1 first, then 5.
pub const POLES: &[(&str, &str, &str)] = &[
    (
        "experimentation",
        "agile experimentation",
        "structured control",
    ),
    ("adoption", "bottom-up adoption", "top-down policy"),
    ("focus", "execution first", "governance first"),
    ("goals", "isolated team goals", "company-aligned objectives"),
];

/// The poles of the scale named `key`, as `init` and the schema write them:
/// `1 = agile experimentation, 5 = structured control`.
pub fn poles(key: &str) -> Option<String> {
    POLES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, low, high)| format!("1 = {low}, 5 = {high}"))
}

const ABOUT: &[(&str, &str)] = &[
    ("version", "The questionnaire format version; always 1."),
    ("organization", "Who is assessed."),
    ("organization.name", "The organization's name; required."),
    ("organization.industry", "The industry it works in, in words."),
    ("organization.employees", "How many people it employs."),
    ("organization.assessed", "The assessment date, YYYY-MM-DD: \"today\" for everything that depends on time, such as how long a pilot has run."),
    ("respondents", "Who answered the questionnaire; the report names them."),
    ("respondents.role", "The respondent's role, such as Chief Operating Officer; required."),
    ("respondents.answered", "The parts of the questionnaire this respondent answered: strategy, implementation, beliefs, operating_model."),
    ("strategy", "The AI strategy: what AI is for, who sponsors it, the plan, the money, the rules and the objectives."),
    ("strategy.business_problems", "The business problems AI should solve, each with a measure of progress, a target and an owner."),
    ("strategy.business_problems.name", "The problem; required."),
    ("strategy.business_problems.kpi", "The measure that shows progress, such as monthly churn rate."),
    ("strategy.business_problems.target", "The target for that measure, in words, such as -10% within 12 months."),
    ("strategy.business_problems.owner", "Who is accountable for the result."),
    ("strategy.sponsor", "The most senior executive sponsoring AI."),
    ("strategy.roadmap", "The AI roadmap."),
    ("strategy.roadmap.status", "Whether the roadmap is approved, a draft, or missing."),
    ("strategy.roadmap.horizon_months", "How far ahead the roadmap plans, in months."),
    ("strategy.roadmap.updated", "When the roadmap was last revisited, YYYY-MM-DD."),
    ("strategy.roadmap.scaling_plan", "Whether there is a plan for a pilot in one department to grow to the whole company."),
    ("strategy.priorities", "Whether the AI initiatives are ranked against each other."),
    ("strategy.open_options", "How many AI ideas are under discussion with no decision yet."),
    ("strategy.investment", "The money behind the strategy."),
    ("strategy.investment.budget", "Whether an AI budget is approved, requested, or missing."),
    ("strategy.investment.projected_roi", "The expected value as a multiple of the spend (2.5 means 2.5 times what is spent)."),
    ("strategy.investment.areas", "Where the investment goes: talent, cloud, data, tooling, training, partners."),
    ("strategy.policies", "The rules the strategy sets for AI."),
    ("strategy.policies.data_privacy", "The state of the data privacy policy."),
    ("strategy.policies.ethics", "The state of the AI ethics policy."),
    ("strategy.policies.acceptable_use", "The state of the acceptable-use policy for AI tools."),
    ("strategy.okrs", "The objectives that tie people's goals to AI."),
    ("strategy.okrs.company", "Whether company-level AI objectives exist."),
    ("strategy.okrs.team_alignment_pct", "The share of teams whose goals link to the AI objectives, in percent."),
    ("strategy.okrs.individual", "Whether individual objectives are tied to AI adoption."),
    ("strategy.risks_assessed", "The kinds of risk assessed: market, strategic, technical, operational, regulatory."),
    ("implementation", "The AI implementation: the pilots, and the data, platform, practice, team, money, safeguards and change behind them."),
    ("implementation.pilots", "Every AI initiative past the idea stage."),
    ("implementation.pilots.name", "The pilot's name, unique within the file; required."),
    ("implementation.pilots.department", "The department that runs it."),
    ("implementation.pilots.stage", "Where it stands; required."),
    ("implementation.pilots.started", "When the pilot began, YYYY-MM-DD."),
    ("implementation.pilots.environment", "Where it runs: on a laptop, in a sandbox, in the cloud, or in production."),
    ("implementation.pilots.users", "How many people actively use it."),
    ("implementation.pilots.integrated", "Whether it is wired into a business workflow or system."),
    ("implementation.pilots.value_measured", "Whether the movement of a business KPI is measured."),
    ("implementation.pilots.success_metrics", "How its success is judged: model accuracy, user adoption, a business KPI, cost savings."),
    ("implementation.pilots.monitoring", "How its outputs are watched: not at all, by hand, or automatically."),
    ("implementation.pilots.retraining", "How the model is retrained as data changes: never, now and then, on a schedule, or automatically."),
    ("implementation.pilots.cost_vs_plan", "Actual spend divided by planned spend (1.4 means 40% over plan)."),
    ("implementation.pilots.business_owner", "Who in the business is accountable for its results."),
    ("implementation.pilots.decision_by", "The date of its go/no-go decision (to production, or stopped), YYYY-MM-DD."),
    ("implementation.pilots.sourcing", "Whether it was built in-house or bought as a vendor's product or service; left out, built."),
    ("implementation.pilots.impact", "What rides on its outputs (money, health, rights): low, medium or high."),
    ("implementation.pilots.serves", "The names of the business problems under strategy.business_problems that it works on; [] says it works on none of them."),
    ("implementation.pilots.human_review", "Whether people check its outputs before they take effect: none, a sample, or every output. Watching the model over time is monitoring."),
    ("implementation.pilots.affects", "Who its outputs affect, beyond the people who use it: employees, customers, applicants, patients, students, citizens, the public."),
    ("implementation.pilots.impact_assessed", "Whether its effect on the people it affects has been assessed."),
    ("implementation.pilots.retired_reason", "Why it was retired, for a retired pilot only: its value, its cost, its risk, replaced by another, or a change of strategy."),
    ("implementation.incidents", "What went wrong with AI systems, as recorded: harm, legal findings, outages, security events, complaints."),
    ("implementation.incidents.date", "When it happened, YYYY-MM-DD, not after the assessment date; required."),
    ("implementation.incidents.pilot", "The name of the listed pilot it happened with; left out, it is not tied to one."),
    ("implementation.incidents.kind", "What kind of incident: harm, legal, outage, security, complaint or other; required."),
    ("implementation.incidents.severity", "How serious it was: low, medium or high; required."),
    ("implementation.incidents.resolved", "Whether it is resolved; required."),
    ("implementation.incidents.summary", "What happened, in one line."),
    ("implementation.inventory", "Whether the pilots list is the whole inventory of AI in use."),
    ("implementation.inventory.complete", "Whether the pilots list holds every AI system in use."),
    ("implementation.inventory.systems_known", "How many AI systems are known to exist; not fewer than the started and retired pilots listed."),
    ("implementation.data", "The data the pilots depend on."),
    ("implementation.data.quality", "How good the data is."),
    ("implementation.data.access", "How far data can be reached across departments: siloed, partly, or unified."),
    ("implementation.data.architecture", "How modern the data architecture is."),
    ("implementation.infrastructure", "Where AI runs."),
    ("implementation.infrastructure.hosting", "On premises, hybrid, or in the cloud."),
    ("implementation.infrastructure.production_ready", "Whether it can serve production load for the whole company."),
    ("implementation.mlops", "The practice of running models in production."),
    ("implementation.mlops.version_control", "Whether models and their code are under version control."),
    ("implementation.mlops.ci_cd", "Whether models are tested and deployed by CI/CD."),
    ("implementation.mlops.model_registry", "Whether models are kept in a model registry."),
    ("implementation.mlops.monitoring", "Whether models in production are monitored."),
    ("implementation.mlops.automated_retraining", "Whether models are retrained automatically."),
    ("implementation.team", "The people who build and run AI, as head counts."),
    ("implementation.team.data_scientists", "How many data scientists."),
    ("implementation.team.ml_engineers", "How many machine learning engineers."),
    ("implementation.team.data_engineers", "How many data engineers."),
    ("implementation.team.platform_ops", "How many platform and operations engineers."),
    ("implementation.team.head_of_ai", "Whether a single accountable AI leader exists."),
    ("implementation.spend", "What AI costs now."),
    ("implementation.spend.tracked", "Whether spend is tracked against the value the strategy projected."),
    ("implementation.spend.recurring_budget", "Whether monitoring and retraining are funded as an ongoing cost."),
    ("implementation.spend.monthly", "The current monthly AI spend, in any currency."),
    ("implementation.safeguards", "The policies built into code."),
    ("implementation.safeguards.anonymization", "Whether personal data is anonymized in code."),
    ("implementation.safeguards.bias_testing", "Whether models are tested for bias."),
    ("implementation.safeguards.access_controls", "Whether access to models and data is controlled."),
    ("implementation.safeguards.audit_logging", "Whether AI decisions are logged for audit."),
    ("implementation.change_management", "How people are brought along."),
    ("implementation.change_management.hr", "Whether HR takes part in the rollout."),
    ("implementation.change_management.department_heads", "Whether the heads of the affected departments take part."),
    ("implementation.change_management.training", "Whether staff are trained on the new workflows."),
    ("implementation.change_management.adoption_tracked", "Whether use of the new workflows is measured."),
    ("beliefs", "What leadership holds about four common statements; disagree is the mature answer."),
    ("beliefs.strategy_before_implementation", "\"The whole AI strategy must be finished before any implementation starts.\""),
    ("beliefs.implementation_is_it_only", "\"Implementing AI is a job for the IT department alone.\""),
    ("beliefs.strategy_means_ready", "\"Having an AI strategy means the organization is ready for AI.\""),
    ("beliefs.implementation_one_time_cost", "\"Implementing AI is a one-time setup cost.\""),
    ("operating_model", "Where the organization stands between two poles on four scales, from 1 to 5; 3 is balanced."),
    ("operating_model.experimentation", "From agile experimentation to structured control; the balanced middle is the mature place."),
    ("operating_model.adoption", "From bottom-up adoption to top-down policy; the balanced middle is the mature place."),
    ("operating_model.focus", "From execution first to governance first; the balanced middle is the mature place."),
    ("operating_model.goals", "From isolated team goals to company-aligned objectives; the aligned end is the mature place."),
];
