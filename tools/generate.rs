//! Writes N realistic, varied, valid questionnaires for benchmarks:
//! `cargo run --release --example generate -- N DIR [SEED]`.
//! Each has 3 to 15 pilots and most answers given, a few KB in all; the same
//! seed always writes the same files.

// A generator is a program whose job is to report what it wrote.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (64-bit linear congruential), enough for variety.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[usize::try_from(self.below(words.len() as u64)).unwrap_or(0)]
    }
    fn flag(&mut self) -> &'static str {
        if self.below(2) == 0 {
            "true"
        } else {
            "false"
        }
    }
}

const INDUSTRIES: &[&str] = &[
    "retail",
    "logistics",
    "banking",
    "insurance",
    "healthcare",
    "manufacturing",
    "software",
    "energy",
];
const DEPARTMENTS: &[&str] = &[
    "Marketing",
    "Sales",
    "Finance",
    "Operations",
    "Support",
    "HR",
    "Supply Chain",
    "Legal",
];
const PROBLEMS: &[&str] = &[
    "Reduce churn",
    "Forecast demand",
    "Speed up claims",
    "Cut fraud losses",
    "Answer customers faster",
    "Plan staffing",
];

fn questionnaire(i: usize, dice: &mut Dice) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "version: 1\norganization:\n  name: Generated Unit {i:05}\n  industry: {}\n  employees: {}\n  assessed: 2026-11-20", dice.pick(INDUSTRIES), 50 + dice.below(20_000));
    let _ = writeln!(t, "strategy:\n  business_problems:");
    for p in 0..=dice.below(3) {
        let _ = writeln!(t, "    - name: {} {p}\n      kpi: rate {p}\n      target: -{}% in 12 months\n      owner: Head of {}", dice.pick(PROBLEMS), 5 + dice.below(20), dice.pick(DEPARTMENTS));
    }
    let _ = writeln!(
        t,
        "  sponsor: {}",
        dice.pick(&["none", "manager", "director", "vp", "c_suite", "board"])
    );
    let _ = writeln!(t, "  roadmap:\n    status: {}\n    horizon_months: {}\n    updated: 2026-{:02}-{:02}\n    scaling_plan: {}", dice.pick(&["none", "draft", "approved"]), 1 + dice.below(36), 1 + dice.below(10), 1 + dice.below(28), dice.flag());
    let _ = writeln!(
        t,
        "  priorities: {}\n  open_options: {}",
        dice.pick(&["none", "unranked", "ranked"]),
        dice.below(10)
    );
    let _ = writeln!(
        t,
        "  investment:\n    budget: {}\n    projected_roi: {}.{}\n    areas: [talent, data]",
        dice.pick(&["none", "requested", "approved"]),
        dice.below(4),
        dice.below(10)
    );
    let _ = writeln!(
        t,
        "  policies:\n    data_privacy: {}\n    ethics: {}\n    acceptable_use: {}",
        dice.pick(&["none", "draft", "approved"]),
        dice.pick(&["none", "draft", "approved"]),
        dice.pick(&["none", "draft", "approved"])
    );
    let _ = writeln!(
        t,
        "  okrs:\n    company: {}\n    team_alignment_pct: {}\n    individual: {}",
        dice.flag(),
        dice.below(101),
        dice.flag()
    );
    let _ = writeln!(
        t,
        "  risks_assessed: [market, technical]\nimplementation:\n  pilots:"
    );
    for p in 0..3 + dice.below(13) {
        let _ = writeln!(
            t,
            "    - name: pilot-{p}\n      department: {}\n      stage: {}\n      started: 202{}-{:02}-{:02}\n      environment: {}\n      users: {}\n      integrated: {}\n      value_measured: {}\n      success_metrics: [{}]\n      monitoring: {}\n      retraining: {}\n      cost_vs_plan: {}.{}",
            dice.pick(DEPARTMENTS),
            dice.pick(&["idea", "pilot", "pilot", "production", "scaled", "retired"]),
            4 + dice.below(2),
            1 + dice.below(12),
            1 + dice.below(28),
            dice.pick(&["laptop", "sandbox", "cloud", "production"]),
            dice.below(500),
            dice.flag(),
            dice.flag(),
            dice.pick(&["model_accuracy", "user_adoption", "business_kpi", "cost_savings"]),
            dice.pick(&["none", "manual", "automated"]),
            dice.pick(&["none", "ad_hoc", "scheduled", "automated"]),
            dice.below(2),
            dice.below(10)
        );
    }
    let _ = writeln!(
        t,
        "  data:\n    quality: {}\n    access: {}\n    architecture: {}",
        dice.pick(&["poor", "fair", "good", "excellent"]),
        dice.pick(&["siloed", "partial", "unified"]),
        dice.pick(&["legacy", "modernizing", "modern"])
    );
    let _ = writeln!(
        t,
        "  infrastructure:\n    hosting: {}\n    production_ready: {}",
        dice.pick(&["on_prem", "hybrid", "cloud"]),
        dice.flag()
    );
    let _ = writeln!(t, "  mlops:\n    version_control: {}\n    ci_cd: {}\n    model_registry: {}\n    monitoring: {}\n    automated_retraining: {}", dice.flag(), dice.flag(), dice.flag(), dice.flag(), dice.flag());
    let _ = writeln!(t, "  team:\n    data_scientists: {}\n    ml_engineers: {}\n    data_engineers: {}\n    platform_ops: {}\n    head_of_ai: {}", dice.below(10), dice.below(6), dice.below(6), dice.below(4), dice.flag());
    let _ = writeln!(
        t,
        "  spend:\n    tracked: {}\n    recurring_budget: {}\n    monthly: {}",
        dice.flag(),
        dice.flag(),
        dice.below(200_000)
    );
    let _ = writeln!(t, "  safeguards:\n    anonymization: {}\n    bias_testing: {}\n    access_controls: {}\n    audit_logging: {}", dice.flag(), dice.flag(), dice.flag(), dice.flag());
    let _ = writeln!(t, "  change_management:\n    hr: {}\n    department_heads: {}\n    training: {}\n    adoption_tracked: {}", dice.flag(), dice.flag(), dice.flag(), dice.flag());
    let belief = ["agree", "unsure", "disagree"];
    let _ = writeln!(t, "beliefs:\n  strategy_before_implementation: {}\n  implementation_is_it_only: {}\n  strategy_means_ready: {}\n  implementation_one_time_cost: {}", dice.pick(&belief), dice.pick(&belief), dice.pick(&belief), dice.pick(&belief));
    let _ = writeln!(
        t,
        "operating_model:\n  experimentation: {}\n  adoption: {}\n  focus: {}\n  goals: {}",
        1 + dice.below(5),
        1 + dice.below(5),
        1 + dice.below(5),
        1 + dice.below(5)
    );
    t
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: generate N DIR [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        std::process::exit(2);
    }
    let mut dice = Dice(seed);
    let mut bytes = 0;
    for i in 0..count {
        let text = questionnaire(i, &mut dice);
        bytes += text.len();
        if let Err(e) = std::fs::write(dir.join(format!("unit-{i:05}.yaml")), text) {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    }
    println!(
        "wrote {count} questionnaires, {bytes} bytes, to {}",
        dir.display()
    );
}
