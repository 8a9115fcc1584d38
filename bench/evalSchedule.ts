/**
 * The eval benchmark's yardstick for its own client policy: how long the simulated server would take
 * if the client cost nothing, keeping `concurrency` problems in flight (each one n-sample request whose
 * slot frees when its last sample finishes and its scores come back), asked in the order of `lengths`
 * (the client's order: src/core/eval/requestOrder.ts), computed step by step as the
 * simulator's engine runs (test/sim/engine.ts: `slots` sequences at once, admitted first come first
 * served, one token per step, the first after `firstTokenSteps`). What this leaves above the throughput
 * bound is the schedule's tail (the last long samples running with few others), which depends on the
 * order and which no client can remove without knowing lengths in advance; what the measured wall
 * time adds above this is the client's.
 */
export interface ScheduleSettings {
  slots: number;
  concurrency: number;
  firstTokenSteps: number;
  /** Steps between a problem's last sample and the next problem's request (its reward round trip). */
  rewardSteps: number;
}

/** Engine steps until every problem is done; `lengths[p]` holds problem p's samples' token counts. */
export function zeroOverheadSteps(
  lengths: readonly (readonly number[])[],
  settings: ScheduleSettings,
): number {
  const waiting: { problem: number; left: number }[] = [];
  const running: { problem: number; left: number }[] = [];
  const unfinished = new Map<number, number>();
  const requestsDueAt: number[] = [];
  let next = 0;
  let step = 0;
  const request = () => {
    const problem = next++;
    const samples = lengths[problem] ?? [];
    unfinished.set(problem, samples.length);
    for (const tokens of samples)
      waiting.push({ problem, left: settings.firstTokenSteps + Math.max(1, tokens) });
  };
  for (let i = 0; i < settings.concurrency && next < lengths.length; i++) request();
  while (unfinished.size > 0 || next < lengths.length) {
    while (running.length < settings.slots && waiting.length > 0) running.push(waiting.shift()!);
    step++;
    for (let i = running.length - 1; i >= 0; i--) {
      const sequence = running[i]!;
      if (--sequence.left > 0) continue;
      running.splice(i, 1);
      const left = (unfinished.get(sequence.problem) ?? 1) - 1;
      if (left > 0) unfinished.set(sequence.problem, left);
      else {
        unfinished.delete(sequence.problem);
        requestsDueAt.push(step + settings.rewardSteps);
      }
    }
    while (requestsDueAt.length > 0 && requestsDueAt[0]! <= step) {
      requestsDueAt.shift();
      if (next < lengths.length) request();
    }
  }
  return step;
}
