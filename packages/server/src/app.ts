/**
 * The request handler: routing, the four endpoints, health and readiness, the OpenAPI document,
 * bounded work (a cap on concurrent work, a queue with a cap, a deadline per request) and one JSON
 * log line per request. A plain `(req, res)` listener: it works in any `node:http` server.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fromEforms, fromOcds, type ImportResult, toEforms, toOcds } from "@fairtender/adapters";
import { formatPath, type Selection, safeParseProfile, safeParseSelection, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import type { z } from "zod";
import { type BodyLimits, readJson } from "./body.js";
import {
  errorBody,
  fromFairtenderError,
  HttpError,
  MAX_MESSAGE,
  type Problem,
  pointer,
  shortValue,
  truncate,
} from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { docxToPdf, findSoffice } from "./pdf.js";
import { PACK_MEDIA_TYPES, type PackFormat, REQUESTS } from "./schemas.js";

/** One log line: a request (`msg: "request"`) or a service event. Never a body. */
export interface LogEntry {
  time: string;
  level: "info" | "warn" | "error";
  msg: string;
  [key: string]: string | number | boolean | undefined;
}

/** Options of {@link createApp}. Every limit has a default; each is documented in the README. */
export interface AppOptions {
  /** The largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The deepest nesting of JSON objects and arrays in a body (default 64). */
  maxJsonDepth?: number;
  /** Requests doing work at the same time (default 4); more wait in a queue. */
  maxConcurrentWork?: number;
  /** Requests waiting for work (default 64); beyond that 503 `overloaded` with `retry-after`. */
  maxQueuedWork?: number;
  /** The longest a request may wait and work, in ms (default 30 s); then 504 `work-timeout`. */
  workTimeoutMs?: number;
  /** LibreOffice for PDF: a path, `false` for none, or undefined to look for `soffice` on the PATH. */
  soffice?: string | false;
  /** The longest a PDF conversion may take, in ms (default 60 s). */
  pdfTimeoutMs?: number;
  /** Where log lines go (default: one JSON line each on stdout); `false` for none. */
  log?: ((entry: LogEntry) => void) | false;
  /** The version written in the OpenAPI document (default: this package's). */
  version?: string;
}

/** The request handler and its state, from {@link createApp}. */
export interface FairtenderApp {
  /** The `node:http` request listener. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** From now on `/readyz` answers 503 and new work is refused with 503 `shutting-down`. */
  drain(): void;
  /** True after {@link FairtenderApp.drain}. */
  readonly draining: boolean;
  /** Requests being handled now. */
  readonly inFlight: number;
  /** Writes a service event to the log (same sink as the request lines). */
  log(level: LogEntry["level"], msg: string, fields?: Record<string, string | number | boolean>): void;
}

/** This package's version (kept in step with package.json by the release). */
export const SERVER_VERSION = "0.1.0";

const DEFAULTS = {
  maxBodyBytes: 1024 * 1024,
  maxJsonDepth: 64,
  maxConcurrentWork: 4,
  maxQueuedWork: 64,
  workTimeoutMs: 30_000,
  pdfTimeoutMs: 60_000,
};

/** Per request: when its work must be done. */
class Deadline {
  readonly at: number;
  constructor(ms: number) {
    this.at = Date.now() + ms;
  }
  /** Throws 504 if the deadline has passed (called between the stages of the work). */
  check(): void {
    if (Date.now() > this.at) throw workTimeout();
  }
  /** Resolves to the promise's value, or rejects with 504 when the deadline passes first. */
  race<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(workTimeout()), Math.max(0, this.at - Date.now()));
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
const workTimeout = () => new HttpError(504, "work-timeout", "The work took longer than this service allows.");

/** A counting semaphore with a bounded queue. */
class WorkSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}
  async run<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.maxQueued) {
        throw new HttpError(503, "overloaded", "Too many requests are waiting; try again shortly.", {
          headers: { "retry-after": "1" },
        });
      }
      let wake: () => void = () => {};
      const turn = new Promise<void>((resolve) => {
        wake = resolve;
        this.waiting.push(resolve);
      });
      try {
        await deadline.race(turn);
      } catch (error) {
        const i = this.waiting.indexOf(wake);
        if (i !== -1) this.waiting.splice(i, 1);
        else this.release(); // woken at the same moment: pass the slot on
        throw error;
      }
    } else this.running++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/** Problems from a zod error of a request envelope. */
