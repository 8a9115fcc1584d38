/** Model prose (what lies outside math and code) written so that the target markup shows it as text. */
import { isDangerousCommand } from "./texCommands";

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "#": "\\#",
  $: "\\$",
  "%": "\\%",
  "&": "\\&",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  // Not special, but the default font encoding prints them as other glyphs (¡ ¿ —).
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

/**
 * LaTeX: every special character is escaped, so no command in prose runs (a dangerous one shows as
 * "\input" in the PDF). Markdown's `**bold**` becomes `\textbf{…}` and heading marks go: the model writes
 * Markdown, the document is LaTeX. `atLineStart` says whether `text` begins a line of the whole output.
 */
export function escapeLatexText(text: string, atLineStart: boolean, found: Set<string>): string {
  for (const match of text.matchAll(/\\([A-Za-z]+)/g)) {
    if (match[1] && isDangerousCommand(match[1])) found.add(`\\${match[1]}`);
  }
  const withoutHeadings = text.replace(
    /(^|\n)[ \t]*#{1,6}[ \t]+/g,
    (mark, newline: string, offset: number) =>
      offset === 0 && newline === "" && !atLineStart ? mark : newline,
  );
  return withoutHeadings
    .replace(/[\\{}#$%&_~^<>|]/g, (c) => LATEX_SPECIALS[c] ?? c)
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, "\\textbf{$1}");
}

/**
 * Markdown: `<` that could open an HTML tag or comment is escaped (`\<`), so a preview shows it as text; a
 * `$` outside math (it matched nothing) is escaped so it cannot pair with one further down the document;
 * a dangerous TeX command gets its backslash escaped, for documents that Pandoc or Quarto turn into LaTeX.
 * Backslash escapes the model wrote stay pairs, so `\<` cannot become `\\<` (a backslash, then a tag).
 */
export function escapeMarkdownText(text: string, found: Set<string>): string {
  return text.replace(/\\([A-Za-z]+)|\\[!-/:-@[-`{-~]|<(?=[A-Za-z/!?])|\$/g, (token, name?: string) => {
    if (token === "<") return "\\<";
    if (token === "$") return "\\$";
    if (name && isDangerousCommand(name)) {
      found.add(`\\${name}`);
      return `\\${token}`;
    }
    return token;
  });
}
