/**
 * The service's errors: one JSON shape for every failure, with a stable `code`, the field paths of
 * the problems in the request body, and never a stack trace. Whatever a problem quotes from the
 * request is cut to a few dozen characters, so an error response stays small whatever was sent.
 */
import { formatPath, type Issue, isFairtenderError } from "@fairtender/core";

/** The stable codes of {@link ErrorBody}: a code never changes meaning; new ones may be added in a minor release. */
export const ERROR_CODES = {
  /** The body is not valid JSON (or not UTF-8). */
  "invalid-json": "the body is not valid JSON",
  /** The JSON nests objects and arrays deeper than the service allows. */
  "too-deep": "the JSON nests deeper than allowed",
  /** The request body (envelope) does not have the fields the endpoint expects. */
  "invalid-request": "the request body does not match the endpoint's schema",
  /** The tender profile in the request is invalid. */
  "invalid-profile": "the tender profile is invalid",
  /** The selection in the request is invalid. */
  "invalid-selection": "the selection is invalid",
  /** The OCDS release or eForms notice cannot be read. */
  "invalid-source": "the OCDS data or eForms notice cannot be read",
  /** The eForms notice is of an SDK version the adapters do not read. */
  "unsupported-source": "the notice is of an unsupported SDK version",
  /** Another input problem reported by Fairtender (an option, a template). */
  "invalid-input": "the input is invalid",
  /** No such endpoint. */
  "not-found": "no such endpoint",
  /** The endpoint exists but not with this method; the `allow` header lists the methods. */
  "method-not-allowed": "the method is not allowed on this endpoint",
  /** The body is larger than the service allows. */
  "body-too-large": "the request body is too large",
  /** The body is not `application/json` (UTF-8). */
  "unsupported-media-type": "the body must be application/json",
  /** The client took too long to send its request. */
  "request-timeout": "the request was not received in time",
  /** Too many requests are waiting for work; try again later (see `retry-after`). */
  overloaded: "the service is busy",
  /** The service is shutting down. */
  "shutting-down": "the service is shutting down",
  /** The work took longer than the service allows. */
  "work-timeout": "the work took too long",
  /** A PDF was asked for and this service has no LibreOffice to make it. */
  "pdf-unavailable": "PDF output is not available on this service",
  /** The PDF conversion failed. */
  "pdf-failed": "the PDF conversion failed",
  /** Anything else: a fault of the service, logged with the request id. */
  internal: "an internal error",
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with the request, at a path in the request body. */
export interface Problem {
  /** A stable kebab-case code (core's issue codes for profile problems). */
  code: string;
  /** Where in the request body: keys and indexes, e.g. `["profile", "procurement", "sectors", 0]`; `[]` for the whole body. */
  path: (string | number)[];
  /** The same place as a JSON Pointer (RFC 6901), e.g. `/profile/procurement/sectors/0`. */
  pointer: string;
  /** A sentence for people (at most {@link MAX_MESSAGE} characters). */
  message: string;
  /** The value found there, as JSON text cut to {@link MAX_RECEIVED} characters. */
  received?: string;
  /** What was expected, as a short phrase. */
  expected?: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    /** The HTTP status, repeated. */
    status: number;
    /** One of {@link ERROR_CODES}. */
    code: ErrorCode;
    /** A sentence for people. */
    message: string;
    /** The problems found, at most {@link MAX_PROBLEMS}. */
    problems: Problem[];
    /** How many more problems there were beyond those listed. */
    moreProblems: number;
    /** The request id (also the `x-request-id` response header), to find the request in the logs. */
    requestId: string;
  };
}

/** The longest quoted value in a problem. */
export const MAX_RECEIVED = 80;
/** The longest message of a problem. */
export const MAX_MESSAGE = 300;
/** The most problems listed in one response. */
export const MAX_PROBLEMS = 50;

/** Cuts text to `max` characters, marking the cut with "…" and how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** A value as short JSON text, never longer than {@link MAX_RECEIVED} (plus the cut marker). */
export function shortValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return truncate(text, MAX_RECEIVED);
}

/** RFC 6901 JSON Pointer of a path. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** A problem from a core issue found at `prefix` in the request body. */
export function problemFromIssue(issue: Issue, prefix: readonly (string | number)[] = []): Problem {
  const path = [...prefix, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))];
  const problem: Problem = {
    code: issue.code,
    path,
    pointer: pointer(path),
    message: truncate(issue.message, MAX_MESSAGE),
  };
  if ("received" in issue && issue.received !== undefined) problem.received = shortValue(issue.received);
  if (issue.expected !== undefined) problem.expected = truncate(issue.expected, MAX_MESSAGE);
  return problem;
}

/** An error the service answers with: status, code, message, problems. Thrown by the handlers. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  readonly status: number;
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];
  /** Extra response headers (`allow`, `retry-after`). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    options: { problems?: readonly Problem[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = options.problems ?? [];
    this.headers = options.headers ?? {};
  }
}

const FAIRTENDER_CODES: Partial<Record<string, ErrorCode>> = {
  "invalid-profile": "invalid-profile",
  "invalid-selection": "invalid-selection",
  "invalid-source": "invalid-source",
  "unsupported-source": "unsupported-source",
};

/**
 * An `HttpError` for a `FairtenderError` raised by core, the renderer or the adapters (400, its
 * issues as problems under `prefix`), or `undefined` for anything else (a fault: 500).
 */
export function fromFairtenderError(error: unknown, prefix: readonly (string | number)[] = []): HttpError | undefined {
  if (!isFairtenderError(error)) return undefined;
  const code = FAIRTENDER_CODES[error.code] ?? "invalid-input";
  const first = (error.message.split("\n")[0] ?? "").replace(/:$/, ".");
  return new HttpError(400, code, truncate(first, MAX_MESSAGE), {
    problems: error.issues.map((i) => problemFromIssue(i, prefix)),
  });
}

/** The response body for an error, with the problem list capped. */
export function errorBody(error: HttpError, requestId: string): ErrorBody {
  return {
    error: {
      status: error.status,
      code: error.code,
      message: truncate(error.message, MAX_MESSAGE),
      problems: error.problems.slice(0, MAX_PROBLEMS),
      moreProblems: Math.max(0, error.problems.length - MAX_PROBLEMS),
      requestId,
    },
  };
}

/** Writes a path the way people read it (`profile.procurement.sectors[0]`). */
export const shownPath = (path: readonly (string | number)[]): string => formatPath(path) || "the body";
