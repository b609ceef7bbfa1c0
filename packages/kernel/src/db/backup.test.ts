import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { verifyAudit } from '../audit';
import { createTestDatabase, createTestKernel } from '../testing';
import { backupDatabase, restoreDatabase } from './backup';

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhi-backup-'));
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('round-trips exactly: backup → restore into an empty database → identical backup', async () => {
    const t = await createTestKernel();
    closers.push(t.close);
    await t.kernel.staff.createStaff(systemActor, {
      username: 'a.user',
      displayName: '测试 "引号" \\ 反斜杠',
      password: 'secret-123',
      departmentId: t.departments.rsj.id,
      roles: [{ roleCode: 'auditor', divisionCode: '330213000000' }],
    });
    await t.kernel.files.store(systemActor, {
      name: '照片.png',
      content: Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from([0, 1, 2, 255, 92, 34]),
      ]),
    });
    const first = join(dir, 'first.jsonl');
    const header = await backupDatabase(t.database, first, new Date('2026-01-01T00:00:00Z'));
    expect(header.tables.find((x) => x.name === 'audit_entry')!.rows).toBeGreaterThan(3);

    const target = await createTestDatabase();
    closers.push(target.close);
    await restoreDatabase(target, first);
    const second = join(dir, 'second.jsonl');
    await backupDatabase(target, second, new Date('2026-01-01T00:00:00Z'));
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    expect((await verifyAudit(target.db, t.clock)).ok).toBe(true);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const target = await createTestDatabase();
    closers.push(target.close);
    const bogus = join(dir, 'bogus.jsonl');
    (await import('node:fs')).writeFileSync(bogus, 'hello\n');
    await expect(restoreDatabase(target, bogus)).rejects.toMatchObject({ code: 'db.backup.invalid' });
  });
});
