/**
 * Refreshes `data/eforms-fields.yaml` from the eForms SDK's `fields/fields.json`: for every field the
 * table lists (its id and what Fairtender uses it for are written by hand), the XPath, the parent
 * node, the type, the code list, the XSD sequence order and the notice subtypes that forbid it are
 * copied from the SDK, and so are the nodes above each field (what `toEforms` needs to write XML in
 * schema order). The SDK itself is not copied into the repository.
 *
 * `npx tsx scripts/eforms-fields.ts [path/to/eforms-sdk]` (defaults to `../shared/standards/eforms-sdk-1.16`
 * beside the repository). `npm run data` then compiles the table into `src/data/`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { findStandards } from "./standards.js";

const here = dirname(fileURLToPath(import.meta.url));
const table = join(here, "..", "data", "eforms-fields.yaml");

interface SdkField {
  id: string;
  parentNodeId: string;
  name: string;
  btId: string;
  xpathAbsolute: string;
  xpathRelative: string;
  xsdSequenceOrder?: Array<Record<string, number>>;
  type: string;
  attributeName?: string;
  attributeOf?: string;
  maxLength?: number;
  presetValue?: string;
  repeatable?: { value: boolean };
  codeList?: { value?: { id: string } };
  forbidden?: { constraints?: Array<{ noticeTypes: string[]; value: boolean; condition?: string }> };
}
interface SdkNode {
  id: string;
  parentId?: string;
  xpathAbsolute: string;
  xpathRelative: string;
  xsdSequenceOrder?: Array<Record<string, number>>;
  repeatable: boolean;
}
interface SdkFields {
  sdkVersion: string;
  ublVersion: string;
  fields: SdkField[];
  xmlStructure: SdkNode[];
}

/** The table's entries as a person wrote them: the id and the use. */
interface Wanted {
  id: string;
  use: string;
}

/** Builds the table from the SDK's fields.json and the wanted ids (exported for the staleness test). */
export function buildFieldTable(sdk: SdkFields, wanted: Wanted[]) {
  const fields = wanted.map(({ id, use }) => {
    const f = sdk.fields.find((x) => x.id === id);
    if (!f) throw new Error(`eforms-fields.yaml: field ${id} is not in the SDK's fields.json (${sdk.sdkVersion})`);
    const forbiddenIn = (f.forbidden?.constraints ?? [])
      .filter((c) => c.value && c.condition === undefined)
      .flatMap((c) => c.noticeTypes);
    return {
      id: f.id,
      bt: f.btId,
      name: f.name,
      use,
      parent: f.parentNodeId,
      xpath: f.xpathAbsolute,
      relative: f.xpathRelative,
      ...(f.xsdSequenceOrder ? { order: f.xsdSequenceOrder.map((o) => Object.values(o)[0]) } : {}),
      type: f.type,
      ...(f.attributeName ? { attribute: f.attributeName, attributeOf: f.attributeOf } : {}),
      ...(f.codeList?.value ? { codeList: f.codeList.value.id } : {}),
      ...(f.presetValue ? { preset: f.presetValue } : {}),
      ...(f.maxLength ? { maxLength: f.maxLength } : {}),
      repeatable: f.repeatable?.value ?? false,
      ...(forbiddenIn.length > 0 ? { forbiddenIn } : {}),
    };
  });
  const needed = new Set<string>();
  for (const f of fields) {
    let id: string | undefined = f.parent;
    while (id !== undefined && !needed.has(id)) {
      needed.add(id);
      id = sdk.xmlStructure.find((n) => n.id === id)?.parentId;
    }
  }
  const nodes = sdk.xmlStructure
    .filter((n) => needed.has(n.id))
    .map((n) => ({
      id: n.id,
      ...(n.parentId ? { parent: n.parentId } : {}),
      xpath: n.xpathAbsolute,
      relative: n.xpathRelative,
      ...(n.xsdSequenceOrder ? { order: n.xsdSequenceOrder.map((o) => Object.values(o)[0]) } : {}),
      repeatable: n.repeatable,
    }));
  return { sdk: { version: sdk.sdkVersion, ubl: sdk.ublVersion }, nodes, fields };
}

const HEADER = `# The eForms fields Fairtender reads (fromEforms) and writes (toEforms), with the XPaths, parent nodes,
# types, code lists and XSD sequence order of the eForms SDK named under sdk. The ids and the
# "use" lines are written by hand; everything else is refreshed from the SDK's fields/fields.json by
# \`npx tsx scripts/eforms-fields.ts\`, and test/data.test.ts fails when it differs from the SDK in
# ../shared/standards. eForms SDK: EU Publications Office, CC BY 4.0.
`;

/** Reads the wanted ids and uses from the current table. */
export function wantedFields(): Wanted[] {
  const current = parse(readFileSync(table, "utf8")) as { fields: Wanted[] };
  return current.fields.map(({ id, use }) => ({ id, use }));
}

/** The table file's text for the given SDK (exported for the staleness test). */
export function fieldTableText(sdk: SdkFields): string {
  return HEADER + stringify(buildFieldTable(sdk, wantedFields()), { lineWidth: 0 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? findStandards()?.eforms;
  if (!root) throw new Error("eForms SDK not found: pass its folder, or put ../shared/standards beside the repository");
  const sdk = JSON.parse(readFileSync(join(root, "fields", "fields.json"), "utf8")) as SdkFields;
  writeFileSync(table, fieldTableText(sdk));
  console.log(`data/eforms-fields.yaml: ${wantedFields().length} fields from ${sdk.sdkVersion}`);
}
