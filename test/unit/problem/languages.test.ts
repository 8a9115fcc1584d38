import assert from "node:assert/strict";
import { dialectOf, dialectOfExtension } from "../../../src/core/problem";

describe("languages: the dialect a document is read in", () => {
  const byLanguage: [string, string][] = [
    ["latex", "latex"],
    ["doctex", "latex"],
    ["quarto", "markdown"],
    ["rmarkdown", "markdown"],
    ["plaintext", "plaintext"],
    ["python", "plaintext"],
  ];
  for (const [id, dialect] of byLanguage) {
    it(`language id ${id} is read as ${dialect}`, () => assert.equal(dialectOf(id), dialect));
  }

  const byExtension: [string, string][] = [
    [".tex", "latex"],
    [".TEX", "latex"],
    [".sty", "latex"],
    [".qmd", "markdown"],
    [".Rmd", "markdown"],
    [".md", "markdown"],
    [".txt", "plaintext"],
    ["", "plaintext"],
  ];
  for (const [extension, dialect] of byExtension) {
    it(`file extension "${extension}" is read as ${dialect}`, () =>
      assert.equal(dialectOfExtension(extension), dialect));
  }
});
