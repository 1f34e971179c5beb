/**
 * Validation of a profile with many unknown fields: `safeParseProfileText` (one index of the document,
 * duplicate keys found in the same pass) beside the way the CLI located problems before it (yaml's
 * `uniqueKeys` check, then `doc.getIn` per problem: both linear per key, quadratic in all).
 *
 *   cd packages/core && npx tsx --conditions=@fairtender/source bench/profile-text.ts [40000 100000]
 *
 * The old way is run only up to 40,000 keys unless `--old-all` is given (it takes minutes past that).
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import { builtinLibrary, safeParseProfile } from "../src/index.js";
import { safeParseProfileText } from "../src/text/index.js";

const HEAD = `buyer:
  name: Department of Example
  jurisdiction: US
procurement:
  title: Cleaning
  category: services
  value: { amount: 1000, currency: USD }
  startDate: 2026-09-01
`;

function text(n: number): string {
  let out = HEAD;
  for (let i = 0; i < n; i++) out += `unknownField${i}: ${i}\n`;
  return out;
}

/** The CLI's validation before @fairtender/core/text, as it was. */
function before(source: string): number {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const result = safeParseProfile(doc.toJS({ maxAliasCount: 100 }), { library: builtinLibrary() });
  if (result.success) return 0;
  let located = 0;
  for (const issue of result.error.issues) {
    for (let n = issue.path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(issue.path.slice(0, n), true);
      if (isNode(node) && node.range) {
        counter.linePos(node.range[0]);
        located++;
        break;
      }
    }
  }
  return located;
}

function after(source: string): number {
  const result = safeParseProfileText(source, { library: builtinLibrary() });
  return result.success ? 0 : result.error.issues.length;
}

const sizes = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const oldAll = process.argv.includes("--old-all");
builtinLibrary();
for (const n of sizes.length ? sizes : [10_000, 40_000, 100_000]) {
  const source = text(n);
  const kb = (Buffer.byteLength(source) / 1024).toFixed(0);
  let t = performance.now();
  const reported = after(source);
  const a = performance.now() - t;
  let line = `${n} unknown keys (${kb} kB): core/text ${(a / 1000).toFixed(2)} s (${reported} issues reported)`;
  if (n <= 40_000 || oldAll) {
    t = performance.now();
    const located = before(source);
    line += `; before ${((performance.now() - t) / 1000).toFixed(2)} s (${located} located)`;
  } else line += "; before: not run (--old-all)";
  console.log(line);
}
