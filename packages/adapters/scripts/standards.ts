/**
 * Where the standards data lives: `shared/standards` in a folder above the repository (in CI a copy
 * of `shared/` sits beside the clone; in a git worktree it may be further up), or the folder named by
 * `FAIRTENDER_STANDARDS`. Used by the scripts and the tests only; the package never reads files.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The standards folders, or `undefined` when none is found. */
export interface Standards {
  root: string;
  eforms: string;
  ocds: string;
  ocdsEforms: string;
}

export function findStandards(): Standards | undefined {
  const explicit = process.env.FAIRTENDER_STANDARDS;
  const candidates: string[] = [];
  if (explicit) candidates.push(resolve(explicit));
  else {
    // packages/adapters/scripts → the repository root is three levels up; look above it.
    let dir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
    for (let i = 0; i < 4; i++) {
      dir = dirname(dir);
      candidates.push(join(dir, "shared", "standards"));
    }
  }
  const root = candidates.find((c) => existsSync(join(c, "eforms-sdk-1.16", "fields", "fields.json")));
  if (!root) return undefined;
  return {
    root,
    eforms: join(root, "eforms-sdk-1.16"),
    ocds: join(root, "ocds-1.1.5"),
    ocdsEforms: join(root, "ocds-eforms-profile"),
  };
}
