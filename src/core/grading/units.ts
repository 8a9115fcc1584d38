/**
 * Units and decorations after a value: unit words and `\text{…}` units, degrees, percent signs,
 * ordinal suffixes and a trailing modulus. The value is the answer; units are dropped, not converted.
 */
import { replaceWordNumbers } from "./wordNumbers";

/** Unit words that may follow a number and carry no mathematical content. */
const UNIT_WORDS = [
  "square",
  "sq",
  "cubic",
  "units?",
  "unit",
  "cm",
  "mm",
  "km",
  "m",
  "meters?",
  "metres?",
  "centimeters?",
  "kilometers?",
  "inch(?:es)?",
  "in",
  "feet",
  "foot",
  "ft",
  "yards?",
  "miles?",
  "mph",
  "dollars?",
  "cents?",
  "degrees?",
  "deg",
  "radians?",
  "rad",
  "seconds?",
  "minutes?",
  "hours?",
  "days?",
  "weeks?",
  "years?",
  "kg",
  "g",
  "grams?",
  "pounds?",
  "lbs?",
  "liters?",
  "litres?",
  "ml",
  "people",
  "students?",
  "ways",
  "times",
  "points?",
  "percent",
];
const UNIT_TAIL = new RegExp(
  `(?<=[\\d}.])\\s*(?:\\\\text\\{\\s*)?(?:(?:${UNIT_WORDS.join("|")})(?:\\^?\\{?[23]\\}?)?\\s*)+\\}?(?:\\^\\{?[23]\\}?)?$`,
  "i",
);

const SPACED_UNIT = new RegExp(
  `(?<=[\\d}]|\\\\pi)\\s*(?:\\\\[,;: ]|~)+\\s*(?:\\\\(?:text|mathrm)\\s*\\{\\s*~?\\s*)?(?:${UNIT_WORDS.join("|")})\\s*\\}?(?:\\^\\{?[23]\\}?)?$`,
  "i",
);

const ORDINAL_OR_MODULUS =
  /(?<=\d)(?:\^\s*\{?\s*\\text\{\s*(?:st|nd|rd|th)\s*\}\s*\}?|(?:st|nd|rd|th)(?![a-zA-Z]))|(?<=\S)\s*\(?\s*\\(?:pmod|bmod|mod)(?![a-zA-Z])\s*\{?\s*\w+\s*\}?\s*\)?\s*$/g;

/** Degrees, percent signs, `\text{units}`, and `\text{…}` wrappers around plain content. */
export function dropUnitsAndDecorations(s: string): string {
  let t = s.replace(/\^\s*\{?\s*\\circ\s*\}?|\\circ|\\degree/g, "");
  // Ordinal suffixes (`12^{\text{th}}`, `3rd`) and a modulus after a residue (`3 \pmod{7}`).
  if (/st|nd|rd|th|mod/.test(t)) t = t.replace(ORDINAL_OR_MODULUS, "");
  t = t.replace(/\\%|%/g, "\\%");
  t = t.replace(/\s*\\text\{\s*percent\s*\}|\s+percent$/gi, "\\%");
  // A `\text{…}` after a value (`5\text{ cm}`, `3\text{ apples}`, `576\pi\text{ m}^2`) names a
  // unit: the value is the answer. Also before the next item of a list (`621,200\text{ mg}; 1.42`).
  t = t.replace(
    /(?<=[\d}]|\\pi)\s*\\text\{\s*~?\s*[a-zA-Z](?:[a-zA-Z\s./^\d~-]|\{[^{}]*\})*\}(?:\^\{?[23]\}?)?\s*(?=$|[;,])/g,
    "",
  );
  t = t.replace(UNIT_TAIL, "");
  // Any other word or words after a number and a space (`4.03188 amu`, `5 apples`) name a unit.
  t = t.replace(/(?<=\d)\s+[a-zA-Z]{2,}(?:[\s./-]+[a-zA-Z]+)*\.?$/, "");
  // A one-letter SI unit after a number and a space (`1200 N`, `300 K`); lower-case letters may be
  // variables (`3 x`), so only the capital unit symbols.
  t = t.replace(/(?<=\d)\s+[NJWKVCT]$/, "");
  // Remaining `\text{…}` wrappers (`\text{(C)}`, `\text{Monday}`) keep their content.
  t = t.replace(/\\text\s*\{([^{}]*)\}/g, "$1");
  // A number word that was inside `\text{zero}`.
  return replaceWordNumbers(t.trim());
}

/**
 * A unit after explicit spacing (`576\pi\;m^{2}`, `12\,\mathrm{cm}`): the spacing shows it is a unit,
 * not a variable multiplied in, so it may follow a constant such as `\pi` as well as a number.
 */
export function dropSpacedUnit(s: string): string {
  if (!/\\[,;: ]|~/.test(s)) return s;
  return s.replace(SPACED_UNIT, "");
}
