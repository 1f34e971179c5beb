import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exampleProfile } from "../src/commands/init.js";
import { version } from "../src/index.js";
import { cli, embassy, embassyJson, fixtures, packageDir, tempDir } from "./helpers.js";

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe("fairtender (global)", () => {
  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
    const run = await cli(["--version"], dir);
    expect(run).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
    expect(version()).toBe(pkg.version);
  });

  it("prints help listing every command, with an example", async () => {
    const run = await cli(["--help"], dir);
    expect(run.status).toBe(0);
    for (const c of ["init", "validate", "select", "generate", "clauses", "schema"])
      expect(run.stdout).toContain(`  ${c}`);
    expect(run.stdout).toContain("Example:");
  });

  it.each(["init", "validate", "select", "generate", "clauses", "schema"])(
    "%s --help shows usage and an example",
    async (c) => {
      const run = await cli([c, "--help"], dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: fairtender ${c}`));
      expect(run.stdout).toContain("Example:");
      expect(run.stdout).toContain(`fairtender ${c}`);
    },
  );

  it("no command: help on stderr, usage status 2", async () => {
    const run = await cli([], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Usage: fairtender <command>");
  });

  it("unknown command: status 2 with a suggestion", async () => {
    const run = await cli(["valdate", "x.yaml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`unknown command "valdate" (did you mean 'validate'?)`);
    expect(run.stderr).toContain("fairtender --help");
  });

  it("unknown flag: status 2 naming the flag and the command's help", async () => {
    const run = await cli(["validate", "--strictly", "x.yaml"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option --strictly");
    expect(run.stderr).toContain("fairtender validate --help");
    expect((await cli(["--nope"], dir)).status).toBe(2);
  });

  it("missing argument: status 2", async () => {
    for (const args of [["validate"], ["select"], ["generate", "--out", "o"], ["clauses"], ["clauses", "show"]]) {
      const run = await cli(args, dir);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/missing|needs/);
    }
  });

  it("a flag missing its value is a usage error", async () => {
    const run = await cli(["generate", "a.yaml", "--out"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--out <value>");
  });
});

describe("fairtender init", () => {
  it("writes a commented example that validates, and refuses to overwrite it", async () => {
    const first = await cli(["init", "t.yaml"], dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Wrote t.yaml");
    const text = readFileSync(join(dir, "t.yaml"), "utf8");
    expect(text).toBe(exampleProfile());
    expect((await cli(["validate", "t.yaml"], dir)).status).toBe(0);

    writeFileSync(join(dir, "t.yaml"), "mine\n");
    const again = await cli(["init", "t.yaml"], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("t.yaml already exists");
    expect(again.stderr).toContain("--force");
    expect(readFileSync(join(dir, "t.yaml"), "utf8")).toBe("mine\n");

    expect((await cli(["init", "t.yaml", "--force"], dir)).status).toBe(0);
    expect(readFileSync(join(dir, "t.yaml"), "utf8")).toBe(exampleProfile());
  });

  it("defaults to tender-profile.yaml and prints to stdout with '-'", async () => {
    expect((await cli(["init"], dir)).status).toBe(0);
    expect(readFileSync(join(dir, "tender-profile.yaml"), "utf8")).toBe(exampleProfile());
    const run = await cli(["init", "-"], dir);
    expect(run.stdout).toBe(exampleProfile());
  });

  it("explains every field and lists the allowed values", () => {
    const text = exampleProfile();
    for (const field of [
      "buyer:",
      "name:",
      "jurisdiction:",
      "kind:",
      "procurement:",
      "title:",
      "reference:",
      "category:",
      "value:",
      "outsideBuyerCountryValue:",
      "commercialOffTheShelf:",
      "usDirectivesApply:",
      "sectors:",
      "commodities:",
      "countries:",
      "labour:",
      "recruitmentAgencies:",
      "migrantWorkers:",
      "lowSkilled:",
      "subcontracting:",
      "housingProvided:",
      "startDate:",
      "commencedOn:",
      "durationMonths:",
      "supplier:",
      "annualTurnover:",
      "totalAssets:",
      "employees:",
      "sme:",
      "businessIn:",
      "regimes:",
      "modules:",
      "exchangeRates:",
      "risk:",
    ]) {
      expect(text, field).toContain(field);
    }
    expect(text).toContain("YYYY-MM-DD");
    for (const value of [
      "federal-executive-agency",
      "nhs-body",
      "cleaning",
      "professional-services",
      "ilo-fair-recruitment",
      "DE",
    ]) {
      expect(text).toContain(value);
    }
  });
});

describe("fairtender validate", () => {
  it("accepts valid YAML and JSON profiles", async () => {
    const run = await cli(["validate", embassy, embassyJson(dir)], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("us-embassy-cleaning.yaml is a valid tender profile");
    expect(run.stdout).toContain("us-embassy-cleaning.json is a valid tender profile");
    expect(run.stdout).toContain("2 of 2 profiles valid");
  });

  it("lists every problem with line, column, field, value and what was expected", async () => {
    const run = await cli(["validate", join(fixtures, "bad-fields.yaml")], dir);
    expect(run.status).toBe(1);
    const e = run.stderr;
    expect(e).toContain("has 5 problems");
    // file:line:col: message, one problem a line: clickable in editors, parsed by CI problem matchers.
    const f = join(fixtures, "bad-fields.yaml");
    expect(e).toContain(`\n${f}:3:17: buyer.jurisdiction: "USA" is not a supported jurisdiction`);
    expect(e).toContain(`\n${f}:7:20: procurement.value.amount: -5 is not allowed, expected at least 0`);
    expect(e).toContain(
      `\n${f}:8:23: procurement.sectors[1]: "cleanng" is not a known sector (did you mean "cleaning"?)`,
    );
    expect(e).toContain(`\n${f}:10:14: procurement.startDate: "2026-02-30" is not a real calendar date`);
    const matcher = /^(.+):(\d+):(\d+): (.+)$/; // the form of a GitHub Actions / VS Code problem matcher
    const located = e.split("\n").filter((l) => matcher.test(l));
    expect(located).toHaveLength(5);
    expect(e).toContain('procurement.duration: unknown field (did you mean "durationMonths"?)');
    expect(e).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("--json reports every problem as data, with its position", async () => {
    const run = await cli(["validate", "--json", join(fixtures, "bad-fields.yaml"), embassy], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { file: string; valid: boolean; problems: Record<string, unknown>[] }[];
    expect(report.map((r) => r.valid)).toEqual([false, true]);
    expect(report[0]!.problems).toHaveLength(5);
    expect(report[0]!.problems).toContainEqual({
      code: "unknown-sector",
      path: ["procurement", "sectors", 1],
      received: "cleanng",
      expected: "a sector of the library",
      message: 'procurement.sectors[1]: "cleanng" is not a known sector (did you mean "cleaning"?)',
      line: 8,
      column: 23,
    });
    expect(report[0]!.problems.map((p) => p.code)).toEqual([
      "unknown-jurisdiction",
      "too-small",
      "unknown-sector",
      "invalid-date",
      "unknown-field",
    ]);
    expect(report[1]!.problems).toEqual([]);
  });

  it("suggests the closest sectors for an unknown one", async () => {
    writeFileSync(
      join(dir, "p.yaml"),
      readFileSync(embassy, "utf8").replace("sectors: [cleaning]", "sectors: [constrution, secrity]"),
    );
    const run = await cli(["validate", "p.yaml"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"constrution" is not a known sector (did you mean "construction"?)');
    expect(run.stderr).toContain('"secrity" is not a known sector (did you mean "security"?)');
  });

  it("names line and column of a YAML syntax error", async () => {
    const run = await cli(["validate", join(fixtures, "bad-syntax.yaml")], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /bad-syntax\.yaml: cannot be read\n.*bad-syntax\.yaml:\d+:\d+: invalid YAML: Missing closing "quote/,
    );
  });

  it("names line and column of a JSON syntax error", async () => {
    const run = await cli(["validate", join(fixtures, "bad-syntax.json")], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("bad-syntax.json:5:3: invalid JSON");
  });

  it("reports a missing file, an empty file and a duplicate key", async () => {
    writeFileSync(join(dir, "empty.yaml"), "# nothing\n");
    writeFileSync(join(dir, "dup.yaml"), "buyer: 1\nbuyer: 2\n");
    const run = await cli(["validate", "nope.yaml", "empty.yaml", "dup.yaml"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nope.yaml: no such file");
    expect(run.stderr).toContain("empty.yaml: is empty");
    expect(run.stderr).toMatch(/dup\.yaml: cannot be read\ndup\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });

  it("--json gives problems with the file itself a code and an empty path", async () => {
    writeFileSync(join(dir, "empty.yaml"), "# nothing\n");
    writeFileSync(join(dir, "dup.yaml"), "buyer: 1\nbuyer: 2\n");
    const run = await cli(
      ["validate", "--json", "nope.yaml", "empty.yaml", "dup.yaml", join(fixtures, "bad-syntax.json"), "*.txt"],
      dir,
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { file: string; problems: { code: string; path: unknown[] }[] }[];
    const codes = Object.fromEntries(report.map((r) => [r.file.replace(/^.*\//, ""), r.problems.map((p) => p.code)]));
    expect(codes).toEqual({
      "*.txt": ["no-match"],
      "nope.yaml": ["unreadable-file"],
      "empty.yaml": ["empty-file"],
      "dup.yaml": ["invalid-yaml"],
      "bad-syntax.json": ["invalid-json"],
    });
    for (const r of report) for (const p of r.problems) expect(p.path).toEqual([]);
  });

  it("lists at most 100 problems, then how many more, and names an alias bomb and an unknown tag", async () => {
    const base = readFileSync(embassy, "utf8");
    writeFileSync(
      join(dir, "many.yaml"),
      // 150 unknown fields: under core's objectFields limit (200), so each is its own problem.
      `${base}${Array.from({ length: 150 }, (_, i) => `extra${i}: 1`).join("\n")}\n`,
    );
    const many = await cli(["validate", "many.yaml"], dir);
    expect(many.status).toBe(1);
    expect(many.stderr).toContain("many.yaml: the tender profile has 150 problems");
    expect(many.stderr.match(/unknown field/g)).toHaveLength(100);
    expect(many.stderr).toContain("and 50 more problems");
    const lol = '["lol","lol","lol","lol","lol","lol","lol","lol","lol"]';
    const bomb = ["a", "b", "c", "d", "e"].map((k, i, all) =>
      i === 0
        ? `${k}: &${k} ${lol}`
        : `${k}: &${k} [${Array(9)
            .fill(`*${all[i - 1]}`)
            .join(",")}]`,
    );
    writeFileSync(join(dir, "bomb.yaml"), `${base}${bomb.join("\n")}\n`);
    writeFileSync(join(dir, "tag.yaml"), base.replace(/title: .*/, "title: !!js/function 'function () {}'"));
    const run = await cli(["validate", "bomb.yaml", "tag.yaml"], dir);
    expect(run.status).toBe(1);
    // Problems print as file:line:col: message (the CLI's convention for editors and CI problem matchers).
    expect(run.stderr).toMatch(/bomb\.yaml: cannot be read\n.*bomb\.yaml:\d+:\d+: too many aliases/);
    expect(run.stderr).toMatch(/tag\.yaml: cannot be read\n.*tag\.yaml:\d+:\d+: the tag !!js\/function is not allowed/);
    expect(run.stderr).not.toContain("unexpected");
  });

  it("expands globs itself and checks every file even after a failure", async () => {
    writeFileSync(join(dir, "a.yaml"), readFileSync(embassy));
    writeFileSync(join(dir, "b.yaml"), "buyer: {}\n");
    writeFileSync(join(dir, "c.yaml"), readFileSync(embassy));
    const run = await cli(["validate", "*.yaml"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("ok: a.yaml");
    expect(run.stdout).toContain("ok: c.yaml");
    expect(run.stderr).toContain("b.yaml: the tender profile has");
    expect(run.stdout).toContain("2 of 3 profiles valid");
    const none = await cli(["validate", "*.json"], dir);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("*.json: no file matches");
  });
});
