import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Job, JobResult } from "./job.js";

/** How the worker file is started: the built JavaScript, or the TypeScript source through tsx. */
function workerSpec(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // Running from source (tests, `tsx src/bin.ts`): start the worker through tsx with the source condition.
    return {
      url: new URL("./worker.ts", here),
      execArgv: [
        "--import",
        pathToFileURL(createRequire(here).resolve("tsx")).href,
        "--conditions",
        "@fairtender/source",
      ],
    };
  }
  return { url: new URL("./worker.js", here), execArgv: [] };
}

/** The number of workers for `n` profiles: one per CPU, never more than there are profiles. */
export function poolSize(n: number, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(cpus, n));
}

/**
 * Runs jobs on a pool of `worker_threads` (min(CPUs, jobs) workers), each worker taking the next job
 * as soon as it is free. `onResult` is called as each job finishes; results are returned in job order.
 * A worker that dies fails its current job and is replaced, so the other jobs still run.
 */
export async function runPool(
  jobs: readonly Job[],
  onResult: (result: JobResult, index: number) => void,
  size = poolSize(jobs.length),
): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const spec = workerSpec();
  return await new Promise<JobResult[]>((resolveAll) => {
    const workers = new Set<Worker>();
    const finish = (index: number, result: JobResult) => {
      results[index] = result;
      done++;
      onResult(result, index);
      if (done === jobs.length) {
        for (const w of workers) void w.terminate();
        resolveAll(results);
      }
    };
    const start = () => {
      const worker = new Worker(spec.url, { execArgv: spec.execArgv });
      workers.add(worker);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, job: jobs[current] });
      };
      worker.on("message", (message: { id: number; result: JobResult }) => {
        current = -1;
        finish(message.id, message.result);
        feed();
      });
      const fail = (reason: string) => {
        workers.delete(worker);
        if (current >= 0) {
          const job = jobs[current] as Job;
          const index = current;
          current = -1;
          finish(index, {
            file: job.file,
            shown: job.file,
            ok: false,
            written: [],
            warnings: [],
            error: { message: `${job.file}: the worker stopped: ${reason}`, problems: [] },
            ms: 0,
          });
          if (next < jobs.length) start();
        }
      };
      worker.on("error", (error) => fail(error.message));
      worker.on("exit", (code) => {
        if (current >= 0) fail(`exit code ${code}`);
      });
      feed();
    };
    if (jobs.length === 0) {
      resolveAll(results);
      return;
    }
    for (let i = 0; i < Math.min(size, jobs.length); i++) start();
  });
}
