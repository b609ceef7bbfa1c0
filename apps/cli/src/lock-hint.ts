import { ConflictError, type KernelError, readDataDirLock } from '@zhizhi/kernel';

/**
 * Rewrites the DATA_DIR lock refusal so that it says how to go on: stop the holder, or (for
 * commands with a remote branch) send the command through the server that holds the lock.
 */
export function explainLock(error: KernelError, dataDir: string, remote: boolean): ConflictError {
  const holder = readDataDirLock(dataDir);
  const pid = holder?.pid ?? error.details?.pid;
  const purpose = holder?.purpose ?? String(error.details?.purpose ?? 'another process');
  const port = holder?.port || undefined; // a server started with PORT=0 records 0
  const isServer = purpose === 'server';
  const ways = !isServer
    ? [`wait for process ${pid} to finish`]
    : remote
      ? [
          'stop the server',
          `run this command through it by adding --server http://localhost:${port ?? '<port>'} --api-key <key> (or set ZHIZHI_SERVER and ZHIZHI_API_KEY)`,
        ]
      : ['stop the server first (this command works on the local database only)'];
  return new ConflictError(
    error.code,
    `The embedded database in ${dataDir} is in use by process ${pid} (${purpose}${
      port ? ` on port ${port}` : ''
    }). To go on, ${ways.join(', or ')}.`,
    { ...error.details, port },
  );
}
