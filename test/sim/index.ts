// TEST FIXTURE: entry point of the simulated vLLM backend (see server.ts).
export * from "./server";
