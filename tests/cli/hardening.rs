//! What an attacker, or an unlucky CI job, can throw at the output side:
//! device nodes, FIFOs, read-only files, a report written over its own
//! questionnaire, standard output that cannot be written, a job summary that
//! would block, and text that could rewrite the lines the tool prints. Device
//! nodes are ones the tests create as root; without root the system's own
//! /dev/null and /dev/full stand in, which only root could replace, so no
//! test passes unseen for want of root.

use crate::common::{path_of, run, run_in, scratch_dir};
use std::fmt::Write as _;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};

const EXAMPLE: &str = "examples/aligned-harbor-logistics.yaml";

/// A FIFO at `path`, made by `mkfifo`.
fn make_fifo(path: impl AsRef<std::ffi::OsStr>) {
    assert!(Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success()));
}

fn example() -> String {
    format!("{}/{EXAMPLE}", env!("CARGO_MANIFEST_DIR"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A character device to write to: as root, one made by the test in its
/// own directory (`major`, `minor` as `mknod` takes them), so that a bug that
/// replaced it would replace nothing of the system's; otherwise the system's
/// own node of that number, which only root could replace, so a bug shows as
/// a failed write rather than passing unseen.
fn device(path: &str, major: &str, minor: &str) -> String {
    if is_root() {
        let made = Command::new("mknod")
            .args([path, "c", major, minor])
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mknod {path} c {major} {minor}");
        return path.to_owned();
    }
    match (major, minor) {
        ("1", "3") => "/dev/null".to_owned(),
        ("1", "7") => "/dev/full".to_owned(),
        _ => panic!("no system device {major},{minor} to stand in"),
    }
}

#[test]
fn a_device_given_to_o_is_written_in_place_not_replaced() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let node = device(&format!("{dir}/null"), "1", "3");
    let out = run(&["assess", EXAMPLE, "-o", &node]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let kind = std::fs::metadata(&node).expect("still there").file_type();
    assert!(kind.is_char_device(), "the device node was replaced");
}

#[test]
fn a_fifo_given_to_o_is_written_in_place() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let fifo = format!("{dir}/pipe");
    make_fifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    let out = run(&["assess", EXAMPLE, "--format", "json", "-o", &fifo]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = reader.join().expect("reader");
    assert!(report.starts_with("{\n  \"format_version\": 1"), "{report}");
    assert!(std::fs::metadata(&fifo)
        .expect("still there")
        .file_type()
        .is_fifo());
}

#[test]
fn a_report_keeps_the_permissions_of_the_file_it_replaces() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let report = format!("{dir}/report.md");
    std::fs::write(&report, "old").expect("scratch file");
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = run(&["assess", EXAMPLE, "-o", &report]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mode = std::fs::metadata(&report)
        .expect("report")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // A read-only report: refused as `>` refuses it, or, as root (whom `>`
    // lets through), written with its permissions kept.
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(&["assess", EXAMPLE, "-o", &report]);
    if is_root() {
        assert_eq!(out.code, 0, "{}", out.stderr);
        let mode = std::fs::metadata(&report)
            .expect("report")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o444);
    } else {
        assert_eq!(out.code, 2);
        assert_eq!(
            out.stderr,
            format!("{report}: cannot be written: permission denied\n")
        );
    }
}

// A link to a file not made yet was replaced by the report, and the file it
// pointed to never made.
#[test]
fn a_report_through_a_link_to_a_missing_file_makes_that_file() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::create_dir(format!("{dir}/reports")).expect("mkdir");
    let link = format!("{dir}/latest.json");
    std::os::unix::fs::symlink("reports/new.json", &link).expect("symlink");
    let out = run(&["assess", &example(), "--format", "json", "-o", &link]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let kept = std::fs::symlink_metadata(&link).expect("the link");
    assert!(kept.file_type().is_symlink());
    let report = std::fs::read_to_string(format!("{dir}/reports/new.json")).expect("made");
    assert!(
        report.starts_with("{\n  \"format_version\": 1,"),
        "{report}"
    );
    // A link into a directory that is not there: refused, the link kept.
    let nowhere = format!("{dir}/nowhere.json");
    std::os::unix::fs::symlink(format!("{dir}/gone/new.json"), &nowhere).expect("symlink");
    let out = run(&["assess", &example(), "-o", &nowhere]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("{nowhere}: the directory {dir}/gone does not exist\n")
    );
    assert!(std::fs::symlink_metadata(&nowhere)
        .expect("the link")
        .file_type()
        .is_symlink());
}

// A directory where no file can be made was said not to exist.
#[cfg(target_os = "linux")]
#[test]
fn a_directory_that_takes_no_files_is_not_said_to_be_missing() {
    let out = run(&["assess", &example(), "-o", "/proc/report.txt"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        "/proc/report.txt: cannot be written: no file can be made in its directory\n"
    );
}

#[test]
fn a_report_never_replaces_one_of_its_questionnaires() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let questionnaire = format!("{dir}/org.yaml");
    std::fs::copy(example(), &questionnaire).expect("copy");
    let link = format!("{dir}/link.yaml");
    std::os::unix::fs::symlink(&questionnaire, &link).expect("symlink");
    for output in [
        questionnaire.as_str(),
        link.as_str(),
        &format!("{dir}/./org.yaml"),
    ] {
        let out = run(&["assess", &questionnaire, "-o", output]);
        assert_eq!(out.code, 2, "{output}");
        assert!(out.stdout.is_empty());
        assert!(
            out.stderr.contains("is also an input")
                && out.stderr.ends_with("choose another file\n"),
            "{}",
            out.stderr
        );
    }
    let kept = std::fs::read_to_string(&questionnaire).expect("read");
    assert_eq!(kept, std::fs::read_to_string(example()).expect("example"));
    // A directory of questionnaires is checked file by file.
    let out = run(&["assess", dir, "-o", &questionnaire]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // Standard input may be the very file named.
    let out = Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(["assess", "-", "-o", &questionnaire])
        .stdin(Stdio::from(
            std::fs::File::open(&questionnaire).expect("open"),
        ))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{questionnaire}: is also an input (standard input); writing the report there would replace the questionnaire, so choose another file\n")
    );
    let kept = std::fs::read_to_string(&questionnaire).expect("read");
    assert_eq!(kept, std::fs::read_to_string(example()).expect("example"));
}

#[test]
fn a_report_never_replaces_the_rubric_or_the_settings_file_it_was_made_with() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let rubric = format!("{dir}/rubric.toml");
    std::fs::copy(
        format!("{}/rubrics/default.toml", env!("CARGO_MANIFEST_DIR")),
        &rubric,
    )
    .expect("copy");
    let settings = format!("{dir}/readiness.toml");
    std::fs::write(&settings, "[gate]\nfail_under = 10\n").expect("write");
    let cases = [
        (["--rubric", rubric.as_str()], rubric.as_str(), "rubric"),
        (
            ["--config", settings.as_str()],
            settings.as_str(),
            "settings file",
        ),
    ];
    for (flags, output, what) in cases {
        let before = std::fs::read(output).expect("read");
        let out = run(&["assess", EXAMPLE, flags[0], flags[1], "-o", output]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{}", out.stderr);
        assert_eq!(
            out.stderr,
            format!("{output}: is also an input ({output}); writing the report there would replace the {what}, so choose another file\n")
        );
        assert_eq!(std::fs::read(output).expect("read"), before);
    }
    // The settings file found from the working directory is one too.
    std::fs::copy(example(), format!("{dir}/org.yaml")).expect("copy");
    let out = run_in(dir, &["assess", "org.yaml", "-o", "readiness.toml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("would replace the settings file"),
        "{}",
        out.stderr
    );
    // A JSON report may be replaced by the JSON report compared with it, so
    // that the next run compares with this one; by any other report, or a
    // questionnaire by a report, no baseline could be read again.
    std::fs::write(format!("{dir}/readiness.toml"), "").expect("write");
    let out = run_in(
        dir,
        &["assess", "org.yaml", "--format", "json", "-o", "last.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run_in(
        dir,
        &[
            "assess",
            "org.yaml",
            "--format",
            "json",
            "--baseline",
            "last.json",
            "-o",
            "last.json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::copy(example(), format!("{dir}/old.yaml")).expect("copy");
    for (baseline, format) in [("last.json", "markdown"), ("old.yaml", "json")] {
        let before = std::fs::read(format!("{dir}/{baseline}")).expect("read");
        let out = run_in(
            dir,
            &[
                "assess",
                "org.yaml",
                "--format",
                format,
                "--baseline",
                baseline,
                "-o",
                baseline,
            ],
        );
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert_eq!(
            out.stderr,
            format!("{baseline}: is also an input ({baseline}); writing the report there would replace the baseline, so choose another file\n")
        );
        assert_eq!(
            std::fs::read(format!("{dir}/{baseline}")).expect("read"),
            before
        );
    }
}

#[test]
fn dash_o_dash_is_standard_output() {
    let out = run(&["assess", EXAMPLE, "--format", "json", "-o", "-"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with('{'));
    assert!(!Path::new(&format!("{}/-", env!("CARGO_MANIFEST_DIR"))).exists());
}

#[test]
fn temporary_files_are_random_and_only_ones_own_are_removed() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A file named as an older tool named its temporary files.
    let stranger = format!("{dir}/.report.md.1.tmp");
    std::fs::write(&stranger, "not ours").expect("scratch file");
    let out = run_in(dir, &["assess", &example(), "-o", "report.md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".report.md.1.tmp", "report.md"]);
    assert_eq!(
        std::fs::read_to_string(&stranger).expect("kept"),
        "not ours"
    );
}

#[test]
fn a_failure_to_write_standard_output_is_an_error_unless_the_pipe_closed() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let full = device(&format!("{dir}/full"), "1", "7");
    // A full disk, and a descriptor open only for reading: either way the
    // report went nowhere, so the run fails rather than passing with nothing.
    let targets = [
        (
            std::fs::OpenOptions::new()
                .write(true)
                .open(&full)
                .expect("open"),
            "no space left on device",
        ),
        (
            std::fs::File::open(example()).expect("open"),
            "bad file descriptor",
        ),
    ];
    for (target, why) in targets {
        let out = Command::new(env!("CARGO_BIN_EXE_readiness"))
            .args(["assess", &example()])
            .stdout(Stdio::from(target))
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("readiness: cannot write the report to standard output: {why}\n")
        );
    }
    // A reader that stops early is not an error worth a message.
    let mut child = Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(["assess", &example(), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("GITHUB_STEP_SUMMARY")
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn a_job_summary_that_would_block_is_a_warning_after_the_report() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let fifo = format!("{dir}/summary");
    make_fifo(&fifo);
    let mut child = Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(["assess", &example()])
        .env("GITHUB_STEP_SUMMARY", &fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // A guard against a hang, not a measure of speed.
    let mut waited = 0;
    while child.try_wait().expect("wait").is_none() {
        assert!(waited < 600, "the run hung on a FIFO with no reader");
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    }
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("AI readiness"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("warning: {fifo}: is not a regular file; the job summary was not written\n")
    );
}

#[test]
fn a_directory_names_every_entry_it_cannot_read_as_a_questionnaire() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    std::fs::copy(example(), format!("{dir}/a.yaml")).expect("copy");
    std::fs::copy(example(), format!("{dir}/B.YML")).expect("copy");
    // A link to a questionnaire is read as one, though the directory lists
    // it as a link rather than a file.
    std::os::unix::fs::symlink(example(), format!("{dir}/c.yaml")).expect("link");
    std::os::unix::fs::symlink(
        format!("{dir}/missing.yaml"),
        format!("{dir}/dangling.yaml"),
    )
    .expect("link");
    std::os::unix::fs::symlink(format!("{dir}/loop.yaml"), format!("{dir}/loop.yaml"))
        .expect("loop");
    std::fs::create_dir(format!("{dir}/folder.yaml")).expect("dir");
    make_fifo(format!("{dir}/pipe.yml"));
    let out = run(&["validate", dir]);
    assert_eq!(out.code, 2);
    // Uppercase extensions count; the rest is named, one line each.
    assert_eq!(
        out.stdout,
        format!("{dir}/B.YML: valid\n{dir}/a.yaml: valid\n{dir}/c.yaml: valid\n")
    );
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stderr);
    assert!(lines[0].starts_with(&format!(
        "{dir}/dangling.yaml: is a symbolic link to nothing"
    )));
    assert!(lines[1].starts_with(&format!("{dir}/folder.yaml: is a directory")));
    assert!(lines[2].starts_with(&format!(
        "{dir}/loop.yaml: is a symbolic link to nothing, or to itself"
    )));
    assert!(lines[3].starts_with(&format!("{dir}/pipe.yml: is not a regular file")));
    // The questionnaires that can be read are still assessed.
    let out = run(&["assess", dir, "--format", "json"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("\"organizations\":3"), "{}", out.stdout);
}

#[test]
fn a_settings_file_that_cannot_be_read_is_an_error_not_silence() {
    for (name, make) in [
        ("config-dir", "dir"),
        ("config-dangling", "dangling"),
        ("config-fifo", "fifo"),
    ] {
        let tmp = scratch_dir();
        let dir = path_of(&tmp);
        let config = format!("{dir}/readiness.toml");
        match make {
            "dir" => std::fs::create_dir(&config).expect("dir"),
            "dangling" => {
                std::os::unix::fs::symlink(format!("{dir}/nowhere"), &config).expect("link");
            }
            _ => make_fifo(&config),
        }
        let out = run_in(dir, &["assess", &example()]);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{name}");
        assert!(
            out.stderr.starts_with("readiness.toml: "),
            "{name}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with("so make it a file or remove it (or pass --no-config)\n"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn messages_say_what_is_wrong() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let write = |name: &str, bytes: &[u8]| {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, bytes).expect("scratch file");
        path
    };
    // UTF-16 is not called binary.
    let utf16: Vec<u8> = "version: 1\norganization:\n  name: A\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = write("utf16.yaml", &utf16);
    let out = run(&["validate", &path]);
    assert_eq!(
        out.stderr,
        format!("{path}: the file is UTF-16 text; save it as UTF-8\n")
    );
    // A rubric too large is not called a questionnaire.
    let big = write("big.toml", &vec![b'#'; 5 * 1024 * 1024]);
    let out = run(&["rubric", "check", &big]);
    assert_eq!(
        out.stderr,
        format!("{big}: the file is larger than 4 MiB, the most this tool reads from one file\n")
    );
    // 1.0 is not "the number 1".
    let path = write("version.yaml", b"version: 1.0\norganization:\n  name: A\n");
    let out = run(&["validate", &path]);
    assert!(out.stderr.starts_with(&format!(
        "{path}:1:10: version: expected the whole number 1, found 1.0; write it without the decimal point\n"
    )), "{}", out.stderr);
    // A tab after a key's colon is YAML.
    let path = write(
        "tab.yaml",
        b"version: 1\norganization:\n  name:\tNorthwind\n",
    );
    let out = run(&["validate", &path]);
    assert_eq!(
        (out.code, out.stdout, out.stderr),
        (0, format!("{path}: valid\n"), String::new())
    );
    // Two names that differ only in bytes that are not UTF-8 print differently.
    let shown: Vec<String> = [b"caf\xE9.yaml".as_slice(), b"caf\xE8.yaml".as_slice()]
        .iter()
        .map(|name| {
            let path = Path::new(&dir).join(std::ffi::OsStr::from_bytes(name));
            std::fs::write(&path, b"version: 2\n").expect("scratch file");
            let out = Command::new(env!("CARGO_BIN_EXE_readiness"))
                .arg("validate")
                .arg(&path)
                .output()
                .expect("runs");
            String::from_utf8_lossy(&out.stderr).into_owned()
        })
        .collect();
    assert!(shown[0].contains("caf\\xE9.yaml"), "{}", shown[0]);
    assert!(shown[1].contains("caf\\xE8.yaml"), "{}", shown[1]);
    // `-o` to a pipe (bash's `>(...)`) writes into it.
    let copy = format!("{dir}/through-a-pipe.json");
    let status = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "'{}' assess '{}' --format json -o >(cat > '{copy}'); wait",
            env!("CARGO_BIN_EXE_readiness"),
            example()
        ))
        .status()
        .expect("bash");
    assert!(status.success());
    // The pipe's reader may finish just after the shell; wait for it a moment.
    for _ in 0..100 {
        if std::fs::read_to_string(&copy).is_ok_and(|t| t.ends_with("}\n")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(std::fs::read_to_string(&copy)
        .expect("copied")
        .starts_with('{'));
}

#[test]
fn file_names_and_keys_cannot_print_lines_of_their_own() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    // A key with a line break, quoted, that could forge a workflow command.
    let path = format!("{dir}/key.yaml");
    std::fs::write(
        &path,
        "version: 1\norganization:\n  name: A\n  \"x\\n::error::forged\": 1\n",
    )
    .expect("scratch file");
    let out = run(&["validate", &path]);
    assert_eq!(out.code, 2);
    assert!(
        !out.stderr.lines().any(|l| l.starts_with("::")),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("x\\n::error::forged"), "{}", out.stderr);
    // A file name with an escape sequence, and one that starts with `::`.
    for name in ["\u{1b}[31mred.yaml", "::warning::x.yaml"] {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, "version: 2\n").expect("scratch file");
        let out = run_in(dir, &["validate", name]);
        assert_eq!(out.code, 2);
        assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
        assert!(
            !out.stderr.lines().any(|l| l.starts_with("::")),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_file_with_thousands_of_mistakes_prints_a_hundred_and_a_count() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let mut text =
        String::from("version: 1\norganization: {name: A}\nimplementation:\n  pilots:\n");
    for i in 0..5_000 {
        let _ = writeln!(text, "    - {{name: p{i}, stage: no}}");
    }
    let path = format!("{dir}/many.yaml");
    std::fs::write(&path, text).expect("scratch file");
    let out = run(&["validate", &path]);
    assert_eq!(out.code, 2);
    let problems = out.stderr.lines().filter(|l| l.starts_with(&path)).count();
    assert_eq!(
        problems, 101,
        "a hundred problems and the count of the rest"
    );
    assert!(out.stderr.ends_with(&format!(
        "{path}: … and 4900 more problems, not shown; fix these and check again\n"
    )));
}

// An interrupted run exits with 130 whatever it is doing, not only while it
// writes a report file. The questionnaire is a FIFO: opening it for writing
// returns once the tool has opened it to read, past the point where it
// handles signals, and its read then waits for what never comes.
#[test]
fn an_interrupted_run_exits_130_on_sigint_sigterm_and_sighup() {
    for signal in ["INT", "TERM", "HUP"] {
        let tmp = scratch_dir();
        let dir = path_of(&tmp);
        let fifo = format!("{dir}/org.yaml");
        make_fifo(&fifo);
        let mut tool = Command::new(env!("CARGO_BIN_EXE_readiness"))
            .args(["assess", &fifo])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the tool");
        // Opened on a thread of its own, so that a tool that stopped before
        // opening the FIFO fails the test rather than leaving it waiting.
        let (opened, writer) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let file = std::fs::OpenOptions::new().write(true).open(path);
            opened.send(file).ok();
        });
        let writer = loop {
            if let Ok(file) = writer.recv_timeout(std::time::Duration::from_millis(20)) {
                break file.expect("open the FIFO");
            }
            let ended = tool.try_wait().expect("the tool's state");
            assert!(
                ended.is_none(),
                "SIG{signal}: the tool ended first: {ended:?}"
            );
        };
        assert!(Command::new("kill")
            .args(["-s", signal, &tool.id().to_string()])
            .status()
            .is_ok_and(|s| s.success()));
        let status = tool.wait().expect("the tool ends");
        drop(writer);
        assert_eq!(status.code(), Some(130), "SIG{signal}: {status}");
    }
}

// A pilot named "##[error]leaked" reached the log as the runner's older form
// of a workflow command, which it reads anywhere in a line: broken in every
// format but GitHub's own commands, each in its own way, the text the same
// to its reader.
#[test]
fn the_older_form_of_a_workflow_command_never_reaches_the_log_whole() {
    let tmp = scratch_dir();
    let dir = path_of(&tmp);
    let northwind = std::fs::read_to_string(format!(
        "{}/examples/slide-deck-northwind-retail.yaml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example");
    let file = format!("{dir}/org.yaml");
    std::fs::write(
        &file,
        northwind.replace("name: churn-model", "name: \"##[error]leaked\""),
    )
    .expect("write");
    for (format, broken) in [
        ("table", "##\\[error]leaked"),
        // Markdown escapes the name as it escapes any.
        ("markdown", "\\#\\#\\[error\\]leaked"),
        ("json", "##\\u005berror]leaked"),
        ("sarif", "##\\u005berror]leaked"),
        ("codeclimate", "##\\u005berror]leaked"),
        ("junit", "##&#91;error]leaked"),
        ("html", "##&#91;error]leaked"),
    ] {
        let out = run(&[
            "assess",
            &file,
            "--format",
            format,
            "--fail-on",
            "laptop-bound",
        ]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        assert!(!out.stdout.contains("##["), "{format}");
        assert!(out.stdout.contains(broken), "{format}: {}", out.stdout);
        assert!(!out.stderr.contains("##["), "{format}: {}", out.stderr);
        assert!(out.stderr.contains("##\\[error]leaked"), "{}", out.stderr);
    }
    // JSON keeps the name the questionnaire gives.
    let out = run(&["assess", &file, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["pilots"][0]["name"], "##[error]leaked");
    // A portfolio's kept reports, and a file it could not assess, alike.
    let broken_file = format!("{dir}/##[warning]x.yaml");
    std::fs::write(&broken_file, "version: 2\n").expect("write");
    for format in [
        "json",
        "sarif",
        "codeclimate",
        "table",
        "markdown",
        "html",
        "junit",
    ] {
        let out = run(&["assess", &file, &broken_file, "--format", format]);
        assert_eq!(out.code, 2, "{format}: {}", out.stderr);
        assert!(!out.stdout.contains("##["), "{format}: {}", out.stdout);
        assert!(!out.stderr.contains("##["), "{format}: {}", out.stderr);
    }
    let out = run(&["assess", &file, &broken_file, "--format", "json"]);
    let portfolio: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        portfolio["assessments"][0]["pilots"][0]["name"],
        "##[error]leaked"
    );
    assert!(
        portfolio["errors"][0]["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{portfolio}"
    );
    assert!(
        out.stdout.contains("##\\u005bwarning]x.yaml"),
        "{}",
        out.stdout
    );
    // GitHub's own commands are read whole by the runner first; their text
    // is escaped by its rules.
    let out = run(&["assess", &file, "--format", "github"]);
    assert!(
        out.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        out.stdout
    );
}
