import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Library, Selection, TenderProfile } from "@fairtender/core";
import { writeFileAtomic } from "./atomic.js";
import { describeFsError, InputError } from "./errors.js";

/** Output formats of `fairtender generate`, in the order they are written. */
export const FORMATS = ["docx", "md", "html", "json", "csv", "ics"] as const;
/** An output format: the file extension written. */
export type Format = (typeof FORMATS)[number];
/** Formats written when `--format` is not given: the tender pack in its three readable forms. */
export const DEFAULT_FORMATS: readonly Format[] = ["docx", "md", "html"];

/** What `generate` does for every profile. Plain data, so it can be sent to a worker thread. */
export interface RenderOptions {
  formats: Format[];
  edition?: "tender" | "guidance";
  /** `YYYY-MM-DD`, printed on the pack. */
  issueDate?: string;
  /** The bytes of a reference .docx whose styles restyle the Word output. */
  referenceDocx?: Uint8Array;
}

/** The bytes or text of each format asked for. */
export type Rendered = Map<Format, string | Uint8Array>;

/**
 * Renders one profile into every format asked for, in memory. Each backend is loaded only if its
 * format is asked for: a Markdown run never loads `docx`.
 */
export async function renderProfile(
  profile: TenderProfile,
  options: RenderOptions,
  library?: Library,
): Promise<{ selection: Selection; outputs: Rendered }> {
  const core = await import("@fairtender/core");
  const selection = core.select(profile, library ? { library } : {});
  const outputs: Rendered = new Map();
  const wants = new Set(options.formats);
  const needsPack = wants.has("docx") || wants.has("md") || wants.has("html");
  const pack = needsPack
    ? (await import("@fairtender/renderer")).buildTenderPack(selection, {
        ...(options.edition ? { edition: options.edition } : {}),
        ...(options.issueDate ? { issueDate: options.issueDate } : {}),
      })
    : undefined;
  // Load the backends in parallel; each import is skipped unless its format is wanted.
  const [docx, markdown, html] = await Promise.all([
    wants.has("docx") ? import("@fairtender/renderer/docx") : undefined,
    wants.has("md") ? import("@fairtender/renderer/markdown") : undefined,
    wants.has("html") ? import("@fairtender/renderer/html") : undefined,
  ]);
  const entries = wants.has("csv") || wants.has("ics") ? core.obligationCalendar(selection) : undefined;
  for (const format of options.formats) {
    switch (format) {
      case "docx":
        outputs.set(
          format,
          await docx!.toDocx(pack!, options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
        );
        break;
      case "md":
        outputs.set(format, markdown!.toMarkdown(pack!));
        break;
      case "html":
        outputs.set(format, html!.toHtml(pack!));
        break;
      case "json":
        outputs.set(format, `${JSON.stringify(selection, null, 2)}\n`);
        break;
      case "csv":
        outputs.set(format, core.calendarToCsv(entries!));
        break;
      case "ics":
        outputs.set(format, core.calendarToICalendar(entries!));
        break;
    }
  }
  return { selection, outputs };
}

/**
 * Writes every rendered output as `<outDir>/<name>.<ext>`, each atomically. Nothing is written unless
 * every format rendered, so a failed render leaves the previous files as they were.
 */
export async function writeOutputs(outDir: string, name: string, outputs: Rendered): Promise<string[]> {
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(error, outDir, "the output directory");
  });
  const written: string[] = [];
  for (const [format, data] of outputs) {
    const path = join(outDir, `${name}.${format}`);
    await writeFileAtomic(path, data).catch((error: unknown) => {
      throw cannotWrite(error, path, "the file");
    });
    written.push(path);
  }
  return written;
}

/** A file-system failure while writing, said plainly (the original error is the cause, for --debug). */
function cannotWrite(error: unknown, path: string, what: string): unknown {
  if (typeof (error as { code?: unknown })?.code !== "string") return error;
  return new InputError(`cannot create ${what}: ${describeFsError(error, path)}`, [], [], { cause: error });
}
