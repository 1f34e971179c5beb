/**
 * Reading a request body safely: the media type is checked before anything is read, the size is
 * counted as the bytes arrive (a declared `content-length` over the limit is refused before a byte
 * is read), and the nesting depth of the JSON is checked by a linear scan before `JSON.parse` runs,
 * so no body can make the service use more memory or time than its limits allow.
 */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

/** Bounds on what a request may carry. */
export interface BodyLimits {
  /** The largest body, in bytes. */
  maxBodyBytes: number;
  /** The deepest nesting of JSON objects and arrays. */
  maxJsonDepth: number;
}

/** Throws 415 unless the request says its body is JSON in UTF-8. */
export function checkJsonContentType(req: IncomingMessage): void {
  const header = req.headers["content-type"];
  const [type = "", ...params] = (header ?? "").split(";").map((s) => s.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  const json = type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
  if (!json || (charset !== undefined && charset !== "utf-8" && charset !== "utf8")) {
    const got = header === undefined ? "no content-type" : `content-type ${JSON.stringify(header.slice(0, 80))}`;
    throw new HttpError(
      415,
      "unsupported-media-type",
      `The body must be JSON (application/json; charset=utf-8); got ${got}.`,
      {
        headers: { accept: "application/json" },
      },
    );
  }
}

/** The body as bytes, or 413 as soon as it is known to exceed `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, "body-too-large", `The request body is larger than the limit of ${maxBytes} bytes.`, {
      headers: { connection: "close" },
    });
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The deepest nesting of `{` and `[` in JSON text, stopping as soon as it passes `max` (strings and
 * their escapes skipped). Linear in the text; never recursive.
 */
export function jsonDepthExceeds(text: string, max: number): { depth: number; at: number } | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return { depth, at: i };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads, bounds and parses a JSON body; 400 `invalid-json` / `too-deep`, 413, 415 otherwise. */
export async function readJson(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  checkJsonContentType(req);
  const bytes = await readBody(req, limits.maxBodyBytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpError(400, "invalid-json", "The body is not valid UTF-8.");
  }
  const deep = jsonDepthExceeds(text, limits.maxJsonDepth);
  if (deep) {
    throw new HttpError(
      400,
      "too-deep",
      `The JSON nests objects and arrays more than ${limits.maxJsonDepth} deep (at character ${deep.at}).`,
      {
        problems: [
          {
            code: "too-deep",
            path: [],
            pointer: "",
            message: `nesting deeper than ${limits.maxJsonDepth} levels`,
            expected: `at most ${limits.maxJsonDepth} levels of objects and arrays`,
          },
        ],
      },
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message names the position and quotes a short stretch of the text: cut it all the same.
    const message = error instanceof Error ? error.message.slice(0, 200) : "unexpected input";
    throw new HttpError(400, "invalid-json", `The body is not valid JSON: ${message}`);
  }
}
