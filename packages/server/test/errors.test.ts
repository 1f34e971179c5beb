/**
 * Every error class over a real socket, and the bounds of issue 10.15: bodies bounded before they
 * are parsed, nesting bounded before JSON.parse, error responses that stay small whatever was sent,
 * timeouts for slow clients, a connection cap, bounded work, no stack trace ever.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorBody, jsonDepthExceeds } from "../src/index.js";
import { post, profile, raw, type Started, start } from "./helpers.js";

let s: Started;
beforeAll(async () => {
  s = await start({ maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await s.close();
});

async function error(res: Response, status: number): Promise<ErrorBody["error"]> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const text = await res.text();
  expect(text).not.toMatch(/\n\s+at /); // never a stack trace
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.status).toBe(status);
  expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  return body.error;
}

describe("400: the problems with their paths in the request body", () => {
  it("names each bad profile field by path and pointer, with the value and a suggestion", async () => {
    const p = profile();
    (p.procurement as Record<string, unknown>).sectors = ["it-servics"];
    (p.procurement as Record<string, unknown>).startDate = "2026-02-30";
    const e = await error(await post(s.url, "/select", { profile: p }), 400);
    expect(e.code).toBe("invalid-profile");
    const byPointer = Object.fromEntries(e.problems.map((x) => [x.pointer, x]));
    expect(byPointer["/profile/procurement/sectors/0"]).toMatchObject({
      code: "unknown-sector",
      path: ["profile", "procurement", "sectors", 0],
      received: '"it-servics"',
    });
    expect(byPointer["/profile/procurement/sectors/0"]?.message).toContain('did you mean "it-services"');
    expect(byPointer["/profile/procurement/startDate"]?.code).toBe("invalid-date");
  });
  it("names unknown and missing fields of the request itself", async () => {
    const e = await error(await post(s.url, "/pack", { profil: {}, format: "odt" }), 400);
    expect(e.code).toBe("invalid-request");
    const found = e.problems.map((x) => `${x.code} ${x.pointer}`);
    expect(found).toContain("missing /profile");
    expect(found).toContain("unknown-field /profil");
    expect(found).toContain("unknown-value /format");
  });
  it("refuses a body that is not an object, and JSON that is not JSON", async () => {
    expect((await error(await post(s.url, "/select", "[1,2]"), 400)).code).toBe("invalid-request");
    const bad = await error(await post(s.url, "/select", '{"profile": {'), 400);
    expect(bad.code).toBe("invalid-json");
    const latin1 = await fetch(`${s.url}/select`, {
      method: "POST",
      body: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect((await error(latin1, 400)).code).toBe("invalid-json");
  });
});

describe("issue 10.15: bounded error responses and nesting", () => {
  it("a 6 kB nested body gets a small answer, not megabytes", async () => {
    // The audit's shape: nested objects whose every level is wrong, so that each level is a problem
    // that used to echo its whole subtree, pretty-printed.
    let nested: unknown = "x";
    for (let i = 0; i < 60; i++) nested = { a: nested, b: [1, 2, 3], c: "y".repeat(40) };
    const body = JSON.stringify({ profile: { buyer: nested, procurement: nested, extra: nested } });
    expect(body.length).toBeGreaterThan(6000);
    const res = await post(s.url, "/select", body);
    const text = await res.clone().text();
    const e = await error(res, 400);
    expect(e.code).toBe("invalid-profile");
    expect(text.length).toBeLessThan(30_000);
    for (const p of e.problems) expect(p.received?.length ?? 0).toBeLessThanOrEqual(110);
  });
  it("nesting 6,000 deep is refused with 400 too-deep, and the connection still answers", async () => {
    const agent = { keepalive: true } as const;
    const deep = `{"profile":${"[".repeat(6000)}${"]".repeat(6000)}}`;
    const e = await error(
      await fetch(`${s.url}/select`, {
        ...agent,
        method: "POST",
        body: deep,
        headers: { "content-type": "application/json" },
      }),
      400,
    );
    expect(e.code).toBe("too-deep");
    expect((await fetch(`${s.url}/healthz`, agent)).status).toBe(200);
  });
  it("the depth scan skips brackets inside strings and stops at the limit", () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[", "b":"\\"[[["}', 3)).toBeUndefined();
    expect(jsonDepthExceeds("[[[[", 3)).toEqual({ depth: 4, at: 3 });
    expect(jsonDepthExceeds("[[[]]]", 3)).toBeUndefined();
  });
  it("caps the problems listed and says how many more there were", async () => {
    const p = profile();
    // 150 unknown fields: under core's objectFields limit (200), so each is its own problem.
    for (let i = 0; i < 150; i++) (p.buyer as Record<string, unknown>)[`unknown${i}`] = i;
    const e = await error(await post(s.url, "/select", { profile: p }), 400);
    expect(e.problems).toHaveLength(50);
    expect(e.moreProblems).toBe(100);
  });
  it("an object over core's field limit is one too-many problem, named by its path", async () => {
    const p = profile();
    for (let i = 0; i < 2000; i++) (p.buyer as Record<string, unknown>)[`unknown${i}`] = i;
    const e = await error(await post(s.url, "/select", { profile: p }), 400);
    expect(e.problems).toEqual([expect.objectContaining({ code: "too-many" })]);
  });
  it("never echoes more than a short, cut value", async () => {
    const p = profile();
    (p.procurement as Record<string, unknown>).currency = "Z".repeat(50_000);
    const res = await post(s.url, "/select", { profile: p });
    const text = await res.clone().text();
    await error(res, 400);
    expect(text.length).toBeLessThan(5000);
  });
});

describe("413: bodies bounded before they are parsed", () => {
  it("refuses a declared content-length over the limit without reading the body", async () => {
    const c = await raw(s.port);
    c.socket.write(
      "POST /select HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50000000\r\n\r\n{",
    );
    await c.ended;
    expect(c.text()).toMatch(/^HTTP\/1\.1 413 /);
    expect(c.text()).toContain("connection: close");
    expect(c.text()).toContain('"code":"body-too-large"');
  });
  it("refuses a chunked body as soon as it passes the limit", async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${s.url}/select`,
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (r) => {
          let body = "";
          r.on("data", (d) => {
            body += d;
          });
          r.on("end", () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      const chunk = `{"a":"${"x".repeat(16 * 1024)}`;
      let sent = 0;
      const pump = () => {
        while (sent < 200 && req.write(chunk)) sent++;
        if (sent < 200) req.once("drain", pump);
      };
      pump();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("body-too-large");
  });
});

describe("415, 404, 405", () => {
  it("415 for a body that is not JSON in UTF-8", async () => {
    expect((await error(await post(s.url, "/select", "{}", "text/plain"), 415)).code).toBe("unsupported-media-type");
    expect((await error(await post(s.url, "/select", "{}", "application/json; charset=latin1"), 415)).code).toBe(
      "unsupported-media-type",
    );
    const none = await fetch(`${s.url}/select`, { method: "POST", body: new Uint8Array([0x7b, 0x7d]) });
    expect((await error(none, 415)).code).toBe("unsupported-media-type");
    expect((await post(s.url, "/select", { profile: profile() }, "application/json; charset=UTF-8")).status).toBe(200);
  });
  it("404 for an unknown path, without echoing it at length", async () => {
    const e = await error(await fetch(`${s.url}/${"x".repeat(5000)}`), 404);
    expect(e.code).toBe("not-found");
    expect(e.message.length).toBeLessThan(300);
    expect((await error(await fetch(`${s.url}/__proto__`), 404)).code).toBe("not-found");
  });
  it("405 with allow for the wrong method", async () => {
    const get = await fetch(`${s.url}/pack`);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await error(get, 405)).code).toBe("method-not-allowed");
    const del = await fetch(`${s.url}/healthz`, { method: "DELETE" });
    expect(del.headers.get("allow")).toBe("GET, HEAD");
    await error(del, 405);
  });
});

describe("slow clients, the connection cap, bounded work", () => {
  /** Sends `first`, then `each` every 100 ms until the server ends the connection: it must answer 408 within 3 s. */
  async function expectTrickleRefused(first: string, each: string): Promise<void> {
    const slow = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 100 });
    try {
      const c = await raw(slow.port);
      c.socket.write(first);
      const timer = setInterval(() => c.socket.write(each), 100);
      const t0 = Date.now();
      await c.ended;
      clearInterval(timer);
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(c.text()).toMatch(/^HTTP\/1\.1 408 /);
      expect(c.text()).toContain('"code":"request-timeout"');
    } finally {
      await slow.close();
    }
  }
  it("408 for headers trickled slower than headersTimeout", async () => {
    await expectTrickleRefused("POST /select HTTP/1.1\r\nhost: x\r\n", "x-slow: 1\r\n");
  });
  it("408 for a body trickled slower than requestTimeout", async () => {
    await expectTrickleRefused(
      "POST /select HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{",
      " ",
    );
  });
  it("closes connections beyond maxConnections at once", async () => {
    const capped = await start({ maxConnections: 2 });
    try {
      const a = await raw(capped.port);
      const b = await raw(capped.port);
      await new Promise((r) => setTimeout(r, 50));
      const c = await raw(capped.port);
      await c.ended;
      expect(c.text()).toBe("");
      expect(a.socket.destroyed || b.socket.destroyed).toBe(false);
      a.socket.write("GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n");
      await new Promise((r) => setTimeout(r, 100));
      expect(a.text()).toMatch(/^HTTP\/1\.1 200 /);
      a.socket.destroy();
      b.socket.destroy();
    } finally {
      await capped.close();
    }
  });
  it("504 work-timeout when the work outlasts the deadline", async () => {
    const hasty = await start({ workTimeoutMs: 1 });
    try {
      const e = await error(await post(hasty.url, "/pack", { profile: profile() }), 504);
      expect(e.code).toBe("work-timeout");
    } finally {
      await hasty.close();
    }
  });
  it("503 overloaded with retry-after when the work queue is full", async () => {
    const busy = await start({ maxConcurrentWork: 1, maxQueuedWork: 0 });
    try {
      const p = profile("uk-high-risk-goods");
      const results = await Promise.all([1, 2, 3].map(() => post(busy.url, "/pack", { profile: p })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      const refused = results.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.headers.get("retry-after")).toBe("1");
        expect((await r.json()).error.code).toBe("overloaded");
      }
    } finally {
      await busy.close();
    }
  });
});
