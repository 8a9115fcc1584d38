/** The Node host of the grading engine: the CAS in a worker thread, terminated at each pair's limit. */
export { createGrader } from "./grader";
export { resolveWorkerScript } from "./workerScript";
