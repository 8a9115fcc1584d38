/**
 * `--out DIR/manifest.json`: what a run needs to be repeated and compared — the dataset files and
 * their hashes, the prompt, sampling settings, seeds, the servers' URLs and the model ids they
 * reported, and the tool's version (the grading engine ships with it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { POLICY_SYSTEM_PROMPT, REWARD_SYSTEM_PROMPT } from "../../core/prompts";
import type { BackendInfo } from "../../core/solve/events";
import { hashText } from "./store";
import type { LiveSettings } from "./live";

export interface Manifest {
  tool: { name: "acemath eval"; version: string };
  datasets: { file: string; name: string; sha256: string; problems: number }[];
  prompt: { policySystem: string; rewardSystem: string };
  sampling: Omit<LiveSettings, "concurrency" | "policyModel" | "rewardModel">;
  metrics: { ks: number[]; seeds: number };
  servers: {
    policyUrls: string[];
    rewardUrls: string[];
    /** As the servers reported them (null until a request reached them). */
    policy: BackendInfo | null;
    reward: BackendInfo | null;
  };
}

export const MANIFEST_FILE = "manifest.json";

export function datasetEntry(file: string, name: string, problems: number): Manifest["datasets"][number] {
  return { file, name, sha256: hashText(readFileSync(file, "utf8")), problems };
}

export function buildManifest(parts: {
  version: string;
  datasets: Manifest["datasets"];
  settings: LiveSettings;
  ks: number[];
  seeds: number;
  policyUrls: string[];
  rewardUrls: string[];
}): Manifest {
  const { n, greedy, temperature, topP, maxTokens, seed } = parts.settings;
  const sampling = { n, greedy, temperature, topP, maxTokens, seed };
  return {
    tool: { name: "acemath eval", version: parts.version },
    datasets: parts.datasets,
    prompt: { policySystem: POLICY_SYSTEM_PROMPT, rewardSystem: REWARD_SYSTEM_PROMPT },
    sampling,
    metrics: { ks: parts.ks, seeds: parts.seeds },
    servers: { policyUrls: parts.policyUrls, rewardUrls: parts.rewardUrls, policy: null, reward: null },
  };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
