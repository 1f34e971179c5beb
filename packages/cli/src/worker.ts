/**
 * The batch worker of `fairtender generate`: receives jobs from the main thread, runs each, posts the
 * result back. Loaded by `worker_threads` by file name (dist/worker.js).
 */
import { parentPort } from "node:worker_threads";
import { type Job, runJob } from "./job.js";

if (!parentPort) throw new Error("worker.js is run by `fairtender generate`, not directly");
const port = parentPort;
port.on("message", (message: { id: number; job: Job }) => {
  void runJob(message.job).then((result) => port.postMessage({ id: message.id, result }));
});