function envelopeProblems(error: z.ZodError): Problem[] {
  const codes: Record<string, string> = {
    invalid_type: "invalid-type",
    unrecognized_keys: "unknown-field",
    invalid_value: "unknown-value",
    too_small: "too-small",
    too_big: "too-big",
    invalid_format: "invalid-format",
    invalid_union: "invalid-union",
  };
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...base, k]) : [base];
    for (const path of keys) {
      const missing = issue.code !== "unrecognized_keys" && issue.input === undefined;
      const where = formatPath(path) || "the body";
      const message =
        issue.code === "unrecognized_keys"
          ? `${where}: unknown field`
          : missing
            ? `${where}: is required`
            : `${where}: ${issue.message}`;
      const problem: Problem = {
        code: missing ? "missing" : (codes[issue.code] ?? "invalid-value"),
        path,
        pointer: pointer(path),
        message: truncate(message, MAX_MESSAGE),
      };
      if (!missing && issue.code !== "unrecognized_keys" && issue.input !== undefined)
        problem.received = shortValue(issue.input);
      problems.push(problem);
    }
  }
  return problems;
}

/** Checks a request envelope with its zod schema; 400 `invalid-request` with the paths otherwise. */
function envelope<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new HttpError(400, "invalid-request", "The body must be a JSON object.", {
      problems: [
        {
          code: "invalid-type",
          path: [],
          pointer: "",
          message: "the body must be a JSON object",
          received: shortValue(body),
          expected: "a JSON object",
        },
      ],
    });
  }
  const result = schema.safeParse(body, { reportInput: true });
  if (!result.success) {
    const problems = envelopeProblems(result.error);
    throw new HttpError(400, "invalid-request", `The request body has ${problems.length} problem(s).`, { problems });
  }
  return result.data;
}

/** Runs core's selection for the profile at `body.profile`; 400 with the profile's paths otherwise. */
function selectFor(profile: unknown): Selection {
  const parsed = safeParseProfile(profile);
  if (!parsed.success) throw fromFairtenderError(parsed.error, ["profile"]) as HttpError;
  try {
    return select(parsed.data);
  } catch (error) {
    throw fromFairtenderError(error, ["profile"]) ?? error;
  }
}

const safeName = (s: string | undefined) =>
  (s ?? "tender-pack")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "tender-pack";

/** What a handler returns: a JSON value, or bytes with their media type. */
type Reply = { json: unknown } | { bytes: Uint8Array | string; type: string; filename?: string };

/**
 * The request handler of the Fairtender service. Embed it in any `node:http` server, or use
 * {@link createServer} (which sets the timeouts and the connection cap) or {@link listen}.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { createApp } from "@fairtender/server";
 * const app = createApp({ log: false });
 * createServer(app.handle).listen(8080);
 * ```
 */
