/**
 * The `node:http` server around the handler: timeouts for slow clients (headers, whole request,
 * keep-alive), a cap on open connections, and a graceful shutdown that stops accepting, lets the
 * requests in flight finish (up to a grace period) and then closes what is left.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type AppOptions, createApp, type FairtenderApp } from "./app.js";

/** Options of {@link createServer}: the handler's, plus the connection limits. */
export interface ServerOptions extends AppOptions {
  /** The longest a client may take to send the request headers, in ms (default 10 s); then 408. */
  headersTimeoutMs?: number;
  /** The longest a client may take to send the whole request, in ms (default 30 s); then 408. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open, in ms (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** Open connections at most (default 256); further connections are closed at once. */
  maxConnections?: number;
  /** How often the two request timeouts are checked, in ms (default 1 s; Node's own default is 30 s). */
  timeoutCheckIntervalMs?: number;
  /** How long {@link FairtenderServer.close} waits for requests in flight, in ms (default 10 s). */
  shutdownGraceMs?: number;
}

/** A configured server, not yet listening (see {@link listen}). */
export interface FairtenderServer {
  /** The `node:http` server. */
  readonly server: Server;
  /** The handler and its state. */
  readonly app: FairtenderApp;
  /**
   * Graceful shutdown: readiness turns 503, the server stops accepting connections, idle ones are
   * closed, requests in flight finish (their responses say `connection: close`); after the grace
   * period whatever is still open is closed. Resolves when the server has closed. Idempotent.
   */
  close(): Promise<void>;
}

const DEFAULTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  timeoutCheckIntervalMs: 1_000,
  shutdownGraceMs: 10_000,
};

/**
 * A `node:http` server running the Fairtender service, with its timeouts and connection cap set.
 *
 * @example
 * ```ts
 * const { server, close } = createServer({ maxBodyBytes: 512 * 1024 });
 * server.listen(8080, "127.0.0.1");
 * process.once("SIGTERM", () => void close());
 * ```
 */
export function createServer(options: ServerOptions = {}): FairtenderServer {
  const app = createApp(options);
  const requestTimeout = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const server = createHttpServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs, requestTimeout),
      requestTimeout,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs,
      connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? DEFAULTS.timeoutCheckIntervalMs,
    },
    app.handle,
  );
  server.maxConnections = options.maxConnections ?? DEFAULTS.maxConnections;
  server.maxRequestsPerSocket = 10_000;
  // A malformed request (bad headers) is answered 400 and closed; no parser detail is echoed.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const code = status === 408 ? "request-timeout" : "invalid-request";
    const message = status === 408 ? "The request was not received in time." : "The request is not valid HTTP.";
    const body = `${JSON.stringify({
      error: { status, code, message, problems: [], moreProblems: 0, requestId: "" },
    })}\n`;
    const reason =
      status === 408 ? "Request Timeout" : status === 431 ? "Request Header Fields Too Large" : "Bad Request";
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    if (status === 408) app.log("warn", "request timeout", {});
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      app.drain();
      app.log("info", "shutting down", { inFlight: app.inFlight });
      const grace = setTimeout(() => {
        app.log("warn", "grace period over: closing the remaining connections", { inFlight: app.inFlight });
        server.closeAllConnections();
      }, options.shutdownGraceMs ?? DEFAULTS.shutdownGraceMs);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        app.log("info", "stopped", {});
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { server, app, close };
}

/** Options of {@link listen}. */
export interface ListenOptions extends ServerOptions {
  /** The port (default 8080; 0 for any free port). */
  port?: number;
  /** The interface (default `127.0.0.1`; `0.0.0.0` to serve the network). */
  host?: string;
  /** Shut down gracefully on SIGTERM and SIGINT (default false; `fairtender serve` sets it). */
  handleSignals?: boolean;
}

/** A listening server, from {@link listen}. */
export interface ListeningServer extends FairtenderServer {
  /** The base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The port listened on (the one chosen when port 0 was asked for). */
  readonly port: number;
  /** Resolves when the server has closed (after {@link FairtenderServer.close} or a signal). */
  readonly closed: Promise<void>;
}

/**
 * Creates the server and listens; resolves once it accepts connections.
 *
 * @example
 * ```ts
 * const { url, closed } = await listen({ port: 8080, handleSignals: true });
 * console.log(`Fairtender on ${url}`);
 * await closed; // after SIGTERM: drained and closed
 * ```
 */
export async function listen(options: ListenOptions = {}): Promise<ListeningServer> {
  const made = createServer(options);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    made.server.once("error", reject);
    made.server.listen(options.port ?? 8080, host, () => {
      made.server.off("error", reject);
      resolve();
    });
  });
  const port = (made.server.address() as AddressInfo).port;
  let signalled: ((signal: NodeJS.Signals) => void) | undefined;
  if (options.handleSignals) {
    signalled = (signal) => {
      made.app.log("info", "signal", { signal });
      void made.close();
    };
    process.once("SIGTERM", signalled);
    process.once("SIGINT", signalled);
  }
  let closedResolve: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    closedResolve = resolve;
  });
  made.server.once("close", () => {
    if (signalled) {
      process.off("SIGTERM", signalled);
      process.off("SIGINT", signalled);
    }
    closedResolve();
  });
  const shownHost = host.includes(":") ? `[${host}]` : host;
  made.app.log("info", "listening", { url: `http://${shownHost}:${port}` });
  return { ...made, url: `http://${shownHost}:${port}`, port, closed };
}
