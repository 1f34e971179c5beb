import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { link, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files being written right now by this thread, removed if the process is interrupted. */
const pending = new Set<string>();
/** Directories other threads (batch workers) write to. */
const watched = new Set<string>();

/** Marks a directory that worker threads of this process write temporary files to. */
export function watchDirectory(dir: string): void {
  watched.add(dir);
}

/** True for a temporary file name written by `writeFileAtomic` in process `pid`. */
export function isTemporaryName(name: string, pid = process.pid): boolean {
  return name.startsWith(".") && name.endsWith(".tmp") && name.includes(`.${pid}.`);
}

/**
 * Removes every temporary file of an unfinished atomic write of this process (this thread's, and
 * those in directories worker threads write to). For a SIGINT handler: synchronous.
 */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  for (const dir of watched) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (isTemporaryName(name)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Writes a file atomically: the data goes to a temporary file in the same directory, which is
 * flushed to disk (fsync) and then renamed over the target. Readers see the old file or the complete
 * new one, never a half-written one; if anything fails the temporary file is removed and the old file
 * is left as it was.
 *
 * With `overwrite: false` an existing file is never replaced, even one created by someone else while
 * this one was being written: the complete temporary file is hard-linked into place, which fails with
 * `EEXIST` if the name is taken.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  pending.add(tmp);
  try {
    const handle = await open(tmp, "wx", 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) {
      await link(tmp, path);
      await unlink(tmp);
    } else {
      await rename(tmp, path);
    }
    pending.delete(tmp);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    throw error;
  }
  // Make the rename itself durable. Some platforms (Windows) cannot open a directory: best effort.
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // ignore: the file is complete and in place either way
  }
}
