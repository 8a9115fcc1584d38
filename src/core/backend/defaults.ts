/**
 * Where AceMath looks for its servers unless told otherwise: this machine, on the ports of the README's
 * `vllm serve` commands. The extension's settings, package.json's setting defaults (held to these by
 * test/unit/core/manifest.test.ts), the CLI's options and the start commands in error messages use them.
 */
export const DEFAULT_PORTS = { policy: 8000, reward: 8001 } as const;

/** The policy server's OpenAI-compatible API: its base URL includes `/v1`. */
export const DEFAULT_POLICY_URL = `http://127.0.0.1:${DEFAULT_PORTS.policy}/v1`;

/** The reward server: no `/v1`, since `/classify` sits at the root (docs/protocol.md). */
export const DEFAULT_REWARD_URL = `http://127.0.0.1:${DEFAULT_PORTS.reward}`;
