import { ConflictError, InputError, isKernelError } from '@zhizhi/kernel/errors';
import { z } from 'zod';
import type { DrawResult } from './draw';
import {
  type CanonicalDrawInput,
  canonicalDigest,
  canonicalDrawInput,
  DRAW_CREDIT_CLASSES,
  DRAW_VERSION,
  type DrawPlanInput,
  drawCanonicalJson,
  drawInputFromCanonical,
  drawInputsDigest,
} from './input';
import { seedCommitment } from './prng';
import { type DrawVerificationCode, verifyDraw } from './verify';

/**
 * The public proof document of one sampling plan's draw (`GET /api/public/regulation/draws/{planId}/proof`):
 * the commitments, the canonical input, and — once done — the result and the seed, so that anyone
 * can recompute the draw (`verifyDrawProof`, `zhizhi inspection verify-draw`, or by hand from the
 * package README).
 */
export const DRAW_PROOF_FORMAT = 'zhizhi-draw-proof-v1';

export interface DrawProof {
  format: typeof DRAW_PROOF_FORMAT;
  planId: string;
  /** The plan's title. */
  name?: { zh: string; en: string };
  /** When the seed commitment and inputs digest were published (ISO 8601). */
  committedAt: string;
  /** When the draw was run; null before. */
  drawnAt: string | null;
  /** When the seed was revealed; null before. */
  seedPublishedAt: string | null;
  published: { planId: string; seedCommitment: string; inputsDigest: string; resultDigest: string | null };
  /** The seed (hex); null until published after the draw. */
  seed: string | null;
  /** Exactly the canonical input whose digest is `published.inputsDigest`. */
  input: CanonicalDrawInput;
  result: DrawResult | null;
}

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits');
const instant = z.iso.datetime({ offset: true });
/** Ids and codes are checked by `canonicalDrawInput` (an `input_invalid` reason), not here. */
const id = z.string();
const ids = z.array(id);
const creditClass = z.enum(DRAW_CREDIT_CLASSES);
const count = z.number().int().min(0);
const ppm = z.number().int().min(0).max(1_000_000);

const canonicalInputSchema = z.strictObject({
  version: z.literal(DRAW_VERSION),
  planId: id,
  minInspectors: z.number().int(),
  items: z.array(
    z.strictObject({
      code: id,
      departmentCode: id,
      ratioPpm: z.strictObject({ A: ppm, B: ppm, C: ppm, D: ppm }),
    }),
  ),
  subjects: z.array(z.strictObject({ id, creditClass, itemCodes: ids })),
  inspectors: z.array(z.strictObject({ id, departmentCode: id, qualifications: ids, conflicts: ids })),
  previous: z.array(z.strictObject({ subjectId: id, inspectorIds: ids })),
});

const target = { itemCode: id, departmentCode: id, subjectId: id, creditClass };
const resultSchema = z.strictObject({
  version: z.literal(DRAW_VERSION),
  planId: id,
  seedCommitment: hex64,
  inputsDigest: hex64,
  minInspectors: z.number().int(),
  strata: z.array(
    z.strictObject({ itemCode: id, creditClass, eligible: count, ratioPpm: ppm, selected: count }),
  ),
  assignments: z.array(z.strictObject({ ...target, inspectorIds: ids })),
  shortfalls: z.array(
    z.strictObject({
      ...target,
      reason: z.enum(['too_few_qualified', 'too_few_after_exclusions']),
      required: count,
      qualified: count,
      recused: count,
      previous: count,
      available: count,
    }),
  ),
  visits: z.array(
    z.strictObject({
      subjectId: id,
      creditClass,
      itemCodes: ids,
      departmentCodes: ids,
      inspectorIds: ids,
      joint: z.boolean(),
    }),
  ),
  digest: hex64,
});

/** The document's schema. `input` and `result` are strict: they are hashed exactly as written. */
export const drawProofSchema: z.ZodType<DrawProof> = z
  .object({
    format: z.literal(DRAW_PROOF_FORMAT),
    planId: id,
    name: z.object({ zh: z.string(), en: z.string() }).optional(),
    committedAt: instant,
    drawnAt: instant.nullable(),
    seedPublishedAt: instant.nullable(),
    published: z.object({
      planId: id,
      seedCommitment: hex64,
      inputsDigest: hex64,
      resultDigest: hex64.nullable(),
    }),
    seed: z.string().nullable(),
    input: canonicalInputSchema,
    result: resultSchema.nullable(),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const drawn = doc.published.resultDigest !== null;
    if ((doc.drawnAt !== null) !== drawn)
      issue('drawnAt', 'must be set exactly when published.resultDigest is');
    if ((doc.seedPublishedAt !== null) !== (doc.seed !== null))
      issue('seedPublishedAt', 'must be set exactly when seed is');
    if (doc.seed !== null && !drawn) issue('seed', 'is published only after the draw (no resultDigest)');
    if (doc.result !== null && !drawn) issue('result', 'needs published.resultDigest');
  });

