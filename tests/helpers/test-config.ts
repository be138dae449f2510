/**
 * A full configuration for tests: the schema's own defaults (no environment, no config file), the
 * bundled sample, and whatever a test overrides.
 */
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { BUNDLED_SAMPLE_PATH } from '../../src/main.js';

export async function testConfig(overrides: Partial<Config> = {}): Promise<Config> {
  const loaded = await loadConfig({ env: { HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH }, file: {} });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { ...loaded.value, ...overrides };
}
