/**
 * The OpenAPI document: valid OpenAPI 3.1 by a real validator, complete (every endpoint the service
 * answers), and true: real requests and responses validate against its schemas with ajv (JSON
 * Schema 2020-12, OpenAPI 3.1's dialect).
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, profile, type Started, start } from "./helpers.js";

let s: Started;
let doc: Record<string, unknown>;
beforeAll(async () => {
  s = await start();
  const res = await fetch(`${s.url}/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(async () => {
  await s.close();
});

/** An ajv validator for `#/components/schemas/<name>` of the document. */
function schemaValidator(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: "openapi.json" } as object, "openapi.json");
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

describe("GET /openapi.json", () => {
  it("is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
  it("documents every endpoint with its method, and every error response", () => {
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths).sort()).toEqual(
      ["/export", "/healthz", "/import", "/openapi.json", "/pack", "/readyz", "/select"].sort(),
    );
    for (const p of ["/select", "/pack", "/import", "/export"]) {
      expect(Object.keys(paths[p] ?? {})).toEqual(["post"]);
      expect(Object.keys(paths[p]?.post?.responses ?? {})).toEqual(
        expect.arrayContaining(["200", "400", "405", "408", "413", "415", "500", "503", "504"]),
      );
    }
  });
  it("uses core's schemas: the profile of a request is core's TenderProfile with the library's enums", () => {
    const schemas = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const select = schemas.SelectRequest as { properties: { profile: { $ref: string } } };
    expect(select.properties.profile.$ref).toBe("#/components/schemas/TenderProfile");
    expect(JSON.stringify(schemas.TenderProfile)).toContain('"GB"');
    expect(Object.keys(schemas)).toContain("Selection");
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });
  it("describes the real traffic: a request and the selection answered validate against it", async () => {
    const body = { profile: profile("uk-high-risk-goods") };
    const validRequest = schemaValidator("SelectRequest");
    expect(validRequest(body), JSON.stringify(validRequest.errors)).toBe(true);
    expect(validRequest({ profil: {} })).toBe(false);
    const selection = await (await post(s.url, "/select", body)).json();
    const validSelection = schemaValidator("Selection");
    expect(validSelection(selection), JSON.stringify(validSelection.errors?.slice(0, 3))).toBe(true);
    const validError = schemaValidator("ErrorBody");
    const error = await (await post(s.url, "/select", { profil: {} })).json();
    expect(validError(error), JSON.stringify(validError.errors)).toBe(true);
    const ocds = await (await post(s.url, "/export", { ...body, format: "ocds" })).json();
    expect(schemaValidator("OcdsOutput")(ocds)).toBe(true);
    const validPack = schemaValidator("PackRequest");
    expect(validPack({ ...body, format: "pdf", edition: "guidance" })).toBe(true);
    expect(validPack({ ...body, format: "odt" })).toBe(false);
  });
});
