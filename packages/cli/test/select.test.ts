import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseProfile, select } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { cli, embassy, embassyJson, fixtures, tempDir } from "./helpers.js";

/**
 * The contract of `fairtender select --json`, written independently of core's own schema: what a
 * tool reading the CLI's output may rely on. Extra fields are allowed (additive changes are fine).
 */
const Contract = z.object({
  regimes: z.array(z.object({ id: z.string(), name: z.string(), reasons: z.array(z.string()).min(1) })).min(1),
  risk: z.object({
    level: z.enum(["low", "medium", "high"]),
    factors: z.array(z.object({ id: z.string(), description: z.string(), weight: z.number(), source: z.string() })),
  }),
  clauses: z
    .array(
      z.object({
        id: z.string(),
        version: z.string().regex(/^\d+\.\d+\.\d+$/),
        title: z.string().min(1),
        strength: z.enum(["mandatory", "policy", "recommended", "optional"]),
        sources: z.array(z.object({ citation: z.string().min(1) })).min(1),
        reasons: z
          .array(
            z.object({ rule: z.string().min(1), text: z.string().min(1), inputs: z.record(z.string(), z.unknown()) }),
          )
          .min(1),
      }),
    )
    .min(1),
  excluded: z.array(z.object({ id: z.string(), reasons: z.array(z.object({ text: z.string().min(1) })).min(1) })),
  obligations: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      party: z.enum(["supplier", "subcontractor", "buyer"]),
      action: z.string().min(1),
      timing: z.object({ kind: z.string() }),
      evidence: z.array(z.string()),
      flowsDown: z.object({ required: z.boolean() }),
      clauses: z.array(z.string()).min(1),
      satisfies: z.array(z.object({ regime: z.string(), citation: z.string().min(1) })),
    }),
  ),
  warnings: z.array(z.object({ code: z.string().min(1), message: z.string().min(1) })),
});

describe("fairtender select", () => {
  it("--json prints exactly the Selection, which meets the contract", async () => {
    const run = await cli(["select", embassy, "--json"], fixtures);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout) as unknown;
    Contract.parse(json);
    const expected = select(parseProfile(parse(readFileSync(embassy, "utf8"))));
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it("the same profile in JSON gives the same selection", async () => {
    const { dir, remove } = tempDir();
    try {
      const a = await cli(["select", embassy, "--json"], dir);
      const b = await cli(["select", embassyJson(dir), "--json"], dir);
      expect(b.stdout).toBe(a.stdout);
    } finally {
      remove();
    }
  });

  it("the summary shows regimes and why, risk factors, clauses with strength and reason, exclusions, obligations", async () => {
    const run = await cli(["select", embassy], fixtures);
    expect(run.status).toBe(0);
    const selection = select(parseProfile(parse(readFileSync(embassy, "utf8"))));
    const out = run.stdout.replace(/\s+/g, " "); // lines are wrapped at 100 columns
    expect(out).toContain("Cleaning services, embassy compound (DOS-2026-0042)");
    for (const r of selection.regimes) {
      expect(out).toContain(`${r.id}: ${r.name}`);
      for (const reason of r.reasons) expect(out).toContain(reason);
    }
    expect(out).toContain(`Risk: ${selection.risk.level.toUpperCase()}`);
    for (const f of selection.risk.factors) expect(out).toContain(`${f.description} [${f.source}]`);
    for (const c of selection.clauses) {
      expect(out).toContain(`${c.strength} ${c.id}: ${c.title}`);
      for (const r of c.reasons) expect(out).toContain(`why: ${r.text}`);
    }
    for (const c of selection.excluded) {
      expect(out).toContain(`${c.id}: ${c.title}`);
      for (const r of c.reasons) expect(out).toContain(`why not: ${r.text}`);
    }
    for (const o of selection.obligations) expect(out).toContain(o.action);
    for (const w of selection.warnings) expect(out).toContain(`${w.code}: ${w.message}`);
    expect(out).toContain(`Supplier obligations, harmonised (${selection.obligations.length})`);
    expect(out).toContain("why not: ");
    expect(out).toContain("meets: us-far");
  });

  it("an invalid profile exits 1 with the problems and prints nothing on stdout", async () => {
    const run = await cli(["select", join(fixtures, "bad-fields.yaml"), "--json"], fixtures);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("has 5 problems");
  });
});
