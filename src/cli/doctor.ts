/** `acemath doctor`: the connection report of "AceMath: Test Connection", in a terminal. */
import { parseArgs } from "node:util";
import { checkConnection, formatConnectionReport } from "../backends/http/connectionCheck";
import { terminalSafeJson, terminalSafeLine } from "../core/util/terminalSafe";
import { ENDPOINT_OPTIONS, ENDPOINT_USAGE, cliEndpoints } from "./endpoints";
import { UsageError, type CliIo } from "./io";

export const DOCTOR_USAGE = `acemath doctor [options]      check the policy and reward servers: reachable, models, context,
                               n support, reward endpoint and score kind, latency
${ENDPOINT_USAGE}
  --json               print the report as one JSON object
  Exit status 0 when a solve can run, 1 otherwise (the reason on stderr).`;

const OPTIONS = { ...ENDPOINT_OPTIONS, json: { type: "boolean", default: false } } as const;

export async function runDoctor(args: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const endpoints = cliEndpoints(values, io);
  const report = await checkConnection(
    { ...endpoints, policy: endpoints.policyReplicas, reward: endpoints.rewardReplicas },
    signal,
  );
  io.stdout.write(values.json ? `${terminalSafeJson(report)}\n` : formatConnectionReport(report));
  if (report.ok) return 0;
  for (const endpoint of [report.policy, report.reward, ...report.replicas])
    if (endpoint?.error) io.stderr.write(`acemath: ${terminalSafeLine(endpoint.error)}\n`);
  return 1;
}
