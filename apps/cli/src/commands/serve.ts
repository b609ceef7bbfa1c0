import { startServer } from '@zhizhi/server';
import type { Command } from 'commander';
import { config } from '../context';
import { printCredentials } from './print-credentials';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Serve the web app and API (embedded database unless DATABASE_URL is set)')
    .action(async () => {
      const cfg = config();
      const server = await startServer(cfg, {
        onDemoSeeded: (result) => printCredentials(result.credentials),
      });
      const shown = server.url.replace('[::]', 'localhost').replace('0.0.0.0', 'localhost');
      process.stdout.write(`\n  整体智治 Zhizhi ${server.app.state ? '' : ''}is serving at ${shown}\n`);
      process.stdout.write(
        `  Database: ${server.kernel.database.dialect === 'pglite' ? `embedded (${cfg.DATA_DIR})` : 'PostgreSQL'} · API docs: ${shown}/docs\n\n`,
      );
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`\n  ${signal}: finishing in-flight requests and closing the database…\n`);
        const force = setTimeout(() => process.exit(1), 15_000).unref();
        await server.close();
        clearTimeout(force);
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
