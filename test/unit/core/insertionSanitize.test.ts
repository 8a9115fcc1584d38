// Model output is untrusted: what Insert and Copy LaTeX write is cleaned for the target markup.
import assert from "node:assert/strict";
import {
  answerLatexForClipboard,
  cleanModelText,
  formatAnswerInsertion,
  formatSolutionInsertion,
  stripControlCharacters,
  type Markup,
} from "../../../src/core/insertion";

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const TEX_ATTACK = "\\input{/etc/passwd}\\immediate\\write18{rm -rf ~}";
const ESC_CLEAR = "\x1b[2J";
const NUL = "\x00";
const BIDI = "\u202e";

function check(markup: Markup, input: string, expected: string, neutralised: string[] = []): void {
  assert.deepEqual(cleanModelText(input, markup), { text: expected, neutralised });
}

describe("insertion cleaning: control characters (every markup)", () => {
  const cases: [string, string][] = [
    [`a${ESC_CLEAR}b`, "ab"],
    [`a${NUL}b\x07c\x7fd`, "abcd"],
    [`left${BIDI}tfel\u202c \u2066x\u2069`, "lefttfel x"],
    ["\x1b]0;title\x07text", "text"],
    ["\x9b31mred", "red"],
    ["\x1bcreset", "reset"],
    ["line\r\nnext\rlast\tcol", "line\nnext\nlast\tcol"],
    ["\u0085C1\u009fend", "C1end"],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(stripControlCharacters(input), expected);
      for (const markup of ["plain", "markdown"] as const)
        assert.equal(cleanModelText(input, markup).text, expected);
    });
  }

  it("removes them from answers and copied LaTeX as well", () => {
    const answer = `4${ESC_CLEAR}2${NUL}${BIDI}`;
    assert.equal(formatAnswerInsertion("plain", answer).text, "\nAnswer: 42\n");
    assert.equal(formatAnswerInsertion("markdown", answer).text, "\n\n**Answer:** $\\boxed{42}$\n");
    assert.equal(answerLatexForClipboard(answer).text, "42");
  });
});

describe("insertion cleaning: LaTeX", () => {
  it("escapes special characters in prose and keeps math as math", () => {
    check(
      "latex",
      "Costs 5 & 10% off, x_1 ~ #2 {a} ^ | <b>. So $x_1 = 10\\%$ and \\(a^2\\).",
      "Costs 5 \\& 10\\% off, x\\_1 \\textasciitilde{} \\#2 \\{a\\} \\textasciicircum{} \\textbar{} " +
        "\\textless{}b\\textgreater{}. So $x_1 = 10\\%$ and \\(a^2\\).",
    );
  });

  it("shows HTML in prose as text (nothing in LaTeX runs it)", () => {
    check(
      "latex",
      `${SCRIPT} ${IMG}`,
      "\\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{} " +
        "\\textless{}img src=x onerror=alert(1)\\textgreater{}",
    );
  });

  it("neutralises dangerous primitives in prose by escaping their backslash", () => {
    check(
      "latex",
      `Then ${TEX_ATTACK}.`,
      "Then \\textbackslash{}input\\{/etc/passwd\\}\\textbackslash{}immediate\\textbackslash{}write18" +
        "\\{rm -rf \\textasciitilde{}\\}.",
      ["\\input", "\\immediate", "\\write"],
    );
  });

  it("neutralises dangerous primitives inside math too, where TeX would still run them", () => {
    check(
      "latex",
      `$${TEX_ATTACK}$`,
      "$\\texttt{\\textbackslash input}{/etc/passwd}\\texttt{\\textbackslash immediate}" +
        "\\texttt{\\textbackslash write}18{rm -rf ~}$",
      ["\\input", "\\immediate", "\\write"],
    );
    check(
      "latex",
      "\\[ \\def\\x{1} \\catcode`\\$=11 \\csname input\\endcsname \\]",
      "\\[ \\texttt{\\textbackslash def}\\x{1} \\texttt{\\textbackslash catcode}`\\$=11 " +
        "\\texttt{\\textbackslash csname} input\\texttt{\\textbackslash endcsname} \\]",
      ["\\def", "\\catcode", "\\csname", "\\endcsname"],
    );
    check(
      "latex",
      "\\begin{align} x &= 1 \\usepackage{shellesc} \\ShellEscape{ls} \\end{align}",
      "\\begin{align} x &= 1 \\texttt{\\textbackslash usepackage}{shellesc} " +
        "\\texttt{\\textbackslash ShellEscape}{ls} \\end{align}",
      ["\\usepackage", "\\ShellEscape"],
    );
  });

  it("leaves safe commands whose names start like dangerous ones", () => {
    check(
      "latex",
      "$\\inputenc \\letter \\define \\includegraphics$",
      "$\\inputenc \\letter \\define \\includegraphics$",
    );
  });

  it("cuts ^^ (a character code: ^^5c is a backslash), escapes % # and stray $ in math", () => {
    check("latex", "$^^5cinput{x}$", "$^5cinput{x}$");
    check("latex", "\\[ 50% of #1 costs $ 3 \\]", "\\[ 50\\% of \\#1 costs \\$ 3 \\]");
  });

  it("a blank line inside a display does not end it early", () => {
    check("latex", "\\[ a \\\\\n\n  \n b \\]", "\\[ a \\\\\n b \\]");
  });

  it("turns Markdown bold into \\textbf and drops heading marks", () => {
    check("latex", "## Step 1: add\n**Answer:** $3$", "Step 1: add\n\\textbf{Answer:} $3$");
  });

  it("treats an unclosed $ or \\[ as prose, escaped", () => {
    check("latex", "from $5 and \\[ x", "from \\$5 and \\textbackslash{}[ x");
  });

  it("frames a solution as a paragraph", () => {
    assert.deepEqual(formatSolutionInsertion("latex", `Hence \\(x=2\\) ${SCRIPT}`), {
      text:
        "\n\n\\paragraph{Solution.} Hence \\(x=2\\) \\textless{}script\\textgreater{}alert(1)" +
        "\\textless{}/script\\textgreater{}\n",
      neutralised: [],
    });
  });

  it("keeps an answer inside its box and its formula", () => {
    const hostile = `1}$ ${TEX_ATTACK} $\\frac{1}{2`;
    assert.deepEqual(formatAnswerInsertion("latex", hostile), {
      text:
        "\n\\textbf{Answer:} $\\boxed{1 \\texttt{\\textbackslash input}{/etc/passwd}\\texttt{\\textbackslash " +
        "immediate}\\texttt{\\textbackslash write}18{rm -rf ~} \\frac{1}{2}}$\n",
      neutralised: ["\\input", "\\immediate", "\\write"],
    });
    assert.equal(
      formatAnswerInsertion("latex", "\\[x\\] \\(y\\)\n\nz % w").text,
      "\n\\textbf{Answer:} $\\boxed{x y z \\% w}$\n",
    );
  });

  it("copies an answer's LaTeX with the same cleaning", () => {
    assert.deepEqual(answerLatexForClipboard(`\\frac{1}{2}${ESC_CLEAR}\\input{/etc/passwd}}`), {
      text: "\\frac{1}{2}\\texttt{\\textbackslash input}{/etc/passwd}",
      neutralised: ["\\input"],
    });
  });
});

