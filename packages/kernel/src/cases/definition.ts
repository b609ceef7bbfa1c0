import { z } from 'zod';
import { InputError } from '../errors';
import { compileRule, type RuleContextSchema } from '../rules';

const code = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lower-case letters, digits and _');
const names = z.object({ zh: z.string().min(1).max(60), en: z.string().min(1).max(120) });

/** A form field of a case type. */
export const caseFieldSchema = z.object({
  code,
  name: names,
  type: z.enum([
    'text',
    'longtext',
    'integer',
    'number',
    'boolean',
    'date',
    'choice',
    'multichoice',
    'location',
    'attachments',
  ]),
  required: z.boolean().default(false),
  /** For choice and multichoice. */
  options: z
    .array(z.object({ value: z.string().min(1).max(64), name: names }))
    .max(200)
    .optional(),
  /** For text and longtext. */
  maxLength: z.number().int().min(1).max(20_000).optional(),
  /** For attachments: how many files at most, and which detected types are accepted. */
  maxFiles: z.number().int().min(1).max(50).optional(),
  accept: z
    .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/))
    .max(20)
    .optional(),
});

export const caseStateSchema = z.object({
  code,
  name: names,
  /** Reaching a final state closes the case; only `afterClose` transitions leave one. */
  final: z.boolean().default(false),
});

/** Something a transition does besides changing state, inside the same transaction. */
export const caseEffectSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('notify'),
    /** The case's assignee, every staff member of its department, or whoever opened it (staff only). */
    to: z.enum(['assignee', 'department', 'opener']),
    titleZh: z.string().min(1).max(200),
    titleEn: z.string().min(1).max(200),
    urgent: z.boolean().default(false),
    /** CEL over the guard context; the effect runs only when true. */
    when: z.string().max(4096).optional(),
  }),
  z.object({
    /** 主办/协办: one child case per co-handling department given with the step. */
    kind: z.literal('open_children'),
    typeCode: code,
  }),
  z.object({
    /** A related case, e.g. a rectification (整改) case when the rating is bad. */
    kind: z.literal('open_case'),
    typeCode: code,
    /** The relation recorded on the new case. */
    role: code,
    titleZh: z.string().min(1).max(100),
    when: z.string().max(4096).optional(),
  }),
  z.object({
    /** Publishes `cases.case.signal` with this name, for any module to subscribe to. */
    kind: z.literal('publish'),
    signal: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/),
    when: z.string().max(4096).optional(),
  }),
]);

export const caseTransitionSchema = z.object({
  code,
  name: names,
  from: z.array(code).min(1),
  to: code,
  /** Checked in the case's division and department scope, e.g. `governance.case.handle`. */
  permission: z.string().min(1).max(96),
  /** Only the current assignee may take it. */
  assigneeOnly: z.boolean().default(false),
  /** Makes the actor the assignee (claim), or clears the assignee (return to the pool). */
  assign: z.enum(['keep', 'actor', 'input', 'clear']).default('keep'),
  /** Moves the case to the department given with the step (dispatch, transfer 改派). */
  department: z.enum(['keep', 'input']).default('keep'),
  /** Refused while co-handling child cases are open (the lead closes when all are done). */
  waitForChildren: z.boolean().default(false),
  /** Taken by the engine, not by people: when the last co-handling child case closes. */
  trigger: z.enum(['manual', 'children_done']).default('manual'),
  effects: z.array(caseEffectSchema).max(20).default([]),
  /** Fields the step must provide (e.g. a closing result). */
  requires: z.array(code).max(50).default([]),
  /** CEL over `data` (the case's fields after the step), `input` (the step's fields), `state`, `actor`. */
  guard: z.string().max(4096).optional(),
  /** A note is required (退单 needs a reason). */
  noteRequired: z.boolean().default(false),
  /**
   * Allowed from a final state (rating, reopening), within this many working days of closing.
   * A transition out of a final state must say so.
   */
  afterClose: z.object({ withinWorkingDays: z.number().int().min(1).max(365) }).optional(),
});

/**
 * A time limit on a case (办理时限): started, paused (补正, awaiting the applicant), resumed and
 * stopped by transitions (`open` is the opening). Promised and statutory limits run side by side.
 */
export const caseClockSchema = z.object({
  code,
  name: names,
  unit: z.enum(['working_days', 'working_hours']),
  /** 承诺时限: what the platform promises; warnings and overdue escalation follow it. */
  promised: z.number().positive().max(3650),
  /** 法定时限: the legal limit, at least the promised one. */
  statutory: z.number().positive().max(3650).optional(),
  startOn: z.array(code).min(1),
  stopOn: z.array(code).min(1),
  pauseOn: z.array(code).default([]),
  resumeOn: z.array(code).default([]),
  /** Share of the promised limit after which the clock warns. */
  warnAt: z.number().gt(0).lt(1).default(0.8),
});

/** Steps the engine itself records; clocks may start or stop on them. */
export const ENGINE_STEPS: readonly string[] = [
  'open',
  'merge',
  'merged_close',
  'supervise',
  'extension_requested',
  'extension_approved',
  'extension_rejected',
];

