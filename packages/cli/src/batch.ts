import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { failedJob, type Job, type JobResult } from "./job.js";

/**
 * How a worker is started. Built: the worker file next to this chunk (dist/worker.js). From source
 * (tests, `tsx src/bin.ts`): a small bootstrap that registers tsx in the worker thread, then imports
 * src/worker.ts, with the `@fairtender/source` condition so packages resolve to their sources too.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here));
  // tsx's ESM API (its "import" export; require.resolve would give the CommonJS one).
  const tsxDir = dirname(createRequire(here).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxDir, "dist", "esm", "api", "index.mjs")).href;
  const entry = new URL("./worker.ts", here).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: ["--conditions", "@fairtender/source"] });
}

/** Workers running now, in any pool of this thread. */
const live = new Set<Worker>();
/** Set by an interrupt: no new worker starts (a pool would otherwise replace the ones stopped). */
let stopping = false;

/**
 * Stops every running worker (for an interrupt): once this resolves, no worker can start writing
 * another file, so the temporary files left can be swept.
 */
export async function stopAllWorkers(): Promise<void> {
  stopping = true;
  await Promise.all([...live].map((w) => w.terminate()));
  live.clear();
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
      if (stopping) return;
      const worker = startWorker();
      workers.add(worker);
      live.add(worker);
      worker.once("exit", () => live.delete(worker));
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
          finish(
            index,
            failedJob(job, job.file, { message: `the worker stopped: ${reason}`, problems: [], issues: [] }),
          );
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
