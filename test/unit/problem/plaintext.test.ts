import { runCases, type Case } from "./check";

const cases: Case[] = [
  {
    name: "the paragraph around the cursor",
    doc: `First.

Two fair 6-sided dice are rolled.  What is
the probability| the sum rolled is 9?

Last.`,
    expected: {
      kind: "paragraph",
      problem: "Two fair 6-sided dice are rolled.  What is\nthe probability the sum rolled is 9?",
    },
  },
  {
    name: "markup means nothing in plain text",
    doc: `- 50% of $x$ # is| 3`,
    expected: { kind: "paragraph", problem: "- 50% of $x$ # is 3" },
  },
  {
    name: "from a blank line between two paragraphs: between them",
    doc: `Above.

|

Below.`,
    expected: { between: { before: "Above.", after: "Below." } },
  },
  {
    name: "from the top, the first paragraph",
    doc: `|

Below.`,
    expected: { kind: "paragraph", problem: "Below." },
  },
  {
    name: "trailing spaces and indentation are tidied, the span is exact",
    doc: `   indented   
   line| two   `,
    expected: { kind: "paragraph", problem: "indented\nline two", span: "indented   \n   line two" },
  },
  { name: "an empty document", doc: "|", expected: null },
  { name: "a whitespace-only document", doc: " \t\n|\n ", expected: null },
];

describe("extractProblem: plain text", () => runCases("plaintext", cases));
describe("extractProblem: unknown language ids are plain text", () =>
  runCases("python", [
    { name: "a python file", doc: "x = 1|", expected: { kind: "paragraph", problem: "x = 1" } },
  ]));
