import { systemActor } from '@zhizhi/kernel';
import type { Command } from 'commander';
import { createOutput, withKernel } from '../context';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Check every entry and link; exit 2 when the chain was tampered with')
    .action(async () => {
      const out = createOutput(program.opts().json === true);
      const result = await withKernel((kernel) => kernel.audit.verify(systemActor));
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
