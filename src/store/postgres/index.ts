/** The PostgreSQL implementation of the store port. */
export {
  openPostgresStore,
  describeDatabase,
  type PostgresStore,
  type PostgresStoreOptions,
} from './postgres-store.js';
export { migratePostgres, pgSchemaVersion, type PgMigrationReport } from './migrate.js';
export { PG_MIGRATIONS, PG_LATEST_SCHEMA_VERSION, type PgMigration } from './migrations.js';
export { createPool, SCHEMA_NAME } from './pool.js';
