import { compileRule, evaluateBoolean } from '@zhizhi/kernel/rules';
import { bundleSchema, dictionaryEntrySchema, matterSchema } from '@zhizhi/services';
import { describe, expect, it } from 'vitest';
import { fenghuaDemoCatalog } from '../data-catalog';
import { fenghuaDepartments } from '../departments';
import { FENGHUA_DISTRICT_CODE, fenghuaDivisions } from '../divisions';
import {
  fenghuaBundles,
  fenghuaCertificateTypes,
  fenghuaFieldDictionary,
  fenghuaMatters,
  fenghuaMattersByArea,
} from '.';

const dictionary = new Map(fenghuaFieldDictionary.map((e) => [e.code, e]));
const certificates = new Map<string, readonly string[]>(
  fenghuaCertificateTypes.map((c) => [c.code, c.items]),
);
const matters = fenghuaMatters.map((m) => matterSchema.parse(m));
const references = (expression: string, variable: string) =>
  [...expression.matchAll(new RegExp(`\\b${variable}\\.([a-z][a-z0-9_]*)`, 'g'))].map((m) => m[1]);

describe('fenghuaFieldDictionary', () => {
  it('parses, with unique codes and options for every choice', () => {
    for (const entry of fenghuaFieldDictionary) {
      expect(dictionaryEntrySchema.parse(entry)).toEqual(entry);
      expect(entry.type !== 'choice' || (entry.options?.length ?? 0) >= 2, entry.code).toBe(true);
      if (entry.pattern) expect(() => new RegExp(entry.pattern!)).not.toThrow();
    }
    expect(dictionary.size).toBe(fenghuaFieldDictionary.length);
    expect(fenghuaFieldDictionary.length).toBeGreaterThanOrEqual(60);
  });

  it('supplies values only from known certificate items and demo catalog resource items', () => {
    // Each demo classification is registered once, so its resource code ends in /000001.
    const classifications = fenghuaDemoCatalog.map((r) => r.classificationCode);
    expect(new Set(classifications).size).toBe(classifications.length);
    const resources = new Map(
      fenghuaDemoCatalog.map((r) => [`${r.classificationCode}/000001`, r.items.map((i) => i.code)]),
    );
    for (const { code, supply } of fenghuaFieldDictionary) {
      if (supply?.certificate)
        expect(certificates.get(supply.certificate.type), code).toContain(supply.certificate.item);
      if (supply?.resource) expect(resources.get(supply.resource.code), code).toContain(supply.resource.item);
    }
  });

  it('fits the values it documents', () => {
    const pattern = (code: string) => new RegExp(dictionary.get(code)!.pattern!);
    expect(pattern('property_certificate_no').test('浙（2024）奉化区不动产权第0012345号')).toBe(true);
    expect(pattern('vehicle_plate').test('浙B12345')).toBe(true);
    expect(pattern('vehicle_plate').test('沪A12345')).toBe(false);
    expect(pattern('disability_certificate_no').test('33028319500101001X42')).toBe(true);
  });
});

