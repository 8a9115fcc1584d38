/**
 * The floor of `chunk_to_paint_p95_ms` (bench/uiMetrics.ts `chunkToPaint`): a page with the panel's
 * stylesheets and its cards' boxes (`.candidate` > `.solution`, which scroll and skip layout off
 * screen as the panel's do) that, in the animation frame after a message, appends each card's new
 * text as plain text and keeps the box scrolled to its end: no markdown, no KaTeX, no header. Fed
 * the same solve, batched and delivered the same way, what it measures is the delivery, the frame
 * and the paint that no panel can skip.
 */
interface Delta {
  type: string;
  index?: number;
  text?: string;
}

const app = document.getElementById("app")!;
const status = document.createElement("p");
status.id = "status";
status.textContent = "running";
app.append(status);
const boxes = new Map<number, HTMLElement>();
const pending = new Map<number, string>();
let frameRequested = false;

function box(index: number): HTMLElement {
  const existing = boxes.get(index);
  if (existing) return existing;
  const solution = document.createElement("div");
  solution.className = "solution";
  const card = document.createElement("article");
  card.className = "candidate";
  card.dataset.index = String(index);
  card.append(solution);
  app.append(card);
  boxes.set(index, solution);
  return solution;
}

function draw(): void {
  frameRequested = false;
  const drawn = [...pending].map(([index, text]) => {
    const solution = box(index);
    solution.append(text);
    return solution;
  });
  pending.clear();
  const ends = drawn.map((solution) => solution.scrollHeight);
  drawn.forEach((solution, i) => (solution.scrollTop = ends[i]!));
}

window.addEventListener("message", (event: MessageEvent<{ events?: Delta[] }>) => {
  for (const e of event.data.events ?? []) {
    if (e.type === "delta") pending.set(e.index!, (pending.get(e.index!) ?? "") + e.text!);
    if (e.type === "done") status.dataset.status = "complete";
  }
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(draw);
});
