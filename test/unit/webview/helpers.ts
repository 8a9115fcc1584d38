/** Shared helpers for the webview tests: an HTML inspector built on jsdom. */
import { JSDOM } from "jsdom";

// One window for all parsing: creating a JSDOM per call is what makes DOM tests slow.
const parser = new new JSDOM("").window.DOMParser();

export function parseHtml(html: string): Document {
  return parser.parseFromString(`<!doctype html><body>${html}</body>`, "text/html");
}

const ACTIVE_ELEMENTS =
  "script, iframe, object, embed, img, video, audio, source, link, style, form, input, base, meta";
const URL_ATTRIBUTES = [
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "background",
];

/**
 * Everything in `html` that could run code, load a resource or navigate: the list is empty for
 * safe output. Style attributes are allowed (KaTeX needs them; see src/extension/csp.ts).
 */
export function activeContent(html: string): string[] {
  const document = parseHtml(html);
  const found: string[] = [];
  for (const element of document.body.querySelectorAll(ACTIVE_ELEMENTS)) found.push(`<${element.localName}>`);
  for (const element of document.body.querySelectorAll("*")) {
    for (const attr of Array.from(element.attributes)) {
      if (attr.name.startsWith("on")) found.push(`${element.localName}[${attr.name}]`);
      if (URL_ATTRIBUTES.includes(attr.name)) found.push(`${element.localName}[${attr.name}=${attr.value}]`);
      if (/javascript:/i.test(attr.value) && attr.name !== "title" && attr.name !== "data-href") {
        found.push(`${element.localName}[${attr.name}] has javascript:`);
      }
    }
  }
  return found;
}

export function countClass(html: string, className: string): number {
  return parseHtml(html).getElementsByClassName(className).length;
}
