import {
  type CanonicalDrawInput,
  canonicalDigest,
  canonicalDrawInput,
  DRAW_CREDIT_CLASSES,
  DRAW_VERSION,
  type DrawCreditClass,
  type DrawInput,
  targetCount,
} from './input';
import { compareUtf8, createDrawPrng, partialShuffle, seedBytes, seedCommitment } from './prng';

/** One (item, credit class) stratum: how many subjects were eligible and how many were drawn. */
export interface DrawStratum {
  itemCode: string;
  creditClass: DrawCreditClass;
  eligible: number;
  ratioPpm: number;
  /** round-half-up(ratio × eligible); includes targets later reported as shortfalls. */
  selected: number;
}

/** A drawn target of one item with its inspectors (sorted by id). */
export interface DrawAssignment {
  itemCode: string;
  departmentCode: string;
  subjectId: string;
  creditClass: DrawCreditClass;
  inspectorIds: string[];
}

export type DrawShortfallReason =
  /** Fewer than minInspectors in the department hold the item's qualification at all. */
  | 'too_few_qualified'
  /** Enough are qualified, but recusal and rotation leave fewer than minInspectors. */
  | 'too_few_after_exclusions';

/** A drawn target that could not get minInspectors inspectors; it is not assigned at all. */
export interface DrawShortfall {
  itemCode: string;
  departmentCode: string;
  subjectId: string;
  creditClass: DrawCreditClass;
  reason: DrawShortfallReason;
  required: number;
  /** Inspectors of the department with the item's qualification. */
  qualified: number;
  /** Of those, excluded for a declared conflict (recusal). */
  recused: number;
  /** Of those not recused, excluded for having inspected the subject last time. */
  previous: number;
  /** What was left to draw from. */
  available: number;
}

/** One visit per drawn subject (综合查一次): every item assigned to it and the union of inspectors. */
export interface DrawVisit {
  subjectId: string;
  creditClass: DrawCreditClass;
  itemCodes: string[];
  departmentCodes: string[];
  inspectorIds: string[];
  /** More than one department takes part. */
  joint: boolean;
}

export interface DrawResult {
  version: typeof DRAW_VERSION;
  planId: string;
  seedCommitment: string;
  inputsDigest: string;
  minInspectors: number;
  strata: DrawStratum[];
  assignments: DrawAssignment[];
  shortfalls: DrawShortfall[];
  visits: DrawVisit[];
  /** SHA-256 of the canonical JSON of this result without `digest`. */
  digest: string;
}

/** The stream label: the parts joined by a line feed (ids and codes cannot contain one). */
export function drawStreamLabel(parts: readonly string[]): string {
  return [DRAW_VERSION, ...parts].join('\n');
}

const byItemThenSubject = (
  a: { itemCode: string; subjectId: string },
  b: { itemCode: string; subjectId: string },
): number => compareUtf8(a.itemCode, b.itemCode) || compareUtf8(a.subjectId, b.subjectId);

/**
 * Runs the double-random draw (双随机): pure and deterministic for (seed, input). The algorithm is
 * written out step by step in the package README ("Double-random draw"); keep the two in step, and
 * change `DRAW_VERSION` with any change that alters a result.
 */
export function runDraw(input: DrawInput): DrawResult {
  const seed = seedBytes(input.seed).toString('hex');
  const c: CanonicalDrawInput = canonicalDrawInput(input);
  const previous = new Map(c.previous.map((p) => [p.subjectId, new Set(p.inspectorIds)]));
  const strata: DrawStratum[] = [];
  const assignments: DrawAssignment[] = [];
  const shortfalls: DrawShortfall[] = [];

  for (const item of c.items) {
    const qualified = c.inspectors.filter(
      (i) => i.departmentCode === item.departmentCode && i.qualifications.includes(item.code),
    );
    const eligibleByClass = new Map<DrawCreditClass, CanonicalDrawInput['subjects']>(
      DRAW_CREDIT_CLASSES.map((k) => [k, []]),
    );
    for (const s of c.subjects)
      if (s.itemCodes.includes(item.code)) eligibleByClass.get(s.creditClass)!.push(s);
    for (const creditClass of DRAW_CREDIT_CLASSES) {
      const eligible = eligibleByClass.get(creditClass)!;
      const ratioPpm = item.ratioPpm[creditClass];
      const selected = targetCount(ratioPpm, eligible.length);
      const selectStream = createDrawPrng(
        seed,
        drawStreamLabel(['select', c.planId, item.code, creditClass]),
      );
      const chosen = partialShuffle(eligible, selected, selectStream);
      strata.push({ itemCode: item.code, creditClass, eligible: eligible.length, ratioPpm, selected });

      for (const subject of chosen) {
        const notRecused = qualified.filter((i) => !i.conflicts.includes(subject.id));
        const last = previous.get(subject.id);
        const pool = last ? notRecused.filter((i) => !last.has(i.id)) : notRecused;
        const base = {
          itemCode: item.code,
          departmentCode: item.departmentCode,
          subjectId: subject.id,
          creditClass,
        };
        if (pool.length < c.minInspectors) {
          shortfalls.push({
            ...base,
            reason: qualified.length < c.minInspectors ? 'too_few_qualified' : 'too_few_after_exclusions',
            required: c.minInspectors,
            qualified: qualified.length,
            recused: qualified.length - notRecused.length,
            previous: notRecused.length - pool.length,
            available: pool.length,
          });
          continue;
        }
        const assignStream = createDrawPrng(
          seed,
          drawStreamLabel(['assign', c.planId, item.code, subject.id]),
        );
        const inspectorIds = partialShuffle(pool, c.minInspectors, assignStream)
          .map((i) => i.id)
          .sort(compareUtf8);
        assignments.push({ ...base, inspectorIds });
      }
    }
  }
  assignments.sort(byItemThenSubject);
  shortfalls.sort(byItemThenSubject);

  const body: Omit<DrawResult, 'digest'> = {
    version: DRAW_VERSION,
    planId: c.planId,
    seedCommitment: seedCommitment(seed),
    inputsDigest: canonicalDigest(c),
    minInspectors: c.minInspectors,
    strata,
    assignments,
    shortfalls,
    visits: mergeVisits(assignments),
  };
  return { ...body, digest: canonicalDigest(body) };
}

/** Merges the assignments per subject into visits, sorted by subject id, lists sorted and unique. */
function mergeVisits(assignments: readonly DrawAssignment[]): DrawVisit[] {
  const bySubject = new Map<
    string,
    { creditClass: DrawCreditClass; items: Set<string>; departments: Set<string>; inspectors: Set<string> }
  >();
  for (const a of assignments) {
    let visit = bySubject.get(a.subjectId);
    if (!visit) {
      visit = { creditClass: a.creditClass, items: new Set(), departments: new Set(), inspectors: new Set() };
      bySubject.set(a.subjectId, visit);
    }
    visit.items.add(a.itemCode);
    visit.departments.add(a.departmentCode);
    for (const id of a.inspectorIds) visit.inspectors.add(id);
  }
  return [...bySubject.entries()]
    .sort(([a], [b]) => compareUtf8(a, b))
    .map(([subjectId, v]) => ({
      subjectId,
      creditClass: v.creditClass,
      itemCodes: [...v.items].sort(compareUtf8),
      departmentCodes: [...v.departments].sort(compareUtf8),
      inspectorIds: [...v.inspectors].sort(compareUtf8),
      joint: v.departments.size > 1,
    }));
}
