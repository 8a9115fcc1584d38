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
  return value === undefined ? s : String(value);
}
