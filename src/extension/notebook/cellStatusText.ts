/**
 * The words of an answer cell's status bar item (pure, unit-tested). The answer is model output: in a
 * status bar `$(name)` draws an icon, so the answer's own `$(` is broken up, and it is cut short.
 */
import { summarizeCell, type AcemathCellMetadata } from "./cellMetadata";

const MAX_ANSWER = 40;

export function cellStatusText(metadata: AcemathCellMetadata): { label: string; tooltip: string } {
  const summary = summarizeCell(metadata);
  const answer = summary.answer === null ? "no answer" : shortAnswer(summary.answer);
  const score = summary.score === null ? null : summary.score.toFixed(2);
  const agree = `${summary.agreeing}/${summary.total} agree`;
  const label = ["$(sparkle) AceMath:", answer, score === null ? null : `score ${score}`, agree]
    .filter((part) => part !== null)
    .join(" · ")
    .replace("AceMath: · ", "AceMath: ");
  const tooltip =
    `AceMath answer ${answer}` +
    (score === null ? ", no reward score" : `, reward score ${score}`) +
    `; ${summary.agreeing} of ${summary.total} candidates agree. Click to show the candidates.`;
  return { label, tooltip };
}

function shortAnswer(answer: string): string {
  const line = answer.replace(/\s+/g, " ").trim().replace(/\$\(/g, "$\u200b(");
  return line.length <= MAX_ANSWER ? line : `${line.slice(0, MAX_ANSWER - 1)}…`;
}
