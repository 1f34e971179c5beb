import * as z from "zod";

/**
 * The canonical obligation topics shared across regimes (each with its `canonical` code). Harmonisation merges
 * obligations on the same topic, so that a supplier sees one obligation where several regimes ask
 * for the same thing in different words. The order here is the order of the tender pack.
 */
export const TOPICS = [
  { id: "prohibition", canonical: "C-PROHIBIT", title: "Prohibited practices" },
  { id: "commercial-sex", canonical: "C-NOSEX", title: "Commercial sex and sexual exploitation" },
  { id: "recruitment-fees", canonical: "C-FEES", title: "Recruitment fees" },
  { id: "identity-documents", canonical: "C-IDDOCS", title: "Identity documents" },
  { id: "recruitment", canonical: "C-RECRUIT", title: "Recruitment and terms of employment" },
  { id: "housing", canonical: "C-HOUSING", title: "Worker housing" },
  { id: "return-transport", canonical: "C-RETURN", title: "Return transport" },
  { id: "wages", canonical: "C-WAGES", title: "Wages and labour law" },
  { id: "worker-awareness", canonical: "C-NOTIFY-STAFF", title: "Worker awareness and training" },
  { id: "grievance", canonical: "C-GRIEVANCE", title: "Grievance mechanism" },
  { id: "incident-reporting", canonical: "C-REPORT-INCIDENT", title: "Reporting of incidents" },
  { id: "audit", canonical: "C-AUDIT", title: "Audit, monitoring and cooperation" },
  { id: "flow-down", canonical: "C-FLOWDOWN", title: "Subcontractors and flow-down" },
  { id: "compliance-plan", canonical: "C-PLAN", title: "Compliance plan" },
  { id: "certification", canonical: "C-CERTIFY", title: "Certifications and declarations" },
  { id: "supply-chain-mapping", canonical: "C-SUPPLYMAP", title: "Supply-chain transparency" },
  { id: "remediation", canonical: "C-REMEDIATE", title: "Remediation" },
  { id: "exit", canonical: "C-EXIT", title: "Remedies, suspension and termination" },
  { id: "responsible-purchasing", canonical: "C-PURCHASING", title: "Responsible purchasing" },
  { id: "transparency-statement", canonical: "C-STATEMENT", title: "Transparency statements" },
] as const;

export type TopicId = (typeof TOPICS)[number]["id"];
export const TOPIC_IDS = TOPICS.map((t) => t.id) as [TopicId, ...TopicId[]];

/** A canonical obligation topic id, e.g. `grievance`. */
export const Topic = z.enum(TOPIC_IDS).meta({ description: "Canonical obligation topic, shared across regimes" });

/**
 * A regime or buyer-choice module id, kebab-case (`us-far`, `gb`, `eu`, `aba-mcc2`...). The set of
 * ids is the library's: `library/regimes.yaml` lists them, in document order, and `select()` checks
 * the ids a profile names against the library in use (with a "did you mean").
 */
export type RegimeId = string;

export { RegimeIdSchema } from "./common.js";
