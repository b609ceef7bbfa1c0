import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/zhizhi.mjs', import.meta.url));
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
/**
 * The bundle users run (`bin/zhizhi.mjs`, `npm start`), which the test run's global setup rebuilds
 * when a source changed; through tsx only when it is missing.
 */
const command = existsSync(bundle) ? [bundle] : [tsx, main];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as its own process (as a user would), for tests. */
export function runCli(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return runCliWithInput(env, null, ...args);
}

/** The same, with `input` written to the command's stdin (then closed). */
export function runCliWithInput(
  env: Record<string, string>,
  input: string | null,
  ...args: string[]
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...command, ...args], {
      env,
      stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== null) child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
