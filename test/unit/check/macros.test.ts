import assert from "node:assert/strict";
import { collectMacros, expandMacros, findCheckTargets, localDependencies } from "../../../src/core/check";
import { readDocument } from "./documents";

const expand = (definitions: string, text: string) => expandMacros(text, collectMacros(definitions));

describe("check: document macros", () => {
  it("\\newcommand with arguments and an optional default, \\renewcommand, \\def, \\DeclareMathOperator", () => {
    const defs = [
      "\\newcommand{\\R}{\\mathbb{R}}",
      "\\newcommand{\\pair}[2]{(#1, #2)}",
      "\\newcommand{\\dd}[1][x]{\\,d#1}",
      "\\newcommand{\\twice}{1}\\renewcommand{\\twice}[1]{#1#1}",
      "\\def\\half#1{\\frac{#1}{2}}",
      "\\DeclareMathOperator{\\sgn}{sgn}",
    ].join("\n");
    assert.equal(expand(defs, "\\pair{a}{\\R}").text, "(a, \\mathbb{R})");
    assert.equal(expand(defs, "\\int f\\dd").text, "\\int f\\,dx");
    assert.equal(expand(defs, "\\int f\\dd[t]").text, "\\int f\\,dt");
    assert.equal(expand(defs, "\\twice{ab}").text, "abab");
    assert.equal(expand(defs, "\\half{3}").text, "\\frac{3}{2}");
    assert.equal(expand(defs, "\\sgn x").text, "\\operatorname{sgn} x");
  });

  it("a macro name is read whole: \\R does not fire inside \\Rightarrow; \\providecommand never overrides", () => {
    assert.equal(expand("\\newcommand{\\R}{X}", "\\Rightarrow \\R").text, "\\Rightarrow X");
    assert.equal(expand("\\newcommand{\\R}{X}\\providecommand{\\R}{Y}", "\\R").text, "X");
  });

  it("the real preamble of example_pset.tex: \\renewcommand{\\sl}[1][]{\\sqrt{\\lambda#1}}", () => {
    const table = collectMacros(readDocument("romer-problemset/example_pset.tex"));
    assert.equal(
      expandMacros("\\sl, \\sl[_n], \\sln", table).text,
      "\\sqrt{\\lambda}, \\sqrt{\\lambda_n}, \\sqrt{\\lambda_n}",
    );
  });

  it("a recursive definition stops with a note instead of hanging", () => {
    const result = expand("\\newcommand{\\loop}{a\\loop}", "x = \\loop");
    assert.match(result.notes.join(" "), /macro expansion stopped.*\\loop/);
    assert.ok(result.text.length < 10_000);
  });

  it("an exploding definition (each level doubles) stops at the step limit", () => {
    const defs = Array.from(
      { length: 30 },
      (_, k) =>
        `\\def\\m${String.fromCharCode(97 + k)}{\\m${String.fromCharCode(98 + k)}\\m${String.fromCharCode(98 + k)}}`,
    ).join("\n");
    const result = expand(defs, "\\ma");
    assert.equal(result.notes.length > 0, true);
    assert.match(result.notes[0] ?? "", /stopped/);
  });

  it("definitions from a local class file: the problem text of a checked answer is expanded", () => {
    const cls = "\\newcommand{\\abs}[1]{\\left|#1\\right|}";
    const text =
      "\\begin{problem}Simplify $\\abs{-3}$.\\end{problem}\n\\begin{solution}$\\boxed{3}$\\end{solution}";
    const [target] = findCheckTargets({ text, dialect: "latex", macroSources: [cls] });
    assert.equal(target?.problemText, "Simplify $\\left|-3\\right|$.");
  });

  it("the local files a document loads", () => {
    const text =
      "\\documentclass[final]{problemset}\n\\usepackage{amsmath,mystyle}\n\\input{example_pset_problems/5}\n\\input{../secret}";
    assert.deepEqual(localDependencies(text), [
      "problemset.cls",
      "amsmath.sty",
      "mystyle.sty",
      "example_pset_problems/5.tex",
    ]);
  });
});
