import { InputError } from '@zhizhi/kernel/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runDraw } from './draw';
import {
  DRAW_CREDIT_CLASSES,
  type DrawCreditClass,
  type DrawInput,
  type DrawPlanInput,
  drawInputsDigest,
} from './input';
import { compareUtf8, createDrawPrng, partialShuffle, seedCommitment } from './prng';
import { verifyDraw } from './verify';

const RUNS = 200;
const ZERO_SEED = '00'.repeat(32);

/** A small fixed plan: two departments, a joint item pair, a recusal, a rotation and a shortfall. */
const FIXED_PLAN: DrawPlanInput = {
  planId: 'FH-2026-Q4-01',
  items: [
    { code: 'SCJG-FOOD-01', departmentCode: 'SCJG', ratioByClass: { A: 0.1, B: 0.25, C: 0.5, D: 1 } },
    { code: 'XF-FIRE-01', departmentCode: 'XF', ratioByClass: { A: 0, B: 0.2, C: 0.5, D: 1 } },
  ],
  subjects: Array.from({ length: 16 }, (_, i) => ({
    id: `91330283MA2${String(i).padStart(5, '0')}X`,
    creditClass: DRAW_CREDIT_CLASSES[i % 4],
    itemCodes: i % 5 === 4 ? ['SCJG-FOOD-01'] : ['SCJG-FOOD-01', 'XF-FIRE-01'],
  })),
  inspectors: [
    ...['s1', 's2', 's3', 's4', 's5'].map((id) => ({
      id: `SCJG-${id}`,
      departmentCode: 'SCJG',
      qualifications: ['SCJG-FOOD-01'],
      conflicts: id === 's1' ? ['91330283MA200003X'] : [],
    })),
    ...['x1', 'x2', 'x3'].map((id) => ({
      id: `XF-${id}`,
      departmentCode: 'XF',
      qualifications: ['XF-FIRE-01'],
      conflicts: id === 'x1' ? ['91330283MA200007X'] : [],
    })),
  ],
  previous: { '91330283MA200007X': ['XF-x2', 'SCJG-s2'], '91330283MA200003X': ['SCJG-s3'] },
};
const FIXED_SEED = '5eae986711fb0482b9341d9e50a7a64d837d0d66c20049b2f0efe7b27b131ad2';
/** Pinned: recomputed independently from the README description (Python hmac/hashlib/json). */
const FIXED_DIGEST = '892fe81a3cf72fe1bcdb39d22fb26a17925aa5773f4500277248478ba286d9a3';
const FIXED_INPUTS_DIGEST = '20c1faf30369a169cf3c27ff6bf639af4ec2f2870e4cecf93f22482f942d96a6';

// ---- generators -------------------------------------------------------------------------------

const ID_PARTS = ['a', 'B', '0', '企业', '店', 'é', '\u{1F600}', '\uFF5E', '-', 'z'];
const idArb = fc.array(fc.constantFrom(...ID_PARTS), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
/** Ratios as thousandths, so the expected count is exact integer arithmetic. */
const permilleArb = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 100, 250, 500, 1000));

const planArb: fc.Arbitrary<DrawInput> = fc
  .record({
    itemCodes: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
    subjectIds: fc.uniqueArray(idArb, { maxLength: 30 }),
    inspectorIds: fc.uniqueArray(idArb, { minLength: 2, maxLength: 20 }),
    minInspectors: fc.integer({ min: 2, max: 3 }),
    seed: seedArb,
  })
  .chain(({ itemCodes, subjectIds, inspectorIds, minInspectors, seed }) =>
    fc.record({
      planId: fc.constant('P'),
      seed: fc.constant(seed),
      minInspectors: fc.constant(minInspectors),
      items: fc.tuple(
        ...itemCodes.map((code) =>
          fc.record({
            code: fc.constant(code),
            departmentCode: fc.constantFrom('D1', 'D2'),
            ratioByClass: fc
              .tuple(permilleArb, permilleArb, permilleArb, permilleArb)
              .map(([A, B, C, D]) => ({ A: A / 1000, B: B / 1000, C: C / 1000, D: D / 1000 })),
          }),
        ),
      ),
      subjects: fc.tuple(
        ...subjectIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            creditClass: fc.constantFrom(...DRAW_CREDIT_CLASSES),
            itemCodes: fc.oneof(fc.constant(itemCodes), fc.subarray(itemCodes)),
          }),
        ),
      ),
      inspectors: fc.tuple(
        ...inspectorIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            departmentCode: fc.constantFrom('D1', 'D2'),
            qualifications: fc.oneof(fc.constant(itemCodes), fc.subarray(itemCodes)),
            conflicts: fc.subarray(subjectIds, { maxLength: Math.min(2, subjectIds.length) }),
          }),
        ),
      ),
      previous: fc.dictionary(
        fc.constantFrom(...subjectIds, 'none'),
        fc.subarray(inspectorIds, { maxLength: Math.min(3, inspectorIds.length) }),
        {
          maxKeys: 10,
        },
      ),
    }),
  );

