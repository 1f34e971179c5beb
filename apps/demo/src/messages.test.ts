import { safeParseProfile } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { US_FEDERAL_EXAMPLE } from "./example.js";
import { plainMessage } from "./messages.js";
import { emptyValues, valuesToInput } from "./profile-values.js";

function messagesFor(profile: unknown): string[] {
  const parsed = safeParseProfile(profile);
  return parsed.success ? [] : parsed.error.issues.map(plainMessage);
}

describe("plain-language form errors", () => {
  it("says what to do for each required field of an empty form, without a field path", () => {
    const messages = messagesFor(valuesToInput(emptyValues()).input);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Enter the buyer's name",
        "Choose the buyer's jurisdiction",
        "Enter the title of the procurement",
        "Choose whether the procurement is for goods, services or works",
        "Enter the estimated total value",
        "Enter the contract start date",
      ]),
    );
    for (const m of messages) expect(m).not.toMatch(/\b(buyer|procurement)\.\w/);
  });

  it("names the wrong value in the user's own words", () => {
    const profile = structuredClone(US_FEDERAL_EXAMPLE) as { procurement: Record<string, unknown> };
    profile.procurement.countries = ["PH", "XX"];
    profile.procurement.value = { amount: "lots", currency: "USD" };
    profile.procurement.startDate = "2026-02-30";
    expect(messagesFor(profile)).toEqual(
      expect.arrayContaining([
        "Enter countries as two-letter codes, like PH or MY: “XX” is not one",
        "Enter the estimated total value as a number, like 4,200,000",
        "The contract start date must be a real date, like 2026-10-01",
      ]),
    );
  });
});

describe("reasons in the tender's words", () => {
  it("takes the field paths out of every reason of the worked examples", async () => {
    const { select } = await import("@fairtender/core");
    const { reasonWords } = await import("./results.js");
    const parsed = safeParseProfile(US_FEDERAL_EXAMPLE);
    if (!parsed.success) throw parsed.error;
    const selection = select(parsed.data);
    const texts = [...selection.clauses, ...selection.excluded].flatMap((c) => c.reasons.map((r) => r.text));
    expect(texts.some((t) => /\(procurement\.labour\.migrantWorkers = true\)/.test(t))).toBe(true);
    for (const t of texts) expect(reasonWords(t)).not.toMatch(/\((?:buyer|procurement|supplier)\.[\w.]+ = /);
    expect(
      reasonWords(
        "A ban is recommended because migrant workers are expected (procurement.labour.migrantWorkers = true); the risk is high.",
      ),
    ).toBe("A ban is recommended because migrant workers are expected; the risk is high.");
  });
});
