/**
 * The asynchronous grader: the fast rules on the calling thread, symbolic work in one worker
 * thread. Pairs run one at a time; a pair that passes its time limit gets "unknown" and the
 * worker is terminated (a CAS loop cannot be interrupted any other way) and respawned lazily.
 */
import type { Worker } from "node:worker_threads";
import { clusterAnswers, clusterAnswersReport, type ClusterReport } from "../../core/grading/cluster";
import type { Grader } from "../../core/grading/port";
import { isEquivalentFast } from "../../core/grading/fast";
import type { WorkerMessage, WorkerRequest } from "../../core/grading/protocol";
import { DEFAULT_TIMEOUT_MS, NEEDS_SYMBOLIC, unknown } from "../../core/grading/types";
import type { EquivalenceOptions, GradeResult } from "../../core/grading/types";
import { resolveWorkerScript, startWorker, type WorkerLaunch } from "./workerScript";

/**
 * The first start of the worker (loading the CAS) is not part of a pair's limit, but it has its
 * own. A restart after a timeout is: a pair waiting for it gets "unknown" at its limit.
 */
const STARTUP_LIMIT_MS = 20000;

class RestartTooSlow extends Error {}

interface Job {
  request: WorkerRequest;
  timeoutMs: number;
  resolve: (r: GradeResult) => void;
}

export type { Grader };

export function createGrader(options: { workerScript?: string } = {}): Grader {
  return new WorkerGrader(options.workerScript);
}

class WorkerGrader implements Grader {
  private launch: WorkerLaunch | undefined;
  private worker: Worker | undefined;
  private ready: Promise<boolean> | undefined;
  private readonly queue: Job[] = [];
  private running = false;
  private nextId = 1;
  private disposed = false;
  private startedOnce = false;

  constructor(private readonly workerScript: string | undefined) {}

  async isEquivalent(gold: string, pred: string, options: EquivalenceOptions = {}): Promise<GradeResult> {
    const fast = isEquivalentFast(gold, pred, options);
    if (fast.verdict !== "unknown" || !fast.reason.endsWith(NEEDS_SYMBOLIC)) return fast;
    return this.symbolic(gold, pred, options);
  }

  clusterAnswers(answers: string[], options: EquivalenceOptions = {}): Promise<number[][]> {
    return clusterAnswers(answers, (a, b) => this.symbolic(a, b, options), options);
  }

  clusterAnswersReport(answers: string[], options: EquivalenceOptions = {}): Promise<ClusterReport> {
    return clusterAnswersReport(answers, (a, b) => this.symbolic(a, b, options), options);
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    for (const job of this.queue.splice(0)) job.resolve(unknown("grader disposed"));
  }

  private symbolic(gold: string, pred: string, options: EquivalenceOptions): Promise<GradeResult> {
    if (this.disposed) return Promise.resolve(unknown("grader disposed"));
    return new Promise((resolve) => {
      const request = { id: this.nextId++, gold, pred, options: { ...options } };
      this.queue.push({ request, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, resolve });
      void this.drain(); // never rejects: runJob settles every job with a result, "unknown" on failure
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) job.resolve(await this.runJob(job));
    } finally {
      this.running = false;
    }
  }

  private async runJob(job: Job): Promise<GradeResult> {
    const began = Date.now();
    const restart = this.startedOnce;
    let worker: Worker;
    try {
      worker = await (restart ? withinLimit(this.startedWorker(), job.timeoutMs) : this.startedWorker());
    } catch (error) {
      // A slow restart goes on for the next pair; a failed start is given up.
      if (error instanceof RestartTooSlow) return timeLimitReached(job.timeoutMs);
      this.stopWorker();
      return unknown(`grading worker unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.disposed) return unknown("grader disposed");
    const remainingMs = restart ? job.timeoutMs - (Date.now() - began) : job.timeoutMs;
    if (remainingMs <= 0) return timeLimitReached(job.timeoutMs);
    worker.ref();
    try {
      return await this.exchange(worker, job, remainingMs);
    } finally {
      this.worker?.unref(); // an idle worker must not keep the CLI's process alive
    }
  }

  /** Runs one pair with `budgetMs` left of its limit (less than the limit after a restart). */
  private exchange(worker: Worker, job: Job, budgetMs: number): Promise<GradeResult> {
    return new Promise((resolve) => {
      const finish = (result: GradeResult, stop: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        if (stop) this.stopWorker();
        resolve(result);
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.type === "result" && m.id === job.request.id) finish(m.result, false);
      };
      const onExit = (code: number) => finish(unknown(`grading worker exited (code ${code})`), true);
      const timer = setTimeout(() => finish(timeLimitReached(job.timeoutMs), true), budgetMs);
      worker.on("message", onMessage);
      worker.on("exit", onExit);
      worker.postMessage(job.request);
    });
  }

  private async startedWorker(): Promise<Worker> {
    if (!this.worker || !this.ready) {
      this.launch ??= resolveWorkerScript(this.workerScript);
      const worker = startWorker(this.launch);
      this.worker = worker;
      this.ready = waitUntilReady(worker);
    }
    const worker = this.worker;
    if (!(await this.ready)) throw new Error("it did not start");
    this.startedOnce = true;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }
}

function timeLimitReached(limitMs: number): GradeResult {
  return unknown(`time limit (${limitMs} ms) reached`);
}

function withinLimit<T>(promise: Promise<T>, limitMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RestartTooSlow()), limitMs);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

function waitUntilReady(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onError);
      resolve(ok);
    };
    const onMessage = (m: WorkerMessage) => m.type === "ready" && done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), STARTUP_LIMIT_MS);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onError);
  });
}
