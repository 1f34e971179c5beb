import type { Source } from "../model/common.js";
import type { RiskLevel } from "../model/profile.js";
import type { Strength } from "../model/selection.js";
import type { Condition } from "./conditions.js";

/**
 * The selection rules of the built-in library, as data: one rule per clause (the "selected when"
 * column of the clause catalogue, built from FACTS §8). The engine reads the table; it holds no
 * thresholds — money thresholds and legal dates are dated parameters of the library, read at the
 * profile's dates.
 *
 * A rule's `when` is a list of branches tried in order; the first whose condition holds selects the
 * clause with that branch's strength. A branch with `ifUnknown` also selects (with that strength) when
 * its condition cannot be decided from the profile, e.g. a turnover in another currency with no exchange
 * rate given. When no branch selects, the clause is excluded with `whyNot`.
 *
 * Templates: `{{because}}` is the plain statement of the facts that decided (with the profile fields
 * they read), `{{strength}}` the strength conferred, `{{regime}}` why the clause's regime applies.
 */
export interface SelectionRule {
  /** Stable rule id, quoted in every reason. */
  id: string;
  /** The clause the rule selects. */
  clause: string;
  /** Short label used when other rules refer to this clause, e.g. "FAR 52.222-50". */
  label: string;
  /**
   * `clause-regimes` (default): the clause can be selected only when one of its library regimes applies.
   * `any-regime`: whenever any regime applies (e.g. the ILO indicator checklist, also used at high risk).
   */
  gate?: "clause-regimes" | "any-regime";
  when: readonly RuleBranch[];
  /** Why the clause is included: default text for every branch. */
  why: string;
  /** Why it is included when the condition could not be decided (`ifUnknown` branches). */
  whyUnknown?: string;
  /** Why it is left out. */
  whyNot: string;
  /** The rule's legal basis. */
  sources: readonly Source[];
  /** When a module clause is not selected: suggest the module when this holds (the soft-law modules' own scope). */
  suggest?: { when: Condition; text: string };
  /** Warnings raised whenever the clause is selected (e.g. a rule resting on secondary facts). */
  warnWhenSelected?: readonly { code: string; message: string }[];
}

/** One branch of a rule. */
export interface RuleBranch {
  if: Condition;
  strength: Strength;
  /** Select with this strength when `if` cannot be decided. */
  ifUnknown?: Strength;
  /**
   * A companion branch only brings the clause along with another one (e.g. a clause another refers to);
   * when it does not hold it is left out of the why-not, which would otherwise name unrelated clauses.
   */
  companion?: boolean;
  /** Overrides the rule's `why` for this branch. */
  why?: string;
  /** Extra sources for this branch. */
  sources?: readonly Source[];
}

/** A parameter value chosen by rule (e.g. shorter deadlines at high risk), with its explanation. */
export interface ParameterRule {
  clause: string;
  parameter: string;
  /** Values by risk level; a level not listed keeps the library default. */
  byRisk: Partial<Record<RiskLevel, number>>;
  /** Why the value scales with risk. */
  why: string;
  /**
   * The obligation timing field the parameter drives: obligations of the clause whose timing has this
   * field equal to the parameter's default (times `factor`, e.g. 24 for a parameter in days driving a
   * limit in hours) take the resolved value (times `factor`).
   */
  timing?: { field: "on-event.withinHours" | "recurring.everyMonths" | "within.days"; factor?: number };
}

/** The date the rule table was last checked against the fact sheet. */
export const RULES_CHECKED = "2026-11-28";

function src(
  citation: string,
  instrument: string,
  provision?: string,
  confidence: Source["confidence"] = "confirmed",
): Source {
  return { citation, instrument, ...(provision ? { provision } : {}), checked: RULES_CHECKED, confidence };
}

