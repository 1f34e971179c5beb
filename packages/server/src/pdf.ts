/**
 * PDF through LibreOffice (`soffice --headless --convert-to pdf`), where it is installed. One
 * conversion at a time, each with its own LibreOffice profile folder (concurrent runs sharing one
 * profile fail) and a time limit; the temporary folder is removed whatever happens.
 */
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { HttpError } from "./errors.js";

/** The first `soffice` (or `libreoffice`) on the PATH, or undefined. */
export function findSoffice(path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of ["soffice", "libreoffice"]) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

let queue: Promise<unknown> = Promise.resolve();

/** Converts a .docx to PDF with the given `soffice`; rejects with an HttpError `pdf-failed` (500) when LibreOffice fails or runs out of time. */
export function docxToPdf(soffice: string, docx: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  const run = async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairtender-pdf-"));
    try {
      const input = join(dir, "pack.docx");
      await writeFile(input, docx);
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [
            `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            input,
          ],
          { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 1024 * 1024 },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      return new Uint8Array(await readFile(join(dir, "pack.pdf")));
    } catch {
      throw new HttpError(500, "pdf-failed", "LibreOffice could not convert the tender pack to PDF.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
