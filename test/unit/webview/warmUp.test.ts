import { strict as assert } from "node:assert";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { MARKDOWN_SAMPLE, warmUpMarkdown, warmUpMath } from "../../../src/webview/render/warmUp";
import { installDom } from "./dom";

describe("warming up math before the first message", () => {
  let uninstall: () => void;
  beforeEach(() => ({ uninstall } = installDom()));
  afterEach(() => uninstall());

  it("asks the page for the fonts nearly every formula uses: KaTeX's roman and its math italic", () => {
    const asked: string[] = [];
    Object.defineProperty(document, "fonts", {
      value: { load: (font: string) => (asked.push(font), Promise.resolve([])) },
    });
    warmUpMath();
    assert.deepEqual(asked, ["1em KaTeX_Main", "italic 1em KaTeX_Math"]);
  });

  it("a font that fails to load is not an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      Object.defineProperty(document, "fonts", {
        value: { load: () => Promise.reject(new Error("font blocked")) },
      });
      warmUpMath();
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off("unhandledRejection", record);
    }
  });

  it("an engine without the font loading API still warms KaTeX without failing", () => {
    assert.equal("fonts" in document, false);
    assert.doesNotThrow(() => warmUpMath());
  });

  it("warms markdown-it on the constructs of a first screen, with no math (the math cache keeps what the page shows)", () => {
    const html = renderMarkdown(MARKDOWN_SAMPLE);
    for (const tag of ["<strong>", "<em>", "<ol>", "<ul>", "<code>", "md-heading", "data-href"]) {
      assert.ok(html.includes(tag), `the sample has no ${tag}`);
    }
    assert.equal(html.includes("katex"), false);
    assert.doesNotThrow(() => warmUpMarkdown());
  });
});
