/**
 * Problem extraction benchmark: time per call on big and hostile documents, and how time scales
 * from a 1k-line to a 10k-line document (a linear scan gives a ratio near 10; a quadratic one, 100).
 * Prints; asserts nothing.
 */
import { extractProblem, type ProblemSource } from "../src/core/problem";
import { bigMarkdown, bigWorksheet, PATHOLOGICAL_DOCUMENTS } from "../test/fixtures/problem/documents";

const REPEATS = 20;

/** Median milliseconds of extraction at the start, middle and end of the document. */
function medianMs(source: ProblemSource): number {
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const cursor of [0, Math.floor(source.text.length / 2), source.text.length]) {
      const started = performance.now();
      extractProblem(source, { selectionStart: cursor, selectionEnd: cursor });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function scaling(name: string, small: ProblemSource, large: ProblemSource): void {
  const smallMs = medianMs(small);
  const largeMs = medianMs(large);
  const lines = (s: ProblemSource) => s.text.split("\n").length;
  console.log(
    `${name}: ${lines(small)} lines ${smallMs.toFixed(2)} ms, ${lines(large)} lines ${largeMs.toFixed(2)} ms, ` +
      `ratio ${(largeMs / Math.max(smallMs, 1e-3)).toFixed(1)} for ${(lines(large) / lines(small)).toFixed(1)}× the lines`,
  );
}

scaling(
  "LaTeX worksheet",
  { text: bigWorksheet(75), languageId: "latex" },
  { text: bigWorksheet(750), languageId: "latex" },
);
scaling(
  "Markdown",
  { text: bigMarkdown(80), languageId: "markdown" },
  { text: bigMarkdown(800), languageId: "markdown" },
);
let worst = { name: "", ms: 0 };
for (const [languageId, name, text] of PATHOLOGICAL_DOCUMENTS) {
  const ms = medianMs({ text, languageId });
  if (ms > worst.ms) worst = { name: `${languageId}: ${name}`, ms };
}
console.log(
  `hostile documents (${PATHOLOGICAL_DOCUMENTS.length}): worst median ${worst.ms.toFixed(2)} ms (${worst.name})`,
);
