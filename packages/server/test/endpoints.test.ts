/**
 * Every endpoint over a real socket: what it answers matches what the libraries give for the same
 * input, byte for byte where the output is deterministic.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSoffice } from "../src/index.js";
import { findNotices, post, profile, type Started, start } from "./helpers.js";

let s: Started;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await s.close();
});

const soffice = findSoffice();
if (!soffice && process.env.CI) throw new Error("CI: LibreOffice (soffice) is missing; the PDF test must run in CI");
const notices = findNotices();

describe("POST /select", () => {
  it("answers the selection core's select() gives", async () => {
    const p = profile();
    const res = await post(s.url, "/select", { profile: p });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(select(p))));
  });
});

describe("POST /pack", () => {
  const p = profile("uk-high-risk-goods");
  it("writes the .docx toDocx writes, byte for byte, with a file name", async () => {
    const res = await post(s.url, "/pack", { profile: p, edition: "guidance" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.docx"$/);
    const expected = await toDocx(buildTenderPack(select(p), { edition: "guidance" }));
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(expected))).toBe(true);
  });
  it("writes Markdown and HTML, the same as the renderer", async () => {
    const pack = buildTenderPack(select(p), { issueDate: "2026-05-01", documentVersion: "2.1" });
    const md = await post(s.url, "/pack", {
      profile: p,
      format: "md",
      issueDate: "2026-05-01",
      documentVersion: "2.1",
    });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await md.text()).toBe(toMarkdown(pack));
    const html = await post(s.url, "/pack", {
      profile: p,
      format: "html",
      issueDate: "2026-05-01",
      documentVersion: "2.1",
    });
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toBe(toHtml(pack));
  });
  it("answers 501 pdf-unavailable for PDF on a service without LibreOffice", async () => {
    const bare = await start({ soffice: false });
    try {
      const res = await post(bare.url, "/pack", { profile: p, format: "pdf" });
      expect(res.status).toBe(501);
      expect((await res.json()).error.code).toBe("pdf-unavailable");
    } finally {
      await bare.close();
    }
  });
  it.skipIf(!soffice)(
    `writes a PDF through LibreOffice${soffice ? "" : " [skipped: soffice not installed]"}`,
    async () => {
      const res = await post(s.url, "/pack", { profile: p, format: "pdf" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.length).toBeGreaterThan(10_000);
    },
    120_000,
  );
});

describe("POST /export and POST /import", () => {
  const p = profile();
  it("exports OCDS that /import reads back to the same profile facts", async () => {
    const out = await post(s.url, "/export", {
      profile: p,
      format: "ocds",
      ocid: "ocds-abc123-0001",
      document: { format: "docx", url: "https://example.org/pack.docx" },
    });
    expect(out.status).toBe(200);
    const ocds = await out.json();
    expect(ocds.release.ocid).toBe("ocds-abc123-0001");
    expect(ocds.release.tender.documents[0].url).toBe("https://example.org/pack.docx");
    expect(ocds.package.releases).toHaveLength(1);
    const back = await post(s.url, "/import", { document: ocds.package });
    expect(back.status).toBe(200);
    const result = await back.json();
    expect(result.report.source).toBe("ocds");
    const original = select(p).profile;
    expect(result.profile.buyer.name).toBe(original.buyer.name);
    expect(result.profile.procurement.title).toBe(original.procurement.title);
    expect(result.profile.procurement.value).toEqual(original.procurement.value);
  });
  it("exports eForms terms from a selection returned by /select", async () => {
    const selection = await (await post(s.url, "/select", { profile: p })).json();
    const res = await post(s.url, "/export", { selection, format: "eforms", lot: "LOT-0002" });
    expect(res.status).toBe(200);
    const terms = await res.json();
    expect(terms.strategicProcurement).toBe("soc-obj");
    expect(terms.lot).toBe("LOT-0002");
    expect(terms.xml).toContain("LOT-0002");
    expect(terms.fields.every((f: { xpath: string }) => f.xpath.startsWith("/"))).toBe(true);
  });
  it("refuses an export with both or neither of profile and selection", async () => {
    const neither = await post(s.url, "/export", { format: "ocds" });
    expect(neither.status).toBe(400);
    expect((await neither.json()).error.code).toBe("invalid-request");
    const selection = await (await post(s.url, "/select", { profile: p })).json();
    const both = await post(s.url, "/export", { format: "ocds", profile: p, selection });
    expect(both.status).toBe(400);
  });
  it("refuses an edited selection with the path of the bad field", async () => {
    const selection = await (await post(s.url, "/select", { profile: p })).json();
    selection.clauses[0].strength = "compulsory";
    const res = await post(s.url, "/export", { selection, format: "ocds" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid-selection");
    expect(body.error.problems[0].path.slice(0, 4)).toEqual(["selection", "clauses", 0, "strength"]);
  });
  it.skipIf(!notices)(
    `imports an eForms notice of the SDK${notices ? "" : " [skipped: shared/standards not found]"}`,
    async () => {
      const xml = readFileSync(join(notices as string, "cn-social_24.xml"), "utf8");
      const res = await post(s.url, "/import", { document: xml });
      expect(res.status).toBe(200);
      const result = await res.json();
      expect(result.report.source).toBe("eforms");
      expect(result.report.fields.length).toBeGreaterThan(10);
      expect(typeof result.profile.buyer.name).toBe("string");
    },
  );
  it("refuses what is not a notice with invalid-source, at /document", async () => {
    const res = await post(s.url, "/import", { document: "<html><body>not a notice</body></html>" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid-source");
    for (const p of body.error.problems) expect(p.path[0]).toBe("document");
    const ocds = await post(s.url, "/import", { document: "x", source: "ocds" });
    expect(ocds.status).toBe(400);
    const eforms = await post(s.url, "/import", { document: { a: 1 }, source: "eforms" });
    expect(eforms.status).toBe(400);
    expect((await eforms.json()).error.problems[0].pointer).toBe("/document");
  });
});

describe("health and readiness", () => {
  it("answers /healthz and /readyz, and HEAD on them", async () => {
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${s.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready" });
    const head = await fetch(`${s.url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
  it("turns /readyz to 503 and refuses work once draining", async () => {
    const d = await start();
    d.app.drain();
    const ready = await fetch(`${d.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).error.code).toBe("shutting-down");
    expect((await fetch(`${d.url}/healthz`)).status).toBe(200);
    const work = await post(d.url, "/select", { profile: profile() });
    expect(work.status).toBe(503);
    expect(work.headers.get("connection")).toBe("close");
    await d.close();
  });
});

describe("logs", () => {
  it("writes one JSON line per request, without bodies", async () => {
    const l = await start();
    const p = profile();
    await (await post(l.url, "/select", { profile: p })).text();
    await (await fetch(`${l.url}/nowhere`)).text();
    await l.close();
    const requests = l.logs.filter((e) => e.msg === "request");
    expect(requests).toHaveLength(2);
    const [ok, missing] = requests;
    expect(ok).toMatchObject({ level: "info", method: "POST", path: "/select", status: 200 });
    expect(ok?.bytesIn).toBe(JSON.stringify({ profile: p }).length);
    expect(ok?.bytesOut).toBeGreaterThan(1000);
    expect(typeof ok?.ms).toBe("number");
    expect(missing).toMatchObject({ level: "warn", path: "/nowhere", status: 404 });
    const all = JSON.stringify(l.logs);
    expect(all).not.toContain((p.buyer as { name: string }).name);
    for (const e of l.logs) expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
