// 05: Embed the renderer in an HTTP endpoint (node:http, no framework).
//
//   POST /tender-pack            body: a tender profile as JSON
//     200 application/vnd.openxmlformats-officedocument.wordprocessingml.document: the tender pack
//     400 application/json { error, problems: [{ path, received, message }] } for an invalid profile
//   Query: ?edition=guidance adds the notes for the buyer's team.
//
// Run:  node examples/05-http-endpoint.mjs        (listens on http://127.0.0.1:3000; another port: ... 05-http-endpoint.mjs 8080)
// Try:  node -e 'console.log(JSON.stringify(require("yaml").parse(require("fs").readFileSync("examples/profiles/small-it-services.yaml","utf8"))))' \
//         | curl -sS -X POST --data-binary @- -H 'content-type: application/json' http://127.0.0.1:3000/tender-pack -o pack.docx
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { safeParseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const MAX_BODY = 1_000_000; // a profile is a few kilobytes; refuse anything absurd

function sendJson(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(`${JSON.stringify(body, null, 2)}\n`);
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw Object.assign(new Error("request body too large"), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request handler: usable with any node:http server (or Express, which accepts the same signature). */
export async function handle(req, res) {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/tender-pack") return sendJson(res, 404, { error: "not found: POST /tender-pack" });
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return sendJson(res, 405, { error: "use POST with a tender profile as JSON" });
  }
  let input;
  try {
    input = JSON.parse(await readBody(req));
  } catch (error) {
    return sendJson(res, error.status ?? 400, { error: `the body is not JSON: ${error.message}`, problems: [] });
  }
  // safeParseProfile never throws: it returns every problem, each with a field path and a message.
  const parsed = safeParseProfile(input);
  if (!parsed.success) {
    return sendJson(res, 400, { error: "invalid tender profile", problems: parsed.error.issues });
  }
  const edition = url.searchParams.get("edition") === "guidance" ? "guidance" : "tender";
  const pack = buildTenderPack(select(parsed.data), { edition });
  // The Word backend is loaded on the first request that needs it, not at server start.
  const { toDocx } = await import("@fairtender/renderer/docx");
  const bytes = await toDocx(pack);
  const name = (parsed.data.procurement.reference ?? "tender-pack").replace(/[^A-Za-z0-9._-]+/g, "-");
  res.writeHead(200, {
    "content-type": DOCX,
    "content-length": bytes.byteLength,
    "content-disposition": `attachment; filename="${name}.docx"`,
  });
  res.end(bytes);
}

/** A server wired to {@link handle}; errors become 500 with a message, never a crash. */
export function createTenderServer() {
  return createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { error: error.message });
      else res.destroy(error);
    });
  });
}

// Started directly (not imported by examples/check.mjs): listen.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = createTenderServer();
  const port = Number(process.argv[2] ?? 3000);
  server.listen(port, "127.0.0.1", () => {
    console.log(`Listening on http://127.0.0.1:${server.address().port}/tender-pack (Ctrl-C to stop)`);
  });
}
