import * as assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

interface PlatformPackaging {
  engineClosure(target: string): string[];
  BINARY_PACKAGES: Record<string, string>;
}

describe("platform packages: the embedded engine's runtime without other platforms' binaries", () => {
  let packaging: PlatformPackaging;
  before(async () => {
    // A file URL: the script is plain JavaScript with no type declarations.
    const script = pathToFileURL(join(__dirname, "../../../scripts/package-platform.mjs")).href;
    packaging = (await import(script)) as PlatformPackaging;
  });

  it("carries node-llama-cpp, its dependencies and only the target's CPU binary", () => {
    const closure = packaging.engineClosure("linux-x64");
    assert.ok(closure.includes("node_modules/node-llama-cpp"));
    const binaries = closure.filter((dir) => dir.includes("@node-llama-cpp/"));
    assert.deepEqual(binaries, ["node_modules/@node-llama-cpp/linux-x64"]);
    assert.ok(!closure.some((dir) => /cuda|vulkan/.test(dir)), "no GPU builds");
    // Its runtime dependencies are in (a few of node-llama-cpp's own).
    for (const dependency of ["@huggingface/jinja", "lifecycle-utils"])
      assert.ok(
        closure.some((dir) => dir.endsWith(`node_modules/${dependency}`)),
        dependency,
      );
  });

  it("names the targets it knows when asked for another", () => {
    assert.throws(() => packaging.engineClosure("solaris-sparc"), /unknown target.*linux-x64/);
  });
});
