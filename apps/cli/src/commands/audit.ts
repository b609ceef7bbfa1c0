import { unwrap } from '@zhizhi/api-client';
import { systemActor } from '@zhizhi/kernel';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';
import { remoteClient } from '../remote';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Check every entry and link; exit 2 when the chain was tampered with')
    .action(async () => {
      const out = createOutput(program.opts().json === true);
      const client = remoteClient(program);
      const result = client
        ? await unwrap(client.GET('/api/audit/verify'))
        : await withKernel((kernel) => kernel.audit.verify(systemActor), { remote: true });
      const human = result.ok
        ? `Audit chain intact: ${result.checked} entries, head ${result.headSeq ?? '-'} ${result.headHash?.slice(0, 16) ?? ''}`
        : [
            `Audit chain BROKEN (${result.problems.length} problem(s) in ${result.checked} entries):`,
            ...result.problems.map((p) => `  #${p.seq} ${p.kind}: ${p.message}`),
          ].join('\n');
      out.result(result, human);
      if (!result.ok) process.exitCode = 2;
    });
}