/** Parses a proof document; a bad one is InputError `regulation.draw.proof_invalid` with `{ errors }`. */
export function parseDrawProof(document: unknown): DrawProof {
  const parsed = drawProofSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new InputError(
    'regulation.draw.proof_invalid',
    `This is not a valid draw proof document (${DRAW_PROOF_FORMAT}): ${errors
      .map((e) => `${e.path || '(document)'} ${e.message}`)
      .join('; ')}`.slice(0, 1000),
    { errors },
  );
}

const toIso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString() : value;

function inconsistent(message: string): never {
  throw new ConflictError('regulation.draw.proof_inconsistent', message);
}

/**
 * Builds the proof document from a plan's stored pieces (server side). The seed goes in only when
 * `seedPublishedAt` is set, so a stored secret seed is never published early. Pieces that
 * contradict each other are ConflictError `regulation.draw.proof_inconsistent`; the draw itself is
 * not rerun here.
 */
export function buildDrawProof(pieces: {
  planId: string;
  name?: { zh: string; en: string } | null;
  committedAt: Date | string;
  drawnAt?: Date | string | null;
  seedPublishedAt?: Date | string | null;
  seedCommitment: string;
  /** The plan input the inputs digest was computed from (canonicalised here). */
  input: DrawPlanInput;
  /** The stored inputs digest, if any; it must be the input's. */
  inputsDigest?: string;
  result?: DrawResult | null;
  seed?: string | null;
}): DrawProof {
  const input = canonicalDrawInput(pieces.input);
  const inputsDigest = canonicalDigest(input);
  if (pieces.inputsDigest !== undefined && pieces.inputsDigest.toLowerCase() !== inputsDigest)
    inconsistent('The stored inputs digest is not the digest of the stored input.');
  if (input.planId !== pieces.planId) inconsistent('The stored input is for another plan.');
  const commitment = pieces.seedCommitment.toLowerCase();
  const drawnAt = toIso(pieces.drawnAt);
  const seedPublishedAt = toIso(pieces.seedPublishedAt);
  const result = pieces.result ?? null;
  if ((drawnAt !== null) !== (result !== null)) inconsistent('A drawn plan needs its result, and only then.');
  if (result && (result.inputsDigest !== inputsDigest || result.seedCommitment !== commitment))
    inconsistent('The stored result was drawn from other commitments.');
  const seed = seedPublishedAt === null ? null : (pieces.seed ?? null);
  if (seedPublishedAt !== null && seed === null) inconsistent('The seed is marked published but missing.');
  if (seed !== null && seedCommitment(seed) !== commitment)
    inconsistent('The stored seed does not match the seed commitment.');
  return parseDrawProof({
    format: DRAW_PROOF_FORMAT,
    planId: pieces.planId,
    ...(pieces.name ? { name: { zh: pieces.name.zh, en: pieces.name.en } } : {}),
    committedAt: toIso(pieces.committedAt),
    drawnAt,
    seedPublishedAt,
    published: {
      planId: pieces.planId,
      seedCommitment: commitment,
      inputsDigest,
      resultDigest: result?.digest ?? null,
    },
    seed,
    input,
    result,
  });
}

// ---- verification ------------------------------------------------------------------------------

export type DrawProofStage = 'committed' | 'drawn' | 'published';

/** The checks, in the order they are made and shown. */
export const DRAW_PROOF_CHECKS = [
  'plan',
  'timeline',
  'inputs_digest',
  'seed_published',
  'seed_commitment',
  'result_digest',
  'result_document',
] as const;
export type DrawProofCheck = (typeof DRAW_PROOF_CHECKS)[number];

/** What each check establishes, for people (zh-CN first, en-US). */
export const DRAW_PROOF_CHECK_TEXT: Record<DrawProofCheck, { zh: string; en: string }> = {
  plan: {
    zh: '文档、公示承诺与名录属于同一抽查计划',
    en: 'document, commitments and roster are for one plan',
  },
  timeline: {
    zh: '时间顺序：先公示承诺，再抽取，后公布种子',
    en: 'order in time: committed, then drawn, then seed published',
  },
  inputs_digest: {
    zh: '名录（检查事项、市场主体、执法人员）与事先公示的输入摘要一致',
    en: 'the roster (items, subjects, inspectors) matches the inputs digest published beforehand',
  },
  seed_published: { zh: '随机种子已公布', en: 'the random seed is published' },
  seed_commitment: {
    zh: '种子与事先公示的种子承诺（SHA-256）一致',
    en: 'the seed matches the seed commitment (SHA-256) published beforehand',
  },
  result_digest: {
    zh: '用种子和名录重新抽取，得到公布的结果摘要',
    en: 'rerunning the draw from seed and roster gives the published result digest',
  },
  result_document: {
    zh: '文档中的抽查结果与结果摘要及重算结果一致',
    en: 'the result in the document matches the result digest and the recomputed result',
  },
};

