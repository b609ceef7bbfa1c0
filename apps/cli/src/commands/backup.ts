import { backupDatabase, restoreDatabase } from '@zhizhi/kernel';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';

export function registerBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description('Write every table to a JSON-lines backup file (works on both databases)')
    .action(async (file: string) => {
      const out = createOutput(program.opts().json === true);
      const header = await withKernel((kernel) => backupDatabase(kernel.database, file, kernel.clock.now()));
      const total = header.tables.reduce((n, t) => n + t.rows, 0);
      out.result(header, `Backed up ${total} rows from ${header.tables.length} tables to ${file}.`);
    });

  program
    .command('restore <file>')
    .description('Replace ALL data with a backup (in one transaction)')
    .option('--yes', 'confirm that current data will be replaced')
    .action(async (file: string, options: { yes?: boolean }) => {
      const out = createOutput(program.opts().json === true);
      if (!options.yes) throw new Error('restore replaces all current data; run again with --yes to confirm');
      const header = await withKernel((kernel) => restoreDatabase(kernel.database, file));
      const total = header.tables.reduce((n, t) => n + t.rows, 0);
      out.result(
        header,
        `Restored ${total} rows into ${header.tables.length} tables from ${file} (backup of ${header.createdAt}).`,
      );
    });
}
