import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared sample data (`../shared/data` beside the repository). A clean clone made elsewhere
 * finds it through SETTLE_SHARED_DATA, which `.ci/run` sets from the clone's origin; absent on a
 * user's fresh clone, where the tests that need it skip with a visible message.
 */
export function sharedDataDir(): string {
  const fromEnv = process.env.SETTLE_SHARED_DATA;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return fileURLToPath(new URL('../../../shared/data/', import.meta.url));
}

export function sharedDataFile(...parts: string[]): string {
  return join(sharedDataDir(), ...parts);
}
