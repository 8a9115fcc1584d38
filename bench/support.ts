/**
 * What the benchmarks share: the simulated backend in its own process (so that its CPU is not the
 * client's), medians, alternating two sides, and the `--json` convention (one JSON object on the
 * last line of stdout).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

export interface SimProcess {
  url: string;
  policyBaseUrl: string;
  rewardBaseUrl: string;
  /** CPU seconds the simulator's process has used so far (Linux /proc), NaN where unreadable. */
  cpuSeconds(): number;
  stop(): void;
}

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s). */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm run sim` on one port for both roles, with these flags (test/sim/cli-args.ts), in its own process. */
export async function startSimProcess(flags: readonly string[]): Promise<SimProcess> {
  const port = await freePort();
  const args = ["--import", "tsx", "test/sim/main.ts", "--port", String(port), "--reward-port", "same"];
  const child: ChildProcess = spawn(process.execPath, [...args, ...flags], { cwd: ROOT, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 300; tries++) {
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up)
      return {
        url,
        policyBaseUrl: `${url}/v1`,
        rewardBaseUrl: url,
        cpuSeconds: () => processCpuSeconds(child.pid),
        stop: () => child.kill(),
      };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("the simulator did not start");
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Runs `a` and `b` on the same input `repetitions` times, alternating which goes first (so drift in the
 * machine's load hits both sides alike), and returns every pair of timings.
 */
export async function alternate(
  repetitions: number,
  a: (rep: number) => Promise<number>,
  b: (rep: number) => Promise<number>,
): Promise<{ a: number[]; b: number[]; ratios: number[] }> {
  const out = { a: [] as number[], b: [] as number[], ratios: [] as number[] };
  for (let rep = 0; rep < repetitions; rep++) {
    let ta: number;
    let tb: number;
    if (rep % 2 === 0) {
      ta = await a(rep);
      tb = await b(rep);
    } else {
      tb = await b(rep);
      ta = await a(rep);
    }
    out.a.push(ta);
    out.b.push(tb);
    out.ratios.push(ta / tb);
  }
  return out;
}

export const wantsJson = (): boolean => process.argv.includes("--json");

/** Rounds to a sensible number of digits for the JSON line. */
export function rounded(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(metrics).map(([k, v]) => [k, Math.abs(v) >= 100 ? Math.round(v) : Number(v.toFixed(3))]),
  );
}

/** With `--json`: the bench's metrics as one JSON object, the last line of stdout. */
export function printJson(metrics: Record<string, number>): void {
  if (wantsJson()) console.log(JSON.stringify(rounded(metrics)));
}
