/**
 * Generates equivalent spellings and near-misses of a gold answer, from the normalisation rules:
 * the broad agreement test and the benchmark grade these against the gold.
 */
export interface LabelledPair {
  gold: string;
  pred: string;
  expected: boolean;
  rule: string;
}

export function variantsOf(gold: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  const same = (pred: string, rule: string) =>
    pred !== gold && pairs.push({ gold, pred, expected: true, rule });
  const miss = (pred: string, rule: string) => pairs.push({ gold, pred, expected: false, rule });
  same(`\\boxed{${gold}}`, "boxed");
  same(`$${gold}$`, "dollars");
  same(gold.replace(/\\frac/g, "\\dfrac"), "dfrac");
  same(` ${gold.replace(/,/g, ", ")} `, "spaces");
  same(gold.replace(/\(/g, "\\left(").replace(/\)/g, "\\right)"), "left/right");
  numericVariants(gold, same, miss);
  structuralMisses(gold, miss);
  return pairs;
}

type Add = (pred: string, rule: string) => unknown;

function numericVariants(gold: string, same: Add, miss: Add): void {
  const integer = /^-?\d+$/.test(gold) ? BigInt(gold) : undefined;
  if (integer !== undefined) {
    same(`${gold}.0`, "trailing .0");
    same(`x = ${gold}`, "x= prefix");
    if (integer >= 10000n) same(integer.toLocaleString("en-US"), "thousands separators");
    miss(String(integer + 1n), "off by one");
    miss(String(integer * 2n + (integer === -3n ? 1n : 3n)), "different number");
    return;
  }
  const frac = /^(-?)\\frac\{(\d+)\}\{(\d+)\}$/.exec(gold);
  if (frac) {
    const value = Number(frac[2]) / Number(frac[3]);
    const sign = frac[1] === "-" ? -1 : 1;
    same(`${frac[1]}${frac[2]}/${frac[3]}`, "slash fraction");
    same(String(sign * Number(value.toPrecision(10))), "decimal");
    miss(`${frac[1]}\\frac{${Number(frac[2]) + 1}}{${frac[3]}}`, "numerator+1");
    miss(frac[1] ? `\\frac{${frac[2]}}{${frac[3]}}` : `-\\frac{${frac[2]}}{${frac[3]}}`, "sign flipped");
    return;
  }
  const decimal = /^-?\d*\.\d+$/.test(gold) ? Number(gold) : undefined;
  if (decimal !== undefined) {
    same(`${gold}0`, "trailing zero");
    miss(String(decimal + 1), "plus one");
  }
}

function structuralMisses(gold: string, miss: Add): void {
  const interval = /^([[(])(.+),(.+)([\])])$/.exec(gold);
  if (interval && !gold.slice(1, -1).includes("(") && interval[1] === "[") {
    miss(`(${interval[2]},${interval[3]}${interval[4]}`, "open instead of closed");
  }
  if (/^[A-E]$/.test(gold)) miss(gold === "A" ? "B" : "A", "other choice");
  if (/[a-z]/.test(gold) && /^[^=<>,]+$/.test(gold) && !gold.includes("\\text") && gold.length < 60) {
    miss(`${gold}+1`, "plus one");
  }
}
