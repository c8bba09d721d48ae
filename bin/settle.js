#!/usr/bin/env node
// The `settle` command: TypeScript sources run through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
