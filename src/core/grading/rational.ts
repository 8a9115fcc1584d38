/**
 * Exact rationals on BigInt, so that `\frac{100000}{100001}` and `\frac{100001}{100002}` differ even
 * though a relative tolerance would call them equal. Every operation gives up (returns undefined)
 * past a size limit, so exact arithmetic can never become slow; callers then fall back to floats.
 */
export interface Rational {
  n: bigint;
  d: bigint; // always > 0, gcd(n, d) = 1
}

const MAX_BITS = 2048;

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(x: bigint): number {
  return (x < 0n ? -x : x).toString(16).length * 4;
}

function log2Size(x: bigint): number {
  const n = Math.abs(Number(x));
  return Number.isFinite(n) ? Math.log2(Math.max(n, 1)) : bitLength(x);
}

export function rational(n: bigint, d: bigint = 1n): Rational | undefined {
  if (d === 0n) return undefined;
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  const r = { n: n / g, d: d / g };
  return bitLength(r.n) > MAX_BITS || bitLength(r.d) > MAX_BITS ? undefined : r;
}

/** Parses an integer or a decimal literal such as `12`, `0.125`, `.5`. */
export function parseDecimal(text: string): Rational | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (!m[2] && !m[3]) || text.length > 400) return undefined;
  const fraction = m[3] ?? "";
  const n = BigInt((m[2] || "0") + fraction) * (m[1] ? -1n : 1n);
  return rational(n, 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => (b.n === 0n ? undefined : rational(a.n * b.d, a.d * b.n));

/** Integer powers only, and only when the result stays small. */
export function pow(base: Rational, exponent: Rational): Rational | undefined {
  if (exponent.d !== 1n) return undefined;
  const e = exponent.n < 0n ? -exponent.n : exponent.n;
  // The size of the result is about log2|base|·e bits (so `2^{2023}` stays exact).
  const bits = Math.max(log2Size(base.n), log2Size(base.d));
  if (e > 100000n || bits * Number(e) > MAX_BITS) return undefined;
  const r = rational(base.n ** e, base.d ** e);
  return r && exponent.n < 0n ? div({ n: 1n, d: 1n }, r) : r;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

export function toNumber(r: Rational): number {
  const n = Number(r.n);
  const d = Number(r.d);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Both huge: scale down so that the quotient stays representable.
  const shift = BigInt(Math.max(bitLength(r.n), bitLength(r.d)) - 1000);
  return Number(r.n >> shift) / Number(r.d >> shift);
}

export function isInteger(r: Rational): boolean {
  return r.d === 1n;
}

export function toKey(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}
