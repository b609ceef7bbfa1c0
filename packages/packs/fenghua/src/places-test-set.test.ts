import { readFileSync } from 'node:fs';
import { ADDRESS_LABELS } from '@zhizhi/places';
import { describe, expect, it } from 'vitest';
import { buildTestSet, OUTPUT_PATH, statsOf } from '../scripts/places-test-set/build';
import { NOISE_TAGS } from '../scripts/places-test-set/noise';
import { type CaseRecord, isHard, LABELS } from '../scripts/places-test-set/segments';
import { fenghuaDivisions } from './divisions';
import { fenghuaPlaceLibrary } from './places/library';

const fileText = readFileSync(OUTPUT_PATH, 'utf8');
const records: CaseRecord[] = fileText
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line));
const library = fenghuaPlaceLibrary();
const keys = new Set(library.map((p) => p.key));

describe('Fenghua address test set (packages/modules/places/test/fenghua-addresses.jsonl)', () => {
  it('builds with the same label list as @zhizhi/places', () => {
    expect([...LABELS]).toEqual([...ADDRESS_LABELS]);
  });

  it('has at least 600 cases, 35% of them hard', () => {
    expect(records.length).toBeGreaterThanOrEqual(600);
    expect(records.filter(isHard).length / records.length).toBeGreaterThanOrEqual(0.35);
  });

  it('uses every noise operator and case type at least 25 times', () => {
    const { byTag } = statsOf(records);
    for (const tag of [...NOISE_TAGS, 'intersection', 'village_group', 'poi']) {
      expect(byTag[tag] ?? 0, tag).toBeGreaterThanOrEqual(25);
    }
    expect(byTag.notInLibrary ?? 0).toBeGreaterThanOrEqual(15);
  });

  it('has unique ids and inputs', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.input)).size).toBe(records.length);
  });

  it('has spans that match their values, sorted and non-overlapping, with known labels', () => {
    for (const r of records) {
      let last = 0;
      for (const e of r.elements) {
        expect(ADDRESS_LABELS as readonly string[], r.id).toContain(e.label);
        expect(r.input.slice(e.start, e.end), r.id).toBe(e.value);
        expect(e.end, r.id).toBeGreaterThan(e.start);
        expect(e.start, r.id).toBeGreaterThanOrEqual(last);
        expect(e.normalized.length, r.id).toBeGreaterThan(0);
        last = e.end;
      }
      // Unlabelled text is only separators and brackets.
      let rest = r.input;
      for (const e of [...r.elements].reverse()) rest = rest.slice(0, e.start) + rest.slice(e.end);
      expect(rest, r.id).toMatch(/^[\s\u3000,，、\-－()（）]*$/);
    }
  });

  it('names only existing library keys, and standard addresses from the fixed prefix', () => {
    for (const r of records) {
      if (r.expectedKey !== null) expect(keys.has(r.expectedKey), `${r.id} ${r.expectedKey}`).toBe(true);
      else expect(r.tags, r.id).toContain('notInLibrary');
      expect(r.standard.startsWith('浙江省宁波市奉化区'), r.id).toBe(true);
    }
  });

  it('gives the standard address equal to the key for clean cases', () => {
    const clean = records.filter((r) => r.tags.length === 0 && r.expectedKey !== null);
    expect(clean.length).toBeGreaterThan(20);
    for (const r of clean) {
      // A clean case may write the floor of a room or a community the key leaves out.
      if (r.elements.some((e) => e.label === 'floorno' || e.label === 'community')) continue;
      expect(r.standard, r.id).toBe(r.expectedKey);
    }
  });

  it('gives division codes of written divisions only', () => {
    const codes = new Set(fenghuaDivisions.filter((d) => !d.validTo).map((d) => d.code));
    for (const r of records) {
      const written = r.elements.some((e) => ['district', 'town', 'community'].includes(e.label));
      if (!written) expect(r.divisionCode, r.id).toBeNull();
      else expect(codes.has(r.divisionCode ?? ''), `${r.id} ${r.divisionCode}`).toBe(true);
    }
  });

  it('is byte-identical to a fresh build (deterministic)', () => {
    expect(buildTestSet(library, fenghuaDivisions).text).toBe(fileText);
  });
});
