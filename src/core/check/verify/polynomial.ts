/**
 * Real roots of a one-variable polynomial, to tell whether a claimed set of roots is complete:
 * coefficients by interpolation at integer points (exact for degree ≤ 8 with small integer or
 * rational coefficients, close otherwise), then all complex roots by Durand–Kerner.
 */
import type { Node } from "../math/ast";
import { evaluate } from "../math/ast";

export const MAX_DEGREE = 8;
const ITERATIONS = 500;

export function realRoots(node: Node, variable: string, degree: number): number[] | null {
  if (degree < 1 || degree > MAX_DEGREE) return null;
  const coefficients = interpolate(node, variable, degree);
  if (!coefficients) return null;
  const lead = coefficients[degree] ?? 0;
  if (Math.abs(lead) < 1e-12) return null;
  if (degree === 1) return [-(coefficients[0] ?? 0) / lead];
  const roots = durandKerner(coefficients.map((c) => c / lead));
  return roots
    .filter(([, im]) => Math.abs(im) < 1e-6)
    .map(([re]) => re)
    .sort((a, b) => a - b)
    .filter((x, k, all) => k === 0 || Math.abs(x - (all[k - 1] ?? Infinity)) > 1e-6);
}

/** c[0] + c[1]x + … from values at x = 0, 1, …, degree (Newton's divided differences). */
function interpolate(node: Node, variable: string, degree: number): number[] | null {
  const xs = Array.from({ length: degree + 1 }, (_, k) => k - Math.floor(degree / 2));
  const ys = xs.map((x) => evaluate(node, new Map([[variable, x]])));
  if (!ys.every(Number.isFinite)) return null;
  const table = [...ys];
  for (let level = 1; level <= degree; level++) {
    for (let k = degree; k >= level; k--) {
      table[k] = ((table[k] ?? 0) - (table[k - 1] ?? 0)) / ((xs[k] ?? 0) - (xs[k - level] ?? 0));
    }
  }
  // Newton form to monomial form.
  let poly: number[] = [table[degree] ?? 0];
  for (let k = degree - 1; k >= 0; k--) {
    const next = new Array<number>(poly.length + 1).fill(0);
    poly.forEach((c, i) => {
      next[i + 1] = (next[i + 1] ?? 0) + c;
      next[i] = (next[i] ?? 0) - c * (xs[k] ?? 0);
    });
    next[0] = (next[0] ?? 0) + (table[k] ?? 0);
    poly = next;
  }
  return poly.map((c) => (Math.abs(c - Math.round(c)) < 1e-9 ? Math.round(c) : c));
}

type Complex = [number, number];

function durandKerner(monic: number[]): Complex[] {
  const n = monic.length - 1;
  let roots: Complex[] = Array.from({ length: n }, (_, k) => {
    const angle = (2 * Math.PI * k) / n + 0.4;
    return [0.9 * Math.cos(angle), 0.9 * Math.sin(angle)];
  });
  const radius = 1 + Math.max(...monic.slice(0, n).map(Math.abs));
  roots = roots.map(([re, im]) => [re * radius, im * radius]);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let moved = 0;
    roots = roots.map((root, i) => {
      let denominator: Complex = [1, 0];
      roots.forEach((other, j) => {
        if (j !== i) denominator = mul(denominator, [root[0] - other[0], root[1] - other[1]]);
      });
      const step = div(horner(monic, root), denominator);
      moved = Math.max(moved, Math.hypot(...step));
      return [root[0] - step[0], root[1] - step[1]];
    });
    if (moved < 1e-14) break;
  }
  return roots;
}

function horner(coefficients: number[], z: Complex): Complex {
  let acc: Complex = [0, 0];
  for (let k = coefficients.length - 1; k >= 0; k--) {
    acc = mul(acc, z);
    acc[0] += coefficients[k] ?? 0;
  }
  return acc;
}

function mul(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

function div(a: Complex, b: Complex): Complex {
  const d = b[0] * b[0] + b[1] * b[1];
  return d === 0 ? [0, 0] : [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}
