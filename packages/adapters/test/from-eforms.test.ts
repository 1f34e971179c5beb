import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ISSUE_CODES, type Issue, isFairtenderError, safeParseProfile } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { fromEforms } from "../src/index.js";
import { NEEDS_STANDARDS, STANDARDS } from "./standards.js";

const noticesDir = STANDARDS ? join(STANDARDS.eforms, "notices") : "";
const notices = STANDARDS
  ? readdirSync(noticesDir)
      .filter((f) => f.endsWith(".xml"))
      .sort()
  : [];
const valid = notices.filter((f) => !f.startsWith("INVALID_"));
const invalid = notices.filter((f) => f.startsWith("INVALID_"));
const notice = (f: string) => readFileSync(join(noticesDir, f), "utf8");

/** Golden reports: what fromEforms reads from three example notices. UPDATE_GOLDEN=1 rewrites them. */
const GOLDEN = ["cn_24_open.xml", "pin-only_24_maximal.xml", "cn-social_24.xml"];
const goldenDir = new URL("./golden/", import.meta.url);

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
};

describe.skipIf(!STANDARDS)(`fromEforms on the eForms SDK example notices${NEEDS_STANDARDS}`, () => {
  it("has the example notices", () => {
    expect(valid.length).toBeGreaterThan(50);
    expect(invalid.length).toBeGreaterThan(5);
  });

  it.each(valid)("%s maps without an exception, and every field is reported", (f) => {
    const { profile, report } = fromEforms(notice(f));
    expect(report.fields.length).toBe(32);
    for (const field of report.fields) {
      if (field.status === "unknown") expect(field.supply, field.field).toBeTruthy();
      else expect(field.from.length, field.field).toBeGreaterThan(0);
      for (const s of field.from) expect(s.path, field.field).toMatch(/^(BT|OPT|OPP)-[\w()-]+ \/\*/);
    }
    // A complete report is a valid profile; an incomplete one says why, naming the source or field.
    expect(report.complete).toBe(safeParseProfile(profile).success);
    if (!report.complete) expect(report.issues.length).toBeGreaterThan(0);
    // No classification code is dropped: every code in the notice's scope is listed.
    for (const c of report.classifications)
      expect(["mapped", "no-sector", "unmapped", "unsupported-scheme", "invalid"]).toContain(c.status);
  });

  it.each(invalid)("%s maps with a report or fails with an error naming the element", (f) => {
    try {
      const { report } = fromEforms(notice(f));
      expect(report.fields.length).toBe(32);
    } catch (e) {
      expect(isFairtenderError(e)).toBe(true);
      const issue = (e as { issues: Issue[] }).issues[0];
      expect(Object.keys(ISSUE_CODES)).toContain(issue?.code);
      expect(issue?.path.length).toBeGreaterThan(0);
    }
  });

  it("reads contract notices and PINs fully, and says so for other notice types", () => {
    expect(fromEforms(notice("cn_24_open.xml")).report.warnings.join(" ")).not.toContain("not a contract notice");
    expect(fromEforms(notice("pin-only_24.xml")).report.warnings.join(" ")).not.toContain("not a contract notice");
    expect(fromEforms(notice("can_24_minimal.xml")).report.warnings.join(" ")).toContain(
      "not a contract notice or a prior information notice",
    );
    expect(fromEforms(notice("X01_EEIG.xml")).report.warnings.join(" ")).toContain("business registration notice");
  });

  it("reads every lot, or one lot with options.lot", () => {
    const all = fromEforms(notice("cn_24_maximal_100_lots.xml"));
    expect(all.report.lots.length).toBe(100);
    expect(all.report.lots.every((l) => l.read)).toBe(true);
    const one = fromEforms(notice("cn_24_maximal_100_lots.xml"), { lot: "LOT-0002" });
    expect(one.report.lots.filter((l) => l.read).map((l) => l.id)).toEqual(["LOT-0002"]);
    expect(one.report.fields.find((x) => x.field === "procurement.value")?.from[0]?.path).toMatch(/^BT-27-Lot /);
    const e = errorOf(() => fromEforms(notice("cn_24_open.xml"), { lot: "LOT-9999" }));
    expect(isFairtenderError(e) && e.code).toBe("invalid-source");
    expect((e as Error).message).toContain("LOT-0000");
    expect((e as { issues: Issue[] }).issues[0]).toMatchObject({
      code: "unknown-lot",
      path: ["BT-137-Lot"],
      received: "LOT-9999",
    });
  });

  it("fills what the notice does not say from options.supplied, and strict mode names the missing fields", () => {
    const xml = notice("cn-social_24.xml");
    const strict = errorOf(() => fromEforms(xml, { strict: true }));
    expect(isFairtenderError(strict) && strict.code).toBe("invalid-profile");
    expect((strict as Error).message).toContain("procurement.startDate is unknown");
    expect((strict as Error).message).toContain("BT-536-Lot");
    const { profile, report } = fromEforms(xml, {
      strict: true,
      supplied: { procurement: { startDate: "2020-04-01", value: { amount: 3_000_000, currency: "GBP" } } },
    });
    expect(report.complete).toBe(true);
    expect(profile.procurement.startDate).toBe("2020-04-01");
    expect(report.fields.find((x) => x.field === "procurement.startDate")?.status).toBe("supplied");
  });

  it("takes the buyer's jurisdiction from the library, and warns when a buyer outside the EU regime cites an EU directive", () => {
    const buyerIn = (alpha3: string) =>
      notice("cn_24_open.xml").replace('listName="country">GBR<', `listName="country">${alpha3}<`);
    const norwegian = fromEforms(buyerIn("NOR"));
    expect(norwegian.profile.buyer?.jurisdiction).toBe("NO");
    expect(norwegian.report.warnings.join(" ")).toContain("the buyer's jurisdiction is NO");
    const german = fromEforms(buyerIn("DEU"));
    expect(german.profile.buyer?.jurisdiction).toBe("DE");
    expect(german.report.warnings.join(" ")).not.toContain("cites an EU directive");
    const swiss = fromEforms(buyerIn("CHE"));
    expect(swiss.report.fields.find((x) => x.field === "buyer.jurisdiction")).toMatchObject({
      status: "unknown",
      note: "The buyer is in CH (CHE), which is not a jurisdiction of the library.",
    });
    expect(swiss.report.issues[0]).toMatchObject({ code: "missing" });
    expect(swiss.report.issues[0]?.path[0]).toMatch(/^BT-514-Organization-Company \/\*\//);
  });

  it.each(GOLDEN)("golden report of %s (UPDATE_GOLDEN=1 to rewrite)", (f) => {
    const actual = `${JSON.stringify(fromEforms(notice(f)), null, 2)}\n`;
    const file = new URL(f.replace(/\.xml$/, ".report.json"), goldenDir);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
      if (process.env.CI && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file for ${f} is missing`);
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    expect(actual, `golden report of ${f} differs (run with UPDATE_GOLDEN=1 to accept)`).toBe(
      readFileSync(file, "utf8"),
    );
  });
});

describe("fromEforms errors", () => {
  const cn = (custom: string, body = "") =>
    `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${custom ? `<cbc:CustomizationID>${custom}</cbc:CustomizationID>` : ""}${body}</ContractNotice>`;

  it("says when the SDK version is not supported", () => {
    const e = errorOf(() => fromEforms(cn("eforms-sdk-2.0")));
    expect(isFairtenderError(e) && e.code).toBe("unsupported-source");
    expect((e as Error).message).toContain('"eforms-sdk-2.0"');
    expect((e as { issues: Issue[] }).issues[0]).toMatchObject({
      code: "unsupported-version",
      path: ["OPT-002-notice /*/cbc:CustomizationID"],
      received: "eforms-sdk-2.0",
    });
    expect(isFairtenderError(errorOf(() => fromEforms(cn("ubl-2.3"))))).toBe(true);
  });

  it("warns about a newer 1.x SDK or a missing version, and reads on", () => {
    expect(fromEforms(cn("eforms-sdk-1.99")).report.warnings.join(" ")).toContain("newer than the SDK");
    expect(fromEforms(cn("")).report.warnings.join(" ")).toContain("no cbc:CustomizationID");
  });

  it("rejects XML that is not an eForms notice, naming the root element", () => {
    const e = errorOf(() => fromEforms("<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>"));
    expect(isFairtenderError(e) && e.code).toBe("invalid-source");
    expect((e as Error).message).toContain("root element Invoice");
    expect((e as { issues: Issue[] }).issues[0]).toMatchObject({
      code: "unknown-document",
      path: ["/{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice"],
    });
    const bad = errorOf(() => fromEforms("not xml <"));
    expect(isFairtenderError(bad)).toBe(true);
    expect((bad as { issues: Issue[] }).issues[0]).toMatchObject({ code: "invalid-xml", path: [] });
    expect((bad as { issues: Issue[] }).issues[0]?.message).toMatch(/^line \d+, column \d+: /);
  });
});
