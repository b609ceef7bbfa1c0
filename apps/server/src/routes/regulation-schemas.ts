import { z } from 'zod';
import { dateTime, uuid } from '../schemas';
import { caseDetailSchema } from './cases';

// Answers of the regulation routes, following the module's services (packages/modules/regulation).
// Timestamps are Date columns (dateTime); YYYY-MM-DD columns and the proof document's instants are
// plain strings.

const json = z.record(z.string(), z.unknown());
const names = z.object({ zh: z.string(), en: z.string() });
/**
 * A text column that holds one of these values (the module checks them on the way in): documented
 * as an enum for the typed client, sent as stored.
 */
const textEnum = <const T extends readonly string[]>(values: T) => z.string().meta({ enum: [...values] });
/** A credit class as the draw types it. */
const drawClass = z.enum(['A', 'B', 'C', 'D']);
/** A credit class as a rating, warning or search row stores it. */
const creditClass = textEnum(['A', 'B', 'C', 'D']);
const ratioByClass = z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() });
const inspectionStatus = textEnum(['assigned', 'rectifying', 'reinspecting', 'to_publish', 'published']);
const passFail = textEnum(['pass', 'fail']);

export const licenceSchema = z
  .object({ type: z.string(), number: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
  .meta({ id: 'RegulationLicence' });

export const subjectSchema = z
  .object({
    id: uuid,
    uscc: z.string(),
    name: z.string(),
    kind: textEnum(['enterprise', 'individual', 'cooperative', 'shop']),
    legalRepresentative: z.string(),
    address: z.string(),
    addressId: uuid.nullable(),
    divisionCode: z.string(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    industryCode: z.string(),
    licences: z.array(licenceSchema),
    status: z.string(),
    departmentCode: z.string(),
    checkOverridden: z.boolean(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'RegulationSubject' });

export const subjectSearchSchema = z.object({
  total: z.number().int(),
  items: z.array(subjectSchema.extend({ creditClass: creditClass.nullable() })),
});

const historyEntry = z.object({
  id: uuid,
  subjectId: uuid,
  version: z.number().int(),
  at: dateTime,
  actorName: z.string(),
  status: z.string(),
  changes: z.record(z.string(), z.array(z.unknown())).describe('Field → [before, after]'),
});

const recordSource = textEnum([
  'licence',
  'penalty',
  'inspection',
  'complaint',
  'court',
  'tax',
  'commitment',
]);

export const recordSchema = z
  .object({
    id: uuid,
    subjectId: uuid,
    source: recordSource,
    departmentCode: z.string(),
    date: dateTime,
    validUntil: dateTime.nullable(),
    repairedAt: dateTime.nullable(),
    severity: z.number().int(),
    data: json,
    summary: z.string(),
    origin: z.string(),
    originId: z.string(),
    createdAt: dateTime,
  })
  .meta({ id: 'RegulationRecord' });

const explanation = z.object({
  rule: z.string(),
  description: names,
  points: z.number(),
  cap: creditClass.nullable(),
  records: z.array(z.string()),
});

export const currentRatingSchema = z
  .object({
    subjectId: uuid,
    ruleSetCode: z.string(),
    ruleSetVersion: z.number().int(),
    creditClass,
    score: z.number(),
    explanation: z.array(explanation),
    stats: z.record(z.string(), z.number()),
    ratedAt: dateTime,
  })
  .meta({ id: 'RegulationRating' });

const ratingHistory = z.object({
  id: uuid,
  subjectId: uuid,
  ruleSetCode: z.string(),
  ruleSetVersion: z.number().int(),
  creditClass,
  previousClass: creditClass.nullable(),
  score: z.number(),
  explanation: z.array(explanation),
  reason: textEnum(['record', 'repair', 'rules', 'subject', 'schedule']),
  ratedAt: dateTime,
});

export const warningSchema = z
  .object({
    id: uuid,
    subjectId: uuid,
    departmentCode: z.string(),
    kind: textEnum(['class_worsened', 'risk_records']),
    ruleSetCode: z.string(),
    fromClass: creditClass.nullable(),
    toClass: creditClass,
    message: z.string(),
    status: textEnum(['open', 'acknowledged']),
    subjectNotified: z.boolean(),
    createdAt: dateTime,
    acknowledgedAt: dateTime.nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'RegulationWarning' });

export const listedWarningSchema = warningSchema.extend({ subjectName: z.string(), uscc: z.string() });

const inspectionBase = z.object({
  id: uuid,
  planId: uuid.nullable(),
  subjectId: uuid,
  itemCodes: z.array(z.string()),
  departmentCodes: z.array(z.string()),
  inspectorIds: z.array(z.string()),
  joint: z.boolean(),
  caseId: uuid.nullable(),
  status: inspectionStatus,
  result: passFail.nullable(),
  checklist: z.record(z.string(), textEnum(['ok', 'problem', 'na'])).nullable(),
  findings: z.string().nullable(),
  rectificationDue: z.string().nullable(),
  rectifiedAt: dateTime.nullable(),
  publishDue: z.string().nullable(),
  referred: z.boolean(),
  createdAt: dateTime,
  inspectedAt: dateTime.nullable(),
  concludedAt: dateTime.nullable(),
  publishedAt: dateTime.nullable(),
});
export const inspectionSchema = inspectionBase.meta({ id: 'RegulationInspection' });

export const listedInspectionSchema = inspectionBase
  .extend({
    subjectName: z.string(),
    uscc: z.string(),
    caseNumber: z.string().nullable().describe('The case number (JC…), when the visit has a case'),
  })
  .meta({ id: 'RegulationInspectionListed' });

export const myVisitsSchema = z.object({
  inspector: z.object({ id: uuid, name: z.string(), departmentCode: z.string() }).nullable(),
  items: z.array(listedInspectionSchema.extend({ address: z.string() })),
});

export const subjectProfileSchema = z.object({
  subject: subjectSchema,
  history: z.array(historyEntry),
  records: z.array(recordSchema),
  ratings: z.object({ current: z.array(currentRatingSchema), history: z.array(ratingHistory) }),
  inspections: z.array(listedInspectionSchema),
  warnings: z.array(listedWarningSchema),
  code: z.object({ token: z.string(), url: z.string(), qrSvg: z.string() }).nullable(),
});

const scope = z.object({ industryPrefixes: z.array(z.string()), licenceTypes: z.array(z.string()) });

/** The newest version of a rule set with its scope (rating/rating.ts `ruleSetSchema`). */
export const ruleSetSchema = z
  .object({
    code: z.string(),
    name: names,
    sector: z.string().nullable(),
    baseScore: z.number(),
    classes: z.object({ A: z.number(), B: z.number(), C: z.number() }),
    rules: z.array(
      z.object({
        code: z.string(),
        description: names,
        when: z.string().describe('CEL over subject and stats'),
        points: z.number(),
        sources: z.array(recordSource),
        withinMonths: z.number().nullable(),
        cap: z.enum(['B', 'C', 'D']).nullable(),
      }),
    ),
    version: z.number().int(),
    appliesTo: scope,
  })
  .meta({ id: 'RegulationRuleSet' });

export const itemSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    departmentCode: z.string(),
    legalBasis: z.string(),
    method: z.string(),
    subjectKinds: z.array(z.string()),
    industryPrefixes: z.array(z.string()),
    checklist: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
    ratioByClass,
    active: z.boolean(),
  })
  .meta({ id: 'RegulationItem' });

export const inspectorSchema = z
  .object({
    id: uuid,
    accountId: uuid.nullable(),
    name: z.string(),
    departmentCode: z.string(),
    badgeNumber: z.string(),
    qualifications: z.array(z.string()),
    conflicts: z.array(z.string()),
    active: z.boolean(),
  })
  .meta({ id: 'RegulationInspector' });

const canonicalInput = z.object({
  version: z.string(),
  planId: z.string(),
  minInspectors: z.number().int(),
  items: z.array(z.object({ code: z.string(), departmentCode: z.string(), ratioPpm: ratioByClass })),
  subjects: z.array(z.object({ id: z.string(), creditClass: drawClass, itemCodes: z.array(z.string()) })),
  inspectors: z.array(
    z.object({
      id: z.string(),
      departmentCode: z.string(),
      qualifications: z.array(z.string()),
      conflicts: z.array(z.string()),
    }),
  ),
  previous: z.array(z.object({ subjectId: z.string(), inspectorIds: z.array(z.string()) })),
});

const drawResult = z.object({
  version: z.string(),
  planId: z.string(),
  seedCommitment: z.string(),
  inputsDigest: z.string(),
  minInspectors: z.number().int(),
  strata: z.array(
    z.object({
      itemCode: z.string(),
      creditClass: drawClass,
      eligible: z.number().int(),
      ratioPpm: z.number().int(),
      selected: z.number().int(),
    }),
  ),
  assignments: z.array(
    z.object({
      itemCode: z.string(),
      departmentCode: z.string(),
      subjectId: z.string(),
      creditClass: drawClass,
      inspectorIds: z.array(z.string()),
    }),
  ),
  shortfalls: z.array(
    z.object({
      itemCode: z.string(),
      departmentCode: z.string(),
      subjectId: z.string(),
      creditClass: drawClass,
      reason: z.enum(['too_few_qualified', 'too_few_after_exclusions']),
      required: z.number().int(),
      qualified: z.number().int(),
      recused: z.number().int(),
      previous: z.number().int(),
      available: z.number().int(),
    }),
  ),
  visits: z.array(
    z.object({
      subjectId: z.string(),
      creditClass: drawClass,
      itemCodes: z.array(z.string()),
      departmentCodes: z.array(z.string()),
      inspectorIds: z.array(z.string()),
      joint: z.boolean(),
    }),
  ),
  digest: z.string(),
});

export const planSchema = z
  .object({
    id: uuid,
    number: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    departmentCode: z.string(),
    items: z.array(z.object({ code: z.string(), ratioByClass })),
    divisionCodes: z.array(z.string()),
    minInspectors: z.number().int(),
    status: textEnum(['draft', 'committed', 'drawn', 'published']),
    seed: z.string().nullable().describe('Null until the seed is published'),
    seedCommitment: z.string().nullable(),
    inputsDigest: z.string().nullable(),
    input: canonicalInput.nullable(),
    result: drawResult.nullable(),
    resultDigest: z.string().nullable(),
    createdAt: dateTime,
    createdBy: z.string(),
    committedAt: dateTime.nullable(),
    drawnAt: dateTime.nullable(),
    seedPublishedAt: dateTime.nullable(),
  })
  .meta({ id: 'RegulationPlan' });

/** A committed plan as the commit step answers it: the seed stays secret. */
export const committedPlanSchema = planSchema.omit({ seed: true });

/** A plan in the staff list: no seed, no rosters, with counts. */
export const planSummarySchema = planSchema
  .omit({ seed: true, input: true, result: true })
  .extend({ subjects: z.number().int(), visits: z.number().int(), shortfalls: z.number().int() })
  .meta({ id: 'RegulationPlanSummary' });

export const indicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  target: z.number().nullable(),
  scopes: z.array(
    z.object({
      scopeType: z.enum(['division', 'department']),
      scopeCode: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      value: z.number().nullable(),
    }),
  ),
});

