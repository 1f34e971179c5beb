/**
 * The OpenAPI 3.1 document of the service, generated from the zod schemas: core's `TenderProfile`
 * (as a caller writes it) and `Selection` (as the service returns it) — the same schemas core's
 * published JSON Schemas come from — and the service's own request and error schemas.
 */
import { builtinLibrary, JurisdictionCode, RegimeIdSchema, Selection, TenderProfile } from "@fairtender/core";
import { z } from "zod";
import { ERROR_CODES } from "./errors.js";
import { ErrorBodySchema, PACK_FORMATS, PACK_MEDIA_TYPES, RESPONSES, requestSchemas } from "./schemas.js";

type JsonObject = Record<string, unknown>;

/**
 * Converts one schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect) and moves its `$defs` into
 * `components.schemas`, rewriting the references. A definition whose name is already taken by a
 * different schema (the output form of `TenderProfile` inside `Selection`, say) gets `suffix`.
 */
function addSchema(
  components: JsonObject,
  name: string,
  schema: z.ZodType,
  io: "input" | "output",
  suffix: string,
  enums: Map<unknown, string[]>,
): void {
  const json = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    override: (ctx) => {
      const values = enums.get(ctx.zodSchema);
      if (values) ctx.jsonSchema.enum = values;
    },
  }) as JsonObject;
  const defs = (json.$defs ?? {}) as Record<string, JsonObject>;
  delete json.$defs;
  delete json.$schema;
  const rename = new Map<string, string>(Object.keys(defs).map((k) => [k, k === "__schema0" ? name : k]));
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/")) {
        const key = v.slice("#/$defs/".length);
        out[k] = `#/components/schemas/${rename.get(key) ?? key}`;
      } else out[k] = rewrite(v);
    }
    return out;
  };
  // Until nothing changes: a definition that differs from the one already under its name is renamed,
  // and so, in the next round, is every definition that refers to it.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, def] of Object.entries(defs)) {
      const target = rename.get(key) as string;
      const existing = components[target];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(rewrite(def))) {
        rename.set(key, `${target}${suffix}`);
        changed = true;
      }
    }
  }
  for (const [key, def] of Object.entries(defs)) components[rename.get(key) as string] = rewrite(def);
  const root = rewrite(json) as JsonObject;
  // A schema that is only a reference to its own definition (`$ref` + `$defs`) is that definition.
  if (!(root.$ref === `#/components/schemas/${name}` && Object.keys(root).length === 1)) components[name] = root;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ "application/json": { schema: ref(name) } });

const ERROR_RESPONSES: Record<string, string> = {
  "400":
    "Invalid JSON, JSON nested too deep, or a request that does not match the schema: `problems` names each field by its path.",
  "405": "Wrong method: the `allow` header lists the right one.",
  "408": "The request was not received in time.",
  "413": "The body is larger than the limit (checked before it is read).",
  "415": "The body is not `application/json` in UTF-8.",
  "500": "A fault of the service; the body names the request id, never a stack trace.",
  "503": "Busy (too many requests waiting: see `retry-after`) or shutting down.",
  "504": "The work took longer than the service allows.",
};

function errors(codes: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const code of codes) out[code] = { description: ERROR_RESPONSES[code], content: jsonContent("ErrorBody") };
  return out;
}

const POST_ERRORS = ["400", "405", "408", "413", "415", "500", "503", "504"];

let cached: JsonObject | undefined;

/**
 * The OpenAPI 3.1 document of the service (a plain JSON object; the same object on every call).
 *
 * @param version - the version written in `info.version`.
 */