const permille = (ratio: number) => Math.round(ratio * 1000);
const eligibleSubjects = (input: DrawInput, itemCode: string, creditClass: DrawCreditClass) =>
  input.subjects.filter((s) => s.creditClass === creditClass && s.itemCodes.includes(itemCode));
/** The inspectors who may inspect this subject for this item. */
const poolFor = (input: DrawInput, itemCode: string, subjectId: string) => {
  const item = input.items.find((i) => i.code === itemCode)!;
  const last = input.previous?.[subjectId] ?? [];
  return input.inspectors.filter(
    (i) =>
      i.departmentCode === item.departmentCode &&
      i.qualifications.includes(itemCode) &&
      !i.conflicts.includes(subjectId) &&
      !last.includes(i.id),
  );
};
const shuffled = <T>(list: readonly T[]) => [...list].reverse();

// ---- properties ---------------------------------------------------------------------------------

describe('runDraw properties', () => {
  it('is deterministic for a seed and independent of roster order', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const first = runDraw(input);
        expect(runDraw(input).digest).toBe(first.digest);
        const reordered = {
          ...input,
          items: shuffled(input.items),
          subjects: shuffled(input.subjects).map((s) => ({ ...s, itemCodes: shuffled(s.itemCodes) })),
          inspectors: shuffled(input.inspectors),
        };
        expect(runDraw(reordered).digest).toBe(first.digest);
        expect(first.inputsDigest).toBe(drawInputsDigest(reordered));
      }),
      { numRuns: RUNS },
    );
  });

  it('different seeds give different draws', () => {
    const plan: DrawPlanInput = {
      planId: 'P',
      items: [{ code: 'I', departmentCode: 'D', ratioByClass: { A: 0.5, B: 0.5, C: 0.5, D: 0.5 } }],
      subjects: Array.from({ length: 60 }, (_, i) => ({
        id: `S${i}`,
        creditClass: 'C' as const,
        itemCodes: ['I'],
      })),
      inspectors: Array.from({ length: 20 }, (_, i) => ({
        id: `U${i}`,
        departmentCode: 'D',
        qualifications: ['I'],
        conflicts: [],
      })),
    };
    const targets = (seed: string) => JSON.stringify(runDraw({ ...plan, seed }).assignments);
    fc.assert(
      fc.property(seedArb, seedArb, (a, b) => {
        fc.pre(a !== b);
        expect(targets(a)).not.toBe(targets(b));
      }),
      { numRuns: 100 },
    );
  });

  it('assigns only eligible inspectors: department, qualification, no recusal, no repeat, ≥ minimum', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const result = runDraw(input);
        const min = input.minInspectors ?? 2;
        for (const a of result.assignments) {
          const item = input.items.find((i) => i.code === a.itemCode)!;
          expect(a.departmentCode).toBe(item.departmentCode);
          expect(new Set(a.inspectorIds).size).toBe(a.inspectorIds.length);
          expect(a.inspectorIds.length).toBeGreaterThanOrEqual(min);
          for (const id of a.inspectorIds) {
            const inspector = input.inspectors.find((i) => i.id === id)!;
            expect(inspector).toBeDefined();
            expect(inspector.departmentCode).toBe(item.departmentCode);
            expect(inspector.qualifications).toContain(a.itemCode);
            expect(inspector.conflicts).not.toContain(a.subjectId);
            expect(input.previous?.[a.subjectId] ?? []).not.toContain(id);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('draws exactly round-half-up(ratio × eligible) per item and class, from the eligible subjects', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const result = runDraw(input);
        expect(result.strata).toHaveLength(input.items.length * 4);
        for (const item of input.items) {
          for (const creditClass of DRAW_CREDIT_CLASSES) {
            const eligible = eligibleSubjects(input, item.code, creditClass);
            const n = eligible.length;
            const k = permille(item.ratioByClass[creditClass]);
            // round-half-up of k/1000 × n, exactly: ⌊(2kn + 1000) / 2000⌋
            const expected = Math.floor((2 * k * n + 1000) / 2000);
            expect(Math.abs(expected - (k * n) / 1000)).toBeLessThanOrEqual(0.5);
            const stratum = result.strata.find(
              (s) => s.itemCode === item.code && s.creditClass === creditClass,
            )!;
            expect(stratum).toMatchObject({ eligible: n, selected: expected });
            const drawn = [...result.assignments, ...result.shortfalls].filter(
              (t) => t.itemCode === item.code && t.creditClass === creditClass,
            );
            expect(drawn).toHaveLength(expected);
            expect(new Set(drawn.map((t) => t.subjectId)).size).toBe(expected);
            const eligibleIds = new Set(eligible.map((s) => s.id));
            for (const t of drawn) expect(eligibleIds.has(t.subjectId)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports a shortfall exactly when too few inspectors remain, and never assigns fewer', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const result = runDraw(input);
        const min = input.minInspectors ?? 2;
        for (const a of result.assignments) {
          expect(poolFor(input, a.itemCode, a.subjectId).length).toBeGreaterThanOrEqual(min);
        }
        for (const s of result.shortfalls) {
          const pool = poolFor(input, s.itemCode, s.subjectId);
          expect(pool.length).toBeLessThan(min);
          expect(s.available).toBe(pool.length);
          expect(s.required).toBe(min);
          expect(s.reason).toBe(s.qualified < min ? 'too_few_qualified' : 'too_few_after_exclusions');
          expect(s.qualified - s.recused - s.previous).toBe(s.available);
          expect(
            result.assignments.some((a) => a.itemCode === s.itemCode && a.subjectId === s.subjectId),
          ).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('merges the assignments of each subject into one visit', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const result = runDraw(input);
        const subjects = new Set(result.assignments.map((a) => a.subjectId));
        expect(result.visits.map((v) => v.subjectId).sort(compareUtf8)).toEqual(
          [...subjects].sort(compareUtf8),
        );
        for (const visit of result.visits) {
          const mine = result.assignments.filter((a) => a.subjectId === visit.subjectId);
          const departments = new Set(mine.map((a) => a.departmentCode));
          expect(new Set(visit.itemCodes)).toEqual(new Set(mine.map((a) => a.itemCode)));
          expect(new Set(visit.departmentCodes)).toEqual(departments);
          expect(new Set(visit.inspectorIds)).toEqual(new Set(mine.flatMap((a) => a.inspectorIds)));
          expect(visit.joint).toBe(departments.size > 1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('verifies its own draws from the seed', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const { seed, ...plan } = input;
        const result = runDraw(input);
        const published = {
          planId: plan.planId,
          seedCommitment: seedCommitment(seed),
          inputsDigest: drawInputsDigest(plan),
          resultDigest: result.digest,
        };
        expect(verifyDraw({ published, seed, input: plan })).toMatchObject({ ok: true, reasons: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('orders strings by UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
  });

  it('uniformInt stays in range and a full partial shuffle is a permutation', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.integer({ min: 1, max: 2 ** 32 }),
        fc.integer({ min: 0, max: 40 }),
        (seed, n, len) => {
          const prng = createDrawPrng(seed, 'test');
          for (let i = 0; i < 20; i++) {
            const v = prng.uniformInt(n);
            expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
          }
          const pool = Array.from({ length: len }, (_, i) => i);
          expect(partialShuffle(pool, len, prng).sort((a, b) => a - b)).toEqual(pool);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---- examples -----------------------------------------------------------------------------------

describe('draw examples', () => {
  it('derives words from HMAC-SHA256 in counter mode (vector checked with openssl)', () => {
    const prng = createDrawPrng(ZERO_SEED, 'test');
    const words = Array.from({ length: 10 }, () => prng.nextUint32().toString(16).padStart(8, '0'));
    expect(words.join(' ')).toBe(
      'd25c6339 ccff537b 578e2de6 fd27e398 0eaf6227 1f741575 55bf57c3 ca87b8fa 5eae9867 11fb0482',
    );
  });

  it('rejects words at or above the limit instead of reducing them modulo n', () => {
    // n = 2^31 + 1: limit = 2^31 + 1, so the first two words (≥ 0x80000001) are discarded.
    const prng = createDrawPrng(ZERO_SEED, 'test');
    expect(prng.uniformInt(2 ** 31 + 1)).toBe(0x578e2de6);
    expect(prng.nextUint32()).toBe(0xfd27e398);
  });

  it('commits to the seed bytes', () => {
    expect(seedCommitment(ZERO_SEED)).toBe(
      '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925',
    );
    expect(seedCommitment(ZERO_SEED.toUpperCase())).toBe(seedCommitment(ZERO_SEED));
  });

  it('gives the pinned result for the fixed plan', () => {
    const result = runDraw({ ...FIXED_PLAN, seed: FIXED_SEED });
    expect(result.digest).toBe(FIXED_DIGEST);
    expect(result.inputsDigest).toBe(FIXED_INPUTS_DIGEST);
    expect(result.visits.some((v) => v.joint)).toBe(true);
    const recused = result.assignments.filter((a) => a.subjectId === '91330283MA200003X');
    for (const a of recused) expect(a.inspectorIds).not.toContain('SCJG-s1');
    // Subject 7 (class D, drawn for sure): XF-x1 recused, XF-x2 inspected it last, only XF-x3 is left.
    expect(result.shortfalls).toContainEqual({
      itemCode: 'XF-FIRE-01',
      departmentCode: 'XF',
      subjectId: '91330283MA200007X',
      creditClass: 'D',
      reason: 'too_few_after_exclusions',
      required: 2,
      qualified: 3,
      recused: 1,
      previous: 1,
      available: 1,
    });
  });

  describe('verifyDraw', () => {
    const result = runDraw({ ...FIXED_PLAN, seed: FIXED_SEED });
    const published = {
      planId: FIXED_PLAN.planId,
      seedCommitment: seedCommitment(FIXED_SEED),
      inputsDigest: drawInputsDigest(FIXED_PLAN),
      resultDigest: result.digest,
    };
    const codes = (v: ReturnType<typeof verifyDraw>) => v.reasons.map((r) => r.code);

    it('accepts the revealed seed and the plan, in any roster order', () => {
      const reordered = { ...FIXED_PLAN, subjects: shuffled(FIXED_PLAN.subjects) };
      const verification = verifyDraw({ published, seed: FIXED_SEED, input: reordered });
      expect(verification).toMatchObject({ ok: true, reasons: [] });
      expect(verification.result?.digest).toBe(result.digest);
    });

    it('rejects a wrong or malformed seed', () => {
      expect(codes(verifyDraw({ published, seed: ZERO_SEED, input: FIXED_PLAN }))).toEqual(['seed_mismatch']);
      expect(codes(verifyDraw({ published, seed: 'xyz', input: FIXED_PLAN }))).toEqual(['seed_invalid']);
    });

    it('rejects a tampered input', () => {
      const subjects = FIXED_PLAN.subjects.map((s, i) => (i === 0 ? { ...s, creditClass: 'D' as const } : s));
      const v = verifyDraw({ published, seed: FIXED_SEED, input: { ...FIXED_PLAN, subjects } });
      expect(v.ok).toBe(false);
      expect(codes(v)).toEqual(['inputs_mismatch']);
      const dropped = { ...FIXED_PLAN, inspectors: FIXED_PLAN.inspectors.slice(1) };
      expect(codes(verifyDraw({ published, seed: FIXED_SEED, input: dropped }))).toEqual(['inputs_mismatch']);
      const other = { ...FIXED_PLAN, planId: 'FH-2026-Q4-02' };
      expect(codes(verifyDraw({ published, seed: FIXED_SEED, input: other }))).toEqual([
        'plan_mismatch',
        'inputs_mismatch',
      ]);
    });

    it('rejects a tampered result', () => {
      const tampered = { ...published, resultDigest: `${'0'.repeat(63)}1` };
      expect(codes(verifyDraw({ published: tampered, seed: FIXED_SEED, input: FIXED_PLAN }))).toEqual([
        'result_mismatch',
      ]);
    });
  });

  it('refuses bad input with clear errors', () => {
    const bad = (change: Partial<DrawInput>) => () => runDraw({ ...FIXED_PLAN, seed: FIXED_SEED, ...change });
    const expectCode = (fn: () => unknown, code: string) => {
      expect(fn).toThrow(InputError);
      expect(fn).toThrow(expect.objectContaining({ code }));
    };
    expectCode(bad({ seed: 'abc' }), 'regulation.draw.seed_invalid');
    expectCode(bad({ seed: '00'.repeat(8) }), 'regulation.draw.seed_invalid');
    expectCode(bad({ minInspectors: 1 }), 'regulation.draw.invalid_input');
    expectCode(
      bad({ subjects: [...FIXED_PLAN.subjects, FIXED_PLAN.subjects[0]] }),
      'regulation.draw.invalid_input',
    );
    expectCode(
      bad({ inspectors: [...FIXED_PLAN.inspectors, FIXED_PLAN.inspectors[0]] }),
      'regulation.draw.invalid_input',
    );
    const ratio = (A: number) => [{ ...FIXED_PLAN.items[0], ratioByClass: { A, B: 0, C: 0, D: 0 } }];
    expectCode(bad({ items: ratio(0.1234567) }), 'regulation.draw.invalid_input');
    expectCode(bad({ items: ratio(1.5) }), 'regulation.draw.invalid_input');
    expectCode(bad({ planId: 'a\nb' }), 'regulation.draw.invalid_input');
    expectCode(
      bad({ subjects: [{ id: 'S', creditClass: 'E' as DrawCreditClass, itemCodes: [] }] }),
      'regulation.draw.invalid_input',
    );
  });
});
