// The users, tokens and roles commands in-process, on a PGlite folder of their own.
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRoles } from '../src/cli/commands/roles.ts';
import { registerTokens } from '../src/cli/commands/tokens.ts';
import { registerUsers } from '../src/cli/commands/users.ts';
import type { Io } from '../src/cli/io.ts';
import { authenticateApiToken } from '../src/modules/auth/index.ts';
import { createOrg } from '../src/modules/orgs/index.ts';
import { openDatabase } from '../src/shared/db/index.ts';
import { codeOf } from './auth.fixtures.ts';
import { freshDataDir } from './cli/run-settle.ts';

type Output = { out: string[]; json: unknown[] };

describe('settle users / tokens / roles', { timeout: 120_000 }, () => {
  const data = freshDataDir();
  beforeAll(async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: data.dir });
    await createOrg(database.db, { name: 'Cli Org', baseCurrency: 'CNY' });
    await database.close();
  });
  afterAll(() => data.remove());

  async function run(...args: string[]): Promise<Output> {
    const output: Output = { out: [], json: [] };
    const isJson = args.includes('--json');
    const io: Io = {
      isJson,
      out: (t) => output.out.push(t),
      err: () => {},
      json: (v) => output.json.push(v),
    };
    const program = new Command('settle').option('--data-dir <dir>').option('--org <slug>').option('--json');
    program.exitOverride();
    registerUsers(program, io);
    registerTokens(program, io);
    registerRoles(program, io);
    await program.parseAsync([...args, '--data-dir', data.dir], { from: 'user' });
    return output;
  }

  it('adds a user with a generated password shown once, lists, disables and enables them', async () => {
    const added = await run(
      'users',
      'add',
      'Ops@Example.com',
      '--role',
      'admin',
      '--role',
      'auditor',
      '--name',
      'Ops',
    );
    expect(added.out[0]).toBe('Added ops@example.com (roles: admin, auditor).');
    expect(added.out[1]).toMatch(/^Password \(shown once, store it safely\): \S{23}$/);
    await run('users', 'add', 'clerk@example.com', '--role', 'ar_clerk');
    const list = (await run('users', 'list', '--json')).json[0] as { email: string; roles: string[] }[];
    expect(list.map((u) => [u.email, u.roles])).toEqual([
      ['clerk@example.com', ['ar_clerk']],
      ['ops@example.com', ['admin', 'auditor']],
    ]);
    expect((await run('users', 'disable', 'clerk@example.com')).out).toEqual([
      'Disabled clerk@example.com (disabled; roles: ar_clerk).',
    ]);
    expect((await run('users', 'enable', 'clerk@example.com')).out[0]).toMatch(
      /^Enabled clerk@example.com \(active/,
    );
    expect((await run('users', 'unlock', 'clerk@example.com')).out[0]).toMatch(/^Unlocked/);
    expect((await run('users', 'roles', 'clerk@example.com', '--role', 'collector')).out[0]).toMatch(
      /roles: collector/,
    );
    const reset = await run('users', 'reset-password', 'clerk@example.com');
    expect(reset.out[1]).toMatch(/^Password \(shown once/);
    expect(await codeOf(run('users', 'disable', 'nobody@example.com'))).toBe('USER_NOT_FOUND');
    expect(await codeOf(run('users', 'add', 'x@example.com', '--role', 'Bad Role'))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('creates, lists and revokes API tokens', async () => {
    const created = (
      await run(
        'tokens',
        'create',
        '--user',
        'ops@example.com',
        '--name',
        'ci',
        '--scope',
        'audit.read',
        '--json',
      )
    ).json[0] as { token: string; api_token: { id: string; scopes: string[] } };
    expect(created.token).toMatch(/^stl_/);
    expect(created.api_token.scopes).toEqual(['audit.read']);
    const listed = await run('tokens', 'list');
    expect(listed.out.join('\n')).toContain('ci');
    expect(listed.out.join('\n')).not.toContain(created.token);
    expect((await run('tokens', 'revoke', created.api_token.id)).out[0]).toMatch(/^Revoked token "ci"/);
    const database = await openDatabase({ kind: 'pglite', dataDir: data.dir });
    try {
      expect(await authenticateApiToken(database.db, created.token, new Date())).toBeNull();
    } finally {
      await database.close();
    }
  });

  it('custom roles from the catalogue only', async () => {
    expect(
      await codeOf(run('roles', 'create', 'viewer', '--name', 'Viewer', '--permission', 'nope.read')),
    ).toBe('VALIDATION_FAILED');
    const created = await run(
      'roles',
      'create',
      'viewer',
      '--name',
      'Viewer',
      '--permission',
      'reports.read',
    );
    expect(created.out[0]).toBe('Created role viewer (reports.read).');
    expect((await run('roles', 'list')).out.join('\n')).toMatch(/viewer\s+Viewer\s+custom\s+reports\.read/);
    expect((await run('roles', 'delete', 'viewer')).out[0]).toBe('Deleted role viewer.');
  });
});
