import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseProfile } from "@fairtender/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, fixtures, tempDir } from "./helpers.js";

const notice = join(fixtures, "import", "cn-cleaning.xml");
const release = join(fixtures, "import", "release.json");

let dir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, remove } = tempDir("fairtender-import-"));
});
afterEach(() => remove());

describe("fairtender import", () => {
  it("prints the profile an OCDS release describes, each value commented with its OCDS path", async () => {
    const run = await cli(["import", release], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("# Complete:");
    expect(run.stdout).toContain("  # tender.value: The tender's estimated value.\n  value:");
    const profile = parseProfile(parse(run.stdout));
    expect(profile.buyer).toEqual({
      name: "Department for Example Services",
      jurisdiction: "GB",
      kind: "central-government",
    });
    expect(profile.procurement).toMatchObject({
      sectors: ["catering"],
      startDate: "2026-06-01",
      durationMonths: 36,
      commencedOn: "2026-02-01",
    });
  });

  it("writes an eForms notice's profile with -o, which validate and select then accept", async () => {
    const run = await cli(["import", notice, "-o", "tender.yaml"], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote tender\.yaml: \d+ of 32 profile fields read from /);
    const text = readFileSync(join(dir, "tender.yaml"), "utf8");
    expect(text).toContain("# BT-21-Procedure: The procedure's title.");
    expect(text).toContain("#   CPV 75121000 (BT-263-Procedure): CPV 75121000 is not mapped");
    expect((await cli(["validate", "tender.yaml"], dir)).status).toBe(0);
    const selected = await cli(["select", "tender.yaml", "--json"], dir);
    expect(selected.status).toBe(0);
    expect(JSON.parse(selected.stdout).profile.procurement.sectors).toEqual(["cleaning"]);
  });

  it("writes an incomplete profile with what to supply at the top, and exits 1", async () => {
    const xml = readFileSync(notice, "utf8").replace(/<cbc:StartDate>[^<]*<\/cbc:StartDate>/, "");
    writeFileSync(join(dir, "notice.xml"), xml);
    const run = await cli(["import", "notice.xml", "--out", "draft.yaml"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("incomplete: supply procurement.startDate in draft.yaml");
    const text = readFileSync(join(dir, "draft.yaml"), "utf8");
    expect(text).toContain(
      "# INCOMPLETE: supply these, then run 'fairtender validate':\n#   procurement.startDate: the contract start date",
    );
  });

  it("prints the profile and the full report with --json", async () => {
    const run = await cli(["import", notice, "--json", "--lot", "LOT-0001"], dir);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.report.complete).toBe(true);
    expect(out.report.lots).toEqual([{ id: "LOT-0001", title: "Cleaning of school buildings", read: true }]);
    expect(out.profile.procurement.title).toBe("Cleaning of school buildings");
  });

  it("refuses to overwrite without --force, and reports unreadable input", async () => {
    writeFileSync(join(dir, "tender.yaml"), "keep");
    const kept = await cli(["import", release, "-o", "tender.yaml"], dir);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toContain("tender.yaml already exists");
    expect(readFileSync(join(dir, "tender.yaml"), "utf8")).toBe("keep");
    expect((await cli(["import", release, "-o", "tender.yaml", "--force"], dir)).status).toBe(0);

    writeFileSync(join(dir, "bad.xml"), "<ContractNotice><open></ContractNotice>");
    const bad = await cli(["import", "bad.xml", "-o", "x.yaml"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^error: The notice is not well-formed XML: line 1, column \d+/);
    expect(existsSync(join(dir, "x.yaml"))).toBe(false);
    writeFileSync(join(dir, "bad.json"), "{ not json");
    expect((await cli(["import", "bad.json"], dir)).stderr).toContain("bad.json is not JSON");
    expect((await cli(["import", "missing.xml"], dir)).stderr).toContain("missing.xml: no such file");
  });

  it("is a usage error without exactly one file", async () => {
    expect((await cli(["import"], dir)).status).toBe(2);
    expect((await cli(["import", "a.xml", "b.xml"], dir)).status).toBe(2);
    expect((await cli(["import", "--help"], dir)).stdout).toContain("Usage: fairtender import");
  });
});