/** The inspection's case as the case engine gives it (without the names a case page adds). */
const inspectionCase = caseDetailSchema.omit({ departments: true, people: true, type: true });

export const inspectionViewSchema = z
  .object({
    inspection: inspectionSchema,
    subject: subjectSchema,
    plan: z.object({ number: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
    items: z.array(itemSchema),
    inspectors: z.array(
      z.object({ id: uuid, name: z.string(), departmentCode: z.string(), badgeNumber: z.string() }),
    ),
    case: inspectionCase.nullable(),
    isInspector: z.boolean(),
  })
  .meta({ id: 'RegulationInspectionView' });

export const openedInspectionSchema = z.object({ id: uuid, caseId: uuid, number: z.string() });
export const openedCaseSchema = z.object({ caseId: uuid, number: z.string() });

// ── Public ─────────────────────────────────────────────────────────────────
export const publicDrawSchema = z.object({
  id: uuid,
  number: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  departmentCode: z.string(),
  status: textEnum(['committed', 'drawn', 'published']),
  seedCommitment: z.string().nullable(),
  inputsDigest: z.string().nullable(),
  resultDigest: z.string().nullable(),
  committedAt: dateTime.nullable(),
  drawnAt: dateTime.nullable(),
  seedPublishedAt: dateTime.nullable(),
  subjects: z.number().int(),
  visits: z.number().int(),
});

export const drawProofSchema = z
  .object({
    format: z.string(),
    planId: z.string(),
    name: names.optional(),
    committedAt: z.string(),
    drawnAt: z.string().nullable(),
    seedPublishedAt: z.string().nullable(),
    published: z.object({
      planId: z.string(),
      seedCommitment: z.string(),
      inputsDigest: z.string(),
      resultDigest: z.string().nullable(),
    }),
    seed: z.string().nullable(),
    input: canonicalInput,
    result: drawResult.nullable(),
  })
  .meta({ id: 'RegulationDrawProof' });

const itemName = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const publishedResultSchema = z.object({
  id: uuid,
  planNumber: z.string().nullable(),
  subjectName: z.string(),
  uscc: z.string(),
  items: z.array(itemName),
  departmentCodes: z.array(z.string()),
  joint: z.boolean(),
  result: passFail.nullable(),
  rectified: z.boolean(),
  referred: z.boolean(),
  inspectedAt: dateTime.nullable(),
  publishedAt: dateTime.nullable(),
});

export const shopPageSchema = z
  .object({
    subject: z.object({
      id: uuid,
      name: z.string(),
      uscc: z.string(),
      kind: z.string(),
      address: z.string(),
      industryCode: z.string(),
      status: z.string(),
      licences: z.array(licenceSchema.extend({ valid: z.boolean() })),
    }),
    creditClass: creditClass.nullable(),
    latestInspection: z
      .object({
        result: passFail.nullable(),
        rectified: z.boolean(),
        inspectedAt: dateTime.nullable(),
        publishedAt: dateTime.nullable(),
      })
      .nullable(),
    reviews: z.object({
      count: z.number().int(),
      average: z.number().nullable(),
      latest: z.array(
        z.object({ stars: z.number().int(), comment: z.string().nullable(), createdAt: dateTime }),
      ),
    }),
    actions: z.array(z.enum(['view', 'review', 'inspect', 'rectify', 'supervise', 'help'])),
    inspector: z.object({ id: uuid, name: z.string() }).nullable(),
    visits: z.array(
      z.object({
        id: uuid,
        status: inspectionStatus,
        caseId: uuid.nullable().describe('Null for the shop itself'),
        caseVersion: z.number().int(),
        findings: z.string().nullable(),
        rectificationDue: z.string().nullable(),
        overdue: z.boolean(),
        itemCodes: z.array(z.string()),
        items: z.array(itemName),
      }),
    ),
  })
  .meta({ id: 'RegulationShopPage' });

export const ownCreditSchema = z
  .object({
    subject: subjectSchema,
    records: z.array(recordSchema),
    ratings: z.array(currentRatingSchema),
    codeToken: z.string(),
    codeUrl: z.string(),
  })
  .meta({ id: 'RegulationOwnCredit' });
