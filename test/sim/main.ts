// TEST FIXTURE: `npm run sim` starts the SIMULATED backend standalone for demos and manual tests.
// By default two listeners, like two vLLM processes: the policy model on :8000 (/v1/...) and the reward
// model on :8001 (/classify, /pooling). The product never starts or defaults to this.
import { parseSimArgs, USAGE, type SimCliSettings } from "./cli-args";
import { startSimulator, type SimRole, type SimServer } from "./server";

function listenerOptions(settings: SimCliSettings, port: number, role: SimRole) {
  const { host, tokensPerSecond, firstTokenMs, rewardLatencyMs, faults, family, slots, rewardActivation } =
    settings;
  return {
    host,
    port,
    role,
    tokensPerSecond,
    firstTokenMs,
    rewardLatencyMs,
    faults,
    family,
    slots,
    rewardActivation,
    ...settings.load,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const settings = parseSimArgs(args, process.env);
  const servers: SimServer[] = [];
  const policyRole: SimRole = settings.rewardPort === undefined ? "both" : "policy";
  const policy = await startSimulator(listenerOptions(settings, settings.policyPort, policyRole));
  servers.push(policy);
  const reward =
    settings.rewardPort === undefined
      ? policy
      : await startSimulator(listenerOptions(settings, settings.rewardPort, "reward"));
  if (reward !== policy) servers.push(reward);

  console.log("================================================================");
  console.log(" AceMath Studio SIMULATED backend: for tests and demos only.");
  console.log(" Solutions and reward scores are replayed from test/fixtures/sim;");
  console.log(" no model runs here. Unknown problems get placeholder solutions.");
  console.log("================================================================");
  console.log(` Imitating: ${settings.family}`);
  console.log(` Policy (generation) endpoint: ${policy.policyBaseUrl}   model ${policy.policyModel}`);
  console.log(` Reward endpoint:              ${reward.rewardBaseUrl}   model ${reward.rewardModel}`);
  console.log(
    ` Speed: ${settings.tokensPerSecond || "unthrottled"} tokens/s per choice, first token after ${settings.firstTokenMs} ms`,
  );
  if (settings.load) console.log(` Load: ${JSON.stringify(settings.load)}`);
  if (Object.keys(settings.faults).length > 0) console.log(` Faults: ${JSON.stringify(settings.faults)}`);
  if (settings.faults.hostile)
    console.log(` Hostile candidates link to ${policy.url}/canary: nothing should ever request it.`);
  console.log(" Point AceMath Studio's endpoint settings at the URLs above. Ctrl+C stops.");

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the simulated backend.`);
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`sim: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(1);
});
