/** A tiny element builder: text is always set as text, never parsed as HTML. */

type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | boolean | number | undefined>;

/** Creates `<tag>` with attributes (`false`/`undefined` skipped, `true` as an empty attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue;
    el.append(typeof child === "number" ? String(child) : child);
  }
  return el;
}

/** The element with this id, of the expected type; throws when the page is not the one we expect. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`The page has no #${id} ${type.name}`);
  return el;
}
