/** Reads the real documents copied under test/fixtures/check/documents (licences kept beside them). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findCheckTargets, type CheckDialect, type CheckTarget } from "../../../src/core/check";

export const DOCUMENTS = join(__dirname, "../../fixtures/check/documents");

export function readDocument(path: string): string {
  return readFileSync(join(DOCUMENTS, path), "utf8");
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

export function targetsOf(
  path: string,
  dialect: CheckDialect,
  macroSources: string[] = [],
): { text: string; targets: CheckTarget[] } {
  const text = readDocument(path);
  return { text, targets: findCheckTargets({ text, dialect, macroSources }) };
}
