import { runCases, type Case } from "./check";

// String.raw keeps `\begin`, `\frac`, `\[` as typed (in a plain template `\b` would be a backspace).
const tex = String.raw;

const environments: Case[] = [
  {
    name: "cursor inside a problem environment sends its body",
    doc: tex`Intro.

\begin{problem}
What is $1+|1$?
\end{problem}

After.`,
    expected: {
      kind: "problem-environment",
      problem: "What is $1+1$?",
      span: tex`\begin{problem}
What is $1+1$?
\end{problem}`,
    },
  },
  {
    name: "an optional [title] is not part of the problem",
    doc: tex`\begin{problem}[Dice]
Two dice are rolled.|
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Two dice are rolled." },
  },
  ...["exercise", "question", "prob", "task", "example", "theorem", "Problem", "exercise*"].map(
    (name): Case => ({
      name: `\\begin{${name}} is a problem environment`,
      doc: tex`\begin{${name}}Find $x$|.\end{${name}}`,
      expected: { kind: "problem-environment", problem: "Find $x$." },
    }),
  ),
  {
    name: "a one-line environment keeps its text",
    doc: tex`\begin{problem}Compute $2^{10}$.\end{problem}|`,
    expected: { kind: "problem-environment", problem: "Compute $2^{10}$." },
  },
  {
    name: "nested problem environments: the innermost wins",
    doc: tex`\begin{example}
Outer text.
\begin{problem}
Inner| problem.
\end{problem}
\end{example}`,
    expected: { kind: "problem-environment", problem: "Inner problem." },
  },
  {
    name: "nested problem environments: the outer one from its own text",
    doc: tex`\begin{example}
Outer| text.
\begin{problem}
Inner.
\end{problem}
\end{example}`,
    expected: {
      kind: "problem-environment",
      problem: tex`Outer text.
\begin{problem}
Inner.
\end{problem}`,
    },
  },
  {
    name: "a display equation inside a problem: the problem wins",
    doc: tex`\begin{problem}
Solve for $x$:
\begin{equation}
  3x| + 1 = 7
\end{equation}
\end{problem}`,
    expected: {
      kind: "problem-environment",
      problem: tex`Solve for $x$:
\begin{equation}
  3x + 1 = 7
\end{equation}`,
    },
  },
  {
    name: "\\[ … \\] inside a problem: the problem wins",
    doc: tex`\begin{exercise}
Given \[x = \frac{2}{|3}\] find $3x$.
\end{exercise}`,
    expected: { kind: "problem-environment", problem: tex`Given \[x = \frac{2}{3}\] find $3x$.` },
  },
  {
    name: "cursor at the very start of \\begin counts as inside",
    doc: tex`Text.

|\begin{problem}
Inside.
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Inside." },
  },
  {
    name: "cursor right after \\end counts as inside",
    doc: tex`\begin{problem}
Inside.
\end{problem}|

Text.`,
    expected: { kind: "problem-environment", problem: "Inside." },
  },
  {
    name: "cursor on the blank line between a problem and the next paragraph: between them",
    doc: tex`\begin{problem}
Inside.
\end{problem}
|

Next paragraph.`,
    expected: { between: { before: "Inside.", after: "Next paragraph." } },
  },
  {
    name: "cursor on the blank line below the last problem sends that problem",
    doc: tex`\begin{problem}
Inside.
\end{problem}
|
`,
    expected: { kind: "problem-environment", problem: "Inside." },
  },
  {
    name: "an empty problem environment is nothing to send",
    doc: tex`\begin{problem}
  |
\end{problem}`,
    expected: null,
  },
  {
    name: "an unclosed problem environment runs to the end of the document",
    doc: tex`\begin{problem}
Still typing| this problem`,
    expected: { kind: "problem-environment", problem: "Still typing this problem" },
  },
  {
    name: "an \\end that skips an open environment closes it too",
    doc: tex`\begin{problem}
Find $x$ if \begin{equation} x^2 = 4 |
\end{problem}`,
    expected: { kind: "problem-environment", problem: tex`Find $x$ if \begin{equation} x^2 = 4` },
  },
  {
    name: "a stray \\end{problem} is ignored",
    doc: tex`Just a paragraph| here.
\end{problem}`,
    expected: { kind: "paragraph", problem: "Just a paragraph here." },
  },
  {
    name: "\\newtheorem with a problem-like title declares a problem environment",
    doc: tex`\newtheorem{ex}{Exercise}[section]
\begin{ex}
Prove it|.
\end{ex}`,
    expected: { kind: "problem-environment", problem: "Prove it." },
  },
  {
    name: "an unknown environment is not a problem",
    doc: tex`\begin{center}
Centered| text.
\end{center}`,
    expected: { kind: "paragraph", problem: "Centered text.", span: "Centered text." },
  },
];

