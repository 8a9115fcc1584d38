/**
 * The floor of `render_8_candidates_ms` (bench/uiMetrics.ts `firstPaintFloor`): a page with the panel's
 * stylesheets and KaTeX warmed up as the panel warms it (src/webview/render/warmUp.ts), which on its
 * first message draws one formula and nothing else, in the next animation frame as the panel does.
 * What this costs is the fresh page's first style, layout and paint, which no panel can skip.
 */
import { renderMath } from "../src/webview/render/math";
import { warmUpMath } from "../src/webview/render/warmUp";

setTimeout(warmUpMath, 0);
window.addEventListener("message", (event: MessageEvent<{ latex?: string }>) => {
  const { latex } = event.data;
  if (latex === undefined) return;
  requestAnimationFrame(() => {
    const app = document.getElementById("app")!;
    const status = document.createElement("p");
    status.id = "status";
    status.dataset.status = "complete";
    const math = document.createElement("p");
    // renderMath's output: KaTeX escapes what it typesets.
    math.innerHTML = renderMath(latex, { displayMode: true });
    app.replaceChildren(status, math);
  });
});
