/**
 * Which engine produced the candidates, in words: one wording for the panel, the status bar and the
 * CLI, so the user always knows whether a server or the embedded engine answered.
 */
import { EMBEDDED_URL_PREFIX } from "../backend/ports";
import type { BackendInfo } from "./events";

export function describeBackend(backend: BackendInfo): string {
  if (backend.engine === "embedded")
    return `${backend.model} on the embedded llama.cpp engine (${backend.url.replace(EMBEDDED_URL_PREFIX, "")})`;
  return backend.model ? `${backend.model} at ${backend.url}` : backend.url;
}
