//! `-` reads the questionnaire from standard input, named by `--stdin-filename`.

use crate::common::{run, run_with_stdin};

#[test]
fn assess_from_standard_input_matches_the_file() {
    let path = "examples/partial-cedar-health.yaml";
    let text = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("example");
    let piped = run_with_stdin(
        &["assess", "-", "--format", "json", "--stdin-filename", path],
        &text,
    );
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(
        piped.stdout,
        run(&["assess", path, "--format", "json"]).stdout
    );
}

#[test]
fn messages_name_standard_input() {
    let bad = b"version: 1\norganization:\n  nam: x\n";
    let out = run_with_stdin(&["validate", "-"], bad);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(
        out.stderr
            .contains("<stdin>:3:3: unknown key \"nam\" in organization; did you mean \"name\"?"),
        "{}",
        out.stderr
    );
    let out = run_with_stdin(&["validate", "-", "--stdin-filename", "org.yaml"], bad);
    assert!(
        out.stderr.contains("org.yaml:3:3: unknown key"),
        "{}",
        out.stderr
    );
    let good = run_with_stdin(
        &["validate", "-", "--stdin-filename", "org.yaml"],
        b"version: 1\norganization:\n  name: A\n",
    );
    assert_eq!((good.code, good.stdout.as_str()), (0, "org.yaml: valid\n"));
}

#[test]
fn standard_input_has_the_same_size_cap() {
    let big = vec![b'#'; 5 * 1024 * 1024];
    let out = run_with_stdin(&["assess", "-"], &big);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "<stdin>: the file is larger than 4 MiB, the most this tool reads from one file\n"
    );
}
