/**
 * Model output (untrusted Markdown with LaTeX) → HTML string. DOM-free, so it runs in Node tests.
 *
 * Safety: raw HTML is off (`<script>` stays text), images render as their alt text (a remote
 * image would be a tracking request), and links carry their target in `data-href` with no `href`,
 * so a click cannot navigate the webview: the page posts `openLink` and the extension decides.
 * markdown-it's own link validation already drops `javascript:`, `vbscript:`, `file:` and `data:`.
 *
 * Model text must not pass for the panel's own UI: headings are demoted to bold paragraphs of the
 * candidate's text (`p.md-heading`), so "# #1 ANSWER 999 SCORE 99.99" cannot look like a card header,
 * and links always look like links, with their full target in the tooltip.
 */
import MarkdownIt from "markdown-it";
import markdownItKatex from "@vscode/markdown-it-katex";
import { bracketMathPlugin } from "./bracketMath";
import { dollarCurrencyPlugin } from "./currency";
import { escapeHtml } from "../../core/util/safeHtml";
import { renderMath } from "./math";

type RenderRule = NonNullable<MarkdownIt["renderer"]["rules"]["text"]>;

function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // A reference definition (`[a]: url`) changes text blocks away from it, so a solution rendered
  // block by block (view/solutionView.ts) would differ from one rendered whole; models do not write them.
  md.disable("reference");
  md.use(markdownItKatex, { enableBareBlocks: true });
  md.use(bracketMathPlugin);
  md.use(dollarCurrencyPlugin);
  installMathRenderers(md);
  installLinkRenderers(md);
  installHeadingRenderers(md);
  return md;
}

/** One set of renderers for every delimiter, so all math shares the safe KaTeX options and cache. */
function installMathRenderers(md: MarkdownIt): void {
  const inline: RenderRule = (tokens, idx) => renderMath(tokens[idx]!.content, { displayMode: false });
  const displayInParagraph: RenderRule = (tokens, idx) =>
    renderMath(tokens[idx]!.content, { displayMode: true });
  // The math plugin also emits `math_block` for `$$…$$` inside a paragraph; only a token with a
  // source map is a real block, and only a real block may open a <div> (a <div> inside <p> breaks the tree).
  const displayBlock: RenderRule = (tokens, idx) => {
    const token = tokens[idx]!;
    const html = renderMath(token.content, { displayMode: true });
    return token.map ? `<div class="math-block">${html}</div>\n` : html;
  };
  const pending: RenderRule = (tokens, idx) =>
    `<span class="math-pending">${escapeHtml(tokens[idx]!.content)}</span>`;

  md.renderer.rules.math_inline = inline;
  md.renderer.rules.math_inline_block = displayInParagraph;
  md.renderer.rules.math_inline_bare_block = displayInParagraph;
  md.renderer.rules.math_block = displayBlock;
  md.renderer.rules.math_pending = pending;
}

function installLinkRenderers(md: MarkdownIt): void {
  md.renderer.rules.link_open = (tokens, idx) => {
    const href = tokens[idx]!.attrGet("href") ?? "";
    const target = escapeHtml(href);
    return `<a class="md-link" role="link" tabindex="0" data-href="${target}" title="${target}">`;
  };
  md.renderer.rules.image = (tokens, idx, options, env, renderer) => {
    const alt = renderer.renderInlineAsText(tokens[idx]!.children ?? [], options, env);
    return `<span class="md-image-alt" title="Image not loaded">[image${alt ? `: ${escapeHtml(alt)}` : ""}]</span>`;
  };
}

function installHeadingRenderers(md: MarkdownIt): void {
  md.renderer.rules.heading_open = (tokens, idx) => {
    const level = tokens[idx]!.tag.replace(/^h/, "");
    return `<p class="md-heading md-heading-${escapeHtml(level)}">`;
  };
  md.renderer.rules.heading_close = () => "</p>\n";
}

let shared: MarkdownIt | undefined;

export function renderMarkdown(text: string): string {
  shared ??= createMarkdownIt();
  return shared.render(text);
}
