import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scratch = { dir: string; remove(): void };

/** A PGlite data directory in a new temporary folder, removed afterwards. */
export function freshPglite(name: string): Scratch {
  const root = mkdtempSync(join(tmpdir(), `settle-bench-${name}-`));
  return { dir: join(root, 'data'), remove: () => rmSync(root, { recursive: true, force: true }) };
}
