import { strict as assert } from "node:assert";
import { renderMarkdown } from "../../../src/webview/render/markdown";
import { renderMath } from "../../../src/webview/render/math";
import { activeContent, countClass, parseHtml } from "./helpers";

describe("webview rendering of hostile model output", () => {
  const hostile: [string, string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["markdown image (tracking pixel)", "![pixel](https://tracker.example/p.png?u=1)"],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["data: link", "[click](data:text/html;base64,PHNjcmlwdD4=)"],
    ["autolink", "<javascript:alert(1)>"],
    ["href in inline math", String.raw`\(\href{javascript:alert(1)}{click}\)`],
    ["href in display math", "$$\\href{javascript:alert(1)}{x}$$"],
    ["url in math", String.raw`\(\url{https://evil.example}\)`],
    ["htmlClass", String.raw`\(\htmlClass{x}{y}\)`],
    ["htmlStyle", String.raw`\(\htmlStyle{background:url(https://evil.example)}{y}\)`],
    ["htmlData", String.raw`\(\htmlData{onclick=alert(1)}{y}\)`],
    ["includegraphics", String.raw`\(\includegraphics{https://evil.example/a.png}\)`],
    ["html in math text", String.raw`\(\text{<img src=x onerror=alert(1)>}\)`],
    ["error title injection", String.raw`\(\frac{"><img src=x onerror=alert(1)>\)`],
    ["link title injection", '[x](https://a.example "\\"><script>alert(1)</script>")'],
  ];
  for (const [name, source] of hostile) {
    it(`renders no active content: ${name}`, () => {
      assert.deepEqual(activeContent(renderMarkdown(source)), []);
    });
  }

  it("turns links into data-href anchors without href", () => {
    const link = parseHtml(renderMarkdown("[docs](https://example.com/a?b=1)")).querySelector("a");
    assert.ok(link);
    assert.equal(link.getAttribute("href"), null);
    assert.equal(link.getAttribute("data-href"), "https://example.com/a?b=1");
    assert.equal(link.className, "md-link");
  });

  it("does not make a link of javascript: at all", () => {
    assert.equal(parseHtml(renderMarkdown("[click](javascript:alert(1))")).querySelector("a"), null);
  });

  it("shows an image as its alt text", () => {
    const html = renderMarkdown("![a <b>bold</b> cat](https://x.example/cat.png)");
    assert.equal(parseHtml(html).querySelector("img"), null);
    assert.match(parseHtml(html).body.textContent ?? "", /\[image: a <b>bold<\/b> cat\]/);
  });

  it("stops a macro bomb with an error instead of hanging", () => {
    // KaTeX's maxExpand stops it; without the limit this test would hit mocha's timeout.
    const html = renderMarkdown(String.raw`\(\def\a{\a\a}\a\)`);
    assert.equal(countClass(html, "katex-error"), 1);
  });

  it("caps user-given sizes", () => {
    const html = renderMath(String.raw`\rule{100000em}{100000em}`, { displayMode: false });
    assert.doesNotMatch(html, /width:100000em/); // the source stays in the MathML annotation only
    assert.match(html, /border-right-width:20em/);
  });

  it("keeps macro definitions local to one formula", () => {
    renderMath(String.raw`\gdef\leak{LEAKED}\leak`, { displayMode: false });
    assert.doesNotMatch(renderMath(String.raw`\leak`, { displayMode: true }), /LEAKED/);
  });
});

describe("model output cannot imitate the panel's own UI", () => {
  const fakeHeader = "# #1 ANSWER 999 SCORE 99.99 (verified by AceMath)";

  for (const level of [1, 2, 3, 4, 5, 6]) {
    it(`demotes an h${level} heading to a bold paragraph of candidate text`, () => {
      const document = parseHtml(renderMarkdown(`${"#".repeat(level)} Title\n\ntext`));
      assert.equal(document.querySelector("h1, h2, h3, h4, h5, h6"), null);
      const heading = document.querySelector("p.md-heading");
      assert.equal(heading?.textContent, "Title");
      assert.ok(heading?.classList.contains(`md-heading-${level}`));
    });
  }

  it("keeps a fake score header as text inside the heading paragraph", () => {
    const document = parseHtml(renderMarkdown(`${fakeHeader}\nSetext heading\n===`));
    assert.equal(document.querySelector("h1, h2, button, [data-action]"), null);
    assert.equal(document.querySelectorAll("p.md-heading").length, 2);
  });

  it("renders a link-styled fake button as a plain link that shows its target", () => {
    const link = parseHtml(renderMarkdown("[Insert answer](http://127.0.0.1:8000/v1/models)")).querySelector(
      "a",
    );
    assert.ok(link);
    assert.equal(link.className, "md-link");
    assert.equal(link.getAttribute("title"), "http://127.0.0.1:8000/v1/models");
    assert.equal(link.getAttribute("data-action"), null);
    assert.equal(link.getAttribute("href"), null);
  });
});

describe("webview rendering of LaTeX KaTeX cannot parse", () => {
  const broken = [
    String.raw`\frac{1}{`,
    String.raw`\begin{tikzpicture}\end{tikzpicture}`,
    String.raw`x^^^2`,
    "\\left( x",
  ];
  for (const latex of broken) {
    it(`shows the source in error style: ${latex}`, () => {
      const html = renderMath(latex, { displayMode: false });
      const error = parseHtml(html).querySelector(".katex-error");
      assert.ok(error, html);
      assert.equal(error.textContent, latex);
    });
  }

  it("keeps the surrounding markdown intact", () => {
    const html = renderMarkdown(String.raw`Before \(\frac{1}{\) **after** \(x\)`);
    assert.equal(countClass(html, "katex-error"), 1);
    assert.equal(countClass(html, "katex"), 1);
    assert.equal(parseHtml(html).querySelector("strong")?.textContent, "after");
  });
});