export function createApp(options: AppOptions = {}): FairtenderApp {
  const limits: BodyLimits = {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxJsonDepth: options.maxJsonDepth ?? DEFAULTS.maxJsonDepth,
  };
  const workTimeoutMs = options.workTimeoutMs ?? DEFAULTS.workTimeoutMs;
  const slots = new WorkSlots(
    options.maxConcurrentWork ?? DEFAULTS.maxConcurrentWork,
    options.maxQueuedWork ?? DEFAULTS.maxQueuedWork,
  );
  const version = options.version ?? SERVER_VERSION;
  const sink =
    options.log === false
      ? undefined
      : (options.log ?? ((entry: LogEntry) => void process.stdout.write(`${JSON.stringify(entry)}\n`)));
  let soffice: string | false | undefined = options.soffice;
  const pdfTool = () => {
    if (soffice === undefined) soffice = findSoffice() ?? false;
    return soffice;
  };
  let draining = false;
  let inFlight = 0;
  const sent = new WeakMap<ServerResponse, number>();

  const log = (level: LogEntry["level"], msg: string, fields: Record<string, string | number | boolean> = {}) => {
    if (sink) sink({ time: new Date().toISOString(), level, msg, ...fields });
  };

  async function pack(body: unknown, deadline: Deadline): Promise<Reply> {
    const request = envelope(REQUESTS.PackRequest, body);
    const format: PackFormat = request.format;
    if (format === "pdf" && pdfTool() === false) {
      throw new HttpError(
        501,
        "pdf-unavailable",
        "This service has no LibreOffice, so it cannot write PDF; ask for docx, md or html.",
      );
    }
    const selection = selectFor(request.profile);
    deadline.check();
    const pack = buildTenderPack(selection, {
      edition: request.edition,
      ...(request.issueDate ? { issueDate: request.issueDate } : {}),
      ...(request.documentVersion ? { documentVersion: request.documentVersion } : {}),
    });
    deadline.check();
    const filename = safeName(selection.profile.procurement.reference ?? selection.profile.procurement.title);
    const type = PACK_MEDIA_TYPES[format];
    if (format === "md") {
      const { toMarkdown } = await import("@fairtender/renderer/markdown");
      return { bytes: toMarkdown(pack), type, filename: `${filename}.md` };
    }
    if (format === "html") {
      const { toHtml } = await import("@fairtender/renderer/html");
      return { bytes: toHtml(pack), type, filename: `${filename}.html` };
    }
    const { toDocx } = await import("@fairtender/renderer/docx");
    const docx = await deadline.race(toDocx(pack));
    if (format === "docx") return { bytes: docx, type, filename: `${filename}.docx` };
    deadline.check();
    const pdfTimeout = Math.min(options.pdfTimeoutMs ?? DEFAULTS.pdfTimeoutMs, Math.max(1, deadline.at - Date.now()));
    const pdf = await deadline.race(docxToPdf(pdfTool() as string, docx, pdfTimeout));
    return { bytes: pdf, type, filename: `${filename}.pdf` };
  }

  function importSource(body: unknown): Reply {
    const request = envelope(REQUESTS.ImportRequest, body);
    const source = request.source ?? (typeof request.document === "string" ? "eforms" : "ocds");
    const options = { ...(request.lot ? { lot: request.lot } : {}) };
    let result: ImportResult;
    try {
      if (source === "eforms") {
        if (typeof request.document !== "string") {
          throw new HttpError(400, "invalid-request", "An eForms notice is XML: send it as a string.", {
            problems: [
              {
                code: "invalid-type",
                path: ["document"],
                pointer: "/document",
                message: "document: an eForms notice must be a string of XML",
                expected: "a string",
              },
            ],
          });
        }
        result = fromEforms(request.document, options);
      } else {
        result = fromOcds(request.document, { ...options, ...(request.release ? { release: request.release } : {}) });
      }
    } catch (error) {
      throw fromFairtenderError(error, ["document"]) ?? error;
    }
    return { json: result };
  }

  function exportSelection(body: unknown): Reply {
    const request = envelope(REQUESTS.ExportRequest, body);
    if ((request.profile === undefined) === (request.selection === undefined)) {
      const path = request.profile === undefined ? [] : ["selection"];
      throw new HttpError(400, "invalid-request", "Give either `profile` or `selection`, not both and not neither.", {
        problems: [
          {
            code: request.profile === undefined ? "missing" : "invalid-value",
            path,
            pointer: pointer(path),
            message: "give either profile or selection",
            expected: "exactly one of profile, selection",
          },
        ],
      });
    }
    let selection: Selection;
    if (request.profile !== undefined) selection = selectFor(request.profile);
    else {
      const parsed = safeParseSelection(request.selection);
      if (!parsed.success) throw fromFairtenderError(parsed.error, ["selection"]) as HttpError;
      selection = parsed.data;
    }
    try {
      if (request.format === "eforms") {
        return {
          json: toEforms(selection, {
            ...(request.lot ? { lot: request.lot } : {}),
            ...(request.languageID ? { languageID: request.languageID } : {}),
          }),
        };
      }
      const doc = request.document;
      const document = doc
        ? {
            format: doc.format,
            ...(doc.url ? { url: doc.url } : {}),
            ...(doc.title ? { title: doc.title } : {}),
            ...(doc.language ? { language: doc.language } : {}),
          }
        : undefined;
      return {
        json: toOcds(selection, document, {
          ...(request.ocid ? { ocid: request.ocid } : {}),
          ...(request.lot ? { lot: request.lot } : {}),
        }),
      };
    } catch (error) {
      throw fromFairtenderError(error) ?? error;
    }
  }

  type Route = { method: "GET" | "POST"; run: (req: IncomingMessage, deadline: Deadline) => Promise<Reply> };
  const work =
    (fn: (body: unknown, deadline: Deadline) => Reply | Promise<Reply>): Route["run"] =>
    async (req, deadline) => {
      if (draining)
        throw new HttpError(503, "shutting-down", "The service is shutting down.", {
          headers: { connection: "close" },
        });
      const body = await readJson(req, limits);
      return slots.run(deadline, async () => {
        deadline.check();
        return fn(body, deadline);
      });
    };
  const routes: Record<string, Route> = {
    "/select": {
      method: "POST",
      run: work((body) => ({ json: selectFor(envelope(REQUESTS.SelectRequest, body).profile) })),
    },
    "/pack": { method: "POST", run: work(pack) },
    "/import": { method: "POST", run: work(importSource) },
    "/export": { method: "POST", run: work(exportSelection) },
    "/healthz": { method: "GET", run: async () => ({ json: { status: "ok" } }) },
    "/readyz": {
      method: "GET",
      run: async () => {
        if (draining) throw new HttpError(503, "shutting-down", "The service is shutting down.");
        return { json: { status: "ready" } };
      },
    },
    "/openapi.json": { method: "GET", run: async () => ({ json: openApiDocument(version) }) },
  };

  function send(
    res: ServerResponse,
    status: number,
    headers: Record<string, string | number>,
    body: Uint8Array | string,
  ) {
    if (res.headersSent || res.destroyed) return;
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    sent.set(res, bytes.byteLength);
    res.writeHead(status, { ...headers, "content-length": bytes.byteLength, "cache-control": "no-store" });
    res.end(bytes);
  }

  async function respond(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<number> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    const headers: Record<string, string> = { "x-request-id": requestId };
    try {
      if (!route)
        throw new HttpError(404, "not-found", `No endpoint ${truncate(url.pathname, 100)}; see /openapi.json.`);
      const allowed = route.method === "GET" ? ["GET", "HEAD"] : ["POST"];
      if (!allowed.includes(req.method ?? "")) {
        throw new HttpError(405, "method-not-allowed", `${url.pathname} takes ${allowed.join(" or ")}.`, {
          headers: { allow: allowed.join(", ") },
        });
      }
      const reply = await route.run(req, new Deadline(workTimeoutMs));
      if (draining) headers.connection = "close";
      if ("json" in reply) {
        send(
          res,
          200,
          { ...headers, "content-type": "application/json; charset=utf-8" },
          `${JSON.stringify(reply.json)}\n`,
        );
      } else {
        const disposition: Record<string, string> = reply.filename
          ? { "content-disposition": `attachment; filename="${reply.filename}"` }
          : {};
        send(res, 200, { ...headers, "content-type": reply.type, ...disposition }, reply.bytes);
      }
      return 200;
    } catch (caught) {
      let error: HttpError;
      if (caught instanceof HttpError) error = caught;
      else {
        error =
          fromFairtenderError(caught) ??
          new HttpError(500, "internal", `An internal error; the request id is ${requestId}.`);
        if (error.status === 500) {
          log("error", "internal error", {
            requestId,
            error: caught instanceof Error ? `${caught.name}: ${truncate(caught.message, 300)}` : "non-error thrown",
          });
        }
      }
      // A body left unread (refused early: 413, 415, 404, 405) is not drained: the connection closes.
      const close = draining || !req.complete;
      const extra = { ...error.headers, ...(close ? { connection: "close" } : {}) };
      send(
        res,
        error.status,
        { ...headers, ...extra, "content-type": "application/json; charset=utf-8" },
        `${JSON.stringify(errorBody(error, requestId))}\n`,
      );
      return error.status;
    }
  }

  return {
    handle(req, res) {
      const started = process.hrtime.bigint();
      const given = req.headers["x-request-id"];
      const requestId = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
      inFlight++;
      let bytesIn = 0;
      req.on("data", (chunk: Buffer) => {
        bytesIn += chunk.length;
      });
      respond(req, res, requestId)
        .catch(() => 500)
        .then((status) => {
          const finish = () => {
            inFlight--;
            log(status >= 500 ? "error" : status >= 400 ? "warn" : "info", "request", {
              requestId,
              method: req.method ?? "",
              path: truncate(new URL(req.url ?? "/", "http://localhost").pathname, 200),
              status,
              ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
              bytesIn,
              bytesOut: sent.get(res) ?? 0,
            });
          };
          if (res.writableFinished || res.destroyed) finish();
          else {
            res.once("finish", finish);
            res.once("close", () => {
              if (!res.writableFinished) finish();
            });
          }
        });
    },
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    log,
  };
}
