import { isKernelError } from '@zhizhi/kernel';
import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerDatabaseCommands } from './commands/database';
import { registerServeCommand } from './commands/serve';
import { registerUserCommands } from './commands/user';

const program = new Command('zhizhi')
  .description('整体智治 Zhizhi — district digital-government platform')
  .option('--json', 'machine-readable output')
  .showHelpAfterError();

registerServeCommand(program);
registerDatabaseCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const json = program.opts().json === true;
  const code = isKernelError(error) ? error.code : 'cli.failed';
  const message = error instanceof Error ? error.message : String(error);
  if (json) process.stderr.write(`${JSON.stringify({ error: { code, message } })}\n`);
  else process.stderr.write(`zhizhi: ${message}${isKernelError(error) ? ` (${code})` : ''}\n`);
  process.exit(isKernelError(error) && error.code === 'db.data_dir.locked' ? 3 : 1);
});
