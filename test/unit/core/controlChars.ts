/** Test helper: the characters a terminal would act on, found by code (a regex of them trips ESLint). */
const BIDI = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

/** C0 controls (newline and tab allowed unless `strict`), DEL, C1 controls, bidi controls and line separators. */
export function controlCharsIn(text: string, options: { strict?: boolean } = {}): string[] {
  return [...text].filter((ch) => {
    const code = ch.codePointAt(0)!;
    if (code === 0x0a || code === 0x09) return options.strict === true;
    return (
      code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI.has(code) || code === 0x2028 || code === 0x2029
    );
  });
}