const cleaning: Case[] = [
  {
    name: "comments are stripped, whole comment lines disappear",
    doc: tex`\begin{problem}
% source: MATH test set
What is $2+2$? % easy
|\end{problem}`,
    expected: { kind: "problem-environment", problem: "What is $2+2$?" },
  },
  {
    name: "an escaped \\% is a percent sign, not a comment",
    doc: tex`\begin{problem}
He scored $90\%$ on average.| % hint: mean
\end{problem}`,
    expected: { kind: "problem-environment", problem: tex`He scored $90\%$ on average.` },
  },
  {
    name: "\\\\% is a line break followed by a comment",
    doc: tex`\begin{problem}
First line\\% comment
second| line.
\end{problem}`,
    expected: { kind: "problem-environment", problem: "First line\\\\\nsecond line." },
  },
  {
    name: "a commented-out \\begin{problem} is not an environment",
    doc: tex`% \begin{problem}
A plain| paragraph.
% \end{problem}`,
    expected: { kind: "paragraph", problem: "A plain paragraph." },
  },
  {
    name: "\\label is removed, the math stays",
    doc: tex`\begin{problem}\label{pr:1}
Solve $x^2 = 2$.|
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Solve $x^2 = 2$." },
  },
  {
    name: "runs of blank lines collapse to one",
    doc: tex`\begin{problem}
Part one.



Part| two.
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Part one.\n\nPart two." },
  },
  {
    name: "common indentation is removed",
    doc: tex`\begin{problem}
    Line one,
      indented more.|
\end{problem}`,
    expected: { kind: "problem-environment", problem: "Line one,\n  indented more." },
  },
  {
    name: "verbatim bodies are not TeX: % and \\begin inside them are text",
    doc: tex`\begin{verbatim}
50% \begin{problem}
\end{verbatim}
The real| paragraph.`,
    expected: { kind: "paragraph", problem: "The real paragraph." },
  },
  {
    name: "a CRLF document gives LF text and offsets in the original",
    doc: "\\begin{problem}\r\nLine one\r\nline| two\r\n\\end{problem}\r\n",
    expected: {
      kind: "problem-environment",
      problem: "Line one\nline two",
      span: "\\begin{problem}\r\nLine one\r\nline two\r\n\\end{problem}",
    },
  },
];

const items: Case[] = [
  {
    name: "cursor in an \\item sends that item",
    doc: tex`\begin{enumerate}
  \item First problem.
  \item Second| problem, with $x^2$.
  \item Third problem.
\end{enumerate}`,
    expected: {
      kind: "item",
      problem: "Second problem, with $x^2$.",
      span: tex`\item Second problem, with $x^2$.`,
    },
  },
  {
    name: "the last item ends at \\end{enumerate}",
    doc: tex`\begin{itemize}
\item One.
\item Two,
  continued|.
\end{itemize}
Afterwards.`,
    expected: { kind: "item", problem: "Two,\ncontinued.", span: "\\item Two,\n  continued." },
  },
  {
    name: "an \\item[label] loses its label",
    doc: tex`\begin{enumerate}
\item[(a)] Find $y$.|
\end{enumerate}`,
    expected: { kind: "item", problem: "Find $y$." },
  },
  {
    name: "an item may span paragraphs",
    doc: tex`\begin{enumerate}
\item Given $a = 2$.

Find| $a^2$.
\item Next.
\end{enumerate}`,
    expected: { kind: "item", problem: "Given $a = 2$.\n\nFind $a^2$." },
  },
  {
    name: "nested lists: the inner item",
    doc: tex`\begin{enumerate}
\item Outer.
  \begin{enumerate}
  \item Inner| one.
  \item Inner two.
  \end{enumerate}
\item Outer two.
\end{enumerate}`,
    expected: { kind: "item", problem: "Inner one." },
  },
  {
    name: "nested lists: an outer item after an inner list",
    doc: tex`\begin{enumerate}
\item Outer.
  \begin{itemize}
  \item Inner.
  \end{itemize}
\item Outer| two.
\end{enumerate}`,
    expected: { kind: "item", problem: "Outer two." },
  },
  {
    name: "an equation inside an item: the item wins",
    doc: tex`\begin{enumerate}
\item Solve
\[ x^2 |= 9. \]
\end{enumerate}`,
    expected: {
      kind: "item",
      problem: tex`Solve
\[ x^2 = 9. \]`,
    },
  },
  {
    name: "items inside a problem: the problem wins",
    doc: tex`\begin{problem}
Let $f(x) = x^2$.
\begin{enumerate}
\item Find $f(2)$.|
\end{enumerate}
\end{problem}`,
    expected: {
      kind: "problem-environment",
      problem: tex`Let $f(x) = x^2$.
\begin{enumerate}
\item Find $f(2)$.
\end{enumerate}`,
    },
  },
  {
    name: "\\itemsep is not an item",
    doc: tex`\begin{enumerate}\itemsep0pt
\item Only| item.
\end{enumerate}`,
    expected: { kind: "item", problem: "Only item." },
  },
];

