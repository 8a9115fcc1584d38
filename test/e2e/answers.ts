// Answer comparison shared by the code-server and Electron suites (no imports: the Electron suite bundles it).

/** Spacing and \dfrac/\tfrac do not change an answer; compare without them. */
export function canonicalAnswer(answer: string): string {
  return answer.replace(/\\[dt]frac/g, "\\frac").replace(/\s+/g, "");
}
