export type { Db, Tx, Executor, Dialect } from './types';
export { openDatabase, type Database, type OpenDatabaseOptions } from './driver';
export { runMigrations, migrationsFolder } from './migrate';
export {
  acquireDataDirLock,
  readDataDirLock,
  type DataDirLock,
  type DataDirLockHolder,
} from './data-dir-lock';
export { rows, type Row } from './raw';
export { backupDatabase, restoreDatabase, type BackupHeader } from './backup';
