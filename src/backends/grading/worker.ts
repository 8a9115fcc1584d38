/**
 * Entry point of the grading worker (bundled to dist/gradeWorker.js). It alone loads the CAS.
 * Comparisons may run unboundedly; the grader terminates this thread at each pair's time limit.
 */
import { parentPort } from "node:worker_threads";
import { compareAnswers } from "../../core/grading/compare";
import type { WorkerMessage, WorkerRequest } from "../../core/grading/protocol";
import { compareScalarsSymbolic, loadComputeEngine } from "../../core/grading/symbolic";
import { unknown, type GradeResult } from "../../core/grading/types";

/**
 * The CAS reports type errors with console calls; a worker's console writes to the parent's
 * stdout, which is the CLI's JSONL output. Silence it here.
 */
function silenceConsole(): void {
  const quiet = () => undefined;
  Object.assign(console, { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet });
}

async function main(): Promise<void> {
  silenceConsole();
  const port = parentPort;
  if (!port) throw new Error("gradeWorker must run as a worker thread");
  const ce = await loadComputeEngine();
  port.on("message", (request: WorkerRequest) => {
    let result: GradeResult;
    try {
      result = compareAnswers(request.gold, request.pred, (a, b) =>
        compareScalarsSymbolic(a, b, request.options, ce),
      );
    } catch (error) {
      result = unknown(
        `symbolic comparison failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    port.postMessage({ type: "result", id: request.id, result } satisfies WorkerMessage);
  });
  port.postMessage({ type: "ready" } satisfies WorkerMessage);
}

// A failure to start (no parent port, the CAS not loading) ends the worker; the grader sees the exit
// before "ready" and answers "unknown" with the reason.
void main();
