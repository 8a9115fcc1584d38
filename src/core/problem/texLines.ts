/**
 * Which LaTeX lines are never part of a problem: the preamble, sectioning and title commands, and
 * lines that hold nothing but layout commands or the `\begin`/`\end` of a text environment.
 */
import { isBlank } from "./lines";
import { isMathLike } from "./texNames";

/** A line that starts with one of these is structure, whatever follows on it. */
const STRUCTURAL = new Set([
  "part",
  "chapter",
  "section",
  "subsection",
  "subsubsection",
  "addchap",
  "addsec",
  "documentclass",
  "usepackage",
  "RequirePackage",
  "theoremstyle",
  "newtheorem",
  "newcommand",
  "renewcommand",
  "providecommand",
  "DeclareMathOperator",
  "newenvironment",
  "renewenvironment",
  "def",
  "let",
  "title",
  "author",
  "date",
  "maketitle",
  "tableofcontents",
  "pagestyle",
  "thispagestyle",
  "setlength",
  "setcounter",
  "numberwithin",
  "geometry",
  "input",
  "include",
  "bibliography",
  "bibliographystyle",
  "printbibliography",
  "graphicspath",
  "makeatletter",
  "makeatother",
  "label",
  "endinput",
]);

/** Classes and templates define their own headings (`\sect`, `\chap`, `\heading`, `\makeheader`). */
const CUSTOM_SECTIONING = /sect|chap|heading|header|maketitle/i;

/** Layout commands: a line of nothing but these (and their arguments) is structure; `\noindent Find x` is not. */
const LAYOUT = new Set([
  "noindent",
  "indent",
  "vspace",
  "hspace",
  "vfill",
  "hfill",
  "smallskip",
  "medskip",
  "bigskip",
  "newpage",
  "clearpage",
  "pagebreak",
  "newline",
  "linebreak",
  "hrule",
  "hline",
  "centering",
  "raggedright",
  "item", // a bare `\item` line; the item's own text lines are what counts
]);

/** Arguments longer than this on one line are not what they seem; the line is content. */
const MAX_ARG = 300;

/** True for a line that can never be part of a problem's text (it may still sit inside a problem). */
export function isStructuralTexLine(line: string): boolean {
  const code = withoutComment(line).trim();
  if (code === "") return !isBlank(line); // a comment-only line; blank lines are the caller's business
  let at = 0;
  while (at < code.length) {
    const command = /^\\([a-zA-Z]+)\*?/.exec(code.slice(at));
    const name = command?.[1];
    if (!command || !name) return false;
    if (at === 0 && (STRUCTURAL.has(name) || CUSTOM_SECTIONING.test(name))) return true;
    at += command[0].length;
    if (name === "begin" || name === "end") {
      const env = /^\s*\{([^{}]{1,80})\}/.exec(code.slice(at));
      if (!env?.[1] || isMathLike(env[1].trim())) return false;
      at += env[0].length;
    } else if (!LAYOUT.has(name)) {
      return false;
    }
    at = skipArguments(code, at);
    if (at < 0) return false;
  }
  return true;
}

/** After the `[…]` and `{…}` arguments that follow (same line, no deeper than the line); -1 when unbalanced. */
function skipArguments(code: string, from: number): number {
  let at = from;
  for (;;) {
    while (code.charAt(at) === " ") at++;
    const open = code.charAt(at);
    if (open !== "{" && open !== "[") return at;
    const close = open === "{" ? "}" : "]";
    let depth = 0;
    let j = at;
    for (; j < code.length && j - at <= MAX_ARG; j++) {
      const c = code.charAt(j);
      if (c === "\\") j++;
      else if (c === open) depth++;
      else if (c === close && --depth === 0) break;
    }
    if (j >= code.length || j - at > MAX_ARG) return -1;
    at = j + 1;
  }
}

function withoutComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === "%") return line.slice(0, i);
  }
  return line;
}

/**
 * Where the document body lies: between `\begin{document}` and `\end{document}` when the text has
 * them (a fragment, or an `\input` file, is all body).
 */
export function documentBody(text: string): { start: number; end: number } {
  const begin = /^[ \t]*\\begin\{document\}/m.exec(text);
  const start = begin ? begin.index + begin[0].length : 0;
  const endMatch = /^[ \t]*\\end\{document\}/m.exec(text.slice(start));
  return { start, end: endMatch ? start + endMatch.index : text.length };
}
