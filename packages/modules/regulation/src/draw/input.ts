import { createHash } from 'node:crypto';
import { InputError } from '@zhizhi/kernel/errors';
import { compareUtf8 } from './prng';

/** Version tag of the algorithm; part of every stream label, the canonical input and the result. */
export const DRAW_VERSION = 'zhizhi-draw-v1';
export const DRAW_CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type DrawCreditClass = (typeof DRAW_CREDIT_CLASSES)[number];
export const DEFAULT_MIN_INSPECTORS = 2;
export const MAX_MIN_INSPECTORS = 20;
const MAX_ID_LENGTH = 200;

/** A check item (检查事项) of the plan with its sampling ratio per credit class, 0..1, ≤ 6 decimals. */
export interface DrawItem {
  code: string;
  departmentCode: string;
  ratioByClass: Record<DrawCreditClass, number>;
}

/** A market subject on the roster; `itemCodes` are the check items that apply to it. */
export interface DrawSubject {
  id: string;
  creditClass: DrawCreditClass;
  itemCodes: readonly string[];
}

/** An inspector (执法检查人员) with the items they are qualified for and declared conflicts (subject ids). */
export interface DrawInspector {
  id: string;
  departmentCode: string;
  qualifications: readonly string[];
  conflicts: readonly string[];
}

/** Everything the draw needs except the seed: what is committed by the inputs digest. */
export interface DrawPlanInput {
  planId: string;
  items: readonly DrawItem[];
  subjects: readonly DrawSubject[];
  inspectors: readonly DrawInspector[];
  /** subject id → the inspectors of its last inspection (they may not inspect it again now). */
  previous?: Readonly<Record<string, readonly string[]>>;
  /** Inspectors per target; at least 2 (two law-enforcement officers), default 2. */
  minInspectors?: number;
}

export interface DrawInput extends DrawPlanInput {
  /** The secret seed, hex; see `prng.ts`. */
  seed: string;
}

/** The normalised input: only the fields the algorithm reads, every list sorted (UTF-8 byte order). */
export interface CanonicalDrawInput {
  version: typeof DRAW_VERSION;
  planId: string;
  minInspectors: number;
  items: { code: string; departmentCode: string; ratioPpm: Record<DrawCreditClass, number> }[];
  subjects: { id: string; creditClass: DrawCreditClass; itemCodes: string[] }[];
  inspectors: { id: string; departmentCode: string; qualifications: string[]; conflicts: string[] }[];
  previous: { subjectId: string; inspectorIds: string[] }[];
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new InputError('regulation.draw.invalid_input', message, details);
}

/** Ids and codes: non-empty well-formed strings of at most 200 UTF-16 units without control characters. */
function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    fail(`Each ${what} must be a non-empty string of at most ${MAX_ID_LENGTH} characters.`);
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) fail(`A ${what} must not contain control characters.`);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = value.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) fail(`A ${what} must be valid Unicode text.`);
      i++;
    }
  }
  return value;
}

function idList(values: unknown, what: string): string[] {
  if (!Array.isArray(values)) fail(`The ${what} must be a list.`);
  const set = new Set(values.map((v) => checkId(v, what)));
  return [...set].sort(compareUtf8);
}

function sortedUnique<T>(rows: T[], key: (row: T) => string, what: string): T[] {
  rows.sort((a, b) => compareUtf8(key(a), key(b)));
  for (let i = 1; i < rows.length; i++) {
    if (key(rows[i]) === key(rows[i - 1])) fail(`Each ${what} must appear once.`, { index: i });
  }
  return rows;
}

/** A ratio in 0..1 with at most 6 decimal places, as an integer number of millionths. */
export function ratioToPpm(ratio: unknown): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    fail('Each sampling ratio must be a number from 0 to 1.');
  }
  const ppm = Math.round(ratio * 1_000_000);
  if (ppm / 1_000_000 !== ratio) fail('A sampling ratio may have at most 6 decimal places.');
  return ppm;
}

/** round-half-up(ppm / 10^6 × n) in exact integer arithmetic: ⌊(ppm × n + 500000) / 10^6⌋. */
export function targetCount(ratioPpm: number, eligible: number): number {
  return Math.floor((ratioPpm * eligible + 500_000) / 1_000_000);
}

