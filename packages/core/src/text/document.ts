import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { IssuePath } from "../errors.js";

/** A problem found while reading a document's syntax tree, at a character offset. */
export interface TreeProblem {
  code: "invalid-key" | "duplicate-key" | "unknown-tag" | "nested-too-deeply";
  offset: number;
  text: string;
}

/** Where a value is written: a character offset into the text. */
export type Offset = number;

/** The tags a profile may carry: YAML 1.2's core schema (written or implied); any other is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/** `!!js/function` for `tag:yaml.org,2002:js/function`; other tags as they are. */
function shownTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/**
 * Work counters of every {@link DocumentIndex} made (internal; not exported by the entry): tests read
 * them to prove that locating is linear (one index per text, one lookup per key of a located path).
 */
export const indexWork = { indexes: 0, visited: 0, lookups: 0 };

/** One value of the tree: where it is written and, for a mapping or a list, its children by key. */
interface Entry {
  offset: Offset;
  children?: Map<string | number, Entry>;
}

/**
 * A document's syntax tree read once, without recursion (so that no depth of nesting overflows the
 * stack): every value's position indexed by its key or index, keys checked to be plain and unique
 * (as the JavaScript value sees them: `1` and `"1"` are the same key), tags checked to be YAML's
 * core ones, and nesting bounded. Locating a path then costs one hash lookup per key, so locating
 * every problem of a document is linear in the document and the problems, never their product.
 */
export class DocumentIndex {
  /** Values visited while indexing: the whole work of locating, for tests of its bound. */
  readonly visited: number;
  /** Lookups made by {@link locate}: one per key of each path located. */
  lookups = 0;
  /** Keys that are not plain, duplicate keys, unknown tags and too deep nesting, in document order. */
  readonly problems: readonly TreeProblem[];
  /** Where the first alias (`*name`) is written, if any. */
  readonly firstAlias: Offset | undefined;
  private readonly root: Entry | undefined;

  constructor(doc: Document, maxDepth: number) {
    const problems: TreeProblem[] = [];
    let visited = 0;
    const contents = doc.contents as Node | null;
    const root: Entry | undefined = contents?.range ? { offset: contents.range[0] } : undefined;
    const stack: { node: Node; entry: Entry; depth: number }[] = [];
    if (contents && root) stack.push({ node: contents, entry: root, depth: 0 });
    let tooDeep = false;
    let firstAlias: Offset | undefined;
    while (stack.length > 0) {
      const { node, entry, depth } = stack.pop()!;
      visited++;
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !CORE_TAGS.has(tag)) {
        problems.push({
          code: "unknown-tag",
          offset: node.range?.[0] ?? entry.offset,
          text: `the tag ${shownTag(tag)} is not allowed: a tender profile holds only text, numbers, true/false, null, lists and mappings`,
        });
      }
      if (isAlias(node)) {
        const offset = node.range?.[0] ?? entry.offset;
        if (firstAlias === undefined || offset < firstAlias) firstAlias = offset;
        continue;
      }
      if (isScalar(node)) continue;
      if (!isMap(node) && !isSeq(node)) continue;
      if (depth >= maxDepth) {
        if (!tooDeep) {
          problems.push({
            code: "nested-too-deeply",
            offset: entry.offset,
            text: `the values are nested more than ${maxDepth} levels deep`,
          });
        }
        tooDeep = true;
        continue;
      }
      const children = new Map<string | number, Entry>();
      entry.children = children;
      const push = (child: unknown, key: string | number, fallback: Offset) => {
        const n = child as Node | null;
        const childEntry: Entry = { offset: n?.range?.[0] ?? fallback };
        children.set(key, childEntry);
        if (n && typeof n === "object" && "range" in n) stack.push({ node: n, entry: childEntry, depth: depth + 1 });
      };
      if (isSeq(node)) {
        for (const [i, item] of node.items.entries()) push(item, i, entry.offset);
        continue;
      }
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const keyNode = pair.key as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? entry.offset;
        if (keyNode && !isScalar(keyNode)) {
          problems.push({
            code: "invalid-key",
            offset: keyOffset,
            text: "a key must be plain text, not a list, a mapping or an alias",
          });
          continue;
        }
        const raw = keyNode ? keyNode.value : null;
        if (raw !== null && typeof raw === "object") {
          problems.push({ code: "invalid-key", offset: keyOffset, text: "a key must be plain text" });
          continue;
        }
        const key = String(raw ?? "");
        if (children.has(key)) {
          problems.push({ code: "duplicate-key", offset: keyOffset, text: "Map keys must be unique" });
          continue;
        }
        const value = pair.value as Node | null;
        // A key with no value (`foo:`) is located at its key.
        const empty = !value?.range || (isScalar(value) && value.range[0] === value.range[1]);
        if (empty) children.set(key, { offset: keyOffset });
        else push(value, key, keyOffset);
        if (keyNode) {
          const keyTag = (keyNode as { tag?: string }).tag;
          if (keyTag !== undefined && !CORE_TAGS.has(keyTag)) {
            problems.push({
              code: "unknown-tag",
              offset: keyOffset,
              text: `the tag ${shownTag(keyTag)} is not allowed: a tender profile holds only text, numbers, true/false, null, lists and mappings`,
            });
          }
        }
      }
    }
    this.visited = visited;
    this.firstAlias = firstAlias;
    indexWork.indexes++;
    indexWork.visited += visited;
    this.root = root;
    problems.sort((a, b) => a.offset - b.offset);
    this.problems = problems;
  }

  /**
   * The offset of the value at `path`, or of the nearest enclosing value that is written (an absent
   * field is located at the object that lacks it); `undefined` for an empty document.
   */
  locate(path: IssuePath): Offset | undefined {
    if (!this.root) return undefined;
    let entry: Entry = this.root;
    for (const key of path) {
      this.lookups++;
      indexWork.lookups++;
      const next: Entry | undefined = entry.children?.get(key);
      if (!next) break;
      entry = next;
    }
    return entry.offset;
  }
}
