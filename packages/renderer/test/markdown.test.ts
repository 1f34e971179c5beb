import { isFairtenderError } from "@fairtender/core";
import { buildTenderPack, type PartNode, type TenderPack, type TopicNode } from "@fairtender/renderer";
import { toHtml } from "@fairtender/renderer/html";
import { DEFAULT_PARTIALS, toMarkdown } from "@fairtender/renderer/markdown";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, guardBlockStart } from "../src/markdown/escape.js";
import { unSelection, usSelection } from "./fixtures/selections.js";
import { golden } from "./golden.js";
import { htmlTags, mdStructure, realUn, realUs } from "./helpers.js";

const parts = (p: TenderPack) => p.children.filter((c): c is PartNode => c.type === "part");
const topics = (p: TenderPack) => parts(p).flatMap((x) => x.children.filter((c): c is TopicNode => c.type === "topic"));
const tableCount = (p: TenderPack) =>
  JSON.stringify(p).match(/"type":"table"/g)!.length + 1; /* + the title block facts table */

describe("toMarkdown", () => {
  const pack = buildTenderPack(realUs(), { edition: "guidance" });
  const md = toMarkdown(pack);
  const s = mdStructure(md);

  it("reads back as the intended tree: h1 title, h2 parts, h3 topics, h4 clauses, GFM tables", () => {
    expect(s.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([pack.meta.title]);
    expect(s.headings.filter((h) => h.level === 2).length).toBe(parts(pack).length);
    expect(s.headings.filter((h) => h.level === 3).map((h) => h.text)).toEqual(
      topics(pack).map((t) => `${t.number} ${t.title}`),
    );
    expect(s.headings.filter((h) => h.level === 4).map((h) => h.text)).toEqual(
      topics(pack).flatMap((t) => t.children.map((c) => `${c.number} ${c.title}`)),
    );
    expect(s.tables).toBe(tableCount(pack));
    expect(s.htmlBlocks).toBe(0);
  });

  it("writes sub-clauses with their numbers and items as a list of (a), (b)", () => {
    const c = topics(pack)[0]!.children[0]!;
    const sub = c.children.find((x) => x.type === "subclause")!;
    expect(md).toContain(`**${sub.number}** `);
    if (sub.items.length > 0) expect(md).toContain(`- **(a)** `);
  });

  it("escapes Markdown-significant characters so values stay literal", () => {
    expect(escapeMarkdown("**Acme** | [x](y) <b> `c` _u_ #1 & ~s~")).toBe(
      "\\*\\*Acme\\*\\* \\| \\[x\\](y) \\<b\\> \\`c\\` \\_u\\_ \\#1 \\& \\~s\\~",
    );
    expect(escapeMarkdown("line one\nline two\r\nthree")).toBe("line one line two three");
    expect(guardBlockStart("1. not a list")).toBe("1\\. not a list");
    // no autolink: the scheme's colon, the `//`, the `@`, a domain's dots, `www.` and an IPv4's dots
    expect(escapeMarkdown("see https://x.example/a or www.b.org, c@d.co, 10.0.0.1 and //localhost")).toBe(
      "see https\\:/\\/x\\.example/a or www\\.b\\.org, c\\@d\\.co, 10\\.0\\.0\\.1 and /\\/localhost",
    );
    // what cannot make a link is left alone: sentences, clause numbers, "Note: x", decimals
    expect(escapeMarkdown("Note: clause 1.2.3 applies. Costs 2.5 per cent.")).toBe(
      "Note: clause 1.2.3 applies. Costs 2.5 per cent.",
    );
    expect(guardBlockStart("- not a list")).toBe("\\- not a list");
    expect(guardBlockStart("    not code")).toBe("not code");
    expect(guardBlockStart("> not a quote")).toBe("\\> not a quote");
  });

  it("lets users override a block's layout with their own partial", () => {
    const out = toMarkdown(pack, {
      partials: {
        clause: "#### Clause {{number}}: {{title}}\n\n{{body}}",
        obligationsTable: "### Obligations\n\n{{table}}",
        titleBlock: "# {{title}}\n\n{{facts}}",
      },
    });
    const c = topics(pack)[0]!.children[0]!;
    expect(out).toContain(`#### Clause ${c.number}: ${c.title}`);
    expect(out).toContain("### Obligations\n\n| No. |");
    expect(out).not.toContain(
      escapeMarkdown(pack.children[0]!.type === "titleBlock" ? pack.children[0]!.subtitle : ""),
    );
    // only the obligations table changed: other tables keep the default caption
    expect(out).toContain("**Requirements that apply**");
  });

  it("rejects partials that try logic, helpers, prototype access or unknown names", () => {
    const attempts: Record<string, string> = {
      clause: "{{#each body}}x{{/each}}",
      topic: "{{lookup this 'constructor'}}",
      part: "{{constructor.constructor}}",
      paragraph: "{{__proto__}}",
      item: "{{> clause}}",
      subclause: "{{text.length}}",
      list: "{{log items}}",
      table: "{{{{raw}}}}{{{{/raw}}}}",
      note: "{{@root.body}}",
    };
    for (const [name, source] of Object.entries(attempts)) {
      let error: unknown;
      try {
        toMarkdown(pack, { partials: { [name]: source } });
      } catch (e) {
        error = e;
      }
      expect(isFairtenderError(error), `${name}: ${source}`).toBe(true);
      expect((error as { code: string }).code).toBe("template-error");
    }
    expect(() => toMarkdown(pack, { partials: { clauze: "{{title}}" } })).toThrowError(/not a block name/);
    expect(() => toMarkdown(pack, { partials: { clauze: "{{title}}" } })).toThrow(
      expect.objectContaining({
        code: "invalid-options",
        issues: [expect.objectContaining({ code: "unknown-value", path: ["partials", "clauze"], received: "clauze" })],
      }),
    );
    // nothing leaked into the defaults
    expect(toMarkdown(pack)).toBe(md);
    expect(Object.keys(DEFAULT_PARTIALS)).toContain("clause");
  });

  it("is deterministic", () => {
    expect(toMarkdown(buildTenderPack(realUs(), { edition: "guidance" }))).toBe(md);
  });
});

describe("toHtml", () => {
  const pack = buildTenderPack(realUn(), { edition: "guidance" });
  const html = toHtml(pack, { lang: "en-GB" });

  it("is a self-contained, accessible document with no script", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    const tags = htmlTags(html);
    expect(tags.filter((t) => t === "<h1")).toHaveLength(1);
    expect(tags.filter((t) => t === "<h2").length).toBe(parts(pack).length + 1); /* + contents */
    expect(tags.filter((t) => t === "<h3").length).toBe(topics(pack).length);
    expect(tags.filter((t) => t === "<h4").length).toBe(topics(pack).flatMap((t) => t.children).length);
    expect(tags.filter((t) => t === "<table").length).toBe(tags.filter((t) => t === "<caption").length);
    expect(html).toContain('<th scope="col">No.</th>');
    expect(html).toContain('<th scope="row">Buyer</th>');
  });

  it("links cross-references to the clause and keeps numbers equal to the Markdown's", () => {
    const md = toMarkdown(pack);
    const mdNumbers = mdStructure(md)
      .headings.filter((h) => h.level >= 3)
      .map((h) => h.text.split(" ")[0]);
    const htmlNumbers = [...html.matchAll(/<h[34]><span class="num">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(htmlNumbers).toEqual(mdNumbers);
    expect(html).toMatch(/<a class="ref" href="#clause-[a-z0-9-]+">\d+\.\d+<\/a>/);
  });

  it("escapes & < > \" ' in values and can produce a fragment", () => {
    const sel = usSelection();
    sel.profile.buyer.name = `<img src=x onerror="alert('x')"> & Co`;
    const out = toHtml(buildTenderPack(sel), { standalone: false });
    expect(out.startsWith("<article")).toBe(true);
    expect(out).toContain("&#60;img src=x onerror=&#34;alert(&#39;x&#39;)&#34;&#62; &#38; Co");
    expect(out).not.toContain("<img");
  });
});

describe("golden files (UPDATE_GOLDEN=1 to rewrite)", () => {
  it("US services abroad, tender edition (fixture)", () => {
    golden("us-services-abroad.tender.md", toMarkdown(buildTenderPack(usSelection())));
  });
  it("UN/EU goods, guidance edition (fixture)", () => {
    golden("un-eu-goods.guidance.md", toMarkdown(buildTenderPack(unSelection(), { edition: "guidance" })));
  });
});
