// `npm run package`: a production build, then one .vsix at a fixed path that the end-to-end tests and
// `npm start` install (they also get code-server from here). `--no-dependencies`: the esbuild bundles
// already contain every runtime dependency.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const VSIX_PATH = join(root, "dist-vsix", "acemath-studio.vsix");

export function packageExtension() {
  const started = Date.now();
  // A stale dist/ from a watch build would carry source maps and old bundles into the package.
  rmSync(join(root, "dist"), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "--production"], {
    cwd: root,
    stdio: "inherit",
  });

  mkdirSync(dirname(VSIX_PATH), { recursive: true });
  rmSync(VSIX_PATH, { force: true });
  const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
  // stdin is closed: vsce must never wait on a question (it asks one when LICENSE is missing).
  // --no-rewrite-relative-links: the package is installed from a file, not published, so README links stay
  // relative (vsce would otherwise demand a GitHub or GitLab repository to rewrite them against).
  const args = ["package", "--no-dependencies", "--no-rewrite-relative-links", "--out", VSIX_PATH];
  execFileSync(process.execPath, [vsce, ...args], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const kib = Math.round(statSync(VSIX_PATH).size / 1024);
  console.log(
    `packaged ${relative(root, VSIX_PATH)} (${kib} KiB) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return VSIX_PATH;
}

/**
 * Installs code-server once (cached) and returns its binary: both users of the package, the end-to-end
 * tests and `npm start`, run it there. The setup script logs to stderr and prints only the path on stdout.
 */
export function setupCodeServer() {
  return execFileSync("bash", [join(root, "scripts", "setup-code-server.sh")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  }).trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    packageExtension();
  } catch (error) {
    // The failing tool has already printed its own message; a Node stack trace would only bury it.
    console.error(
      `packaging failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    process.exit(1);
  }
}
