import { Inflate } from "fflate";

/** Why a zip package was refused (see {@link readZip}). */
export type ZipProblem = "not-a-zip" | "too-many-parts" | "too-large" | "unsupported";

/** A zip package refused before or while it was read; `problem` says why. */
export class ZipLimitError extends Error {
  override readonly name = "ZipLimitError";
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Bounds on what {@link readZip} unpacks. */
export interface ZipLimits {
  /** Entries in the central directory, counted before anything is read. */
  maxParts: number;
  /** The sum of the uncompressed sizes the package declares. */
  maxTotalBytes: number;
  /** One part's uncompressed size: declared, and counted while inflating (a part that lies is cut off). */
  maxPartBytes: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const CHUNK = 4096;

/**
 * Reads the parts of a zip package whose names `want` accepts, within `limits`. The central
 * directory is checked whole first (entry count, declared sizes, encryption, compression method)
 * so a package over a limit costs no inflating; the parts read are then inflated in small chunks
 * and stopped as soon as one gives more bytes than it declared or than `maxPartBytes`, so a
 * package whose headers lie (a zip bomb) costs at most a few kilobytes beyond the limit.
 * Returns every entry's name (the listing) and the parts read.
 */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  want: (name: string) => boolean,
): { names: string[]; parts: Record<string, Uint8Array> } {
  const notZip = (why: string) => new ZipLimitError("not-a-zip", `it is not a zip package (${why})`);
  if (bytes.length < 22) throw notZip("too short");
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip("no end of central directory");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (cdOffset !== 0xffffffff && cdOffset + cdSize > eocd) throw notZip("a central directory outside the file");
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipLimitError(
      "unsupported",
      "it is a ZIP64 package, which no word-processing document of this size needs",
    );
  if (count > limits.maxParts)
    throw new ZipLimitError("too-many-parts", `it has ${count} parts, more than the limit of ${limits.maxParts}`);
  interface Entry {
    name: string;
    method: number;
    compressed: number;
    size: number;
    local: number;
  }
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  let total = 0;
  let o = cdOffset;
  for (let n = 0; n < count; n++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw notZip("a broken central directory");
    const flags = u16(bytes, o + 8);
    const nameLength = u16(bytes, o + 28);
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength)),
      method: u16(bytes, o + 10),
      compressed: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      local: u32(bytes, o + 42),
    };
    if (flags & 1) throw new ZipLimitError("unsupported", `part ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipLimitError("unsupported", `part ${entry.name} uses compression method ${entry.method}`);
    if (entry.size > limits.maxPartBytes)
      throw new ZipLimitError(
        "too-large",
        `part ${entry.name} unpacks to ${entry.size} bytes, more than the limit of ${limits.maxPartBytes}`,
      );
    total += entry.size;
    if (total > limits.maxTotalBytes)
      throw new ZipLimitError("too-large", `it unpacks to more than the limit of ${limits.maxTotalBytes} bytes`);
    entries.push(entry);
    o += 46 + nameLength + u16(bytes, o + 30) + u16(bytes, o + 32);
  }
  const parts: Record<string, Uint8Array> = {};
  for (const e of entries) {
    if (e.name.endsWith("/") || !want(e.name) || parts[e.name]) continue;
    const l = e.local;
    if (l + 30 > bytes.length || u32(bytes, l) !== 0x04034b50) throw notZip(`a broken header for ${e.name}`);
    const start = l + 30 + u16(bytes, l + 26) + u16(bytes, l + 28);
    if (start + e.compressed > bytes.length) throw notZip(`part ${e.name} is cut short`);
    const data = bytes.subarray(start, start + e.compressed);
    parts[e.name] = e.method === 0 ? data.slice() : inflateBounded(e.name, data, Math.min(e.size, limits.maxPartBytes));
  }
  return { names: entries.map((e) => e.name), parts };
}

function inflateBounded(name: string, data: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > max)
      throw new ZipLimitError("too-large", `part ${name} unpacks to more bytes than it declares (${max})`);
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch (e) {
    if (e instanceof ZipLimitError) throw e;
    throw new ZipLimitError("not-a-zip", `part ${name} does not inflate`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
