#!/usr/bin/env node
// `npm run bench -- NAME [options]` runs bench/NAME.ts; without a name it lists the benchmarks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');

/** Each top-level bench/*.ts is a benchmark; its first doc-comment line is its description. */
function listBenchmarks() {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(benchDir, f), 'utf8');
      const summary = /\/\*\*\s*\n?\s*\*?\s*(.+)/.exec(text)?.[1]?.trim() ?? '';
      return { name: f.slice(0, -3), summary };
    });
}

const [name, ...args] = process.argv.slice(2);
const benchmarks = listBenchmarks();
const chosen = benchmarks.find((b) => b.name === name);

if (!chosen) {
  if (name && name !== '--help' && name !== '-h') console.error(`unknown benchmark "${name}"\n`);
  console.log('Usage: npm run bench -- NAME [options] [--write]\n\nBenchmarks:');
  for (const b of benchmarks) console.log(`  ${b.name.padEnd(10)} ${b.summary}`);
  console.log('\nEach prints its options with --help; --write records the results in bench/RESULTS.md.');
  process.exit(name && name !== '--help' && name !== '-h' ? 1 : 0);
}

register();
const mod = await import(pathToFileURL(join(benchDir, `${chosen.name}.ts`)).href);
await mod.main(args);