export type DrawProofReasonCode =
  | DrawVerificationCode
  | 'seed_unpublished'
  | 'timeline_invalid'
  | 'input_not_canonical'
  | 'result_digest_mismatch'
  | 'result_differs';

export interface DrawProofReason {
  code: DrawProofReasonCode;
  check: DrawProofCheck;
  message: string;
}

export interface DrawProofVerification {
  /** Every check passed, including that the seed is published. */
  ok: boolean;
  /** committed: before the draw; drawn: result digest out, seed not yet; published: seed out. */
  stage: DrawProofStage;
  planId: string;
  reasons: DrawProofReason[];
  /** Every check with its outcome; `skipped` when an earlier failure or the stage rules it out. */
  checks: { check: DrawProofCheck; status: 'passed' | 'failed' | 'skipped' }[];
  /** The recomputed result, when the seed and input allowed running the draw. */
  result: DrawResult | null;
}

const VERIFY_CHECK: Partial<Record<DrawVerificationCode, DrawProofCheck>> = {
  seed_invalid: 'seed_commitment',
  seed_mismatch: 'seed_commitment',
  result_mismatch: 'result_digest',
};

/**
 * Verifies a proof document. A malformed document throws `regulation.draw.proof_invalid`; every
 * other problem is a reason. Without a seed the input is still checked against its digest, and
 * `ok` is false with `seed_unpublished`.
 */
export function verifyDrawProof(proof: unknown): DrawProofVerification {
  const doc = parseDrawProof(proof);
  const { published } = doc;
  const reasons: DrawProofReason[] = [];
  const failed = new Set<DrawProofCheck>();
  const ran = new Set<DrawProofCheck>();
  const fail = (check: DrawProofCheck, code: DrawProofReasonCode, message: string) => {
    reasons.push({ code, check, message });
    failed.add(check);
    ran.add(check);
  };
  const stage: DrawProofStage =
    doc.seed !== null ? 'published' : published.resultDigest !== null ? 'drawn' : 'committed';

  ran.add('plan');
  if (doc.planId !== published.planId || doc.input.planId !== published.planId)
    fail('plan', 'plan_mismatch', 'The document, its commitments and its input name different plans.');

  ran.add('timeline');
  const times = [doc.committedAt, doc.drawnAt, doc.seedPublishedAt].filter((t) => t !== null);
  if (times.some((t, i) => i > 0 && Date.parse(t) < Date.parse(times[i - 1])))
    fail(
      'timeline',
      'timeline_invalid',
      'The dates are out of order: the commitment must come first, then the draw, then the seed.',
    );

  const planInput = drawInputFromCanonical(doc.input);
  ran.add('inputs_digest');
  let inputOk = false;
  try {
    inputOk = drawInputsDigest(planInput) === published.inputsDigest.toLowerCase();
    if (!inputOk)
      fail('inputs_digest', 'inputs_mismatch', 'The input does not match the published inputs digest.');
  } catch (error) {
    if (!isKernelError(error)) throw error;
    fail('inputs_digest', 'input_invalid', error.message);
  }
  if (inputOk && canonicalDigest(doc.input) !== published.inputsDigest.toLowerCase())
    fail(
      'inputs_digest',
      'input_not_canonical',
      'The input is not written in canonical form (sorted, without duplicates), so hashing it as written does not give the inputs digest.',
    );

  let result: DrawResult | null = null;
  ran.add('seed_published');
  if (doc.seed === null) {
    fail(
      'seed_published',
      'seed_unpublished',
      stage === 'committed'
        ? 'The draw has not been run yet; the seed is published after it.'
        : 'The seed is not published yet, so the draw cannot be recomputed.',
    );
  } else if (published.resultDigest !== null) {
    ran.add('seed_commitment');
    const verified = verifyDraw({
      published: { ...published, resultDigest: published.resultDigest },
      seed: doc.seed,
      input: planInput,
    });
    for (const reason of verified.reasons) {
      const check = VERIFY_CHECK[reason.code];
      if (check) fail(check, reason.code, reason.message); // plan and input were checked above
    }
    result = verified.result;
    if (result) ran.add('result_digest');
  }

  if (doc.result !== null && published.resultDigest !== null) {
    ran.add('result_document');
    const { digest, ...body } = doc.result;
    if (digest.toLowerCase() !== published.resultDigest.toLowerCase() || canonicalDigest(body) !== digest)
      fail(
        'result_document',
        'result_digest_mismatch',
        'The result in the document does not have the published result digest.',
      );
    else if (result && drawCanonicalJson(doc.result) !== drawCanonicalJson(result))
      fail(
        'result_document',
        'result_differs',
        'The result in the document differs from the recomputed one.',
      );
  }

  const checks = DRAW_PROOF_CHECKS.map((check) => ({
    check,
    status: failed.has(check)
      ? ('failed' as const)
      : ran.has(check)
        ? ('passed' as const)
        : ('skipped' as const),
  }));
  return { ok: reasons.length === 0, stage, planId: doc.planId, reasons, checks, result };
}