const FAR = "Federal Acquisition Regulation (48 CFR)";
const S = {
  far1701: src("FAR 22.1701", FAR, "22.1701(a), (b)"),
  far1703: src("FAR 22.1703", FAR, "22.1703(a)(9), (c)"),
  far1704: src("FAR 22.1704", FAR, "22.1704"),
  far1705a1: src("FAR 22.1705(a)(1)", FAR, "22.1705(a)(1)"),
  far1705a2: src("FAR 22.1705(a)(2)", FAR, "22.1705(a)(2)"),
  far1705b: src("FAR 22.1705(b)", FAR, "22.1705(b)(1), (b)(2)"),
  far50: src("FAR 52.222-50", `${FAR} 52.222-50, Combating Trafficking in Persons`),
  far56: src("FAR 52.222-56", `${FAR} 52.222-56, Certification Regarding Trafficking in Persons Compliance Plan`),
  msa54: src(
    "MSA 2015 s.54",
    "Modern Slavery Act 2015, section 54; Transparency in Supply Chains etc. Regulations 2015 (SI 2015/1833)",
    "s.54(2)",
  ),
  ppn0223: src("PPN 02/23", "Procurement Policy Note 02/23, Tackling Modern Slavery in Government Supply Chains"),
  ppn009: src("PPN 009", "Procurement Policy Note 009, Tackling Modern Slavery in Government Supply Chains"),
  pa2023: src("Procurement Act 2023 Sch. 6, Sch. 7", "Procurement Act 2023, s.57 and Schedules 6 and 7"),
  pcr57: src("PCR 2015 reg. 57", "Public Contracts Regulations 2015, regulation 57"),
  dir18: src("Directive 2014/24/EU Art. 18(2)", "Directive 2014/24/EU on public procurement", "Art. 18(2), Annex X"),
  dir57: src("Directive 2014/24/EU Art. 57", "Directive 2014/24/EU on public procurement", "Art. 57(1)(f), 57(4)(a)"),
  dir70: src("Directive 2014/24/EU Art. 70", "Directive 2014/24/EU on public procurement", "Art. 70"),
  dir71: src("Directive 2014/24/EU Art. 71", "Directive 2014/24/EU on public procurement", "Art. 71(2), (5)"),
  csddd: src(
    "Directive (EU) 2024/1760",
    "Corporate Sustainability Due Diligence Directive",
    "Art. 10(2)(b), (e), 10(5)",
    "secondary",
  ),
  flr: src(
    "Regulation (EU) 2024/3015",
    "Regulation (EU) 2024/3015 prohibiting products made with forced labour",
    "Art. 1",
  ),
  ausMsa: src("Modern Slavery Act 2018 (Cth) s.5", "Modern Slavery Act 2018 (Cth)", "ss.5, 13"),
  ausToolkit: src(
    "AGD Modern Slavery toolkit (2020)",
    "Attorney-General's Department, Addressing Modern Slavery in Government Supply Chains",
  ),
  caAct: src("S.C. 2023, c. 9", "Fighting Against Forced Labour and Child Labour in Supply Chains Act"),
  caPn150: src(
    "PSPC PN-150",
    "Public Services and Procurement Canada Policy Notification PN-150, Anti-forced labour requirements",
  ),
  unScc: src("UN Supplier Code of Conduct Rev.07", "UN Supplier Code of Conduct, Rev.07 (September 2024)"),
  unGcc: src("UN General Conditions of Contract", "UN General Conditions of Contract"),
  unHlcm: src(
    "CEB/2022/HLCM/19",
    "Addressing Forced Labour and Human Trafficking in UN Supply Chains — Guidance for UN Staff",
  ),
  // Cross-regime recommendations scale with the assessed risk, following the risk-tiered approach of
  // the UK guidance (Table 1); which clause each tier brings is Fairtender's drafting choice, and the
  // note says so, so that no reason claims more legal force than it has.
  factsRisk: {
    ...src(
      "PPN 009",
      "Procurement Policy Note 009: Tackling Modern Slavery in Government Supply Chains (risk-tiered approach)",
      "risk assessment, Table 1",
      "secondary",
    ),
    note: "Fairtender applies this risk-tiered approach across regimes; the clause each risk level brings is a drafting choice, not a legal requirement.",
  },
  iloFr: src(
    "ILO General Principles and Operational Guidelines for Fair Recruitment (2019)",
    "ILO General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs",
  ),
  iloInd: src("ILO Indicators of Forced Labour", "ILO Indicators of Forced Labour (2012)"),
  aba: src(
    "ABA MCCs 2.0",
    "ABA Model Contract Clauses to Protect Workers in International Supply Chains, Version 2.0, and Buyer Code",
  ),
  abaBuyer: src("ABA Buyer Code", "ABA Responsible Purchasing Code of Conduct (Schedule P)"),
} as const;

// ------------------------------------------------------------------------------------------------
// Condition building blocks
// ------------------------------------------------------------------------------------------------

const always: Condition = { kind: "always" };
const riskAtLeast = (level: RiskLevel): Condition => ({ kind: "risk", atLeast: level });
const selected = (clause: string, strengths?: Strength[]): Condition =>
  strengths ? { kind: "selected", clause, strengths } : { kind: "selected", clause };
const all = (...of: Condition[]): Condition => ({ kind: "all", of });
const any = (...of: Condition[]): Condition => ({ kind: "any", of });
const not = (of: Condition): Condition => ({ kind: "not", of });

const agencies: Condition = {
  kind: "flag",
  path: "procurement.labour.recruitmentAgencies",
  yes: "workers are hired through recruitment or labour agencies",
  no: "no recruitment or labour agencies are expected",
};
const migrants: Condition = {
  kind: "flag",
  path: "procurement.labour.migrantWorkers",
  yes: "migrant workers are expected",
  no: "no migrant workers are expected",
};
const lowSkilled: Condition = {
  kind: "flag",
  path: "procurement.labour.lowSkilled",
  yes: "the work is largely low-skilled",
  no: "the work is not described as low-skilled",
};
const subcontracting: Condition = {
  kind: "flag",
  path: "procurement.labour.subcontracting",
  yes: "subcontracting is expected",
  no: "no subcontracting is expected",
};
const housing: Condition = {
  kind: "flag",
  path: "procurement.labour.housingProvided",
  yes: "the supplier or a subcontractor provides or arranges housing for workers",
  no: "no housing is provided or arranged for workers",
};
const sme: Condition = {
  kind: "flag",
  path: "supplier.sme",
  yes: "the supplier is an SME",
  no: "the supplier is not stated to be an SME",
};
const cots: Condition = {
  kind: "flag",
  path: "procurement.commercialOffTheShelf",
  yes: "the acquisition is entirely commercially available off-the-shelf (COTS) items",
  no: "the acquisition is not entirely COTS items",
};
const usDirectives: Condition = {
  kind: "flag",
  path: "procurement.usDirectivesApply",
  yes: "the contracting officer has been told of US trafficking directives or notices for the place of performance",
  no: "no US trafficking directives or notices for the place of performance are known to the contracting officer",
};

