/**
 * Rendered HTML of solution chunks, memoised: a chunk that scrolls out of view is dropped from the
 * page (to bound the panel's memory) and comes back from here without running markdown-it and
 * KaTeX again. Bounded by the total length of the cached HTML, oldest first out.
 */
import { renderMarkdown } from "./markdown";

const CACHE_LIMIT_CHARS = 8_000_000;
const cache = new Map<string, string>();
let cachedChars = 0;

export function renderChunk(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) {
    cache.delete(source); // re-insert: most recently used last
    cache.set(source, hit);
    return hit;
  }
  const html = renderMarkdown(source);
  cache.set(source, html);
  cachedChars += html.length + source.length;
  for (const [key, value] of cache) {
    if (cachedChars <= CACHE_LIMIT_CHARS) break;
    cache.delete(key);
    cachedChars -= value.length + key.length;
  }
  return html;
}
