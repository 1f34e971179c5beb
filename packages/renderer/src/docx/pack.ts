import { Packer } from "docx";
import { unzipSync } from "fflate";

interface ZipLike {
  files: Record<string, { dir: boolean; async(type: "uint8array"): Promise<Uint8Array> }>;
}
interface CompilerLike {
  compile(file: unknown, prettify?: unknown, overrides?: unknown[]): ZipLike;
}

/**
 * The parts of the package, in docx's (stable) order, uncompressed. Reads them from docx's compiler
 * before it zips (so the package is compressed once, by fflate); if a docx release moves that
 * internal, falls back to the public `Packer.toArrayBuffer` and unzips (same parts, slower).
 */
export async function packFiles(
  doc: Parameters<typeof Packer.toArrayBuffer>[0],
  useCompiler = true,
): Promise<Record<string, Uint8Array>> {
  const compiler = useCompiler ? (Packer as unknown as { compiler?: CompilerLike }).compiler : undefined;
  const out: Record<string, Uint8Array> = {};
  if (compiler && typeof compiler.compile === "function") {
    // Read the parts before docx zips them, so the package is compressed only once (by fflate).
    const zip = compiler.compile(doc, undefined, []);
    for (const [name, entry] of Object.entries(zip.files)) {
      if (!entry.dir) out[name] = await entry.async("uint8array");
    }
    return out;
  }
  const buffer = await Packer.toArrayBuffer(doc);
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(buffer)))) {
    if (!name.endsWith("/")) out[name] = data; // JSZip writes folder entries; the parts are what count
  }
  return out;
}
