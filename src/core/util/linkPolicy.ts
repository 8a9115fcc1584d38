/**
 * Which links from model output may be opened at all. Model text is untrusted: a link to a loopback
 * or private address would make the user's machine send a request into their own network (code-server
 * even proxies local ports), so only public http(s) URLs pass, and even those open after the user
 * confirmed the full URL. The WHATWG URL parser does the hard part: it normalises IPv4 written in
 * decimal, hex, octal or short forms (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1` all become
 * `127.0.0.1`) and separates userinfo from the host (`http://example.com@127.0.0.1/`).
 */

export type LinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

const WEB_SCHEMES = new Set(["http:", "https:"]);

/** Names that resolve only on the user's machine or local network. */
const LOCAL_NAME_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "lan"];

/** [first address, prefix length, what it is] */
const PRIVATE_IPV4: [string, number, string][] = [
  ["0.0.0.0", 8, "an unspecified address"],
  ["127.0.0.0", 8, "a loopback address"],
  ["10.0.0.0", 8, "a private network address"],
  ["172.16.0.0", 12, "a private network address"],
  ["192.168.0.0", 16, "a private network address"],
  ["169.254.0.0", 16, "a link-local address"],
  ["100.64.0.0", 10, "a shared (carrier-grade NAT) address"],
  ["224.0.0.0", 4, "a multicast or reserved address"],
];

function refuse(reason: string): LinkVerdict {
  return { allowed: false, reason };
}

export function classifyLink(href: string): LinkVerdict {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return refuse("it is not a complete web address");
  }
  if (!WEB_SCHEMES.has(url.protocol)) {
    return refuse(`only http and https links open, and this one is ${url.protocol.replace(/:$/, "")}:`);
  }
  if (url.username || url.password) {
    return refuse("it contains a user name before '@', a common way to disguise the real host");
  }
  const hostProblem = localHostReason(url.hostname);
  if (hostProblem) return refuse(`its host ${url.hostname} is ${hostProblem}`);
  return { allowed: true, url: url.href };
}

/** Why `hostname` (as the URL parser normalised it) is local, or null for a public host. */
export function localHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.+$/, "");
  if (host.startsWith("[")) return ipv6Reason(host.slice(1, -1));
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) return ipv4Reason(ipv4);
  if (host === "" || !host.includes(".")) return "a local network name";
  if (LOCAL_NAME_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return "a local network name";
  }
  return null;
}

/** The URL parser already turned every IPv4 spelling into dotted decimal. */
function parseIpv4(host: string): number | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function ipv4Reason(address: number): string | null {
  if (address === 0xffffffff) return "the broadcast address";
  for (const [first, prefix, what] of PRIVATE_IPV4) {
    const size = 2 ** (32 - prefix);
    const start = parseIpv4(first)!;
    if (address >= start && address < start + size) return what;
  }
  return null;
}

/** Expands an IPv6 address (already validated and compressed by the URL parser) to 8 groups. */
function ipv6Groups(address: string): number[] {
  const [head = "", tail = ""] = address.includes("::") ? address.split("::") : [address, ""];
  const toGroups = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const front = toGroups(head);
  const back = toGroups(tail);
  const zeros = address.includes("::") ? 8 - front.length - back.length : 0;
  return [...front, ...new Array<number>(zeros).fill(0), ...back];
}

function ipv6Reason(address: string): string | null {
  const groups = ipv6Groups(address);
  const first = groups[0] ?? 0;
  const leadingZeros = groups.slice(0, 5).every((g) => g === 0);
  if (groups.every((g) => g === 0)) return "an unspecified address";
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return "a loopback address";
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach the IPv4 host.
  if (leadingZeros && (groups[5] === 0xffff || groups[5] === 0)) {
    return ipv4Reason((groups[6] ?? 0) * 65536 + (groups[7] ?? 0));
  }
  if ((first & 0xfe00) === 0xfc00) return "a private network address";
  if ((first & 0xffc0) === 0xfe80) return "a link-local address";
  if ((first & 0xff00) === 0xff00) return "a multicast address";
  return null;
}