describe('fenghuaMatters', () => {
  const departments = new Map(fenghuaDepartments.map((d) => [d.code, d]));
  const current = new Set(fenghuaDivisions.filter((d) => d.validTo === null).map((d) => d.code));

  it('parses at least 40 matters with unique code and version', () => {
    expect(matters.length).toBeGreaterThanOrEqual(40);
    expect(new Set(matters.map((m) => `${m.code}@${m.version}`)).size).toBe(matters.length);
    expect(new Set(matters.map((m) => m.name.zh)).size).toBe(matters.length);
  });

  it('refers only to dictionary fields and known certificate types', () => {
    for (const m of matters) {
      expect(m.fields.length, m.code).toBeGreaterThanOrEqual(4);
      expect(m.fields.length, m.code).toBeLessThanOrEqual(12);
      expect(m.materials.length, m.code).toBeGreaterThanOrEqual(2);
      expect(m.materials.length, m.code).toBeLessThanOrEqual(6);
      for (const f of m.fields) expect(dictionary.has(f.field), `${m.code} ${f.field}`).toBe(true);
      expect(new Set(m.materials.map((x) => x.code)).size, m.code).toBe(m.materials.length);
      for (const x of m.materials) {
        if (x.source.kind === 'certificate')
          expect(certificates.has(x.source.certificateType), x.code).toBe(true);
      }
    }
  });

  it('is handled by pack departments in current divisions, township matters by that township', () => {
    for (const m of matters) {
      const department = departments.get(m.departmentCode);
      expect(department, m.code).toBeDefined();
      for (const code of m.divisionCodes) expect(current.has(code), `${m.code} ${code}`).toBe(true);
      if (!m.divisionCodes.includes(FENGHUA_DISTRICT_CODE)) {
        expect(m.divisionCodes, m.code).toEqual([department!.divisionCode]);
      }
    }
    expect(
      matters.filter((m) => !m.divisionCodes.includes(FENGHUA_DISTRICT_CODE)).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('keeps promises within the legal limit, 即办件 at 0', () => {
    for (const m of matters) {
      expect(m.promisedLimit.unit, m.code).toBe(m.legalLimit.unit);
      expect(m.promisedLimit.value, m.code).toBeLessThanOrEqual(m.legalLimit.value);
      expect(m.kind === 'immediate', m.code).toBe(m.promisedLimit.value === 0);
      if (m.visits === 0)
        expect(
          m.channels.some((c) => c === 'web' || c === 'mobile'),
          m.code,
        ).toBe(true);
    }
  });

  it('covers at least 6 areas, with commitments, fees and instant rules where they belong', () => {
    expect(Object.values(fenghuaMattersByArea).filter((a) => a.length > 0).length).toBeGreaterThanOrEqual(6);
    expect(matters.filter((m) => m.commitment).map((m) => m.code)).toEqual([
      '许可-00703-000',
      '许可-00704-000',
    ]);
    expect(matters.filter((m) => m.fees.some((f) => f.amountYuan === 80)).length).toBeGreaterThanOrEqual(2);
    const instant = matters.filter((m) => m.instantRules.length > 0);
    expect(instant.length).toBeGreaterThanOrEqual(3);
    expect(instant.length).toBeLessThanOrEqual(5);
  });

  it('issues only certificate types of the region’s e-certificate list', () => {
    const types = new Set<string>(fenghuaCertificateTypes.map((t) => t.code));
    const issuing = matters.filter((m) => m.issues);
    expect(issuing.length).toBeGreaterThanOrEqual(6);
    for (const m of issuing) expect(types.has(m.issues!.type), m.code).toBe(true);
  });

  it('has instant rules that compile over form and shared, reading only the matter’s own fields', () => {
    const schema = { form: 'map<string, dyn>', shared: 'map<string, dyn>' } as const;
    for (const m of matters) {
      const own = new Set(m.fields.map((f) => f.field));
      for (const rule of m.instantRules) {
        expect(() => compileRule(rule, schema, { expectBoolean: true }), rule).not.toThrow();
        for (const field of references(rule, 'form')) expect(own.has(field), `${m.code} ${field}`).toBe(true);
      }
    }
    const elderly = compileRule(matters.find((m) => m.code === '给付-00801-000')!.instantRules[0], schema);
    expect(evaluateBoolean(elderly, { form: {}, shared: { age: 81 } })).toBe(true);
    expect(evaluateBoolean(elderly, { form: {}, shared: { age: 79 } })).toBe(false);
  });
});

describe('fenghuaBundles', () => {
  const codes = new Set(matters.map((m) => m.code));
  const schema = { answers: 'map<string, dyn>' } as const;

  it('parses, with unique codes, known matters and conditions over its own questions', () => {
    expect(fenghuaBundles.length).toBeGreaterThanOrEqual(4);
    expect(new Set(fenghuaBundles.map((b) => b.code)).size).toBe(fenghuaBundles.length);
    for (const bundle of fenghuaBundles) {
      expect(bundleSchema.parse(bundle)).toEqual(bundle);
      const questions = new Set(bundle.questions.map((q) => q.code));
      expect(new Set(bundle.matters.map((m) => m.matterCode)).size).toBe(bundle.matters.length);
      for (const q of bundle.questions)
        expect(q.type === 'boolean' || (q.options?.length ?? 0) >= 2, q.code).toBe(true);
      for (const member of bundle.matters) {
        expect(codes.has(member.matterCode), member.matterCode).toBe(true);
        if (!member.when) continue;
        expect(() => compileRule(member.when!, schema, { expectBoolean: true })).not.toThrow();
        for (const q of references(member.when, 'answers'))
          expect(questions.has(q), `${bundle.code} ${q}`).toBe(true);
      }
    }
  });

  it('picks the restaurant matters from the answers', () => {
    const restaurant = fenghuaBundles.find((b) => b.code === 'open_restaurant')!;
    const pick = (answers: Record<string, unknown>) =>
      restaurant.matters
        .filter((m) => !m.when || evaluateBoolean(compileRule(m.when, schema), { answers }))
        .map((m) => m.matterCode);
    expect(pick({ entity: 'individual', has_signboard: false, seats: 'small' })).toEqual([
      '许可-00701-000',
      '许可-00703-000',
    ]);
    expect(pick({ entity: 'company', has_signboard: true, seats: 'large' })).toEqual([
      '许可-00702-000',
      '许可-00703-000',
      '其他-00705-000',
      '许可-00704-000',
    ]);
  });
});
