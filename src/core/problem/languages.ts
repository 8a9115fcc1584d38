/**
 * The one table of VS Code language ids AceMath reads (and of file extensions, for the CLI), and the
 * dialect each is read in. The extension's menus, activation events (package.json) and hover and
 * diagnostic selectors list exactly these ids (test/unit/core/manifest.test.ts holds package.json to
 * it); insertion and the answer checker go by the dialect. A command run from the palette in any
 * other language reads the text as plain text.
 */
export type Dialect = "latex" | "markdown" | "plaintext";

export const LANGUAGE_IDS: Readonly<Record<Dialect, readonly string[]>> = {
  latex: ["latex", "tex", "doctex", "latex-expl3"],
  markdown: ["markdown", "quarto", "rmd", "rmarkdown", "mdx"],
  plaintext: ["plaintext"],
};

/** Every language id with a dialect: where Solve is offered and answers are checked. */
export const SUPPORTED_LANGUAGE_IDS: readonly string[] = Object.values(LANGUAGE_IDS).flat();

/** File extensions read in each dialect, for the CLI (`acemath check FILE`), which has no language id. */
export const FILE_EXTENSIONS: Readonly<Record<Dialect, readonly string[]>> = {
  latex: [".tex", ".ltx", ".sty", ".cls", ".latex"],
  markdown: [".md", ".markdown", ".qmd", ".rmd", ".myst"],
  plaintext: [], // and every other extension
};

/** The dialect of a file by its extension (`.tex`, any case). */
export function dialectOfExtension(extension: string): Dialect {
  const lower = extension.toLowerCase();
  if (FILE_EXTENSIONS.latex.includes(lower)) return "latex";
  if (FILE_EXTENSIONS.markdown.includes(lower)) return "markdown";
  return "plaintext";
}

export function dialectOf(languageId: string): Dialect {
  if (LANGUAGE_IDS.latex.includes(languageId)) return "latex";
  if (LANGUAGE_IDS.markdown.includes(languageId)) return "markdown";
  return "plaintext";
}
