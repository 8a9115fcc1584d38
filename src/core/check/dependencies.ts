/**
 * The local files a LaTeX document loads (`\documentclass`, `\usepackage`, `\input`, `\include`),
 * as relative paths to try; the caller reads the ones that exist (the core never touches files).
 */
const LOADS =
  /\\(documentclass|usepackage|RequirePackage|input|include|LoadClass)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}/g;
const MAX_DEPENDENCIES = 20;

export function localDependencies(text: string): string[] {
  const paths: string[] = [];
  for (const m of text.matchAll(LOADS)) {
    const command = m[1] ?? "";
    for (const name of (m[2] ?? "")
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean)) {
      if (/[\\#$%&~^]|\.\./.test(name)) continue;
      const extension =
        command === "documentclass" || command === "LoadClass"
          ? ".cls"
          : command.endsWith("Package") || command === "usepackage"
            ? ".sty"
            : ".tex";
      paths.push(/\.[a-z]{2,3}$/i.test(name) ? name : name + extension);
    }
  }
  return [...new Set(paths)].slice(0, MAX_DEPENDENCIES);
}
