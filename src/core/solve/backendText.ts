/**
 * Which engine produced the candidates, in words: one wording for the panel, the status bar and the
 * CLI, so the user always knows whether a server or the embedded engine answered.
 */
import type { BackendInfo } from "./events";

const EMBEDDED_PREFIX = "embedded:";

export function describeBackend(backend: BackendInfo): string {
  if (backend.engine === "embedded")
    return `${backend.model} on the embedded llama.cpp engine (${backend.url.replace(EMBEDDED_PREFIX, "")})`;
  return backend.model ? `${backend.model} at ${backend.url}` : backend.url;
}
