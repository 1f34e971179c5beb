/**
 * @packageDocumentation
 * `@fairtender/server`: Fairtender as an HTTP service. `select`, `pack` (.docx, .md, .html, and .pdf
 * where LibreOffice is installed), `import` (OCDS or eForms → profile and report) and `export`
 * (selection → OCDS release or eForms terms), JSON in and out, with an OpenAPI 3.1 document at
 * `/openapi.json`, health and readiness endpoints, bounded bodies and work, timeouts, a connection
 * cap, structured errors and logs, and a graceful shutdown. Stateless: run as many as you need
 * behind any load balancer.
 */
export { type AppOptions, createApp, type FairtenderApp, type LogEntry, SERVER_VERSION } from "./app.js";
export { type BodyLimits, jsonDepthExceeds } from "./body.js";
export {
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  HttpError,
  MAX_MESSAGE,
  MAX_PROBLEMS,
  MAX_RECEIVED,
  type Problem,
} from "./errors.js";
export { openApiDocument } from "./openapi.js";
export { findSoffice } from "./pdf.js";
export { PACK_FORMATS, PACK_MEDIA_TYPES, type PackFormat } from "./schemas.js";
export {
  createServer,
  type FairtenderServer,
  type ListeningServer,
  type ListenOptions,
  listen,
  type ServerOptions,
} from "./server.js";