/** Validates the plan input and returns its canonical form; bad input is `regulation.draw.invalid_input`. */
export function canonicalDrawInput(input: DrawPlanInput): CanonicalDrawInput {
  if (!input || typeof input !== 'object') fail('The draw input must be an object.');
  const planId = checkId(input.planId, 'plan id');
  const minInspectors = input.minInspectors ?? DEFAULT_MIN_INSPECTORS;
  if (!Number.isInteger(minInspectors) || minInspectors < 2 || minInspectors > MAX_MIN_INSPECTORS) {
    fail(`minInspectors must be an integer from 2 to ${MAX_MIN_INSPECTORS}.`);
  }
  if (!Array.isArray(input.items) || !Array.isArray(input.subjects) || !Array.isArray(input.inspectors)) {
    fail('items, subjects and inspectors must be lists.');
  }
  const items = sortedUnique(
    input.items.map((item) => {
      const ratios = item?.ratioByClass;
      if (!ratios || typeof ratios !== 'object') fail('Each item needs ratioByClass with A, B, C and D.');
      return {
        code: checkId(item.code, 'item code'),
        departmentCode: checkId(item.departmentCode, 'department code'),
        ratioPpm: {
          A: ratioToPpm(ratios.A),
          B: ratioToPpm(ratios.B),
          C: ratioToPpm(ratios.C),
          D: ratioToPpm(ratios.D),
        },
      };
    }),
    (item) => item.code,
    'item code',
  );
  const subjects = sortedUnique(
    input.subjects.map((subject) => {
      if (!DRAW_CREDIT_CLASSES.includes(subject?.creditClass)) {
        fail('Each subject needs a credit class A, B, C or D.');
      }
      return {
        id: checkId(subject.id, 'subject id'),
        creditClass: subject.creditClass,
        itemCodes: idList(subject.itemCodes, 'subject item codes'),
      };
    }),
    (subject) => subject.id,
    'subject id',
  );
  const inspectors = sortedUnique(
    input.inspectors.map((inspector) => ({
      id: checkId(inspector?.id, 'inspector id'),
      departmentCode: checkId(inspector.departmentCode, 'department code'),
      qualifications: idList(inspector.qualifications, 'inspector qualifications'),
      conflicts: idList(inspector.conflicts, 'inspector conflicts'),
    })),
    (inspector) => inspector.id,
    'inspector id',
  );
  const previousInput = input.previous ?? {};
  if (typeof previousInput !== 'object' || Array.isArray(previousInput)) {
    fail('previous must map subject ids to inspector ids.');
  }
  const previous = Object.entries(previousInput)
    .map(([subjectId, ids]) => ({
      subjectId: checkId(subjectId, 'subject id'),
      inspectorIds: idList(ids, 'previous inspector ids'),
    }))
    .filter((entry) => entry.inspectorIds.length > 0)
    .sort((a, b) => compareUtf8(a.subjectId, b.subjectId));
  return { version: DRAW_VERSION, planId, minInspectors, items, subjects, inspectors, previous };
}

/**
 * Canonical JSON of the draw's data (strings, integers, booleans, lists, objects): no whitespace,
 * object keys sorted by UTF-8 bytes, strings and numbers written as `JSON.stringify` writes them
 * (non-ASCII characters as themselves, not as \u escapes). The draw's objects have no
 * integer-like keys, whose order a JavaScript object would not keep.
 */
export function drawCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort(compareUtf8)) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** SHA-256 (lowercase hex) of the UTF-8 canonical JSON of a value. */
export function canonicalDigest(value: unknown): string {
  return createHash('sha256').update(drawCanonicalJson(value), 'utf8').digest('hex');
}

/** The inputs digest published before the draw: SHA-256 of the canonical input's canonical JSON. */
export function drawInputsDigest(input: DrawPlanInput): string {
  return canonicalDigest(canonicalDrawInput(input));
}

/**
 * The plan input that a canonical input stands for (ratios back from ratioPpm), e.g. to rerun a
 * published draw. Exact: every ppm in 0..10⁶ divided by 10⁶ gives a ratio that `ratioToPpm` maps
 * back to the same ppm, so `canonicalDrawInput(drawInputFromCanonical(c))` is `c` for any canonical
 * `c`. The result is not checked here; `canonicalDrawInput` does that.
 */
export function drawInputFromCanonical(c: CanonicalDrawInput): DrawPlanInput {
  return {
    planId: c.planId,
    minInspectors: c.minInspectors,
    items: c.items.map((item) => ({
      code: item.code,
      departmentCode: item.departmentCode,
      ratioByClass: {
        A: item.ratioPpm.A / 1_000_000,
        B: item.ratioPpm.B / 1_000_000,
        C: item.ratioPpm.C / 1_000_000,
        D: item.ratioPpm.D / 1_000_000,
      },
    })),
    subjects: c.subjects.map((s) => ({ id: s.id, creditClass: s.creditClass, itemCodes: [...s.itemCodes] })),
    inspectors: c.inspectors.map((i) => ({
      id: i.id,
      departmentCode: i.departmentCode,
      qualifications: [...i.qualifications],
      conflicts: [...i.conflicts],
    })),
    // fromEntries defines own properties, so a subject id such as "__proto__" stays a key.
    previous: Object.fromEntries(c.previous.map((p) => [p.subjectId, [...p.inspectorIds]])),
  };
}
