import { randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import { link, open, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files being written right now by this thread, removed if the process is interrupted. */
const pending = new Set<string>();
/** Directories other threads (batch workers) write to. */
const watched = new Set<string>();

/**
 * Temporary files are named `.<target name>.fairtender-<pid>-<8 hex>.tmp`, in the target's directory:
 * hidden, recognisably ours, and naming the process that wrote them, so the next run can tell a file
 * left by a process that died (removed) from one being written right now by another (left alone).
 */
const TEMPORARY = /^\..+\.fairtender-(\d+)-[0-9a-f]{8}\.tmp$/;

/** A temporary name next to `path`, owned by this process. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.fairtender-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Marks a directory that worker threads of this process write temporary files to. */
export function watchDirectory(dir: string): void {
  watched.add(dir);
}

/** The process id in a temporary file name written by this module, or undefined for any other name. */
export function temporaryOwner(name: string): number | undefined {
  const m = TEMPORARY.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** True for a temporary file name written by this module in process `pid`. */
export function isTemporaryName(name: string, pid = process.pid): boolean {
  return temporaryOwner(name) === pid;
}

/** True when a process with this id is running (or exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes every temporary file of an unfinished atomic write of this process (this thread's, and
 * those in directories worker threads write to). For a signal handler: synchronous.
 */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
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
 * Removes the temporary files in `dir` that a `fairtender` process left when it was killed (SIGKILL,
 * a power cut): those whose process no longer runs. Files of running processes, this one included,
 * and every other file are left alone. Returns the names removed.
 */
export function removeStaleTemporaryFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = temporaryOwner(name);
    if (pid === undefined || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // a file we may not remove: not ours to worry about
    }
  }
  return removed.sort();
}

/** A file written to a temporary name and flushed to disk, waiting to be renamed over `path`. */
export interface Staged {
  /** The temporary file. */
  tmp: string;
  /** Where it goes. */
  path: string;
}

/** Writes `data` to a new temporary file next to `path` and flushes it to disk (fsync). */
async function stageFile(path: string, data: string | Uint8Array): Promise<Staged> {
  const tmp = temporaryPath(path);
  pending.add(tmp);
  try {
    const handle = await open(tmp, "wx", 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    pending.delete(tmp);
    // Name the file being written, not its temporary name (a write error names none at all).
    if (error !== null && typeof error === "object") Object.assign(error, { path });
    throw error;
  }
  return { tmp, path };
}

/**
 * The first half of writing a set of files atomically: every file is written to a temporary name in
 * its target's directory and flushed to disk. If any write fails (a full disk, say), the temporary
 * files already written are removed and the error is thrown: nothing of the set is left.
 * Then {@link commitFiles} renames them all into place, or {@link discardStaged} drops them.
 */
export async function stageFiles(files: readonly { path: string; data: string | Uint8Array }[]): Promise<Staged[]> {
  const staged: Staged[] = [];
  try {
    for (const file of files) staged.push(await stageFile(file.path, file.data));
  } catch (error) {
    discardStaged(staged);
    throw error;
  }
  return staged;
}

/** Removes staged temporary files that will not be committed. */
export function discardStaged(staged: readonly Staged[]): void {
  for (const s of staged) {
    rmSync(s.tmp, { force: true });
    pending.delete(s.tmp);
  }
}

/** An error for a target name taken by a directory (what `rename` would say, with the target's path). */
function blocked(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, rename '${path}'`), {
    code: "EISDIR",
    path,
  });
}

/**
 * The second half: renames every staged file over its target, all of them or none. A target that is
 * a directory is refused before anything is renamed. If a rename still fails, the targets already
 * replaced get their old contents back (kept as hard links while the set is renamed; copies where the
 * file system has no hard links) and the new ones are removed; every temporary file is removed and
 * the error is thrown with the path that failed.
 *
 * Synchronous on purpose: no signal handler (they run on the event loop) can run in the middle of a
 * set, so an interrupt sees the set before or after, never half of it.
 */
export function commitFiles(staged: readonly Staged[]): void {
  const fail = (error: unknown): never => {
    discardStaged(staged);
    throw error;
  };
  const exists: boolean[] = [];
  for (const s of staged) {
    let isDirectory: boolean | undefined;
    try {
      isDirectory = lstatSync(s.path).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") fail(error);
    }
    if (isDirectory) fail(blocked(s.path));
    exists.push(isDirectory !== undefined);
  }
  const done: { s: Staged; backup: string | undefined }[] = [];
  try {
    for (const [i, s] of staged.entries()) {
      let backup: string | undefined;
      if (exists[i]) {
        backup = temporaryPath(s.path);
        pending.add(backup);
        try {
          linkSync(s.path, backup);
        } catch {
          copyFileSync(s.path, backup);
        }
      }
      done.push({ s, backup });
      renameSync(s.tmp, s.path);
      pending.delete(s.tmp);
    }
  } catch (error) {
    for (const { s, backup } of done.reverse()) {
      try {
        if (backup === undefined) rmSync(s.path, { force: true });
        else renameSync(backup, s.path);
      } catch {
        // best effort: the rest are still restored
      }
      if (backup !== undefined) {
        rmSync(backup, { force: true });
        pending.delete(backup);
      }
    }
    fail(error);
  }
  for (const { backup } of done) {
    if (backup === undefined) continue;
    rmSync(backup, { force: true });
    pending.delete(backup);
  }
  // Make the renames durable. Some platforms (Windows) cannot open a directory: best effort.
  for (const dir of new Set(staged.map((s) => dirname(s.path)))) {
    try {
      const fd = openSync(dir, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // ignore: the files are complete and in place either way
    }
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
  const staged = await stageFile(path, data);
  if (options.overwrite !== false) {
    commitFiles([staged]);
    return;
  }
  try {
    await link(staged.tmp, path);
  } finally {
    discardStaged([staged]);
  }
}