describe("insertion cleaning: Markdown", () => {
  it("escapes raw HTML so the preview shows it as text", () => {
    check(
      "markdown",
      `Look: ${SCRIPT} and ${IMG}`,
      "Look: \\<script>alert(1)\\</script> and \\<img src=x onerror=alert(1)>",
    );
    check("markdown", "<!-- hidden --> <?php ?> <!DOCTYPE x>", "\\<!-- hidden --> \\<?php ?> \\<!DOCTYPE x>");
  });

  it("keeps comparisons and the model's own escapes, and cannot be tricked by a backslash", () => {
    check("markdown", "a < b, 3<4, \\*not bold\\*", "a < b, 3<4, \\*not bold\\*");
    // `\<` stays an escape; `\\<` is a backslash and then a `<`, which is escaped in turn.
    check("markdown", "\\<script> \\\\<script>", "\\<script> \\\\\\<script>");
  });

  it("keeps math intact (a tag inside math cannot open: `<` is followed by a space)", () => {
    // Spaces do not count in math: `x< y` renders as `x<y`.
    check("markdown", "So $x<y$ and $$\\frac{a}{b} < 1$$.", "So $x< y$ and $$\\frac{a}{b} < 1$$.");
    check("markdown", `$a${SCRIPT}$`, "$a< script>alert(1)< /script>$");
  });

  it("keeps code as code, and closes a fence the model left open", () => {
    check("markdown", "Run `x <b>` then", "Run `x <b>` then");
    check("markdown", "```html\n<b>bold</b>\n```\nafter <i>", "```html\n<b>bold</b>\n```\nafter \\<i>");
    check("markdown", "```\n<script>x</script>", "```\n<script>x</script>\n```");
  });

  it("escapes a $ that pairs with nothing, so it cannot pair with one further down the document", () => {
    check("markdown", "It costs $5.", "It costs \\$5.");
  });

  it("escapes the backslash of dangerous TeX commands (Pandoc and Quarto turn Markdown into LaTeX)", () => {
    check(
      "markdown",
      `Then ${TEX_ATTACK} and $\\input{x}$`,
      "Then \\\\input{/etc/passwd}\\\\immediate\\\\write18{rm -rf ~} and $\\texttt{\\textbackslash input}{x}$",
      ["\\input", "\\immediate", "\\write"],
    );
  });

  it("frames an answer and a solution", () => {
    assert.deepEqual(formatAnswerInsertion("markdown", `x${SCRIPT}`), {
      text: "\n\n**Answer:** $\\boxed{x< script>alert(1)< /script>}$\n",
      neutralised: [],
    });
    assert.equal(
      formatSolutionInsertion("markdown", `${IMG}\n\nSo $x=1$.`).text,
      "\n\n**Solution.** \\<img src=x onerror=alert(1)>\n\nSo $x=1$.\n",
    );
  });
});

describe("insertion cleaning: plain text", () => {
  it("keeps the text as it is, without control characters", () => {
    check("plain", `${SCRIPT} ${TEX_ATTACK}${ESC_CLEAR}${NUL}`, `${SCRIPT} ${TEX_ATTACK}`);
  });
});

describe("insertion cleaning: size", () => {
  it("cleans a 1 MB hostile solution in one linear pass (no quadratic rescans)", () => {
    const unit = `\\[ $ ${SCRIPT} \\input{x} \`\`\` ${"`".repeat(3)} `;
    const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const markdown = cleanModelText(huge, "markdown").text;
    assert.ok(!/(^|[^\\])<script>/.test(markdown), "Markdown: no live <script> left");
    const latex = cleanModelText(huge, "latex").text;
    assert.ok(!latex.includes("\\input{"), "LaTeX: no live \\input left");
  });
});