const math: Case[] = [
  {
    name: "a standalone equation environment",
    doc: tex`Some text.

\begin{equation}\label{eq:main}
  x^2 - 5x| + 6 = 0
\end{equation}

More text.`,
    expected: {
      kind: "math-environment",
      problem: "x^2 - 5x + 6 = 0",
      span: tex`\begin{equation}\label{eq:main}
  x^2 - 5x + 6 = 0
\end{equation}`,
    },
  },
  {
    name: "a standalone \\[ … \\]",
    doc: tex`\[
  \int_0^1 x\,dx|
\]`,
    expected: { kind: "math-environment", problem: tex`\int_0^1 x\,dx` },
  },
  {
    name: "a standalone $$ … $$ on one line",
    doc: tex`Intro.

$$\frac{7+21}{14+42}|$$`,
    expected: {
      kind: "math-environment",
      problem: tex`\frac{7+21}{14+42}`,
      span: tex`$$\frac{7+21}{14+42}$$`,
    },
  },
  {
    name: "align* with line breaks and a trailing comment",
    doc: tex`\begin{align*}
  a &= 1 \\[2pt]
  b &= 2| % why
\end{align*}`,
    expected: { kind: "math-environment", problem: "a &= 1 \\\\[2pt]\nb &= 2" },
  },
  {
    name: "alignat's column count is not math",
    doc: tex`\begin{alignat}{2}
x &= 1|
\end{alignat}`,
    expected: { kind: "math-environment", problem: "x &= 1" },
  },
  {
    name: "a display inside a sentence sends the whole paragraph",
    doc: tex`Find the value of $x$ that satisfies
\[
  4x+5 = 6x|+7.
\]
Give an integer.`,
    expected: {
      kind: "paragraph",
      problem: tex`Find the value of $x$ that satisfies
\[
  4x+5 = 6x+7.
\]
Give an integer.`,
    },
  },
  {
    name: "aligned inside equation does not split the paragraph",
    doc: tex`\begin{equation}
\begin{aligned}
y &= 2|
\end{aligned}
\end{equation}`,
    expected: {
      kind: "math-environment",
      problem: tex`\begin{aligned}
y &= 2
\end{aligned}`,
    },
  },
  {
    name: "an empty display is nothing to send",
    doc: tex`$$ | $$`,
    expected: null,
  },
  {
    name: "an unclosed $$ is not math",
    doc: tex`Costs $$5 or| more.`,
    expected: { kind: "paragraph", problem: "Costs $$5 or more." },
  },
];

const paragraphs: Case[] = [
  {
    name: "a paragraph between blank lines",
    doc: tex`First.

What is $10.0000198\cdot 5.9999985401$
to the| nearest whole number?

Last.`,
    expected: {
      kind: "paragraph",
      problem: tex`What is $10.0000198\cdot 5.9999985401$
to the nearest whole number?`,
    },
  },
  {
    name: "a paragraph stops at \\section",
    doc: tex`\section{Warm-up}
Simplify $3t+4-6t+7t-4$.|
\subsection*{Next}`,
    expected: { kind: "paragraph", problem: "Simplify $3t+4-6t+7t-4$.", span: "Simplify $3t+4-6t+7t-4$." },
  },
  {
    name: "cursor on the blank line between two paragraphs: between them",
    doc: tex`The problem.
|
Another one.`,
    expected: { between: { before: "The problem.", after: "Another one." } },
  },
  {
    name: "cursor in blank lines at the top sends the first paragraph",
    doc: "\n|\n\nFirst paragraph.\n",
    expected: { kind: "paragraph", problem: "First paragraph." },
  },
  {
    name: "cursor at the end of the document",
    doc: "Only paragraph.\n\n|",
    expected: { kind: "paragraph", problem: "Only paragraph." },
  },
  {
    name: "a paragraph of comments only is nothing to send",
    doc: "% just a note|\n% another",
    expected: null,
  },
  { name: "an empty document", doc: "|", expected: null },
  { name: "a whitespace-only document", doc: "  \n\n |  \n", expected: null },
];

describe("extractProblem: LaTeX environments", () => runCases("latex", environments));
describe("extractProblem: LaTeX cleaning", () => runCases("latex", cleaning));
describe("extractProblem: LaTeX items", () => runCases("latex", items));
describe("extractProblem: LaTeX math", () => runCases("latex", math));
describe("extractProblem: LaTeX paragraphs", () => runCases("latex", paragraphs));
