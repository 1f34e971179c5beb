import { parseCommandArgs } from "../args.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import type { Context } from "../io.js";

export const help = `Usage: fairtender serve [--port N] [--host H]

Runs Fairtender as an HTTP service (@fairtender/server): POST /select, /pack, /import and /export
with JSON in and out, the OpenAPI 3.1 document at /openapi.json, /healthz and /readyz. Writes one
JSON log line per request to standard output. On SIGTERM or Ctrl-C it stops accepting connections,
lets the requests in flight finish, and exits 0. It keeps no state: run as many as you need behind
any load balancer.

Options:
  --port N      the port to listen on (default 8080; 0 for any free port)
  --host H      the interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  -h, --help    show this help

Example:
  fairtender serve --port 8080
  curl -s http://127.0.0.1:8080/openapi.json

Exit status: 0 after a clean shutdown, 1 when the port cannot be used, 2 on a usage error.`;

/** `fairtender serve`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("serve", args, {
    port: { type: "string" },
    host: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`, "serve");
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(values.port ?? "8080")) {
    throw new UsageError(`--port ${JSON.stringify(values.port)}: expected a whole number from 0 to 65535`, "serve");
  }
  const host = values.host ?? "127.0.0.1";
  // The service owns SIGINT and SIGTERM: it drains and exits 0. The CLI's one-shot handlers (which
  // clean up a batch's temporary files and exit at once) would cut the drain short; serve writes no files.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
  }
  const { listen } = await import("@fairtender/server");
  let server: Awaited<ReturnType<typeof listen>>;
  try {
    server = await listen({
      port,
      host,
      handleSignals: true,
      log: (entry) => io.stdout.write(`${JSON.stringify(entry)}\n`),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const where = `${host}:${port}`;
    if (code === "EADDRINUSE") throw new InputError(`cannot listen on ${where}: the port is in use`);
    if (code === "EACCES") throw new InputError(`cannot listen on ${where}: permission denied`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new InputError(`cannot listen on ${where}: no such interface`);
    throw error;
  }
  await server.closed;
  return EXIT.ok;
}
