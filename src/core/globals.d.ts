// The few web-standard globals the core uses, declared for the core's own type check only
// (tsconfig.core.json: lib ES2022, no DOM, no Node types). Node 20, browsers and the VS Code extension host
// all provide them; pulling in the DOM or Node types instead would let core code use `document` or `fs`
// unnoticed. Every other program (webview, extension, CLI, tests) gets the real declarations from the DOM
// lib or @types/node, and excludes this file so the two never clash. Add a member here only when core
// code needs it, with the same signature as the DOM lib.

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

declare const AbortSignal: {
  prototype: AbortSignal;
  /** Aborts when any of `signals` aborts (Node 20.3+, every current browser). */
  any(signals: AbortSignal[]): AbortSignal;
};

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare const AbortController: {
  prototype: AbortController;
  new (): AbortController;
};

/** The WHATWG URL parser: the core relies on its normalisation of hosts (see util/linkPolicy.ts). */
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
}

declare const URL: {
  prototype: URL;
  new (url: string, base?: string): URL;
};

declare function setTimeout(callback: (...args: never[]) => void, ms?: number): unknown;

/** Web Crypto's random source (util/cspNonce.ts). */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

declare function btoa(data: string): string;
