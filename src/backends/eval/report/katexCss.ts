/**
 * KaTeX's stylesheet for a self-contained report: its fonts inlined as data: URIs, WOFF2 only (every
 * browser that runs the report reads WOFF2; the WOFF and TTF copies would triple the size). About
 * 24 KB of CSS and 296 KB of fonts, so ~420 KB in base64. Found beside the CLI (the build copies it to
 * media/katex) or in node_modules; when neither is there the report has no KaTeX CSS and says so
 * (formulas then read as plain text with their structure, legible but not typeset).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const CANDIDATES = [join("media", "katex"), join("node_modules", "katex", "dist")];

export function findKatexDir(from = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    for (const candidate of CANDIDATES) {
      const path = join(dir, candidate);
      if (existsSync(join(path, "katex.min.css"))) return path;
    }
  return null;
}

/** The CSS with every font as a WOFF2 data: URI, or null when KaTeX's files are not found. */
export function inlineKatexCss(dir = findKatexDir()): string | null {
  if (!dir) return null;
  const css = readFileSync(join(dir, "katex.min.css"), "utf8");
  return css.replace(
    /src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\) format\("woff2"\)[^;}]*/g,
    (whole, name: string) => {
      const font = join(dir, "fonts", `${name}.woff2`);
      if (!existsSync(font)) return whole;
      return `src:url(data:font/woff2;base64,${readFileSync(font).toString("base64")}) format("woff2")`;
    },
  );
}
