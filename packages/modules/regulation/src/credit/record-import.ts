import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import type { NewRecord } from './credit-service';
import { regulationSubject } from '../schema';
import { creditRecordSchema, RECORD_SOURCES } from './records';

/** At most this many rows per import call. */
export const MAX_IMPORT_ROWS = 5000;

const rowSchema = z.object({
  /** The department's own id of the record (kept: importing it again adds nothing). */
  id: z.string().trim().min(1).max(100),
  uscc: z.string().trim().toUpperCase().min(15).max(18),
  source: z.enum(RECORD_SOURCES),
  date: z.string().max(40),
  validUntil: z.string().max(40).nullable().optional(),
  severity: z.number().int().min(0).max(100),
  data: z.record(z.string(), z.unknown()).optional(),
  summary: z.string().trim().min(1).max(500),
});
export type ImportRow = z.input<typeof rowSchema>;

/**
 * 应归尽归 from departments that share their records as rows (12315 complaints, court 失信被执行人
 * lists, tax violations …): every row is checked first and nothing is added if any row is wrong
 * (the errors name rows and fields, never values); rows already imported are skipped.
 */
export function createRecordImport(
  kernel: Kernel,
  deps: { addRecord: (tx: Executor, input: NewRecord) => Promise<unknown | null> },
) {
  async function importRows(actor: Actor, input: { departmentCode: string; rows: unknown[] }) {
    requirePermission(actor, P.manageSubjects);
    const department = String(input.departmentCode ?? '').trim();
    if (!/^[a-z0-9_-]{1,32}$/i.test(department))
      throw new InputError('regulation.import.invalid_input', 'Name the department the records come from.', {
        errors: [{ path: 'departmentCode', message: 'a department code' }],
      });
    if (!Array.isArray(input.rows) || !input.rows.length || input.rows.length > MAX_IMPORT_ROWS)
      throw new InputError('regulation.import.invalid_input', `Send 1 to ${MAX_IMPORT_ROWS} rows.`, {
        errors: [{ path: 'rows', message: `1 to ${MAX_IMPORT_ROWS} rows` }],
      });
    const errors: { path: string; message: string }[] = [];
    const parsed = input.rows.map((raw, i) => {
      const row = rowSchema.safeParse(raw);
      if (!row.success) {
        for (const issue of row.error.issues)
          errors.push({ path: `rows.${i}.${issue.path.join('.')}`, message: issue.message });
        return null;
      }
      const record = creditRecordSchema.safeParse({
        ...row.data,
        id: 'import',
        subjectId: 'import',
        departmentCode: department,
      });
      if (!record.success)
        for (const issue of record.error.issues)
          errors.push({ path: `rows.${i}.${issue.path.join('.')}`, message: issue.message });
      return row.data;
    });
    const codes = [...new Set(parsed.flatMap((r) => (r ? [r.uscc] : [])))];
    const subjects = new Map<string, string>();
    for (let i = 0; i < codes.length; i += 1000) {
      const found = await kernel.db
        .select({ id: regulationSubject.id, uscc: regulationSubject.uscc })
        .from(regulationSubject)
        .where(inArray(regulationSubject.uscc, codes.slice(i, i + 1000)));
      for (const s of found) subjects.set(s.uscc, s.id);
    }
    parsed.forEach((r, i) => {
      if (r && !subjects.has(r.uscc))
        errors.push({ path: `rows.${i}.uscc`, message: 'no market subject with this credit code' });
    });
    if (errors.length)
      throw new InputError(
        'regulation.import.invalid_rows',
        `${errors.length} problems; nothing was imported.`,
        {
          errors: errors.slice(0, 200),
        },
      );
    return kernel.transaction(async (tx) => {
      let added = 0;
      for (const r of parsed as z.output<typeof rowSchema>[]) {
        const row = await deps.addRecord(tx, {
          subjectId: subjects.get(r.uscc)!,
          source: r.source,
          departmentCode: department,
          date: r.date,
          validUntil: r.validUntil ?? null,
          severity: r.severity,
          data: r.data ?? {},
          summary: r.summary,
          origin: `import:${department}`,
          originId: r.id,
        });
        if (row) added++;
      }
      await recordAudit(tx, kernel.clock, {
        actor,
        action: 'regulation.records.imported',
        subjectType: 'regulation_record',
        data: { departmentCode: department, rows: parsed.length, added },
      });
      return { rows: parsed.length, added, skipped: parsed.length - added };
    });
  }

  return { importRows };
}