export function openApiDocument(version: string): JsonObject {
  if (cached && (cached.info as { version: string }).version === version) return cached;
  const library = builtinLibrary();
  const enums = new Map<unknown, string[]>([
    [JurisdictionCode, library.jurisdictions.map((j) => j.code)],
    [RegimeIdSchema, library.regimes.map((r) => r.id)],
  ]);
  const components: JsonObject = {};
  const requests = requestSchemas(TenderProfile, Selection);
  addSchema(components, "TenderProfile", TenderProfile, "input", "Input", enums);
  for (const [name, schema] of Object.entries(requests)) addSchema(components, name, schema, "input", "Input", enums);
  addSchema(components, "Selection", Selection, "output", "Output", new Map());
  addSchema(components, "ErrorBody", ErrorBodySchema, "output", "Output", new Map());
  for (const [name, schema] of Object.entries(RESPONSES))
    addSchema(components, name, schema, "output", "Output", new Map());
  const sorted: JsonObject = {};
  for (const key of Object.keys(components).sort()) sorted[key] = components[key];

  const post = (summary: string, description: string, request: string, ok: Record<string, unknown>) => ({
    post: {
      summary,
      description,
      operationId: summary.split(" ")[0]?.toLowerCase(),
      requestBody: { required: true, content: jsonContent(request) },
      responses: { "200": ok, ...errors(POST_ERRORS) },
    },
  });
  const packContent: Record<string, unknown> = {};
  for (const f of PACK_FORMATS) {
    const media = PACK_MEDIA_TYPES[f].split(";")[0] as string;
    packContent[media] = {
      schema: f === "docx" || f === "pdf" ? { type: "string", contentMediaType: media } : { type: "string" },
    };
  }
  const get = (summary: string, description: string, schema: unknown, extra: Record<string, unknown> = {}) => ({
    get: {
      summary,
      description,
      operationId: summary.split(" ")[0]?.toLowerCase(),
      responses: {
        "200": { description: "OK", content: { "application/json": { schema } } },
        ...extra,
        ...errors(["405"]),
      },
    },
  });

  cached = {
    openapi: "3.1.0",
    info: {
      title: "Fairtender",
      version,
      summary: "Anti-trafficking and forced-labour clauses for public tenders, over HTTP.",
      description:
        "Select the clauses for a tender profile, write the tender pack, read OCDS releases and eForms notices into profiles, and write the selection back as OCDS or eForms. JSON in and out; stateless. Error codes: " +
        Object.entries(ERROR_CODES)
          .map(([code, meaning]) => `\`${code}\` (${meaning})`)
          .join(", ") +
        ".",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    paths: {
      "/select": post(
        "Select clauses for a tender profile",
        "The regimes that apply, the risk, the clauses with their reasons, what was left out, the obligations — core's `select()`.",
        "SelectRequest",
        { description: "The selection.", content: jsonContent("Selection") },
      ),
      "/pack": post(
        "Pack: write the tender pack",
        "The tender pack as Word, Markdown, HTML or (where LibreOffice is installed) PDF. Byte-identical for the same input, except PDF.",
        "PackRequest",
        {
          description: "The document, with a `content-disposition` file name.",
          content: packContent,
        },
      ),
      "/import": post(
        "Import an OCDS release or an eForms notice",
        "Reads the source into a tender profile with a report naming where every field came from, or what to supply. Nothing is guessed.",
        "ImportRequest",
        { description: "The profile and the report.", content: jsonContent("ImportResult") },
      ),
      "/export": post(
        "Export the selection as OCDS or eForms",
        "OCDS: a release and release package with the contract terms, sustainability and the pack document; eForms: BT-06, BT-775, BT-70 (and BT-65) with their XPaths and XML.",
        "ExportRequest",
        {
          description: "The OCDS release and package, or the eForms terms.",
          content: { "application/json": { schema: { oneOf: [ref("OcdsOutput"), ref("EformsTerms")] } } },
        },
      ),
      "/healthz": get("Health: the process is up", "Always 200 while the process serves requests.", ref("Health")),
      "/readyz": get("Readiness: the service takes work", "200 when ready; 503 while shutting down.", ref("Health"), {
        "503": { description: "Shutting down.", content: jsonContent("Health") },
      }),
      "/openapi.json": get("OpenAPI: this document", "The OpenAPI 3.1 document of the service.", { type: "object" }),
    },
    components: { schemas: sorted },
  };
  return cached;
}
