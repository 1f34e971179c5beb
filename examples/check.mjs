// Runs every example against the BUILT packages (plain `node`, no source condition) and checks what
// each one writes: files exist and are valid, each .docx unzips and its word/document.xml has the
// expected headings, the HTTP example answers real requests. Exits non-zero on any failure.
//
// Run: npm run check -w examples   (after `npm run build` at the repository root)
import { execFile } from "node:child_process";
import { readFile, rm, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parseProfile, select } from "@fairtender/core";
import { unzipSync } from "fflate";
import { parse } from "yaml";

const run = promisify(execFile);
const here = new URL("./", import.meta.url);
const out = new URL("./out/", import.meta.url);
const rootOut = new URL("../out/", import.meta.url);

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok    ${name}`);
  } catch (error) {
    failed++;
    console.log(
      `FAIL  ${name}\n      ${String(error?.stack ?? error)
        .split("\n")
        .slice(0, 6)
        .join("\n      ")}`,
    );
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs an example with plain node; returns its stdout. */
async function example(file) {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL(file, here))], {
    cwd: fileURLToPath(new URL("..", here)),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

async function nonEmpty(url) {
  const s = await stat(url).catch(() => undefined);
  assert(s?.isFile(), `${fileURLToPath(url)} was not written`);
  assert(s.size > 0, `${fileURLToPath(url)} is empty`);
  return readFile(url);
}

/** The text of each paragraph of a .docx (runs joined), after checking it is a real Word package. */
export function docxParagraphs(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  for (const part of ["[Content_Types].xml", "word/document.xml", "word/styles.xml"]) {
    assert(files[part], `the .docx has no ${part}`);
  }
  const xml = new TextDecoder().decode(files["word/document.xml"]);
  const decodeXml = (s) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return xml
    .split("</w:p>")
    .map((p) => decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")));
}

async function selectionOf(profileFile) {
  const text = await readFile(new URL(`./profiles/${profileFile}`, here), "utf8");
  return select(parseProfile(parse(text)));
}

/** Every selected clause's title is a paragraph of the .docx (the clause headings). */
function assertHeadings(paragraphs, titles, what) {
  for (const title of titles) {
    assert(
      paragraphs.some((p) => p.includes(title)),
      `${what}: no paragraph of word/document.xml contains the heading "${title}"`,
    );
  }
}

await rm(out, { recursive: true, force: true });

await check("sample.mjs (npm start) writes out/us-embassy-cleaning.{docx,md,html}", async () => {
  const stdout = await example("sample.mjs");
  const selection = await selectionOf("us-embassy-cleaning.yaml");
  assert(stdout.includes("Regimes:") && stdout.includes("us-far"), "the summary does not list the regimes");
  assert(/Clauses: \d+ \(\d+ mandatory/.test(stdout), "the summary does not count the clauses by strength");
  assert(stdout.includes("out/us-embassy-cleaning.docx"), "the summary does not say where the files are");
  const paragraphs = docxParagraphs(await nonEmpty(new URL("us-embassy-cleaning.docx", rootOut)));
  assertHeadings(
    paragraphs,
    selection.clauses.map((c) => c.title),
    "sample .docx",
  );
  const md = (await nonEmpty(new URL("us-embassy-cleaning.md", rootOut))).toString();
  assert(md.includes(selection.profile.procurement.title), "the Markdown has no title");
  for (const c of selection.clauses) assert(md.includes(c.title), `the Markdown lacks the clause "${c.title}"`);
  const html = (await nonEmpty(new URL("us-embassy-cleaning.html", rootOut))).toString();
  assert(/^<!doctype html>/i.test(html.trimStart()), "the HTML is not a standalone page");
});

await check("01-us-federal-abroad.mjs selects the compliance plan and certification", async () => {
  const stdout = await example("01-us-federal-abroad.mjs");
  const selection = await selectionOf("us-embassy-cleaning.yaml");
  const wanted = ["us-far-52-222-50", "us-far-compliance-plan", "us-far-52-222-56", "us-far-annual-certification"];
  const clauses = wanted.map((id) => selection.clauses.find((c) => c.id === id));
  for (const [i, c] of clauses.entries())
    assert(c?.strength === "mandatory", `${wanted[i]} is not selected as mandatory`);
  for (const c of clauses) assert(stdout.includes(c.title), `the example does not print "${c.title}"`);
  const paragraphs = docxParagraphs(await nonEmpty(new URL("01-us-federal-abroad.docx", out)));
  assertHeadings(
    paragraphs,
    clauses.map((c) => c.title),
    "01 .docx",
  );
  await nonEmpty(new URL("01-us-federal-abroad.md", out));
});

await check("02-uk-high-risk-goods.mjs: supply-chain declarations, PPN 009, guidance edition", async () => {
  const stdout = await example("02-uk-high-risk-goods.mjs");
  const selection = await selectionOf("uk-high-risk-goods.yaml");
  assert(selection.risk.level === "high", `risk is ${selection.risk.level}, expected high`);
  const declarations = selection.clauses.find((c) => c.id === "gb-supply-chain-declarations");
  assert(declarations, "gb-supply-chain-declarations is not selected");
  assert(stdout.includes("PPN 009"), "the example does not show PPN 009 among the instruments");
  const paragraphs = docxParagraphs(await nonEmpty(new URL("02-uk-high-risk-goods.docx", out)));
  assertHeadings(paragraphs, [declarations.title], "02 .docx");
  assert(
    paragraphs.some((p) => /drafting note/i.test(p)),
    "the guidance edition has no drafting notes",
  );
  const html = (await nonEmpty(new URL("02-uk-high-risk-goods.html", out))).toString();
  assert(html.includes("gb-supply-chain-declarations"), "the HTML has no anchor for the declarations clause");
});

await check("03-un-multi-regime.mjs: harmonised schedule, crosswalk, calendar", async () => {
  const stdout = await example("03-un-multi-regime.mjs");
  const selection = await selectionOf("un-multi-regime.yaml");
  assert(
    selection.obligations.some((o) => new Set(o.satisfies.map((s) => s.regime)).size >= 2),
    "no obligation in the schedule meets two regimes at once",
  );
  assert(
    stdout.includes("Harmonised obligation schedule") && stdout.includes("Crosswalk"),
    "schedule or crosswalk missing",
  );
  const csv = (await nonEmpty(new URL("03-un-multi-regime.csv", out))).toString();
  assert(csv.split(/\r?\n/).filter(Boolean).length >= 2, "the CSV calendar has no rows");
  const ics = (await nonEmpty(new URL("03-un-multi-regime.ics", out))).toString();
  assert(ics.startsWith("BEGIN:VCALENDAR") && ics.includes("BEGIN:VEVENT"), "the .ics has no events");
  await nonEmpty(new URL("03-un-multi-regime.md", out));
});

await check("04-own-clause.mjs: own clause selected, built-in clause overridden", async () => {
  const stdout = await example("04-own-clause.mjs");
  assert(
    stdout.includes("policy: Living wage for service workers (version 1.0.0)"),
    "the own clause is not selected as policy",
  );
  assert(
    stdout.includes("(invalid-rule)") && stdout.includes('did you mean "procurement.labour.lowSkilled"?'),
    "the rule with a typo is not refused with a clear invalid-rule error",
  );
  assert(
    /general-grievance-mechanism|Grievance mechanism/.test(stdout) && stdout.includes("version 1.1.0"),
    "the override is not used",
  );
  const md = (await nonEmpty(new URL("04-own-clause.md", out))).toString();
  assert(md.includes("Living wage for service workers"), "the Markdown lacks the own clause");
  assert(
    md.includes("display the contact details of the grievance mechanism"),
    "the Markdown lacks the overridden text",
  );
  assert(md.includes("Example Dept. Procurement Policy 4.2"), "the Markdown does not cite the own policy");
  const paragraphs = docxParagraphs(await nonEmpty(new URL("04-own-clause.docx", out)));
  assertHeadings(paragraphs, ["Living wage for service workers"], "04 .docx");
});

await check("05-http-endpoint.mjs: POST a profile → .docx; invalid profile → 400 with the problems", async () => {
  const { createTenderServer } = await import("./05-http-endpoint.mjs");
  const server = createTenderServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const base = `http://127.0.0.1:${server.address().port}/tender-pack`;
    const profile = parse(await readFile(new URL("./profiles/small-it-services.yaml", here), "utf8"));
    const ok = await fetch(base, {
      method: "POST",
      body: JSON.stringify(profile),
      headers: { "content-type": "application/json" },
    });
    assert(ok.status === 200, `valid profile: status ${ok.status}: ${await ok.clone().text()}`);
    assert(ok.headers.get("content-type")?.includes("wordprocessingml"), "valid profile: not a .docx content type");
    const paragraphs = docxParagraphs(new Uint8Array(await ok.arrayBuffer()));
    const selection = select(parseProfile(profile));
    assertHeadings(
      paragraphs,
      selection.clauses.map((c) => c.title),
      "05 .docx",
    );

    const bad = structuredClone(profile);
    bad.procurement.sectors = ["it-servics"];
    bad.procurement.startDate = "2026-02-30";
    const res = await fetch(base, { method: "POST", body: JSON.stringify(bad) });
    assert(res.status === 400, `invalid profile: status ${res.status}, expected 400`);
    const body = await res.json();
    const found = body.problems.map((p) => `${p.code} ${p.path.join("/")}`);
    assert(
      found.includes("unknown-sector procurement/sectors/0") && found.includes("invalid-date procurement/startDate"),
      `problems: ${found}`,
    );
    assert(
      body.problems.some((p) => p.message.includes('did you mean "it-services"')),
      "no suggestion for the sector",
    );

    const notJson = await fetch(base, { method: "POST", body: "buyer: {" });
    assert(notJson.status === 400, `non-JSON body: status ${notJson.status}`);
    const get = await fetch(base);
    assert(get.status === 405, `GET: status ${get.status}, expected 405`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

await check("06-reference-docx.mjs: the reference .docx restyles the Word output", async () => {
  await example("06-reference-docx.mjs");
  const styles = async (name) => {
    const files = unzipSync(new Uint8Array(await nonEmpty(new URL(name, out))));
    return new TextDecoder().decode(files["word/styles.xml"]);
  };
  const restyled = await styles("06-restyled.docx");
  const plain = await styles("06-default.docx");
  assert(
    restyled.includes("Georgia") && /7B1F1F/i.test(restyled),
    "the restyled pack does not use the house fonts and colour",
  );
  assert(!plain.includes("Georgia"), "the default pack already uses Georgia: the comparison proves nothing");
  const selection = await selectionOf("uk-high-risk-goods.yaml");
  assertHeadings(
    docxParagraphs(await readFile(new URL("06-restyled.docx", out))),
    selection.clauses.map((c) => c.title),
    "06 .docx",
  );
});

await check("the README's `npx fairtender` works: npm linked the command, and it runs the built CLI", async () => {
  // Through npm, as the README writes it; --no-install so npm never looks for it in the registry.
  const root = fileURLToPath(new URL("..", here));
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const version = await run(npx, ["--no-install", "fairtender", "--version"], { cwd: root });
  assert(/^\d+\.\d+\.\d+\n$/.test(version.stdout), `--version printed ${JSON.stringify(version.stdout)}`);
  const select = await run(
    npx,
    ["--no-install", "fairtender", "select", "examples/profiles/us-embassy-cleaning.yaml"],
    {
      cwd: root,
    },
  );
  assert(select.stdout.includes("us-far-52-222-50"), "`fairtender select` does not list FAR 52.222-50");
});

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
