/**
 * Spellings with two readings, settled by the other answer. `1,5` is a list of two numbers
 * unless the other side is one decimal number, which shows a decimal comma was meant (`1,5` =
 * `1.5`). Groups of exactly three digits (`3,125`) stay thousands separators.
 */
const DECIMAL_COMMA = /^\s*\$?\s*(-?\d+),(\d+)\s*\$?\s*$/;
const DECIMAL_POINT = /^\s*\$?\s*-?\d*\.\d+\s*\$?\s*$/;

export function decimalCommaReading(gold: string, pred: string): { gold: string; pred: string } | null {
  const g = asDecimal(gold, pred);
  if (g) return { gold: g, pred };
  const p = asDecimal(pred, gold);
  return p ? { gold, pred: p } : null;
}

function asDecimal(s: string, other: string): string | null {
  const m = DECIMAL_COMMA.exec(s);
  if (!m || !DECIMAL_POINT.test(other)) return null;
  const [whole = "", fraction = ""] = [m[1], m[2]];
  if (fraction.length === 3 && !/^-?0$/.test(whole)) return null;
  return `${whole}.${fraction}`;
}
