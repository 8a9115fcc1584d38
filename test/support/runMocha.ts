// Runs one suite (a list of spec files) in this process with mocha's programmatic API. scripts/test.mjs starts
// one process per suite, so a suite that crashes or hangs on exit cannot take the others down with it.
// Usage: node --import tsx test/support/runMocha.ts --summary FILE --timeout MS [--grep RE] FILE...
import Mocha from "mocha";
import { parseArgs } from "node:util";
import { SummaryReporter } from "./summaryReporter";
import { registerVscodeFake } from "./vscodeFake/register";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { summary: { type: "string" }, timeout: { type: "string" }, grep: { type: "string" } },
  });
  if (!values.summary) throw new Error("--summary FILE is required");
  const mocha = new Mocha({
    reporter: SummaryReporter,
    reporterOptions: { summaryFile: values.summary },
    timeout: Number(values.timeout ?? 10_000),
    ...(values.grep ? { grep: values.grep } : {}),
    color: process.stdout.isTTY || Boolean(process.env.FORCE_COLOR),
  });
  // Unit specs run in plain Node: `vscode` in src/extension resolves to the in-memory fake.
  if (positionals.some((file) => /(^|[\\/])test[\\/]unit[\\/]/.test(file))) registerVscodeFake();
  for (const file of positionals) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => mocha.run((failures) => resolve(failures > 0 ? 1 : 0)));
}

main().then(
  // Exit even if a test left a socket or timer open: the counts are written, nothing else is owed.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("the suite crashed before it finished:", error);
    process.exit(2);
  },
);
