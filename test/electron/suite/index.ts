// Entry point that @vscode/test-electron loads inside VS Code's extension host: runs the suite's mocha tests.
import Mocha from "mocha";
import { join } from "node:path";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", timeout: 120_000, color: true });
  // run.mjs bundles each test file next to this one.
  mocha.addFile(join(__dirname, "solve.test.js"));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
