/**
 * Work a fresh panel would otherwise do inside its first drawing frame, done while it waits for its
 * first message instead: KaTeX's first use (its parser, symbol tables and font metrics are set up
 * lazily, 15–25 ms on a loaded machine) and the loading of the two fonts nearly every formula uses
 * (KaTeX's glyphs stay invisible until their font arrives, and the browser only asks for a font once
 * a laid-out glyph needs it, so a fresh page would wait for the font after its first layout).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import katex = require("katex");
import { renderMarkdown } from "./markdown";
import { KATEX_OPTIONS } from "./math";

/** KaTeX_Main (digits, operators, roman letters) and KaTeX_Math (italic variables). */
const COMMON_FONTS = ["1em KaTeX_Main", "italic 1em KaTeX_Math"];

export function warmUpMath(): void {
  // A formula that is not memoised by renderMath: warming must not put a made-up entry in its cache.
  katex.renderToString("\\frac{x^2}{2}", { ...KATEX_OPTIONS, displayMode: false });
  const fonts = (document as Partial<Document>).fonts;
  // A font that fails to load is shown by the page's fallback; nothing to do about it here.
  for (const font of COMMON_FONTS) fonts?.load(font).catch(() => undefined);
}

/**
 * Markdown of the kinds a solution's first screen has (paragraphs, emphasis, lists, code), with no
 * math: the math cache keeps only what the page shows. markdown-it's first parses run cold, several
 * times slower than later ones.
 */
export const MARKDOWN_SAMPLE = [
  "To find the **value**, we first *express* both numbers as fractions:",
  "1. Let `x` be the first (the second follows).\n2. Multiply both sides by 10.",
  "- Subtract the equations.\n- Simplify.",
  "### Final answer\n\nSo the result is a [mixed number](https://example.org).",
].join("\n\n");

export function warmUpMarkdown(): void {
  renderMarkdown(MARKDOWN_SAMPLE);
}
