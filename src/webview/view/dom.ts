/**
 * A small element builder. Text always goes through `textContent`; the only HTML the view assigns
 * is the output of the markdown and KaTeX renderers (see `setRenderedHtml`).
 */
export interface ElementSpec {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  spec: ElementSpec = {},
  children: (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (spec.className) element.className = spec.className;
  if (spec.text !== undefined) element.textContent = spec.text;
  for (const [name, value] of Object.entries(spec.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Assigns HTML produced by `renderMarkdown`/`renderMath` (html off, KaTeX trust off) — nothing else. */
export function setRenderedHtml(element: Element, trustedRendererOutput: string): void {
  element.innerHTML = trustedRendererOutput;
}

/** Appends HTML produced by `renderMarkdown` after the element's children — nothing else. */
export function appendRenderedHtml(element: Element, trustedRendererOutput: string): void {
  element.insertAdjacentHTML("beforeend", trustedRendererOutput);
}

/** Sets an attribute only when it changes, so attribute observers (and tests) see real changes only. */
export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Boolean properties, set only when they change: assigning one writes its attribute again even when
 * equal, a mutation the browser processes, and these run for every streamed delta of a card.
 */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

export function setDisabled(button: HTMLButtonElement, disabled: boolean): void {
  if (button.disabled !== disabled) button.disabled = disabled;
}
