/**
 * Test helpers: a real server on 127.0.0.1 (port 0), the sample profiles, raw sockets for what
 * fetch cannot do (trickled headers, unread bodies, a connection cap).
 */
import { existsSync, readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type ListeningServer, type ListenOptions, type LogEntry, listen } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));

/** A profile of examples/profiles, as the JSON a client sends. */
export function profile(name = "small-it-services"): Record<string, unknown> {
  return parse(readFileSync(join(here, "..", "..", "..", "examples", "profiles", `${name}.yaml`), "utf8"));
}

/** A started server with its log lines. */
export interface Started extends ListeningServer {
  logs: LogEntry[];
}

/** Starts a server on a free loopback port, logging into `logs`. */
export async function start(options: ListenOptions = {}): Promise<Started> {
  const logs: LogEntry[] = [];
  const s = await listen({ port: 0, host: "127.0.0.1", log: (e) => logs.push(e), ...options });
  return Object.assign(s, { logs });
}

/** POSTs JSON (or text as it is) with `content-type: application/json` unless told otherwise. */
export function post(base: string, path: string, body: unknown, contentType = "application/json"): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": contentType },
  });
}

/** A raw TCP connection to the server, collecting what it answers. */
export async function raw(port: number): Promise<{ socket: Socket; text: () => string; ended: Promise<void> }> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((r, j) => socket.once("connect", r).once("error", j));
  let data = "";
  socket.on("data", (d) => {
    data += d.toString("latin1");
  });
  const ended = new Promise<void>((r) => socket.once("close", () => r()));
  socket.on("error", () => {});
  return { socket, text: () => data, ended };
}

/** The eForms SDK's example notices (shared/standards), if present. */
export function findNotices(): string | undefined {
  const candidates = process.env.FAIRTENDER_STANDARDS ? [resolve(process.env.FAIRTENDER_STANDARDS)] : [];
  let dir = resolve(here, "..", "..", "..");
  for (let i = 0; i < 4; i++) {
    dir = dirname(dir);
    candidates.push(join(dir, "shared", "standards"));
  }
  const root = candidates.find((c) => existsSync(join(c, "eforms-sdk-1.16", "notices")));
  if (!root && process.env.CI) throw new Error("CI: shared/standards is missing; the import tests must run in CI");
  return root ? join(root, "eforms-sdk-1.16", "notices") : undefined;
}