/** A case type as data: fields, states, transitions with roles and guards. */
export const caseTypeDefinitionSchema = z
  .object({
    code,
    name: names,
    /** Upper-case letters starting every case number, e.g. `SJ` for 事件. */
    numberPrefix: z.string().regex(/^[A-Z]{1,6}$/),
    /** Permission to open a case of this type (checked in the case's division). */
    openPermission: z.string().min(1).max(96),
    /** Permission to see cases of this type (in scope). */
    readPermission: z.string().min(1).max(96),
    fields: z.array(caseFieldSchema).max(100),
    states: z.array(caseStateSchema).min(2).max(50),
    initialState: code,
    transitions: z.array(caseTransitionSchema).min(1).max(200),
    clocks: z.array(caseClockSchema).max(10).default([]),
    /** Permission to write a supervision note (督办) on a case. */
    supervisePermission: z.string().min(1).max(96).optional(),
    /** Extension requests (延期申请) on a clock, approved by someone else. */
    extension: z
      .object({
        clock: code,
        requestPermission: z.string().min(1).max(96),
        approvePermission: z.string().min(1).max(96),
        /** At most this many units (the clock's unit) per request. */
        maxUnits: z.number().positive().max(365),
      })
      .optional(),
    /** Duplicate detection and merging (合并重复件). */
    duplicates: z
      .object({
        categoryField: code,
        locationField: code,
        withinMeters: z.number().positive().max(100_000),
        withinHours: z
          .number()
          .positive()
          .max(24 * 90),
        /** The non-final state merged reports wait in until the primary closes. */
        mergedState: code,
        mergePermission: z.string().min(1).max(96),
        /** Fields of the primary's outcome copied to its merged reports when it closes. */
        shareFields: z.array(code).max(20),
      })
      .optional(),
  })
  .superRefine((d, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    const states = new Set(d.states.map((s) => s.code));
    const fields = new Set(d.fields.map((f) => f.code));
    if (states.size !== d.states.length) issue('state codes must be unique');
    if (fields.size !== d.fields.length) issue('field codes must be unique');
    if (new Set(d.transitions.map((t) => t.code)).size !== d.transitions.length)
      issue('transition codes must be unique');
    if (!states.has(d.initialState)) issue(`initialState ${d.initialState} is not a state`);
    for (const f of d.fields) {
      if ((f.type === 'choice' || f.type === 'multichoice') && !f.options?.length)
        issue(`field ${f.code} needs options`);
    }
    for (const t of d.transitions) {
      for (const s of [...t.from, t.to])
        if (!states.has(s)) issue(`transition ${t.code} names unknown state ${s}`);
      for (const f of t.requires)
        if (!fields.has(f)) issue(`transition ${t.code} requires unknown field ${f}`);
      if (!t.afterClose && t.from.some((s) => d.states.find((x) => x.code === s)?.final))
        issue(`transition ${t.code} leaves a final state without afterClose`);
    }
    const transitions = new Set(d.transitions.map((t) => t.code));
    for (const c of d.clocks) {
      for (const s of [...c.startOn, ...c.stopOn, ...c.pauseOn, ...c.resumeOn])
        if (!ENGINE_STEPS.includes(s) && !transitions.has(s))
          issue(`clock ${c.code} names unknown transition ${s}`);
    }
    if (d.extension && !d.clocks.some((c) => c.code === d.extension?.clock))
      issue(`extension names unknown clock ${d.extension.clock}`);
    if (d.duplicates) {
      const dup = d.duplicates;
      if (!fields.has(dup.categoryField))
        issue(`duplicates.categoryField ${dup.categoryField} is not a field`);
      if (d.fields.find((f) => f.code === dup.locationField)?.type !== 'location')
        issue(`duplicates.locationField ${dup.locationField} is not a location field`);
      const merged = d.states.find((s) => s.code === dup.mergedState);
      if (!merged || merged.final)
        issue(`duplicates.mergedState ${dup.mergedState} must be a non-final state`);
      for (const f of dup.shareFields) if (!fields.has(f)) issue(`duplicates.shareFields names unknown ${f}`);
    }
  });

export type CaseTypeDefinition = z.output<typeof caseTypeDefinitionSchema>;
export type CaseTypeDefinitionInput = z.input<typeof caseTypeDefinitionSchema>;
export type CaseField = z.output<typeof caseFieldSchema>;
export type CaseClock = z.output<typeof caseClockSchema>;
export type CaseTransition = z.output<typeof caseTransitionSchema>;
export type CaseEffect = z.output<typeof caseEffectSchema>;

/** What every guard may read. */
export const GUARD_CONTEXT: RuleContextSchema = { data: 'map', input: 'map', state: 'string', actor: 'map' };

/** Parses and checks a definition, compiling every guard so a typo fails at definition time. */
export function parseCaseTypeDefinition(input: unknown): CaseTypeDefinition {
  const parsed = caseTypeDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
    throw new InputError(
      'cases.type.invalid',
      `The case type definition is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors },
    );
  }
  for (const t of parsed.data.transitions) {
    if (t.guard) compileRule(t.guard, GUARD_CONTEXT, { expectBoolean: true });
    for (const e of t.effects)
      if ('when' in e && e.when) compileRule(e.when, GUARD_CONTEXT, { expectBoolean: true });
  }
  return parsed.data;
}
