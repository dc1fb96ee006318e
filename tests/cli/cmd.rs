//! The exit-code and message contract as data: each `tests/cmd/*.toml` runs
//! the binary with its arguments and standard input, from the repository
//! root, and states the exit code and every byte it must print. Regenerate
//! the expected output with `TRYCMD=overwrite cargo test cmd`, then review
//! the diff.

#[test]
fn contract_cases() {
    trycmd::TestCases::new()
        .default_bin_name("readiness")
        // Shield the cases from the caller's environment (see `common`).
        .env("GITHUB_STEP_SUMMARY", "")
        .env("CLICOLOR_FORCE", "")
        .env("COLUMNS", "")
        .case("tests/cmd/*.toml");
}
