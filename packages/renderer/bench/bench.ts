/**
 * Renderer benchmark, reported as ratios (not a timed test). Run:
 *   npm run bench -w @fairtender/renderer
 *
 * Side by side in one process, on a 40-clause pack and a 400-clause stress pack:
 * - our .docx (`buildTenderPack` + `toDocx`) vs the same document built directly with the `docx`
 *   library and packed by docx's own `Packer` (the target: within 1.2x). The docx calls are those of
 *   our `buildDocument`, which is plain docx code over the pack; what the ratio measures is what
 *   Fairtender adds: the document model, determinism and post-processing;
 * - for context, vs a plainer document hand-written with docx (`handDocx`: the same content, but
 *   docx's default styles and none of the formatting legal teams asked for), which shows what that
 *   formatting costs in docx;
 * - our Markdown (`toMarkdown`) vs one raw Handlebars template over the same data;
 * - scaling: 400-clause time / 40-clause time (linear is ~10).
 * Also writes `bench/fixtures/tender-pack-{40,400}.md` for the CLI's pandoc comparison.
 */
import { writeFileSync } from "node:fs";
import {
  buildTenderPack,
  type Inline,
  type PartNode,
  type TableNode,
  type TenderPack,
  type TopicNode,
} from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toMarkdown } from "@fairtender/renderer/markdown";
import {
  Bookmark,
  Document,
  Footer,
  Header,
  LevelFormat,
  NumberedItemReference,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import Handlebars from "handlebars";
import { buildDocument } from "../src/docx/render.js";
import { plainText } from "../src/pack/labels.js";
import { stressSelection } from "./stress.js";

// --- the hand-written baselines --------------------------------------------------------------

const topicsOf = (part: PartNode) => part.children.filter((c): c is TopicNode => c.type === "topic");
const tablesOf = (part: PartNode) => part.children.filter((c): c is TableNode => c.type === "table");
const parts = (pack: TenderPack) => pack.children.filter((c): c is PartNode => c.type === "part");

/**
 * The same document, written directly against the docx API the way a developer would by hand: the
 * same parts, contents entries, headings with legal numbering, bookmarks and REF fields, paragraphs
 * and tables, header and footer; but docx's default styles, and no table widths, shading, caption
 * fields, deterministic ids or zip.
 */
async function handDocx(pack: TenderPack): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ style: "Title", children: [new TextRun(pack.meta.title)] }),
  ];
  // contents: the same entries, as plain paragraphs
  children.push(new Paragraph({ style: "TOCHeading", children: [new TextRun("Contents")] }));
  for (const part of parts(pack)) {
    children.push(new Paragraph({ style: "TOC1", children: [new TextRun(`${part.label ?? ""} — ${part.title}`)] }));
    for (const t of topicsOf(part)) {
      children.push(new Paragraph({ style: "TOC2", children: [new TextRun(`${t.number}\t${t.title}`)] }));
      for (const c of t.children)
        children.push(new Paragraph({ style: "TOC3", children: [new TextRun(`${c.number}\t${c.title}`)] }));
    }
  }
  for (const part of parts(pack)) {
    children.push(
      new Paragraph({
        style: "Heading1",
        pageBreakBefore: true,
        children: [new TextRun(`${part.label ?? ""} ${part.title}`)],
      }),
    );
    for (const block of part.children) {
      if (block.type === "paragraph")
        children.push(new Paragraph({ children: [new TextRun(plainText(block.children))] }));
      if (block.type === "table") {
        children.push(new Paragraph({ style: "Caption", children: [new TextRun(block.caption)] }));
        children.push(
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: block.header.map((h) => new TableCell({ children: [new Paragraph(h)] })),
              }),
              ...block.children.map(
                (r) =>
                  new TableRow({
                    children: r.children.map(
                      (c) => new TableCell({ children: [new Paragraph(plainText(c.children))] }),
                    ),
                  }),
              ),
            ],
          }),
        );
      }
    }
    for (const topic of topicsOf(part)) {
      children.push(
        new Paragraph({
          style: "Heading2",
          numbering: { reference: "legal", level: 0 },
          children: [new TextRun(topic.title)],
        }),
      );
      for (const clause of topic.children) {
        children.push(
          new Paragraph({
            style: "Heading3",
            numbering: { reference: "legal", level: 1 },
            children: [
              new Bookmark({ id: `_Ref_${clause.id.replace(/-/g, "_")}`, children: [new TextRun(clause.title)] }),
            ],
          }),
        );
        for (const c of clause.children) {
          const runs = (inl: Inline[]) =>
            inl.map(
              (r): ParagraphChild =>
                r.type === "ref" && r.number
                  ? new NumberedItemReference(`_Ref_${r.target.replace(/-/g, "_")}`, r.number)
                  : new TextRun(plainText([r])),
            );
          if (c.type === "paragraph") children.push(new Paragraph({ children: runs(c.children) }));
          if (c.type === "subclause") {
            children.push(new Paragraph({ numbering: { reference: "legal", level: 2 }, children: runs(c.children) }));
            for (const item of c.items) {
              children.push(
                new Paragraph({ numbering: { reference: "legal", level: 3 }, children: runs(item.children) }),
              );
            }
          }
        }
      }
    }
  }
  const doc = new Document({
    title: pack.meta.title,
    numbering: {
      config: [
        {
          reference: "legal",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1" },
            { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2" },
            { level: 2, format: LevelFormat.DECIMAL, text: "%1.%2.%3" },
            { level: 3, format: LevelFormat.LOWER_LETTER, text: "(%4)" },
          ],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(pack.meta.header)] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

const RAW = Handlebars.create().compile(
  `# {{title}}

{{#each parts}}
## {{heading}}

{{#each paragraphs}}
{{this}}

{{/each}}
{{#each tables}}
**{{caption}}**

| {{#each header}}{{this}} | {{/each}}
| {{#each header}}--- | {{/each}}
{{#each rows}}
| {{#each this}}{{this}} | {{/each}}
{{/each}}

{{/each}}
{{#each topics}}
### {{number}} {{title}}

{{#each clauses}}
#### {{number}} {{title}}

{{#each subs}}
**{{number}}** {{text}}
{{#each items}}
- **{{number}}** {{text}}
{{/each}}

{{/each}}
{{/each}}
{{/each}}
{{/each}}`,
  { noEscape: true },
);

/** The same Markdown from one raw Handlebars template (no escaping, no partial checks). */
function rawMarkdown(pack: TenderPack, data = rawData(pack)): string {
  return RAW(data);
}

function rawData(pack: TenderPack) {
  return {
    title: pack.meta.title,
    parts: parts(pack).map((p) => ({
      heading: `${p.label ?? ""} — ${p.title}`,
      paragraphs: p.children.filter((c) => c.type === "paragraph").map((c) => plainText(c.children)),
      tables: tablesOf(p).map((t) => ({
        caption: t.caption,
        header: t.header,
        rows: t.children.map((r) => r.children.map((c) => plainText(c.children))),
      })),
      topics: topicsOf(p).map((t) => ({
        number: t.number,
        title: t.title,
        clauses: t.children.map((c) => ({
          number: c.number,
          title: c.title,
          subs: c.children.flatMap((s) =>
            s.type === "subclause"
              ? [
                  {
                    number: s.number,
                    text: plainText(s.children),
                    items: s.items.map((i) => ({ number: i.number, text: plainText(i.children) })),
                  },
                ]
              : [],
          ),
        })),
      })),
    })),
  };
}

// --- timing ------------------------------------------------------------------------------------

async function median(fn: () => unknown | Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs A and B alternately (after a warm-up) and returns the median time of each, in ms. */
async function sideBySide(a: () => unknown, b: () => unknown, rounds: number) {
  for (let i = 0; i < 3; i++) {
    await a();
    await b();
  }
  let ta: number[] = [];
  let tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ta.push(await median(a, 1));
    tb.push(await median(b, 1));
  }
  ta = ta.sort((x, y) => x - y);
  tb = tb.sort((x, y) => x - y);
  return { a: ta[Math.floor(rounds / 2)]!, b: tb[Math.floor(rounds / 2)]! };
}

const fmt = (n: number) => n.toFixed(2);
const results: Record<number, { docx: number; hand: number; same: number; md: number; raw: number; build: number }> =
  {};

for (const n of [40, 400]) {
  const sel = stressSelection(n);
  const pack = buildTenderPack(sel);
  writeFileSync(new URL(`./fixtures/tender-pack-${n}.md`, import.meta.url), toMarkdown(pack));
  const rounds = n === 40 ? 21 : 7;
  for (let i = 0; i < 5; i++) buildTenderPack(sel); // warm-up
  const build = await median(() => buildTenderPack(sel), rounds * 3);
  const d = await sideBySide(
    () => toDocx(pack),
    () => handDocx(pack),
    rounds,
  );
  // The same document built directly with docx and packed by docx's own Packer (no determinism, no
  // post-processing); our side also builds the document model from the selection.
  const same = await sideBySide(
    () => toDocx(buildTenderPack(sel)),
    async () => new Uint8Array(await Packer.toArrayBuffer(buildDocument(pack))),
    rounds,
  );
  const data = rawData(pack);
  const m = await sideBySide(
    () => toMarkdown(pack),
    () => rawMarkdown(pack, data),
    rounds * 3,
  );
  results[n] = { docx: d.a, hand: d.b, same: same.a / same.b, md: m.a, raw: m.b, build };
  console.log(
    `${n} clauses: buildTenderPack ${fmt(build)} ms | buildTenderPack + toDocx vs the same document built with docx and its Packer → ${fmt(same.a / same.b)}x | toDocx ${fmt(d.a)} ms vs a plainer hand-written docx document ${fmt(d.b)} ms → ${fmt(d.a / d.b)}x | toMarkdown ${fmt(m.a)} ms vs raw Handlebars ${fmt(m.b)} ms → ${fmt(m.a / m.b)}x`,
  );
}
const r40 = results[40]!;
const r400 = results[400]!;
console.log(
  `scaling 400/40: toDocx ${fmt(r400.docx / r40.docx)}x, toMarkdown ${fmt(r400.md / r40.md)}x, buildTenderPack ${fmt(r400.build / r40.build)}x (linear ≈ 10x)`,
);
console.log(
  `targets: docx ≤ 1.2x of the same document built with docx → ${fmt(r40.same)}x (40), ${fmt(r400.same)}x (400); markdown ≤ 3x raw Handlebars → ${fmt(r40.md / r40.raw)}x (40), ${fmt(r400.md / r400.raw)}x (400). Context: vs a plainer hand-written docx document ${fmt(r40.docx / r40.hand)}x (40), ${fmt(r400.docx / r400.hand)}x (400)`,
);
