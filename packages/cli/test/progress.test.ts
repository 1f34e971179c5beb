import { describe, expect, it } from "vitest";
import { Progress } from "../src/progress.js";

function output(isTTY: boolean) {
  let text = "";
  return { out: { isTTY, columns: 80, write: (t: string) => (text += t) }, text: () => text };
}

describe("Progress", () => {
  it("draws a bar in place on a terminal, counting failures, and clears it at the end", () => {
    const o = output(true);
    const p = new Progress(o.out, 4);
    p.tick(true, "a.yaml");
    expect(o.text()).toContain("\r\x1b[2K██████░░░░░░░░░░░░░░░░░░ 1/4 a.yaml");
    p.tick(false, "b.yaml");
    expect(o.text()).toContain("2/4, 1 failed b.yaml");
    p.end();
    expect(o.text().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("writes nothing when the output is not a terminal, or for a single profile", () => {
    const pipe = output(false);
    new Progress(pipe.out, 3).tick(true, "a");
    expect(pipe.text()).toBe("");
    const single = output(true);
    new Progress(single.out, 1).tick(true, "a");
    expect(single.text()).toBe("");
  });
});
