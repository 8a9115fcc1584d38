/** Which LaTeX environments matter to problem extraction, and what role each plays. */

export type EnvRole = "problem" | "solution" | "math" | "list" | "verbatim" | "other";

/** Environments that hold a whole problem; `\newtheorem` can add more (see `isProblemTitle`). */
const PROBLEM_ENVS = new Set([
  "problem",
  "exercise",
  "question",
  "prob",
  "task",
  "example",
  "theorem",
  "lemma",
  "proposition",
  "corollary",
  "claim",
  "conjecture",
]);

/** Display-level math; `$$` and `\[` are recorded under these pseudo-names too. */
const MATH_ENVS = new Set([
  "$$",
  "\\[",
  "equation",
  "align",
  "alignat",
  "flalign",
  "gather",
  "multline",
  "eqnarray",
  "displaymath",
  "dmath",
]);

/** Math that only appears inside display math; its lines must not split a paragraph. */
const INNER_MATH_ENVS = new Set([
  "aligned",
  "alignedat",
  "gathered",
  "split",
  "multlined",
  "cases",
  "dcases",
  "rcases",
  "array",
  "subarray",
  "matrix",
  "pmatrix",
  "bmatrix",
  "Bmatrix",
  "vmatrix",
  "Vmatrix",
  "smallmatrix",
  "subequations",
]);

const LIST_ENVS = new Set([
  "enumerate",
  "itemize",
  "description",
  "compactenum",
  "compactitem",
  "asparaenum",
]);

/** What answers a problem: never sent as one (the cursor in it is between problems). */
const SOLUTION_ENVS = new Set(["solution", "answer", "proof", "sol", "soln"]);

/** Bodies that are not TeX (no comments, no environments), skipped whole by the scanner. */
const VERBATIM_ENVS = new Set(["verbatim", "Verbatim", "lstlisting", "minted", "comment"]);

/** `problem*` behaves like `problem`; theorem-like names are matched case-insensitively. */
function baseName(name: string): string {
  return name.endsWith("*") ? name.slice(0, -1) : name;
}

export function envRole(name: string, extraProblemEnvs: ReadonlySet<string>): EnvRole {
  const base = baseName(name);
  if (MATH_ENVS.has(base)) return "math";
  if (LIST_ENVS.has(base)) return "list";
  if (VERBATIM_ENVS.has(base)) return "verbatim";
  if (PROBLEM_ENVS.has(base.toLowerCase()) || extraProblemEnvs.has(base)) return "problem";
  if (SOLUTION_ENVS.has(base.toLowerCase())) return "solution";
  return "other";
}

/** True for environments whose `\begin`/`\end` lines may sit inside a paragraph of display math. */
export function isMathLike(name: string): boolean {
  const base = baseName(name);
  return MATH_ENVS.has(base) || INNER_MATH_ENVS.has(base);
}

/** `\newtheorem{ex}{Exercise}` declares a problem environment under a name we cannot guess. */
export function isProblemTitle(title: string): boolean {
  return /problem|exercise|question|task|example|exercice|aufgabe/i.test(title);
}
