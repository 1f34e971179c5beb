/**
 * `toDocx` keeps no memory once it has returned, even when the caller never yields to the event
 * loop's timers: a bounded version of the soak benchmark (bench/soak.ts), in a child process with
 * `--expose-gc` so the heap is measured after full collections.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { usSelection } from "./fixtures/selections.js";

const PACKS = 150;
const MB = 1024 * 1024;

describe("toDocx memory", () => {
  it(`stays flat over ${PACKS} packs rendered in a tight await loop`, () => {
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "--conditions=@fairtender/source", "bench/soak.ts", String(PACKS), "--json"],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8", timeout: 240_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout.trim().split("\n").pop()!) as { before: number; after: number; max: number };
    // Each pack used to stay alive until a timer ran: about 3.6 MB a pack, 500 MB here.
    expect((r.after - r.before) / MB).toBeLessThan(40);
    expect((r.max - r.before) / MB).toBeLessThan(60);
  }, 300_000);

  afterEach(() => {
    vi.useRealTimers();
  });

  it("still resolves when a test installs fake timers", async () => {
    vi.useFakeTimers();
    const bytes = await toDocx(buildTenderPack(usSelection()));
    expect(bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});
