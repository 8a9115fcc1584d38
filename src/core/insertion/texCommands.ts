/**
 * TeX control words that read or write files, run programs, or redefine how TeX reads the rest of the
 * document. Model output is text to show, never TeX to execute: these are written so that they print their
 * own name instead, everywhere (TeX executes `\input` inside `$…$` as readily as outside).
 */
const DANGEROUS_COMMANDS = new Set([
  // files and programs
  "input",
  "include",
  "includeonly",
  "InputIfFileExists",
  "IfFileExists",
  "openin",
  "openout",
  "read",
  "readline",
  "write",
  "immediate",
  "closein",
  "closeout",
  "endinput",
  "lstinputlisting",
  "verbatiminput",
  "VerbatimInput",
  "inputminted",
  "import",
  "subimport",
  "subfile",
  "includepdf",
  "ShellEscape",
  "shellescape",
  "directlua",
  "latelua",
  "luaexec",
  "luadirect",
  "special",
  "pdfliteral",
  "pdfobj",
  "pdfannot",
  "pdfstartlink",
  // definitions and catcodes: they change what the user's own document means
  "def",
  "edef",
  "gdef",
  "xdef",
  "let",
  "futurelet",
  "global",
  "chardef",
  "mathchardef",
  "catcode",
  "lccode",
  "uccode",
  "mathcode",
  "csname",
  "endcsname",
  "expandafter",
  "scantokens",
  "everypar",
  "everymath",
  "everydisplay",
  "everyeof",
  "afterassignment",
  "aftergroup",
  "newcommand",
  "renewcommand",
  "providecommand",
  "DeclareRobustCommand",
  "newenvironment",
  "renewenvironment",
  "NewDocumentCommand",
  "RenewDocumentCommand",
  "ProvideDocumentCommand",
  "DeclareDocumentCommand",
  "NewDocumentEnvironment",
  "RenewDocumentEnvironment",
  "makeatletter",
  "makeatother",
  "ExplSyntaxOn",
  "usepackage",
  "RequirePackage",
  "documentclass",
  "batchmode",
  "nonstopmode",
  "scrollmode",
]);

export function isDangerousCommand(name: string): boolean {
  return DANGEROUS_COMMANDS.has(name);
}

/** Control words (`\name`) and control symbols (`\$`), so that `\\input` is read as `\\` then text. */
const CONTROL_SEQUENCE = /\\(?:[A-Za-z]+|[\s\S])/g;

/**
 * Inside math, a dangerous `\name` becomes `\texttt{\textbackslash name}`, which prints "\name" in math
 * and text mode alike (LaTeX and KaTeX). The names found are added to `found`.
 */
export function neutraliseInMath(math: string, found: Set<string>): string {
  return math.replace(CONTROL_SEQUENCE, (sequence) => {
    const name = sequence.slice(1);
    if (!isDangerousCommand(name)) return sequence;
    found.add(`\\${name}`);
    return `\\texttt{\\textbackslash ${name}}`;
  });
}
