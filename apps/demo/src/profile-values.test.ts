import { readdirSync, readFileSync } from "node:fs";
import { formatPath, safeParseProfile, select } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { EXAMPLES, US_FEDERAL_EXAMPLE } from "./example.js";
import {
  currencyFor,
  emptyValues,
  fieldForPath,
  fileBase,
  groupDigits,
  inputToValues,
  type JsonObject,
  mergeCarry,
  parseAmount,
  parseRates,
  splitCodes,
  valuesToInput,
} from "./profile-values.js";

/** The repository's example profiles (`examples/profiles/`), the one set every workspace's tests read. */
const examplesDir = new URL("../../../examples/profiles/", import.meta.url);
const EXAMPLE_PROFILES = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => [f, parseYaml(readFileSync(new URL(f, examplesDir), "utf8")) as JsonObject] as const);

/** The fields the page shows issues next to: every name in its `data-paths` attributes. */
const PAGE_FIELDS = [
  ...readFileSync(new URL("../index.html", import.meta.url), "utf8").matchAll(/data-paths="([^"]*)"/g),
].flatMap((m) => m[1]!.split(/\s+/));

describe("form values ↔ profile", () => {
  it("the worked example survives a round trip through the form unchanged", () => {
    const { values, carry, carried } = inputToValues(US_FEDERAL_EXAMPLE);
    expect(carried).toEqual([]);
    const { input, issues } = valuesToInput(values);
    expect(issues).toEqual([]);
    expect(mergeCarry(input, carry)).toEqual(US_FEDERAL_EXAMPLE);
    expect(safeParseProfile(input).success).toBe(true);
  });

  it.each(EXAMPLES.map((e) => [e.label, e.profile] as const))(
    "the %s example is valid, selects clauses, and round-trips through the form",
    (_label, profile) => {
      const { values, carried } = inputToValues(profile);
      expect(carried).toEqual([]);
      expect(valuesToInput(values).input).toEqual(profile);
      const selection = select(profile);
      expect(selection.clauses.length).toBeGreaterThan(0);
    },
  );

  it.each(EXAMPLE_PROFILES)(
    "the repository's example %s opens in the form and, saved back, selects exactly what the file selects",
    (_file, profile) => {
      const { values, carry } = inputToValues(profile);
      const { input, issues } = valuesToInput(values);
      expect(issues).toEqual([]);
      const saved = mergeCarry(input, carry);
      const ids = (p: unknown) => {
        const s = select(p);
        return { clauses: s.clauses.map((c) => [c.id, c.strength]), excluded: s.excluded.map((c) => c.id) };
      };
      expect(ids(saved)).toEqual(ids(profile));
    },
  );

  it("keeps fields the form does not show, and reports them", () => {
    const file = {
      ...US_FEDERAL_EXAMPLE,
      regimes: ["us-far", "aba-mcc2"],
      supplier: { name: "Acme Facilities", employees: 420, sme: false },
      procurment: { typo: true },
    };
    const { values, carry, carried } = inputToValues(file);
    expect(carried).toEqual(["regimes", "supplier.name", "supplier.employees", "procurment"]);
    expect(values.sme).toBe("no");
    const merged = mergeCarry(valuesToInput(values).input, carry);
    expect(merged.regimes).toEqual(["us-far", "aba-mcc2"]);
    expect(merged.supplier).toEqual({ sme: false, name: "Acme Facilities", employees: 420 });
    // The misspelt field goes back to validation, which names it with the CLI's message.
    const parsed = safeParseProfile(merged);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues.map((i) => [i.code, i.path])).toEqual([["unknown-field", ["procurment"]]]);
    }
  });

  it("an empty form names every required field with the CLI's messages", () => {
    const parsed = safeParseProfile(valuesToInput(emptyValues()).input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const paths = parsed.error.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["buyer", "name"],
        ["buyer", "jurisdiction"],
        ["procurement", "title"],
        ["procurement", "category"],
        ["procurement", "value", "amount"],
        ["procurement", "startDate"],
      ]),
    );
    for (const issue of parsed.error.issues) expect(issue.message.startsWith(`${formatPath(issue.path)}:`)).toBe(true);
    // Every one of them is shown next to a field of the page (the fields its `data-paths` name).
    for (const issue of parsed.error.issues) expect(fieldForPath(issue.path, PAGE_FIELDS), issue.message).toBeDefined();
  });

  it("passes unreadable numbers through so that validation reports them", () => {
    const values = { ...emptyValues(), valueAmount: "about 2m", durationMonths: "1.5" };
    const { input } = valuesToInput(values);
    const parsed = safeParseProfile(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const byPath = new Map(parsed.error.issues.map((i) => [formatPath(i.path), i.message]));
    expect(byPath.get("procurement.value.amount")).toContain('"about 2m"');
    expect(byPath.get("procurement.durationMonths")).toContain("1.5");
  });

  it("normalises country codes and reports unknown ones at their index", () => {
    expect(splitCodes(" ph, my;vn  qa ")).toEqual(["PH", "MY", "VN", "QA"]);
    const values = { ...inputToValues(US_FEDERAL_EXAMPLE).values, countries: "ph, XX" };
    const parsed = safeParseProfile(valuesToInput(values).input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(parsed.error.issues).toEqual([
        expect.objectContaining({ code: "unknown-country", path: ["procurement", "countries", 1], received: "XX" }),
      ]);
    }
  });

  it("reads amounts with grouping and writes them back grouped", () => {
    expect(parseAmount("4,200,000")).toBe(4200000);
    expect(parseAmount(" 550 000.50 ")).toBe(550000.5);
    expect(parseAmount("")).toBeUndefined();
    expect(parseAmount("12k")).toBe("12k");
    expect(groupDigits(4200000)).toBe("4,200,000");
    expect(groupDigits(999.25)).toBe("999.25");
    expect(parseAmount(groupDigits(123456789.5))).toBe(123456789.5);
  });

  it("reads exchange rates one a line and flags lines it cannot read", () => {
    const { rates, issues } = parseRates("GBP/USD = 1.27\n\n eur/usd: 1.08\nnonsense");
    expect(rates).toEqual({ "GBP/USD": 1.27, "EUR/USD": 1.08 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "invalid-format", path: ["exchangeRates"], received: "nonsense" });
    expect(issues[0]?.message).toContain('line 4 "nonsense"');
    const back = inputToValues({ exchangeRates: rates }).values.exchangeRates;
    expect(parseRates(back).rates).toEqual(rates);
  });

  it("only sends the risk override when the user gave one", () => {
    expect(valuesToInput(emptyValues()).input.risk).toBeUndefined();
    const withLevel = valuesToInput({ ...emptyValues(), riskLevel: "high" }).input;
    expect(withLevel.risk).toEqual({ level: "high", basis: "" });
  });
});

