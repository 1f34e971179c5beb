import { Packer } from "docx";
import { unzipSync } from "fflate";

type DocxFile = Parameters<typeof Packer.toArrayBuffer>[0];

/** One part as docx's compiler writes it, before it is zipped. */
interface XmlPart {
  path: string;
  data: string;
}
interface MediaLike {
  type: string;
  fileName: string;
  data: Uint8Array | string;
  fallback?: { fileName: string; data: Uint8Array | string };
}
/** The docx 9 internals `Compiler.compile` is made of (see docx's `next-compiler.ts`). */
interface CompilerLike {
  xmlifyFile(file: unknown, prettify?: unknown): Record<string, XmlPart | XmlPart[]>;
}
interface FileInternals {
  Media?: { Array?: MediaLike[] };
  FontTable?: { fontOptionsWithKey?: unknown[] };
}

const utf8 = new TextEncoder();

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === "string" ? utf8.encode(data) : data);

/**
 * The timer docx's bundled browser stand-in for Node's `nextTick` drains its queue with, captured
 * when this module loads (as the stand-in captures it), so fake timers a test installs later cannot
 * stall a render.
 */
const timer: typeof setTimeout | undefined = typeof setTimeout === "function" ? setTimeout : undefined;

/**
 * Waits until docx's `nextTick` stand-in has run what it queued. docx bundles a browser shim of
 * Node's globals whose `nextTick` runs only from a `setTimeout(…, 0)`; the `xml` serialiser queues
 * one closure per part, and each keeps the part's whole object tree and XML string alive (about
 * 3.6 MB per document). A caller that awaits `toDocx` in a loop never lets that timer run (awaiting
 * drains only microtasks), so memory grew without bound. A zero-delay timer set after the shim's
 * fires after it.
 */
function afterDocxTicks(): Promise<void> {
  return timer ? new Promise((resolve) => timer(resolve, 0)) : Promise.resolve();
}

/**
 * The parts of the package, in docx's (stable) order, uncompressed.
 *
 * Reads them from docx's compiler as XML strings, before docx zips them: docx's own `compile` adds
 * each part to a JSZip archive and JSZip then re-encodes it in small asynchronous chunks, which
 * costs more than the XML itself on a cold start (a one-document CLI run). The package is zipped
 * once, by the caller. The parts are the ones `compile` writes: every XML part, then the media
 * (images, and an SVG's PNG fallback). If a docx release moves these internals, or the document
 * embeds fonts (which docx obfuscates while zipping), falls back to the public
 * `Packer.toArrayBuffer` and unzips (same parts, slower).
 */
export async function packFiles(doc: DocxFile, useCompiler = true): Promise<Record<string, Uint8Array>> {
  const compiler = useCompiler ? (Packer as unknown as { compiler?: CompilerLike }).compiler : undefined;
  const internals = doc as unknown as FileInternals;
  const fonts = internals.FontTable?.fontOptionsWithKey;
  if (typeof compiler?.xmlifyFile === "function" && Array.isArray(fonts) && fonts.length === 0) {
    const out: Record<string, Uint8Array> = {};
    for (const entry of Object.values(compiler.xmlifyFile(doc, undefined))) {
      for (const part of Array.isArray(entry) ? entry : [entry]) out[part.path] = utf8.encode(part.data);
    }
    // Images are registered while the XML is written, so the media list is read afterwards.
    for (const item of internals.Media?.Array ?? []) {
      out[`word/media/${item.fileName}`] = bytesOf(item.data);
      if (item.type === "svg" && item.fallback)
        out[`word/media/${item.fallback.fileName}`] = bytesOf(item.fallback.data);
    }
    await afterDocxTicks();
    return out;
  }
  const buffer = await Packer.toArrayBuffer(doc);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(buffer)))) {
    if (!name.endsWith("/")) out[name] = data; // JSZip writes folder entries; the parts are what count
  }
  return out;
}
