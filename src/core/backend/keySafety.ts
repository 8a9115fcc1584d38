/**
 * An API key sent over plain http:// can be read by anyone on the path. Loopback is the exception
 * (the request never leaves the machine); anything else gets a warning before the key goes out.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** A warning when `apiKey` would travel unencrypted to another machine; null otherwise. Never includes the key. */
export function plainHttpKeyWarning(url: string, apiKey: string | null): string | null {
  if (!apiKey) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" || isLoopbackHost(parsed.hostname)) return null;
  return `The API key would be sent over plain http:// to ${parsed.host}, where anyone on the network path can read it. Use https://, or a server on this machine.`;
}
