import { createHash } from 'node:crypto';
import { ConflictError, InputError } from '@zhizhi/kernel/errors';
import { describe, expect, it } from 'vitest';
import { runDraw } from './draw';
import {
  canonicalDrawInput,
  DRAW_CREDIT_CLASSES,
  type DrawPlanInput,
  drawCanonicalJson,
  drawInputFromCanonical,
  ratioToPpm,
} from './input';
import { seedCommitment } from './prng';
import { buildDrawProof, type DrawProof, verifyDrawProof } from './proof';

const SEED = '5eae986711fb0482b9341d9e50a7a64d837d0d66c20049b2f0efe7b27b131ad2';

/** Two departments, awkward ratios (0.333333, 0.000001), a recusal and a rotation. */
const PLAN: DrawPlanInput = {
  planId: 'FH-2026-Q4-02',
  items: [
    {
      code: 'SCJG-FOOD-01',
      departmentCode: 'SCJG',
      ratioByClass: { A: 0.000001, B: 0.333333, C: 0.5, D: 1 },
    },
    { code: 'XF-FIRE-01', departmentCode: 'XF', ratioByClass: { A: 0, B: 0.2, C: 0.7, D: 1 } },
  ],
  subjects: Array.from({ length: 12 }, (_, i) => ({
    id: `91330283MA2${String(i).padStart(5, '0')}X`,
    creditClass: DRAW_CREDIT_CLASSES[i % 4],
    itemCodes: i % 3 === 0 ? ['XF-FIRE-01', 'SCJG-FOOD-01'] : ['SCJG-FOOD-01'],
  })),
  inspectors: [
    ...['s1', 's2', 's3', 's4'].map((id) => ({
      id: `SCJG-${id}`,
      departmentCode: 'SCJG',
      qualifications: ['SCJG-FOOD-01'],
      conflicts: id === 's1' ? ['91330283MA200003X'] : [],
    })),
    ...['x1', 'x2'].map((id) => ({
      id: `XF-${id}`,
      departmentCode: 'XF',
      qualifications: ['XF-FIRE-01'],
      conflicts: [],
    })),
  ],
  previous: { '91330283MA200003X': ['SCJG-s2'] },
};

const NAME = { zh: '2026年第四季度食品与消防联合抽查', en: 'Food and fire joint inspection, Q4 2026' };

function publishedProof(): DrawProof {
  return buildDrawProof({
    planId: PLAN.planId,
    name: NAME,
    committedAt: new Date('2026-10-01T01:00:00Z'),
    drawnAt: '2026-10-08T02:00:00.000Z',
    seedPublishedAt: '2026-10-08T02:05:00.000Z',
    seedCommitment: seedCommitment(SEED),
    input: PLAN,
    result: runDraw({ ...PLAN, seed: SEED }),
    seed: SEED,
  });
}

/** A deep copy through JSON, as the document travels. */
const copy = (proof: DrawProof): DrawProof => JSON.parse(JSON.stringify(proof));
const codes = (proof: unknown) => verifyDrawProof(proof).reasons.map((r) => r.code);

