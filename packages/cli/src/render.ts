import { mkdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Library, Selection, TenderProfile } from "@fairtender/core";
import { commitFiles, removeStaleTemporaryFiles, type Staged, stageFiles } from "./atomic.js";
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
  /** `--ocds`: also write the OCDS release package (`<name>.ocds.json`, from `@fairtender/adapters`). */
  ocds?: boolean;
}

/** What one profile's run writes: a format, or the OCDS release package of `--ocds`. */
export type Written = Format | "ocds";

/** The file extension of each output (`ocds.json` for the OCDS release package). */
export function extension(output: Written): string {
  return output === "ocds" ? "ocds.json" : output;
}

/** The bytes or text of each output asked for, in the order they are written. */
export type Rendered = Map<Written, string | Uint8Array>;

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
  if (options.ocds) {
    const { toOcds } = await import("@fairtender/adapters");
    // The pack's document entry names the first pack format written (the one a buyer publishes).
    const format = options.formats.find((f) => f === "docx" || f === "md" || f === "html");
    const out = toOcds(selection, format ? { format, ...(pack ? { pack } : {}) } : undefined);
    outputs.set("ocds", `${JSON.stringify(out.package, null, 2)}\n`);
  }
  return { selection, outputs };
}

/**
 * Creates `dir` and its missing parents, one level at a time. Unlike `mkdir -p` in Node (which loops
 * forever where a file system refuses new directories without saying so, such as `/proc`), this takes
 * one step per missing level of the path and then stops with an error that says where.
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (!(await stat(at)).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: "ENOTDIR", path: at });
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(at);
      const parent = dirname(at);
      if (parent === at) throw error;
      at = parent;
    }
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && (await stat(level).catch(() => undefined))?.isDirectory()) continue;
      if (code === "ENOENT") {
        // The parent exists (it was just checked or made), yet the file system says it does not.
        throw new InputError(
          `cannot create the output directory: ${dir}: ${dirname(level)} does not accept new directories`,
          [],
          [],
          { cause: error },
        );
      }
      throw error;
    }
  }
}

/**
 * Writes every rendered output as `<outDir>/<name>.<ext>` to temporary files, flushed to disk, for
 * {@link commitFiles} to rename into place as a set. Nothing is staged unless every format rendered,
 * and if any write fails (a full disk) nothing of the set is left. Stale temporary files left in
 * `outDir` by a killed run are removed first (their names are returned).
 */
export async function stageOutputs(
  outDir: string,
  name: string,
  outputs: Rendered,
): Promise<{ staged: Staged[]; stale: string[] }> {
  await makeDirectory(outDir).catch((error: unknown) => {
    throw cannotWrite(error, outDir, "the output directory");
  });
  const stale = removeStaleTemporaryFiles(outDir);
  const files = [...outputs].map(([format, data]) => ({ path: join(outDir, `${name}.${extension(format)}`), data }));
  try {
    return { staged: await stageFiles(files), stale };
  } catch (error) {
    const path = (error as { path?: unknown }).path;
    throw cannotWrite(error, typeof path === "string" ? path : outDir, "the file");
  }
}

/** Renames a staged set into place (see {@link commitFiles}), with a plain message if it fails. */
export function commitOutputs(staged: readonly Staged[]): string[] {
  try {
    commitFiles(staged);
  } catch (error) {
    const path = (error as { path?: unknown }).path;
    throw cannotWrite(error, typeof path === "string" ? path : (staged[0]?.path ?? ""), "the file");
  }
  return staged.map((s) => s.path);
}

/** A file-system failure while writing, said plainly (the original error is the cause, for --debug). */
export function cannotWrite(error: unknown, path: string, what: string): unknown {
  if (typeof (error as { code?: unknown })?.code !== "string") return error;
  return new InputError(`cannot create ${what}: ${describeFsError(error, path)}`, [], [], { cause: error });
}