describe("fieldForPath", () => {
  const prefixes = ["buyer.name", "procurement.value", "procurement.countries", "exchangeRates", "risk", "risk.basis"];
  it("finds the field for nested and indexed paths, preferring the longest prefix", () => {
    expect(fieldForPath(["procurement", "value", "amount"], prefixes)).toBe("procurement.value");
    expect(fieldForPath(["procurement", "countries", 3], prefixes)).toBe("procurement.countries");
    expect(fieldForPath(["exchangeRates", "GBP/XXX"], prefixes)).toBe("exchangeRates");
    expect(fieldForPath(["risk", "basis"], prefixes)).toBe("risk.basis");
    expect(fieldForPath(["risk", "level"], prefixes)).toBe("risk");
  });
  it("does not match a field that only shares a name prefix", () => {
    expect(fieldForPath(["buyer", "nameX"], prefixes)).toBeUndefined();
    expect(fieldForPath(["procurement", "valueAbroad"], prefixes)).toBeUndefined();
    expect(fieldForPath([], prefixes)).toBeUndefined();
    expect(fieldForPath(["procurement"], prefixes)).toBeUndefined();
  });
});

describe("file names and defaults", () => {
  it("names files from the reference, else the title", () => {
    expect(fileBase("SAQMMA-26-R-0142", "Cleaning")).toBe("SAQMMA-26-R-0142");
    expect(fileBase("  ", "Nettoyage des bâtiments / lot 2")).toBe("Nettoyage-des-batiments-lot-2");
    expect(fileBase("", "")).toBe("tender");
    expect(fileBase("../../etc/passwd", "")).toBe("etc-passwd");
    expect(fileBase("x".repeat(200), "").length).toBe(80);
  });
  it("suggests the buyer's currency, as the library's jurisdictions say", () => {
    expect(currencyFor("GB")).toBe("GBP");
    expect(currencyFor("DE")).toBe("EUR");
    expect(currencyFor("SE")).toBe("SEK");
    expect(currencyFor("UN")).toBe("USD");
    expect(currencyFor("")).toBeUndefined();
    // A code the library does not know is not taken for an EU member state.
    expect(currencyFor("ZZ")).toBeUndefined();
  });
});

describe("files whose keys are names of Object.prototype", () => {
  for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
    it(`keeps a top-level ${JSON.stringify(key)} key as data and saves it back`, () => {
      // JSON.parse makes `__proto__` an own key, as a YAML or JSON file read by the page does.
      const file = JSON.parse(JSON.stringify(US_FEDERAL_EXAMPLE).replace(/^\{/, `{${JSON.stringify(key)}:{"x":1},`));
      const { values, carry, carried } = inputToValues(file);
      expect(carried).toEqual([key]);
      expect(Object.hasOwn(carry, key)).toBe(true);
      const merged = mergeCarry(valuesToInput(values).input, carry);
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(merged))[key]).toEqual({ x: 1 });
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  }

  it("keeps a nested `__proto__` or `constructor` key in a managed object as data", () => {
    const file = JSON.parse('{"buyer":{"name":"B","jurisdiction":"US","__proto__":{"polluted":true},"constructor":2}}');
    const { carry, carried } = inputToValues(file);
    expect(carried).toEqual(["buyer.__proto__", "buyer.constructor"]);
    const merged = mergeCarry({ buyer: { name: "B" } }, carry) as { buyer: object };
    expect(Object.getPrototypeOf(merged.buyer)).toBe(Object.prototype);
    expect(Object.keys(merged.buyer)).toEqual(["name", "__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
