/**
 * The two store engines for tests that must hold on both: a SQLite file and a PostgreSQL schema
 * (skipped, as every PostgreSQL test, when no server is reachable). `open` is a new store instance
 * on the same database: a new process, for restart and crash tests.
 */
import type { Clock } from '../../src/core/ports.js';
import type { HeraldStore } from '../../src/core/store/repositories.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { tempDatabase } from '../scheduler/helpers.js';
import { dropSchema, POSTGRES_URL, schemaName } from './postgres.js';

export interface StoreEngine {
  readonly name: string;
  readonly skip: boolean;
  readonly make: () => {
    /** Without a clock the store follows the system's. */
    open: (clock?: Clock) => Promise<HeraldStore>;
    cleanup: () => Promise<void>;
  };
}

/** Both engines; `file` (the test's `import.meta.url`) names its PostgreSQL schemas. */
export function storeEngines(file: string): readonly StoreEngine[] {
  return [
    {
      name: 'SQLite',
      skip: false,
      make: () => {
        const db = tempDatabase();
        return { open: async (clock) => db.open(clock), cleanup: async () => db.cleanup() };
      },
    },
    {
      name: 'PostgreSQL',
      skip: !POSTGRES_URL,
      make: () => {
        const schema = schemaName(file);
        const opened: HeraldStore[] = [];
        return {
          open: async (clock) => {
            const r = await openPostgresStore({
              url: POSTGRES_URL!,
              schema,
              migrate: 'auto',
              ...(clock ? { clock } : {}),
            });
            if (!r.ok) throw new Error(r.error.message);
            opened.push(r.value);
            return r.value;
          },
          cleanup: async () => {
            for (const store of opened) await store.close().catch(() => undefined);
            await dropSchema(schema);
          },
        };
      },
    },
  ];
}
