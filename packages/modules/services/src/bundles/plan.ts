import { InputError } from '@zhizhi/kernel/errors';
import { compileRule, evaluateBoolean } from '@zhizhi/kernel/rules';
import type { Bundle, DictionaryEntry, Material, Matter } from '../catalogue/types';

/** One field of a bundle's single form: asked once, however many matters need it. */
export interface PlannedField {
  entry: DictionaryEntry;
  /** Required when any applicable matter requires it. */
  required: boolean;
  /** The matters that use it (their codes). */
  matters: string[];
}

/** One material of the bundle's single set: a certificate type once, an upload once per material code. */
export interface PlannedMaterial {
  material: Material;
  required: boolean;
  matters: string[];
}

export interface BundlePlan {
  bundle: string;
  /** The matters the answers make applicable, in the bundle's order. */
  matters: Matter[];
  /** Matters the answers leave out, with the reason (their condition). */
  skipped: { matterCode: string; when: string }[];
  form: PlannedField[];
  materials: PlannedMaterial[];
  /** Field and material counts before duplicates were removed (what separate applications would ask). */
  separately: { fields: number; materials: number };
}

/** Answers must answer the bundle's questions, with the question's type. */
function checkAnswers(bundle: Bundle, answers: Record<string, unknown>) {
  const errors: { path: string; message: string }[] = [];
  const asked = new Map(bundle.questions.map((q) => [q.code, q]));
  for (const key of Object.keys(answers)) {
    if (!asked.has(key)) errors.push({ path: key, message: `The bundle asks no question ${key}.` });
  }
  for (const question of bundle.questions) {
    const value = answers[question.code];
    if (value === undefined)
      errors.push({ path: question.code, message: `${question.text.en}: please answer.` });
    else if (question.type === 'boolean' && typeof value !== 'boolean') {
      errors.push({ path: question.code, message: `${question.text.en}: answer yes or no.` });
    } else if (question.type === 'choice' && !question.options?.some((o) => o.value === value)) {
      errors.push({ path: question.code, message: `${question.text.en}: choose one of the options.` });
    }
  }
  if (errors.length > 0)
    throw new InputError('services.bundle.answers_invalid', 'The answers are incomplete or invalid.', {
      errors,
    });
}

/** The key under which two materials are the same: one certificate of a type, or one upload per material code. */
function materialKey(material: Material): string {
  return material.source.kind === 'certificate'
    ? `certificate:${material.source.certificateType}`
    : `upload:${material.code}`;
}

/**
 * Works out a bundle for one applicant: which member matters apply (each matter's CEL condition
 * over `answers`), the single form (fields from the shared dictionary, duplicates removed, required
 * if any matter requires them) and the single set of materials.
 */
export function planBundle(
  bundle: Bundle,
  answers: Record<string, unknown>,
  matters: ReadonlyMap<string, Matter>,
  dictionary: ReadonlyMap<string, DictionaryEntry>,
): BundlePlan {
  checkAnswers(bundle, answers);
  const applicable: Matter[] = [];
  const skipped: BundlePlan['skipped'] = [];
  for (const member of bundle.matters) {
    const matter = matters.get(member.matterCode);
    if (!matter)
      throw new InputError(
        'services.bundle.matter_unknown',
        `The bundle names an unknown matter ${member.matterCode}.`,
      );
    if (
      member.when &&
      !evaluateBoolean(compileRule(member.when, { answers: 'dyn' }, { expectBoolean: true }), { answers })
    ) {
      skipped.push({ matterCode: member.matterCode, when: member.when });
      continue;
    }
    applicable.push(matter);
  }
  const fields = new Map<string, PlannedField>();
  const materials = new Map<string, PlannedMaterial>();
  let fieldCount = 0;
  let materialCount = 0;
  for (const matter of applicable) {
    for (const { field, required } of matter.fields) {
      fieldCount++;
      const entry = dictionary.get(field);
      if (!entry)
        throw new InputError(
          'services.dictionary.unknown',
          `Matter ${matter.code} uses an unknown field ${field}.`,
        );
      const planned = fields.get(field);
      if (planned) {
        planned.required ||= required;
        planned.matters.push(matter.code);
      } else fields.set(field, { entry, required, matters: [matter.code] });
    }
    for (const material of matter.materials) {
      materialCount++;
      const key = materialKey(material);
      const planned = materials.get(key);
      if (planned) {
        planned.required ||= material.required;
        planned.matters.push(matter.code);
      } else materials.set(key, { material, required: material.required, matters: [matter.code] });
    }
  }
  return {
    bundle: bundle.code,
    matters: applicable,
    skipped,
    form: [...fields.values()],
    materials: [...materials.values()],
    separately: { fields: fieldCount, materials: materialCount },
  };
}
