import {
  acquireDataDirLock,
  type Config,
  createKernel,
  type DataDirLock,
  type Kernel,
  isKernelError,
  loadConfig,
  openDatabase,
  startKernel,
} from '@zhizhi/kernel';
import { explainLock } from './lock-hint';

/** Output helpers honouring --json. */
export interface Output {
  json: boolean;
  /** Human line (suppressed under --json). */
  say(line: string): void;
  /** Final result: JSON under --json, otherwise the human text. */
  result(value: unknown, human: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    say: (line) => {
      if (!json) process.stdout.write(`${line}\n`);
    },
    result: (value, human) => process.stdout.write(`${json ? JSON.stringify(value, null, 2) : human}\n`),
  };
}

export function config(): Config {
  return loadConfig(process.env);
}

export interface WithKernelOptions {
  migrate?: boolean;
  /** The command can also run through a server with `--server`; the lock refusal then says so. */
  remote?: boolean;
}

function lockDataDir(dataDir: string, remote: boolean): DataDirLock {
  try {
    return acquireDataDirLock(dataDir, `cli ${process.argv.slice(2, 4).join(' ')}`);
  } catch (error) {
    if (isKernelError(error) && error.code === 'db.data_dir.locked')
      throw explainLock(error, dataDir, remote);
    throw error;
  }
}

/**
 * Opens the database for a one-shot command. In embedded mode the command takes the DATA_DIR lock,
 * so it refuses clearly while a server runs (PGlite must never be opened by two processes).
 */
export async function withKernel<T>(
  work: (kernel: Kernel, cfg: Config) => Promise<T>,
  options: WithKernelOptions = {},
): Promise<T> {
  const cfg = config();
  let lock: DataDirLock | null = null;
  if (!cfg.DATABASE_URL) lock = lockDataDir(cfg.DATA_DIR, options.remote === true);
  try {
    const database = await openDatabase({
      url: cfg.DATABASE_URL,
      dataDir: cfg.DATABASE_URL ? undefined : cfg.DATA_DIR,
      poolSize: 2,
    });
    try {
      const kernel = createKernel({ database });
      await startKernel(kernel, { migrate: options.migrate });
      return await work(kernel, cfg);
    } finally {
      await database.close();
    }
  } finally {
    lock?.release();
  }
}
