import { strict as assert } from "node:assert";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { countClass, parseHtml } from "./helpers";

/** `inline` and `display` count KaTeX roots: every display formula is also a `.katex`. */
function check(source: string, expected: { inline: number; display: number; errors?: number }) {
  const html = renderMarkdown(source);
  const display = countClass(html, "katex-display");
  assert.equal(
    countClass(html, "katex") - display,
    expected.inline,
    `inline math in ${JSON.stringify(source)}\n${html}`,
  );
  assert.equal(display, expected.display, `display math in ${JSON.stringify(source)}\n${html}`);
  assert.equal(countClass(html, "katex-error"), expected.errors ?? 0, `errors in ${JSON.stringify(source)}`);
}

describe("webview math delimiters", () => {
  const cases: [string, string, { inline: number; display: number }][] = [
    ["dollar inline", "Let $x^2 + 1$ be given.", { inline: 1, display: 0 }],
    ["paren inline", String.raw`Let \(x^2 + 1\) be given.`, { inline: 1, display: 0 }],
    ["paren inline, several", String.raw`\(a\), \(b\) and \(c\)`, { inline: 3, display: 0 }],
    ["double dollar block", "$$\n\\frac{1}{2}\n$$", { inline: 0, display: 1 }],
    ["double dollar one line", "$$x = 1$$", { inline: 0, display: 1 }],
    ["double dollar mid-paragraph", "so $$x = 1$$ holds", { inline: 0, display: 1 }],
    ["bracket block", "\\[\n10 \\cdot 6 = 60\n\\]", { inline: 0, display: 1 }],
    ["bracket one line", String.raw`\[10 \approx 10,\]`, { inline: 0, display: 1 }],
    ["bracket lines in one paragraph", "\\[a,\\]\n\\[b.\\]", { inline: 0, display: 2 }],
    ["bracket mid-paragraph", "We get \\[\nx = 5\n\\]\nso we are done.", { inline: 0, display: 1 }],
    ["bracket after a paragraph line", "Line one\nWe get \\[ y \\] then", { inline: 0, display: 1 }],
    [
      "bracket in a list item",
      "1. Compute:\n   \\[\n   x+1\n   \\]\n2. Next \\(y\\)",
      { inline: 1, display: 1 },
    ],
    [
      "bracket with markdown-looking rows",
      "\\[\n\\begin{array}{r}\n  56.78 \\\\\n- 43.60 \\\\\n\\hline\n\\end{array}\n\\]",
      { inline: 0, display: 1 },
    ],
    ["bracket with a blank line inside", "\\[\na\n\nb\n\\]", { inline: 0, display: 1 }],
    ["bare align", "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}", { inline: 0, display: 1 }],
    ["bare align*", "\\begin{align*}\na &= b\n\\end{align*}", { inline: 0, display: 1 }],
    ["bare equation", "\\begin{equation}\nE = mc^2\n\\end{equation}", { inline: 0, display: 1 }],
    ["bare equation*", "\\begin{equation*}\nE = mc^2\n\\end{equation*}", { inline: 0, display: 1 }],
    ["bare gather", "\\begin{gather}\na \\\\ b\n\\end{gather}", { inline: 0, display: 1 }],
    ["bare gather*", "\\begin{gather*}\na \\\\ b\n\\end{gather*}", { inline: 0, display: 1 }],
    [
      "bare multline (mapped to gather)",
      "\\begin{multline}\na \\\\ b\n\\end{multline}",
      { inline: 0, display: 1 },
    ],
    ["bare multline*", "\\begin{multline*}\na \\\\ b\n\\end{multline*}", { inline: 0, display: 1 }],
    [
      "bare environment after text",
      "Then\n\\begin{align*}\na &= b\n\\end{align*}\nso",
      { inline: 0, display: 1 },
    ],
    [
      "align inside dollars switches to display",
      "$\\begin{align}a&=b\\end{align}$",
      { inline: 0, display: 1 },
    ],
    ["boxed in math", String.raw`\(\boxed{420}\)`, { inline: 1, display: 0 }],
    ["boxed outside math", String.raw`arrive at \boxed{4:30 \text{ p.m.}}.`, { inline: 1, display: 0 }],
    ["boxed with nested braces", String.raw`answer \boxed{\frac{1}{2}}`, { inline: 1, display: 0 }],
  ];
  for (const [name, source, expected] of cases) it(name, () => check(source, expected));

  it("keeps an escaped backslash before a paren as text", () => {
    const html = renderMarkdown(String.raw`a \\(b\\) c`);
    assert.equal(countClass(html, "katex"), 0);
    assert.match(parseHtml(html).body.textContent ?? "", /\\\(b\\\)/);
  });

  it("shows an unclosed formula (still streaming) as pending source, not as an error", () => {
    for (const source of [String.raw`so \[ \frac{1}{`, String.raw`so \( x +`, "so:\n\n\\[\n\\frac{1}{2}"]) {
      const html = renderMarkdown(source);
      assert.equal(countClass(html, "math-pending"), 1, source);
      assert.equal(countClass(html, "katex-error"), 0, source);
    }
  });

  it("does not render math inside code", () => {
    assert.equal(countClass(renderMarkdown("`$x$` and\n\n```\n\\(y\\)\n```"), "katex"), 0);
  });
});

describe("webview currency", () => {
  const textCases = [
    "costs $5 and $10",
    "costs $5 and $10.",
    "He paid $5, she paid $10, total $15.",
    "$5 + $3 = $8",
    "costs $5 and $ 10 later",
    String.raw`she had \$9 left and \$3 more`,
    "between $3.50 and $4.25 per item",
  ];
  for (const source of textCases) {
    it(`keeps ${JSON.stringify(source)} as text`, () => {
      const html = renderMarkdown(source);
      assert.equal(countClass(html, "katex"), 0, html);
      assert.ok((parseHtml(html).body.textContent ?? "").includes("$"), html);
    });
  }

  it("still renders real math next to a price", () => {
    check("It costs $5. Then $x = 2$ holds.", { inline: 1, display: 0 });
    check("price $5.50 vs $x^2$", { inline: 1, display: 0 });
  });
});