describe('draw proof document', () => {
  it('round-trips: a published proof verifies, also after travelling as JSON', () => {
    const proof = publishedProof();
    expect(proof.format).toBe('zhizhi-draw-proof-v1');
    expect(proof.committedAt).toBe('2026-10-01T01:00:00.000Z');
    expect(proof.input).toEqual(canonicalDrawInput(PLAN));
    const verification = verifyDrawProof(copy(proof));
    expect(verification).toMatchObject({ ok: true, stage: 'published', planId: PLAN.planId, reasons: [] });
    expect(verification.checks.every((c) => c.status === 'passed')).toBe(true);
    expect(verification.result?.digest).toBe(proof.published.resultDigest);
    expect(verification.result?.assignments.length).toBeGreaterThan(0);
  });

  it('converts every canonical ratio back exactly', () => {
    const wrong: number[] = [];
    for (let ppm = 0; ppm <= 1_000_000; ppm++) if (ratioToPpm(ppm / 1_000_000) !== ppm) wrong.push(ppm);
    expect(wrong).toEqual([]);
    const canonical = canonicalDrawInput(PLAN);
    expect(canonicalDrawInput(drawInputFromCanonical(canonical))).toEqual(canonical);
    const odd = canonicalDrawInput({ ...PLAN, previous: { ['__proto__']: ['SCJG-s1'] } });
    expect(canonicalDrawInput(drawInputFromCanonical(odd))).toEqual(odd);
  });

  it('hashes the input as written: SHA-256 of its canonical JSON is the inputs digest', () => {
    const proof = publishedProof();
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(sha(drawCanonicalJson(proof.input))).toBe(proof.published.inputsDigest);
    const { digest, ...body } = proof.result!;
    expect(sha(drawCanonicalJson(body))).toBe(digest);
  });

  it('fails a tampered seed', () => {
    const proof = copy(publishedProof());
    proof.seed = `${proof.seed!.slice(0, -1)}${proof.seed!.endsWith('0') ? '1' : '0'}`;
    const verification = verifyDrawProof(proof);
    expect(verification.ok).toBe(false);
    expect(verification.reasons.map((r) => r.code)).toEqual(['seed_mismatch']);
    expect(verification.checks.find((c) => c.check === 'result_digest')?.status).toBe('skipped');
    proof.seed = 'xyz';
    expect(codes(proof)).toEqual(['seed_invalid']);
  });

  it('fails a tampered input: a subject moved to another credit class', () => {
    const proof = copy(publishedProof());
    const subject = proof.input.subjects.find((s) => s.creditClass === 'A')!;
    subject.creditClass = 'D';
    expect(codes(proof)).toEqual(['inputs_mismatch']);
    expect(verifyDrawProof(proof).result).toBeNull();
  });

  it('fails an input that is not in canonical form, and one that is not valid at all', () => {
    const proof = copy(publishedProof());
    proof.input.subjects.reverse();
    expect(codes(proof)).toEqual(['input_not_canonical']);
    proof.input.subjects[0].id = 'bad\nid';
    expect(codes(proof)).toEqual(['input_invalid']);
  });

  it('fails a tampered result, whether or not its digest was updated to match', () => {
    const proof = copy(publishedProof());
    const assignment = proof.result!.assignments[0];
    const other = proof.input.inspectors.find(
      (i) => i.departmentCode === assignment.departmentCode && !assignment.inspectorIds.includes(i.id),
    )!;
    assignment.inspectorIds[0] = other.id;
    expect(codes(proof)).toEqual(['result_digest_mismatch']);

    // A forger who also replaces the published result digest is caught by the recomputation.
    const { digest: _old, ...body } = proof.result!;
    const forged = createHash('sha256').update(drawCanonicalJson(body), 'utf8').digest('hex');
    proof.result!.digest = forged;
    proof.published.resultDigest = forged;
    expect(codes(proof)).toEqual(['result_mismatch', 'result_differs']);
  });

  it('says the seed is not yet published, and still checks the input against its digest', () => {
    const proof = copy(publishedProof());
    proof.seed = null;
    proof.seedPublishedAt = null;
    const drawn = verifyDrawProof(proof);
    expect(drawn).toMatchObject({ ok: false, stage: 'drawn', result: null });
    expect(drawn.reasons.map((r) => r.code)).toEqual(['seed_unpublished']);
    expect(drawn.checks.find((c) => c.check === 'inputs_digest')?.status).toBe('passed');
    expect(drawn.checks.find((c) => c.check === 'result_document')?.status).toBe('passed');

    proof.input.subjects[0].creditClass = proof.input.subjects[0].creditClass === 'A' ? 'B' : 'A';
    expect(codes(proof)).toEqual(['inputs_mismatch', 'seed_unpublished']);
  });

  it('describes a plan that is only committed', () => {
    const proof = buildDrawProof({
      planId: PLAN.planId,
      committedAt: '2026-10-01T01:00:00Z',
      seedCommitment: seedCommitment(SEED),
      input: PLAN,
      // a stored secret seed is left out until seedPublishedAt is set
      seed: SEED,
    });
    expect(proof).toMatchObject({
      seed: null,
      result: null,
      drawnAt: null,
      published: { resultDigest: null },
    });
    const verification = verifyDrawProof(proof);
    expect(verification).toMatchObject({ ok: false, stage: 'committed' });
    expect(verification.reasons.map((r) => r.code)).toEqual(['seed_unpublished']);
  });

  it('fails dates out of order', () => {
    const proof = copy(publishedProof());
    proof.seedPublishedAt = '2026-09-30T00:00:00Z';
    expect(codes(proof)).toEqual(['timeline_invalid']);
  });

  it('refuses a document that is not a proof, listing the errors', () => {
    const bad = (document: unknown) => {
      try {
        verifyDrawProof(document);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).code).toBe('regulation.draw.proof_invalid');
        return (error as InputError).details?.errors as { path: string }[];
      }
      throw new Error('expected proof_invalid');
    };
    expect(bad(null).length).toBeGreaterThan(0);
    expect(bad({ ...copy(publishedProof()), format: 'other' }).map((e) => e.path)).toEqual(['format']);
    const extra = copy(publishedProof()) as unknown as { input: Record<string, unknown> };
    extra.input.note = 'x';
    expect(bad(extra).map((e) => e.path)).toEqual(['input']);
    const early = { ...copy(publishedProof()), drawnAt: null, published: { ...publishedProof().published } };
    early.published.resultDigest = null;
    expect(bad(early).map((e) => e.path)).toEqual(expect.arrayContaining(['seed', 'result']));
  });

  it('refuses to build a proof from pieces that contradict each other', () => {
    const pieces = {
      planId: PLAN.planId,
      committedAt: '2026-10-01T01:00:00Z',
      drawnAt: '2026-10-08T02:00:00Z',
      seedPublishedAt: '2026-10-08T02:05:00Z',
      seedCommitment: seedCommitment(SEED),
      input: PLAN,
      result: runDraw({ ...PLAN, seed: SEED }),
      seed: SEED,
    };
    const otherSeed = 'ab'.repeat(32);
    for (const change of [
      { seed: otherSeed },
      { inputsDigest: '0'.repeat(64) },
      { result: null },
      { result: runDraw({ ...PLAN, seed: otherSeed }) },
      { seed: null },
    ]) {
      expect(() => buildDrawProof({ ...pieces, ...change })).toThrow(ConflictError);
    }
  });
});
