/** The SQLite implementation of the store port. */
export {
  openSqliteStore,
  DEFAULT_DATA_DIR,
  DATABASE_FILE_NAME,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite-store.js';
export { migrate, schemaVersionOf, type MigrationReport } from './migrate.js';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations.js';
export { CorruptRowError } from '../row-json.js';