const FAR_1705_NOTE =
  'FAR 52.222-50(h) and 52.222-56 test whether the value "exceeds" the threshold, while the stored prescription FAR 22.1705(b)(1) reads "at least"; Fairtender applies "exceeds" from the same dated threshold — confirm with the contracting officer.';

const usPlanTest: Condition = all(selected("us-far-52-222-50"), not(cots), {
  kind: "threshold",
  param: "us-compliance-plan-threshold",
  amount: "procurement.outsideBuyerCountryValue",
  test: "exceeds",
  subject: "the value performed outside the US",
  ifAbsent: "false-unless-abroad",
  boundaryNote: FAR_1705_NOTE,
});

/** PPN 02/23 binds central government and NHS bodies; PPN 009 (from its start date) central government. */
const ppnBinding: Condition = any(
  { kind: "buyer-kind", in: ["central-government"] },
  all(
    { kind: "buyer-kind", in: ["nhs-body"] },
    not({
      kind: "date",
      of: "commenced",
      param: "gb-new-regime-date",
      label: "the day from which PPN 009 (which does not name NHS bodies) replaces PPN 02/23",
    }),
  ),
);
const gbNewRegime: Condition = {
  kind: "date",
  of: "commenced",
  param: "gb-new-regime-date",
  label: "the day the Procurement Act 2023 and PPN 009 apply to procurements commenced",
};

const fromFar50 = (id: string, label: string, why: string, sources: Source[]): SelectionRule => ({
  id,
  clause: label,
  label,
  when: [{ if: selected("us-far-52-222-50"), strength: "mandatory" }],
  why,
  whyNot: "Not included: {{because}}.",
  sources,
});

// ------------------------------------------------------------------------------------------------
// The table
// ------------------------------------------------------------------------------------------------

