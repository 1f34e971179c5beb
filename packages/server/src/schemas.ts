/**
 * The request bodies of the service as zod schemas: one definition used twice, to check requests
 * (with the profile and selection left to core's own validators, which name every field with a
 * did-you-mean) and, with core's `TenderProfile` and `Selection` schemas in their place, to write the
 * OpenAPI document. So the document cannot drift from what the service accepts.
 */
import { IsoDate } from "@fairtender/core";
import { z } from "zod";
import { ERROR_CODES } from "./errors.js";

/** The formats of a tender pack. `pdf` needs LibreOffice on the server (501 otherwise). */
export const PACK_FORMATS = ["docx", "md", "html", "pdf"] as const;
/** A tender pack format. */
export type PackFormat = (typeof PACK_FORMATS)[number];

/** The media type of each pack format. */
export const PACK_MEDIA_TYPES: Readonly<Record<PackFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
};

const Edition = z
  .enum(["tender", "guidance"])
  .describe("`tender` (default): the pack as issued; `guidance` adds drafting notes, reasons and exclusions.");
const Text = (max: number) => z.string().min(1).max(max);

/**
 * The request schemas, with `profile` and `selection` schemas of the caller's choice: placeholders
 * that only require presence when checking requests, core's schemas when documenting them.
 */
export function requestSchemas<P extends z.ZodType, S extends z.ZodType>(profile: P, selection: S) {
  const SelectRequest = z
    .object({ profile: profile.describe("The tender profile (JSON form of the YAML profile).") })
    .strict()
    .describe("POST /select: the profile to select clauses for.");
  const PackRequest = z
    .object({
      profile,
      format: z.enum(PACK_FORMATS).default("docx").describe("The document format (default `docx`)."),
      edition: Edition.default("tender"),
      issueDate: IsoDate.optional().describe(
        "The issue date printed on the pack (default: the procurement start date).",
      ),
      documentVersion: Text(20).optional().describe('The document version printed on the pack (default "1.0").'),
    })
    .strict()
    .describe("POST /pack: the profile and the document to write.");
  const ImportRequest = z
    .object({
      document: z
        .union([
          z.string().min(1).describe("An eForms notice (UBL XML) as a string."),
          z.record(z.string(), z.unknown()).describe("An OCDS release, compiled record or release/record package."),
        ])
        .describe("The notice or the OCDS data."),
      source: z
        .enum(["ocds", "eforms"])
        .optional()
        .describe("Which standard `document` is in (default: eForms for a string, OCDS for an object)."),
      lot: Text(200).optional().describe("Read one lot only, by its id in the source (e.g. `LOT-0001`)."),
      release: Text(200).optional().describe("In an OCDS package of several releases, the release id to read."),
    })
    .strict()
    .describe("POST /import: an OCDS release or an eForms notice to read into a tender profile.");
  const ExportRequest = z
    .object({
      format: z
        .enum(["ocds", "eforms"])
        .describe("`ocds`: a release and release package; `eforms`: the business terms and their XML."),
      profile: profile
        .optional()
        .describe("A tender profile: the service selects for it first. Give this or `selection`."),
      selection: selection.optional().describe("A selection returned by POST /select. Give this or `profile`."),
      document: z
        .object({
          format: z.enum(PACK_FORMATS).default("docx"),
          url: z.url().max(2000).optional().describe("Where the tender pack is published."),
          title: Text(500).optional(),
          language: z
            .string()
            .regex(/^[a-z]{2}$/)
            .optional()
            .describe("ISO 639-1 language of the pack (default `en`)."),
        })
        .strict()
        .optional()
        .describe("OCDS only: the tender pack as a `tender.documents[]` entry."),
      ocid: Text(200)
        .optional()
        .describe("OCDS only: the contracting process's ocid (a placeholder and a note otherwise)."),
      lot: Text(200)
        .optional()
        .describe("The lot the terms are for (OCDS: `tender.lots[]` id; eForms: BT-137, default `LOT-0001`)."),
      languageID: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional()
        .describe("eForms only: the three-letter language of BT-70 (default `ENG`)."),
    })
    .strict()
    .describe("POST /export: what Fairtender selected, written back as OCDS or eForms.");
  return { SelectRequest, PackRequest, ImportRequest, ExportRequest };
}

/** Presence only: the value itself is checked by core's validators. */
const present = z.custom<unknown>((v) => v !== undefined, { error: "is required" });

/** The schemas requests are checked with. */
export const REQUESTS = requestSchemas(present, present);

/** Problem in an error body. */
export const ProblemSchema = z
  .object({
    code: z.string(),
    path: z.array(z.union([z.string(), z.number().int()])),
    pointer: z.string().describe("The path as a JSON Pointer into the request body."),
    message: z.string(),
    received: z.string().optional().describe("The value found, as JSON text cut to 80 characters."),
    expected: z.string().optional(),
  })
  .strict();

/** The body of every error response. */
export const ErrorBodySchema = z
  .object({
    error: z
      .object({
        status: z.number().int(),
        code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
        message: z.string(),
        problems: z.array(ProblemSchema).max(50),
        moreProblems: z.number().int().min(0),
        requestId: z.string(),
      })
      .strict(),
  })
  .strict()
  .describe("Every error: a stable code, the problems with their paths in the request body; never a stack trace.");

const Json = z.record(z.string(), z.unknown());

/** Documentation schemas of the responses that are not core's. */
export const RESPONSES = {
  ImportResult: z
    .object({
      profile: Json.describe(
        "The tender profile read from the source (a draft: what the source did not say is absent).",
      ),
      report: z
        .object({
          source: z.enum(["ocds", "eforms"]),
          document: z.string().describe("What was read (notice subtype, release id)."),
          complete: z.boolean().describe("True when the profile is complete and valid."),
          fields: z.array(Json).describe("Every profile field: where it came from, or what to supply."),
          classifications: z.array(Json),
          issues: z.array(Json),
          warnings: z.array(z.string()),
        })
        .loose(),
    })
    .describe("The profile and the report of where every field came from."),
  OcdsOutput: z
    .object({
      release: Json.describe("An OCDS 1.1 release."),
      package: Json.describe("An OCDS release package of that release."),
      notes: z.array(z.string()),
    })
    .describe("The selection as OCDS."),
  EformsTerms: z
    .object({
      sdk: z.string(),
      lot: z.string(),
      strategicProcurement: z.string(),
      socialObjectives: z.array(z.string()),
      performanceTerms: z.object({ text: z.string(), languageID: z.string() }),
      fields: z.array(Json).describe("Each business term with its SDK field id and XPath."),
      xml: z.string().describe("The lot's UBL/eForms XML fragment."),
    })
    .loose()
    .describe("The selection as eForms business terms."),
  Health: z.object({ status: z.enum(["ok", "ready", "draining"]) }).strict(),
};
