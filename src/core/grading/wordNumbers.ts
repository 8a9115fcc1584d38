/** Word numbers ("twelve", "forty-two", "three hundred") as digits, when the whole answer is one. */
const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

function wordValue(word: string): number | undefined {
  const unit = UNITS.indexOf(word);
  if (unit >= 0) return unit;
  const ten = TENS.indexOf(word);
  return ten >= 2 ? ten * 10 : undefined;
}

/** The value of a whole phrase such as "one hundred twenty-three", or undefined. */
export function parseWordNumber(phrase: string): number | undefined {
  const words = phrase
    .toLowerCase()
    .split(/[\s-]+|\band\b/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  for (const word of words) {
    const scale = SCALES[word];
    const value = wordValue(word);
    if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) [total, current] = [total + current, 0];
    } else if (value !== undefined) {
      current += value;
    } else {
      return undefined;
    }
  }
  return total + current;
}

export function replaceWordNumbers(s: string): string {
  if (!/^[a-zA-Z][a-zA-Z\s-]*$/.test(s)) return s;
  const value = parseWordNumber(s);
  return value === undefined ? (wordFraction(s) ?? s) : String(value);
}

const DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};

/** "one half", "three quarters", "a third": a fraction in words. */
function wordFraction(s: string): string | undefined {
  const m = /^(.+?)[\s-]+([a-z]+)$/i.exec(s.trim());
  const d = m?.[2] ? DENOMINATORS[m[2].toLowerCase()] : undefined;
  if (!m?.[1] || d === undefined) return undefined;
  const n = /^an?$/i.test(m[1]) ? 1 : parseWordNumber(m[1]);
  return n === undefined ? undefined : `\\frac{${n}}{${d}}`;
}