/** The selection rules, one per catalogue clause. Exported so that tools can show and test them. */
export const SELECTION_RULES: readonly SelectionRule[] = [
  // --- United States (FACTS §8.1) -------------------------------------------------------------
  {
    id: "far-22-1705-a1",
    clause: "us-far-52-222-50",
    label: "FAR 52.222-50",
    when: [{ if: { kind: "regime", id: "us-far" }, strength: "mandatory" }],
    why: "FAR 22.1705(a)(1) requires FAR 52.222-50 in every solicitation and contract, of any value and including commercial acquisitions: {{because}}.",
    whyNot: "FAR 52.222-50 not included: {{because}}.",
    sources: [S.far1705a1, S.far1701, S.far50],
  },
  {
    id: "far-22-1705-a2",
    clause: "us-far-52-222-50-alt-i",
    label: "FAR 52.222-50 Alternate I",
    when: [{ if: all(selected("us-far-52-222-50"), { kind: "abroad" }, usDirectives), strength: "mandatory" }],
    why: "FAR 22.1705(a)(2) requires Alternate I when the contract is performed outside the US and the contracting officer knows of US trafficking directives there: {{because}}.",
    whyNot: "FAR 52.222-50 Alternate I not included: {{because}}.",
    sources: [S.far1705a2],
  },
  {
    id: "far-22-1705-b",
    clause: "us-far-52-222-56",
    label: "FAR 52.222-56",
    when: [{ if: usPlanTest, strength: "mandatory", ifUnknown: "recommended" }],
    why: "FAR 22.1705(b) requires FAR 52.222-56 (pre-award certification of a compliance plan): {{because}}.",
    whyUnknown:
      "FAR 52.222-56 included as {{strength}} until the threshold can be tested: {{because}}. It is mandatory if the value performed outside the US exceeds the threshold.",
    whyNot: "FAR 52.222-56 not included: {{because}}.",
    sources: [S.far1705b, S.far56, S.far1701],
  },
  {
    id: "far-52-222-50-h",
    clause: "us-far-compliance-plan",
    label: "the trafficking compliance plan clause",
    when: [{ if: usPlanTest, strength: "mandatory", ifUnknown: "recommended" }],
    why: "FAR 52.222-50(h) and 22.1701(b) require a compliance plan for a portion performed or acquired outside the US above the threshold: {{because}}.",
    whyUnknown:
      "The compliance plan clause is included as {{strength}} until the threshold can be tested: {{because}}.",
    whyNot: "Compliance plan clause not included: {{because}}.",
    sources: [S.far1701, S.far50],
  },
  {
    id: "far-52-222-50-h5",
    clause: "us-far-annual-certification",
    label: "the annual certification clause",
    when: [
      { if: selected("us-far-compliance-plan", ["mandatory"]), strength: "mandatory" },
      { if: selected("us-far-compliance-plan"), strength: "recommended" },
    ],
    why: "FAR 52.222-50(h)(5) and 22.1703(c)(2) require an annual certification while a compliance plan is required: {{because}}.",
    whyNot: "Annual certification not included: {{because}}.",
    sources: [S.far1703, S.far50],
  },
  fromFar50(
    "far-52-222-50-d",
    "us-far-incident-reporting",
    "FAR 52.222-50(d) requires immediate reporting of credible information to the contracting officer and the agency Inspector General: {{because}}.",
    [S.far50],
  ),
  fromFar50(
    "far-52-222-50-g",
    "us-far-cooperation",
    "FAR 52.222-50(g) requires full cooperation with audits and investigations: {{because}}.",
    [S.far50, S.far1703],
  ),
  {
    id: "far-52-222-50-b7",
    clause: "us-far-return-transport",
    label: "the return transport clause",
    when: [{ if: all(selected("us-far-52-222-50"), any({ kind: "abroad" }, migrants)), strength: "mandatory" }],
    why: "FAR 52.222-50(b)(7) requires return transport for workers brought to the place of work for the contract: {{because}}.",
    whyNot: "Return transport clause not included: {{because}}.",
    sources: [S.far50],
  },
  {
    id: "far-52-222-50-b8",
    clause: "us-far-housing",
    label: "the housing clause",
    when: [{ if: all(selected("us-far-52-222-50"), housing), strength: "mandatory" }],
    why: "FAR 52.222-50(b)(8) and (h)(3)(iv) require provided housing to meet host-country housing and safety standards: {{because}}.",
    whyNot: "Housing clause not included: {{because}}.",
    sources: [S.far50],
  },
  fromFar50(
    "far-52-222-50-i",
    "us-far-flow-down",
    "FAR 52.222-50(i) requires the clause in all subcontracts and contracts with agents, at any tier and value: {{because}}.",
    [S.far50],
  ),
  {
    id: "far-22-1703-a9",
    clause: "us-far-work-documents",
    label: "the written work documents clause",
    when: [{ if: all(selected("us-far-52-222-50"), any(migrants, agencies)), strength: "recommended" }],
    why: "FAR 22.1703(a)(9) lets the contracting officer require written work documents, weighing the trafficking risk and the number of non-US workers; recommended because {{because}}.",
    whyNot: "Written work documents clause not included (the contracting officer may still require it): {{because}}.",
    sources: [S.far1703, S.far50],
  },
  fromFar50(
    "far-52-222-50-e",
    "us-far-remedies",
    "FAR 52.222-50(e)–(f) and 22.1704 give the buyer a ladder of remedies, with mitigating factors: {{because}}.",
    [S.far50, S.far1704],
  ),

  // --- United Kingdom (FACTS §8.2) ------------------------------------------------------------
  {
    id: "gb-ppn-clause",
    clause: "gb-modern-slavery-compliance",
    label: "the modern slavery compliance clause",
    when: [
      { if: ppnBinding, strength: "policy" },
      { if: always, strength: "recommended" },
    ],
    why: "The modern slavery Procurement Policy Note binds this buyer and its guidance provides a contract clause: {{because}}.",
    whyNot: "Modern slavery compliance clause not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },
  {
    id: "gb-msa-s54",
    clause: "gb-s54-statement",
    label: "the s.54 statement clause",
    when: [
      {
        if: all(
          { kind: "business-in", country: "GB", label: "the United Kingdom" },
          {
            kind: "threshold",
            param: "gb-s54-turnover-threshold",
            amount: "supplier.annualTurnover",
            test: "at-least",
            subject: "the supplier's total turnover",
            ifAbsent: "unknown",
          },
        ),
        strength: "mandatory",
        ifUnknown: "recommended",
      },
    ],
    why: "Modern Slavery Act 2015 s.54 requires an annual slavery and human trafficking statement: {{because}}.",
    whyUnknown:
      "The s.54 statement clause is included as {{strength}} because the turnover test could not be applied: {{because}}.",
    whyNot: "s.54 statement clause not included: {{because}}.",
    sources: [S.msa54],
  },
  {
    id: "gb-exclusion-grounds",
    clause: "gb-exclusion-declaration",
    label: "the exclusion declaration",
    when: [
      {
        if: gbNewRegime,
        strength: "mandatory",
        why: "The Procurement Act 2023 (s.57, Schedules 6 and 7) makes modern slavery and trafficking convictions and conduct exclusion grounds, declared by every supplier: {{because}}.",
        sources: [S.pa2023],
      },
      {
        if: always,
        strength: "mandatory",
        why: "PCR 2015 reg. 57 makes modern slavery offences a mandatory exclusion ground, declared by every supplier (the procurement commenced before the Procurement Act 2023 applies).",
        sources: [S.pcr57],
      },
    ],
    why: "{{because}}",
    whyNot: "Exclusion declaration not included: {{because}}.",
    sources: [],
  },
  {
    id: "gb-ppn-supply-chain",
    clause: "gb-supply-chain-declarations",
    label: "the supply-chain declarations",
    when: [
      { if: all(ppnBinding, riskAtLeast("high")), strength: "policy" },
      { if: riskAtLeast("high"), strength: "recommended" },
    ],
    why: "For high-risk procurements the PPN asks bidders to list their supply-chain members with a self-declaration for each at selection stage: {{because}}.",
    whyNot: "Supply-chain declarations not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },
  {
    id: "gb-ppn-selection-questions",
    clause: "gb-selection-questions",
    label: "the additional selection questions",
    when: [
      { if: all(ppnBinding, riskAtLeast("medium")), strength: "policy" },
      { if: riskAtLeast("medium"), strength: "recommended" },
    ],
    why: "For medium and high risk the PPN guidance adds modern slavery questions to the selection questionnaire: {{because}}.",
    whyNot: "Additional selection questions not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },
  {
    id: "gb-ppn-msat",
    clause: "gb-msat",
    label: "the MSAT clause",
    when: [
      { if: all(ppnBinding, riskAtLeast("medium")), strength: "policy" },
      { if: riskAtLeast("medium"), strength: "recommended" },
    ],
    why: "For medium and high risk the PPN guidance uses the Modern Slavery Assessment Tool in contract management: {{because}}.",
    whyNot: "MSAT clause not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },
  {
    id: "gb-ppn-remedial-plan",
    clause: "gb-remedial-action-plan",
    label: "the remedial action plan clause",
    when: [{ if: always, strength: "recommended" }],
    why: "The PPN guidance expects a remedial action plan before any termination, for every UK procurement ({{regime}}).",
    whyNot: "Remedial action plan not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },
  {
    id: "gb-ppn-termination",
    clause: "gb-termination",
    label: "the termination clause",
    when: [{ if: always, strength: "recommended" }],
    why: "A termination right for modern slavery breaches, used after the remedial action plan, is recommended for every UK procurement ({{regime}}).",
    whyNot: "Termination clause not included: {{because}}.",
    sources: [S.ppn0223, S.ppn009],
  },

  // --- European Union (FACTS §8.3) ------------------------------------------------------------
  {
    id: "eu-dir-18-2",
    clause: "eu-labour-law-compliance",
    label: "the labour-law compliance clause",
    when: [{ if: always, strength: "mandatory" }],
    why: "Directive 2014/24/EU Art. 18(2) requires compliance with labour law and the ILO conventions of Annex X in performing public contracts ({{regime}}).",
    whyNot: "Labour-law compliance clause not included: {{because}}.",
    sources: [S.dir18],
  },
  {
    id: "eu-dir-57",
    clause: "eu-exclusion-declaration",
    label: "the exclusion declaration",
    when: [{ if: always, strength: "mandatory" }],
    why: "Directive 2014/24/EU Art. 57(1)(f) makes child labour and trafficking convictions a mandatory exclusion ground, declared in the ESPD, with Art. 57(4)(a) as a discretionary ground ({{regime}}).",
    whyNot: "Exclusion declaration not included: {{because}}.",
    sources: [S.dir57],
  },
  {
    id: "eu-dir-71",
    clause: "eu-subcontracting-disclosure",
    label: "the subcontracting disclosure clause",
    when: [
      { if: { kind: "category", in: ["services", "works"] }, strength: "recommended" },
      {
        if: { kind: "category", in: ["goods"] },
        strength: "optional",
        why: "Directive 2014/24/EU Art. 71 lets the buyer ask for the names of subcontractors; it is required only for works and on-site services, so it is an option here: {{because}}.",
      },
    ],
    why: "Directive 2014/24/EU Art. 71 lets the buyer require the names of subcontractors (required for works and on-site services): {{because}}.",
    whyNot: "Subcontracting disclosure not included: {{because}}.",
    sources: [S.dir71],
  },
  {
    id: "eu-dir-70",
    clause: "eu-performance-conditions",
    label: "the special performance conditions",
    when: [{ if: always, strength: "recommended" }],
    why: "Directive 2014/24/EU Art. 70 allows social and employment performance conditions linked to the subject matter and announced in the call ({{regime}}).",
    whyNot: "Special performance conditions not included: {{because}}.",
    sources: [S.dir70],
  },
  {
    id: "eu-csddd-assurance",
    clause: "eu-csddd-contractual-assurance",
    label: "the contractual assurance clause",
    when: [{ if: any(riskAtLeast("high"), subcontracting), strength: "recommended" }],
    why: "Contractual assurances with cascading, modelled on CSDDD Art. 10(2)(b) and 11(3)(c), are recommended: {{because}}. Whether a public buyer is itself in CSDDD scope cannot be known from the profile.",
    whyNot: "Contractual assurance not included: {{because}}.",
    sources: [S.csddd],
    warnWhenSelected: [
      {
        code: "unconfirmed-fact",
        message:
          "The contractual assurance clause follows the Corporate Sustainability Due Diligence Directive (EU) 2024/1760, whose application was postponed (Directive (EU) 2025/794) and whose scope is being narrowed by the Omnibus I package; the Omnibus I text and dates are from secondary sources. Check the current state before relying on the directive.",
      },
    ],
  },
  {
    id: "eu-csddd-verification",
    clause: "eu-csddd-verification",
    label: "the verification clause",
    when: [{ if: selected("eu-csddd-contractual-assurance"), strength: "recommended" }],
    why: "CSDDD Art. 10(5) accompanies contractual assurances with verification measures: {{because}}.",
    whyNot: "Verification clause not included: {{because}}.",
    sources: [S.csddd],
  },
  {
    id: "eu-csddd-sme",
    clause: "eu-sme-fair-terms",
    label: "the SME fair terms clause",
    when: [{ if: all(sme, selected("eu-csddd-contractual-assurance")), strength: "recommended" }],
    why: "CSDDD Art. 10(2)(e) and 10(5) call for fair terms for SME partners, the buyer bearing third-party verification costs: {{because}}.",
    whyNot: "SME fair terms clause not included: {{because}}.",
    sources: [S.csddd],
  },
  {
    id: "eu-flr-art-1",
    clause: "eu-flr-product-warranty",
    label: "the forced-labour product warranty",
    when: [
      {
        if: all(
          { kind: "category", in: ["goods"] },
          {
            kind: "date",
            of: "end",
            param: "eu-flr-application-date",
            label: "the day Regulation (EU) 2024/3015 applies",
          },
        ),
        strength: "mandatory",
      },
    ],
    why: "Regulation (EU) 2024/3015 bans products made with forced labour from the EU market from its application date, and the contract period reaches it: {{because}}.",
    whyNot: "Forced-labour product warranty not included: {{because}}.",
    sources: [S.flr],
  },
  {
    id: "eu-csddd-corrective-plan",
    clause: "eu-corrective-action-plan",
    label: "the corrective action plan clause",
    when: [{ if: always, strength: "recommended" }],
    why: "A corrective action plan before suspension or termination (CSDDD Art. 10(6), 11(7): exit as a last resort) is recommended for every EU procurement ({{regime}}).",
    whyNot: "Corrective action plan not included: {{because}}.",
    sources: [S.csddd],
  },

  // --- Australia and Canada (FACTS §8.4) ------------------------------------------------------
  {
    id: "au-msa-s5",
    clause: "au-modern-slavery-statement",
    label: "the Australian modern slavery statement clause",
    when: [
      {
        if: all(
          { kind: "business-in", country: "AU", label: "Australia" },
          {
            kind: "threshold",
            param: "au-reporting-revenue-threshold",
            amount: "supplier.annualTurnover",
            test: "at-least",
            subject: "the supplier's consolidated revenue",
            ifAbsent: "unknown",
            boundaryNote:
              'Secondary checklists cite s.5 as "at least" while the Act\'s simplified outline says "more than"; Fairtender treats the boundary as "at least" — check the Act before relying on it.',
          },
        ),
        strength: "mandatory",
        ifUnknown: "recommended",
      },
    ],
    why: "The Modern Slavery Act 2018 (Cth) requires reporting entities to lodge an annual modern slavery statement: {{because}}.",
    whyUnknown:
      "The modern slavery statement clause is included as {{strength}} because the revenue test could not be applied: {{because}}.",
    whyNot: "Australian modern slavery statement clause not included: {{because}}.",
    sources: [S.ausMsa],
  },
  {
    id: "au-toolkit-information",
    clause: "au-supply-chain-information",
    label: "the supply-chain information clause",
    when: [{ if: always, strength: "recommended" }],
    why: "The Commonwealth toolkit recommends asking suppliers for the supply-chain information the buyer needs for its own modern slavery reporting ({{regime}}).",
    whyNot: "Supply-chain information clause not included: {{because}}.",
    sources: [S.ausToolkit],
  },
  {
    id: "ca-act-entity",
    clause: "ca-forced-labour-report",
    label: "the Canadian forced labour report clause",
    when: [
      {
        if: {
          kind: "count",
          atLeast: 2,
          label: "the supplier meets two of the three size tests of S.C. 2023, c. 9",
          of: [
            {
              kind: "threshold",
              param: "ca-assets-threshold",
              amount: "supplier.totalAssets",
              test: "at-least",
              subject: "total assets",
              ifAbsent: "unknown",
            },
            {
              kind: "threshold",
              param: "ca-revenue-threshold",
              amount: "supplier.annualTurnover",
              test: "at-least",
              subject: "revenue",
              ifAbsent: "unknown",
            },
            {
              kind: "threshold",
              param: "ca-employees-threshold",
              amount: "supplier.employees",
              test: "at-least",
              subject: "employees",
              ifAbsent: "unknown",
            },
          ],
        },
        strength: "mandatory",
        ifUnknown: "recommended",
      },
    ],
    why: "S.C. 2023, c. 9 requires an annual report from entities meeting two of three size tests: {{because}}.",
    whyUnknown:
      "The forced labour report clause is included as {{strength}} because the size tests could not all be applied: {{because}}.",
    whyNot: "Canadian forced labour report clause not included: {{because}}.",
    sources: [S.caAct],
  },
  {
    id: "ca-pspc-pn-150",
    clause: "ca-pspc-goods-warranty",
    label: "the PSPC goods warranty",
    when: [
      {
        if: all(
          { kind: "category", in: ["goods"] },
          {
            kind: "date",
            of: "start",
            param: "ca-pspc-goods-date",
            label: "the day PSPC PN-150 applies to new goods contracts",
          },
        ),
        strength: "policy",
      },
    ],
    why: "PSPC Policy Notification PN-150 requires anti-forced-labour clauses in goods contracts: {{because}}.",
    whyNot: "PSPC goods warranty not included: {{because}}.",
    sources: [S.caPn150],
  },

  // --- UN system (FACTS §5) -------------------------------------------------------------------
  {
    id: "un-supplier-code",
    clause: "un-supplier-code",
    label: "the UN Supplier Code clause",
    when: [{ if: always, strength: "mandatory" }],
    why: "Every UN contract binds the supplier to the UN Supplier Code of Conduct ({{regime}}).",
    whyNot: "UN Supplier Code clause not included: {{because}}.",
    sources: [S.unScc],
  },
  {
    id: "un-gcc-child-labour",
    clause: "un-child-labour",
    label: "the UN child labour clause",
    when: [{ if: always, strength: "mandatory" }],
    why: "The UN General Conditions of Contract contain a child labour warranty with termination on breach ({{regime}}).",
    whyNot: "UN child labour clause not included: {{because}}.",
    sources: [S.unGcc],
  },
  {
    id: "un-gcc-sea",
    clause: "un-sexual-exploitation",
    label: "the UN sexual exploitation clause",
    when: [{ if: always, strength: "mandatory" }],
    why: "The UN General Conditions of Contract require measures against sexual exploitation and abuse ({{regime}}).",
    whyNot: "UN sexual exploitation clause not included: {{because}}.",
    sources: [S.unGcc],
  },
  {
    id: "un-gcc-termination",
    clause: "un-termination",
    label: "the UN termination clause",
    when: [{ if: always, strength: "mandatory" }],
    why: "The UN General Conditions of Contract let the UN terminate for breach of these provisions ({{regime}}).",
    whyNot: "UN termination clause not included: {{because}}.",
    sources: [S.unGcc, S.unHlcm],
  },

  // --- Cross-regime clauses (FACTS §7, §7A) ---------------------------------------------------
  {
    id: "general-fees",
    clause: "general-recruitment-fees",
    label: "the recruitment fees clause",
    when: [
      { if: any(agencies, migrants, riskAtLeast("high")), strength: "recommended" },
      {
        if: selected("us-far-compliance-plan"),
        strength: "recommended",
        companion: true,
        why: "The compliance plan's recruitment and wage plan bans recruitment fees (FAR 52.222-50(b)(6), (h)(3)(iii)) and refers to this clause: {{because}}.",
        sources: [S.far50],
      },
    ],
    why: "A ban on recruitment fees with repayment is recommended because {{because}}.",
    whyNot: "Recruitment fees clause not included: {{because}}.",
    sources: [S.factsRisk, S.iloFr],
  },
  {
    id: "general-id-documents",
    clause: "general-identity-documents",
    label: "the identity documents clause",
    when: [{ if: any(migrants, riskAtLeast("medium")), strength: "recommended" }],
    why: "A ban on retaining identity documents is recommended because {{because}}.",
    whyNot: "Identity documents clause not included: {{because}}.",
    sources: [S.factsRisk, S.iloInd],
  },
  {
    id: "general-recruitment",
    clause: "general-ethical-recruitment",
    label: "the ethical recruitment clause",
    when: [{ if: any(agencies, migrants), strength: "recommended" }],
    why: "Ethical recruitment terms (lawful recruiters, written terms in the worker's language) are recommended because {{because}}.",
    whyNot: "Ethical recruitment clause not included: {{because}}.",
    sources: [S.factsRisk, S.iloFr],
  },
  {
    id: "general-wages",
    clause: "general-wages",
    label: "the wages clause",
    when: [{ if: any(lowSkilled, riskAtLeast("medium")), strength: "recommended" }],
    why: "A wages clause is recommended because {{because}}.",
    whyNot: "Wages clause not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-awareness",
    clause: "general-worker-awareness",
    label: "the worker awareness clause",
    when: [{ if: riskAtLeast("medium"), strength: "recommended" }],
    why: "Worker awareness and training are recommended because {{because}}.",
    whyNot: "Worker awareness clause not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-grievance",
    clause: "general-grievance-mechanism",
    label: "the grievance mechanism clause",
    when: [{ if: always, strength: "recommended" }],
    why: "A grievance mechanism open to workers without retaliation is recommended for every procurement ({{regime}}).",
    whyNot: "Grievance mechanism not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-incident",
    clause: "general-incident-notification",
    label: "the incident notification clause",
    when: [{ if: always, strength: "recommended" }],
    why: "Notification of incidents to the buyer is recommended for every procurement ({{regime}}).",
    whyNot: "Incident notification not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-audit",
    clause: "general-audit-rights",
    label: "the audit rights clause",
    when: [
      { if: riskAtLeast("medium"), strength: "recommended" },
      {
        if: not(riskAtLeast("medium")),
        strength: "optional",
        why: "Audit rights are included as an option (they are recommended from medium risk): {{because}}.",
      },
    ],
    why: "Audit rights are recommended: {{because}}.",
    whyNot: "Audit rights not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-mapping",
    clause: "general-supply-chain-mapping",
    label: "the supply-chain mapping clause",
    when: [{ if: any(riskAtLeast("high"), subcontracting), strength: "recommended" }],
    why: "Supply-chain mapping is recommended because {{because}}.",
    whyNot: "Supply-chain mapping not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-flow-down",
    clause: "general-flow-down",
    label: "the flow-down clause",
    when: [{ if: subcontracting, strength: "recommended" }],
    why: "Flowing the obligations down to subcontractors is recommended because {{because}}.",
    whyNot: "Flow-down clause not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-remediation",
    clause: "general-remediation",
    label: "the remediation clause",
    when: [
      { if: riskAtLeast("medium"), strength: "recommended" },
      {
        if: selected("general-remedies-ladder"),
        strength: "recommended",
        companion: true,
        why: "Remediation comes before exit: the remedies ladder, whose first step is remediation, refers to this clause ({{because}}; CSDDD Art. 10(6), ABA MCCs 2.0).",
        sources: [S.csddd, S.aba],
      },
    ],
    why: "Remediation of harm to workers is recommended because {{because}}.",
    whyNot: "Remediation clause not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-remedies",
    clause: "general-remedies-ladder",
    label: "the remedies ladder",
    when: [{ if: always, strength: "recommended" }],
    why: "A remedies ladder (remediate, escalate, suspend, terminate) is recommended for every procurement ({{regime}}).",
    whyNot: "Remedies ladder not included: {{because}}.",
    sources: [S.factsRisk],
  },
  {
    id: "general-housing",
    clause: "general-housing",
    label: "the housing clause",
    when: [{ if: housing, strength: "recommended" }],
    why: "A housing standards clause is recommended because {{because}}.",
    whyNot: "Housing clause not included: {{because}}.",
    sources: [S.factsRisk],
  },

  // --- Buyer-choice modules (the soft-law modules' own scope) ------------------------------------------------------
  {
    id: "aba-buyer-code",
    clause: "aba-mcc2-responsible-purchasing",
    label: "the responsible purchasing clause",
    when: [{ if: { kind: "regime", id: "aba-mcc2" }, strength: "optional" }],
    why: "The buyer chose the ABA MCC 2.0 module: {{because}}.",
    whyNot: "ABA responsible purchasing clause not included: {{because}}.",
    sources: [S.aba, S.abaBuyer],
    suggest: {
      when: any(sme, riskAtLeast("medium")),
      text: "The ABA MCC 2.0 module (shared buyer–supplier responsibility) is worth offering (add aba-mcc2 to profile.modules) because",
    },
  },
  {
    id: "aba-remediation-before-exit",
    clause: "aba-mcc2-remediation-before-exit",
    label: "the remediation-before-exit clause",
    when: [{ if: { kind: "regime", id: "aba-mcc2" }, strength: "optional" }],
    why: "The buyer chose the ABA MCC 2.0 module: {{because}}.",
    whyNot: "ABA remediation-before-exit clause not included: {{because}}.",
    sources: [S.aba],
  },
  {
    id: "ilo-employer-pays",
    clause: "ilo-employer-pays",
    label: "the employer-pays clause",
    when: [{ if: { kind: "regime", id: "ilo-fair-recruitment" }, strength: "optional" }],
    why: "The buyer chose the ILO fair recruitment module: {{because}}.",
    whyNot: "ILO employer-pays clause not included: {{because}}.",
    sources: [S.iloFr],
    suggest: {
      when: any(agencies, migrants, riskAtLeast("high")),
      text: "The ILO fair recruitment module (employer pays) is worth adding (add ilo-fair-recruitment to profile.modules) because",
    },
  },
  {
    id: "ilo-indicators",
    clause: "ilo-forced-labour-indicators",
    label: "the ILO indicators audit checklist",
    gate: "any-regime",
    when: [
      { if: riskAtLeast("high"), strength: "recommended" },
      { if: { kind: "regime", id: "ilo-fair-recruitment" }, strength: "optional" },
    ],
    why: "An audit checklist built on the 11 ILO indicators of forced labour is {{strength}}: {{because}}.",
    whyNot: "ILO indicators checklist not included: {{because}}.",
    sources: [S.iloInd],
  },
];

/** Parameters resolved by rule (all others keep the library default). Catalogue values; data, not law. */
export const PARAMETER_RULES: readonly ParameterRule[] = [
  {
    clause: "general-incident-notification",
    parameter: "notificationHours",
    byRisk: { high: 24 },
    why: "a high-risk procurement needs faster notification",
    timing: { field: "on-event.withinHours" },
  },
  {
    clause: "general-audit-rights",
    parameter: "auditNoticeDays",
    byRisk: { high: 5 },
    why: "shorter notice at high risk makes audits harder to stage-manage",
  },
  {
    clause: "general-audit-rights",
    parameter: "auditFrequencyMonths",
    byRisk: { high: 12, medium: 24, low: 36 },
    why: "audit frequency scales with the risk (high 12, medium 24, low 36 months)",
    timing: { field: "recurring.everyMonths" },
  },
  {
    clause: "general-supply-chain-mapping",
    parameter: "mappingTiers",
    byRisk: { high: 2 },
    why: "at high risk the map goes one tier deeper",
  },
  {
    clause: "general-grievance-mechanism",
    parameter: "responseDays",
    byRisk: { high: 14 },
    why: "at high risk grievances are answered faster",
    timing: { field: "on-event.withinHours", factor: 24 },
  },
  {
    clause: "general-worker-awareness",
    parameter: "trainingFrequencyMonths",
    byRisk: {},
    why: "the library default",
    timing: { field: "recurring.everyMonths" },
  },
  {
    clause: "gb-msat",
    parameter: "msatFrequencyMonths",
    byRisk: {},
    why: "the library default",
    timing: { field: "recurring.everyMonths" },
  },
  // Deadlines written in days whose obligations count in hours: linked so that a changed value
  // (a user's own parameter rule) also changes the schedule and the calendar, not only the text.
  {
    clause: "general-recruitment-fees",
    parameter: "feeRepaymentDays",
    byRisk: {},
    why: "the library default",
    timing: { field: "on-event.withinHours", factor: 24 },
  },
  {
    clause: "general-remedies-ladder",
    parameter: "cureDays",
    byRisk: {},
    why: "the library default",
    timing: { field: "on-event.withinHours", factor: 24 },
  },
  {
    clause: "gb-remedial-action-plan",
    parameter: "remedialPlanDays",
    byRisk: {},
    why: "the library default",
    timing: { field: "on-event.withinHours", factor: 24 },
  },
  {
    clause: "eu-corrective-action-plan",
    parameter: "correctiveActionDays",
    byRisk: {},
    why: "the library default",
    timing: { field: "on-event.withinHours", factor: 24 },
  },
];

/**
 * Clauses whose obligations can weigh heavily on a small supplier. When the supplier is an SME and one
 * of these is selected, a `sme-proportionality` warning is raised (PPN 02/23 and PPN 009 ask buyers to
 * balance requirements against barriers for SMEs; CSDDD Art. 10(2)(e) calls for targeted SME support).
 */
export const SME_BURDEN: readonly { clause: string; why: string }[] = [
  {
    clause: "us-far-compliance-plan",
    why: "a written compliance plan with five minimum elements, posted and certified annually",
  },
  { clause: "gb-msat", why: "periodic completion of the Modern Slavery Assessment Tool" },
  { clause: "gb-supply-chain-declarations", why: "a list of supply-chain members with a self-declaration from each" },
  { clause: "general-supply-chain-mapping", why: "mapping the supply chain below the first tier" },
  { clause: "eu-csddd-verification", why: "third-party verification of contractual assurances" },
  { clause: "general-audit-rights", why: "regular audits at the supplier's premises" },
];
