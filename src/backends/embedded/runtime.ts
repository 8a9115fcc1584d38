/**
 * Loads llama.cpp's Node binding (`node-llama-cpp`, an ES module with native binaries) on first use.
 * It is an optional dependency: the universal `.vsix` does not carry its binaries (see ARCHITECTURE.md,
 * "Embedded engine"), so a missing runtime is an expected state with its own actionable message.
 */
export type LlamaModule = typeof import("node-llama-cpp", { with: { "resolution-mode": "import" } });
export type Llama = Awaited<ReturnType<LlamaModule["getLlama"]>>;

export class EmbeddedRuntimeMissing extends Error {
  constructor(cause: unknown) {
    super(
      "The embedded engine's runtime (node-llama-cpp) is not installed with this build. " +
        "Install the platform-specific AceMath Studio package, or run the CLI from a checkout where " +
        "`npm install` added it; otherwise configure a policy server (acemath.policy.baseUrl).",
      { cause },
    );
    this.name = "EmbeddedRuntimeMissing";
  }
}

let loading: Promise<{ module: LlamaModule; llama: Llama }> | undefined;

/** One llama.cpp instance per process, CPU only: the embedded engine is the no-GPU fallback. */
export function loadLlama(): Promise<{ module: LlamaModule; llama: Llama }> {
  loading ??= (async () => {
    let module: LlamaModule;
    try {
      module = await import("node-llama-cpp");
    } catch (error) {
      throw new EmbeddedRuntimeMissing(error);
    }
    // build "never": never compile llama.cpp on a user's machine; use the prebuilt binary or fail.
    const llama = await module.getLlama({ gpu: false, build: "never", logLevel: module.LlamaLogLevel.error });
    return { module, llama };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
