// 06: Restyle the Word output with a reference .docx (your house style).
//
// Legal teams have a house template: fonts, colours, heading styles. Pass any .docx as
// `referenceDocx` and the pack uses its styles (the style names Fairtender uses are listed in
// STYLE_NAMES of @fairtender/renderer; styles the reference lacks come from the defaults). The CLI
// does the same with `fairtender generate --reference-docx house-style.docx`.
//
// This example makes its own reference document so it runs anywhere: it renders a pack once with a
// theme (Georgia, dark red headings, US Letter) and saves it as out/06-house-style.docx. In practice you
// would open that file in Word, change the styles (Home → Styles → Modify) and keep it as your template.
//
// Run: node examples/06-reference-docx.mjs   (after `npm run build`)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { parse } from "yaml";

const out = new URL("./out/", import.meta.url);
await mkdir(out, { recursive: true });
const packFor = async (file) =>
  buildTenderPack(select(parseProfile(parse(await readFile(new URL(`./profiles/${file}`, import.meta.url), "utf8")))));

// 1. The house style: any .docx will do. Here: a pack rendered with a theme.
const houseStyle = await toDocx(await packFor("small-it-services.yaml"), {
  theme: { font: "Georgia", headingFont: "Georgia", fontSize: 11, colour: "7B1F1F", pageSize: "Letter" },
});
await writeFile(new URL("06-house-style.docx", out), houseStyle);

// 2. Another tender pack, restyled with it.
const pack = await packFor("uk-high-risk-goods.yaml");
await writeFile(new URL("06-restyled.docx", out), await toDocx(pack, { referenceDocx: houseStyle }));
// For comparison, the same pack in the default style.
await writeFile(new URL("06-default.docx", out), await toDocx(pack));

console.log("Wrote examples/out/06-house-style.docx (the reference),");
console.log("      examples/out/06-restyled.docx (the UK pack in the house style),");
console.log("      examples/out/06-default.docx (the same pack in the default style).");
