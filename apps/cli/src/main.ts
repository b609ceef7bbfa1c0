import { Command } from 'commander';
import { registerAddressCommands } from './commands/address';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerDataCommands } from './commands/data';
import { registerDatabaseCommands } from './commands/database';
import { registerInspectionCommands } from './commands/inspection';
import { registerSensingCommands } from './commands/sensing';
import { registerServeCommand } from './commands/serve';
import { registerUserCommands } from './commands/user';
import { registerRemoteOptions } from './remote';
import { errorReport, UNCODED } from './report-error';

const program = new Command('zhizhi')
  .description('整体智治 Zhizhi — district digital-government platform')
  .option('--json', 'machine-readable output')
  .showHelpAfterError();

registerRemoteOptions(program);
registerServeCommand(program);
registerDatabaseCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerDataCommands(program);
registerSensingCommands(program);
registerAddressCommands(program);
registerInspectionCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const { code, message, exitCode } = errorReport(error);
  if (program.opts().json === true) process.stderr.write(`${JSON.stringify({ error: { code, message } })}\n`);
  else process.stderr.write(`zhizhi: ${message}${code === UNCODED ? '' : ` (${code})`}\n`);
  process.exit(exitCode);
});
