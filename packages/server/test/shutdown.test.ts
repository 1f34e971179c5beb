/**
 * Graceful shutdown: stop accepting, let the requests in flight finish, close idle connections,
 * cut what outlasts the grace period; on SIGTERM and SIGINT, then exit 0.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { profile, raw, start } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const until = async (test: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Sends the head of a POST /select with a declared length, holding the body back. */
async function halfSent(port: number) {
  const body = JSON.stringify({ profile: profile() });
  const c = await raw(port);
  c.socket.write(
    `POST /select HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`,
  );
  return { ...c, finish: () => c.socket.write(body) };
}

describe("close()", () => {
  it("drains: refuses new connections, closes idle ones, finishes the request in flight", async () => {
    const s = await start();
    const idle = await raw(s.port);
    idle.socket.write("GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n");
    await until(() => idle.text().includes("\r\n\r\n"));
    const busy = await halfSent(s.port);
    await until(() => s.app.inFlight === 1);
    let closed = false;
    const closing = s.close().then(() => {
      closed = true;
    });
    await idle.ended; // the idle keep-alive connection is closed at once
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow(); // no longer accepting
    expect(closed).toBe(false);
    busy.finish();
    await busy.ended;
    expect(busy.text()).toMatch(/^HTTP\/1\.1 200 /);
    expect(busy.text().toLowerCase()).toContain("connection: close");
    await closing;
    expect(s.logs.map((e) => e.msg)).toEqual(expect.arrayContaining(["shutting down", "stopped"]));
  });
  it("cuts a request that outlasts the grace period", async () => {
    const s = await start({ shutdownGraceMs: 200 });
    const stuck = await halfSent(s.port);
    await until(() => s.app.inFlight === 1);
    const t0 = Date.now();
    await s.close();
    await stuck.ended;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.logs.some((e) => e.msg.startsWith("grace period over"))).toBe(true);
  });
});

describe("signals", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal}: drains the request in flight, then the process exits 0`, async () => {
      const child = spawn(
        process.execPath,
        ["--conditions=@fairtender/source", "--import", "tsx", join(here, "fixtures", "serve.ts")],
        { cwd: join(here, ".."), stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        out += d;
      });
      await until(() => out.includes('"msg":"listening"'), 30_000);
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      const busy = await halfSent(port);
      await new Promise((r) => setTimeout(r, 100));
      child.kill(signal);
      await until(() => out.includes('"msg":"shutting down"'));
      busy.finish();
      await busy.ended;
      expect(busy.text()).toMatch(/^HTTP\/1\.1 200 /);
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      const lines = out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.msg)).toEqual(["listening", "signal", "shutting down", "request", "stopped"]);
    }, 60_000);
  }
});
