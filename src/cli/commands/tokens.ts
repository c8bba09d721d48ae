import type { Command } from 'commander';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type TApiTokenDto,
  ZCreateApiTokenRequest,
} from '../../modules/auth/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';
import { collect } from './users.ts';

function printTokens(io: Io, tokens: TApiTokenDto[]): void {
  const day = (s: string | null) => s?.slice(0, 10) ?? '';
  for (const line of renderTable<TApiTokenDto>(
    [
      { header: 'ID', value: (t) => t.id },
      { header: 'PREFIX', value: (t) => `${t.prefix}…` },
      { header: 'NAME', value: (t) => t.name },
      { header: 'USER', value: (t) => t.user_email },
      {
        header: 'SCOPES',
        value: (t) => (t.scopes.length > 4 ? `${t.scopes.length} permissions` : t.scopes.join(',')),
      },
      { header: 'EXPIRES', value: (t) => day(t.expires_at) },
      { header: 'LAST USED', value: (t) => day(t.last_used_at) },
      { header: 'STATUS', value: (t) => (t.revoked_at ? 'revoked' : 'active') },
    ],
    tokens,
  )) {
    io.out(line);
  }
}

export function registerTokens(program: Command, io: Io): void {
  const tokens = program
    .command('tokens')
    .description('API tokens for scripts (Authorization: Bearer stl_...)');

  tokens
    .command('create')
    .description("create a token acting as a user; printed once. Scopes default to the user's permissions")
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "bank import script"')
    .option('--scope <permission>', 'a permission the token may use (repeat for several)', collect, [])
    .option('--expires <datetime>', 'when it stops working (ISO 8601, e.g. 2026-01-01T00:00:00Z)')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ user: string; name: string; scope: string[]; expires?: string }>();
      const input = parseInput(
        ZCreateApiTokenRequest,
        { name: f.name, scopes: f.scope.length > 0 ? f.scope : undefined, expires_at: f.expires },
        { scopes: '--scope', expires_at: '--expires' },
      );
      const created = await withOrg(globalsOf(cmd), (ctx) => createApiToken(ctx, { ...input, user: f.user }));
      emit(io, created, (c) => {
        io.out(`Token "${c.api_token.name}" for ${c.api_token.user_email} (id ${c.api_token.id}):`);
        io.out(c.token);
        io.err('Shown once: store it now. Send it as `Authorization: Bearer <token>`.');
      });
    });

  tokens
    .command('list')
    .description('every API token of the organisation (never the token itself)')
    .action(async (_opts: unknown, cmd: Command) => {
      const list = await withOrg(globalsOf(cmd), (ctx) => listApiTokens(ctx));
      emit(io, list, (l) => (l.length === 0 ? io.out('No API tokens.') : printTokens(io, l)));
    });

  tokens
    .command('revoke')
    .description('revoke a token at once (see `tokens list` for ids)')
    .argument('<id>', 'the token id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const token = await withOrg(globalsOf(cmd), (ctx) => revokeApiToken(ctx, id));
      emit(io, token, (t) => io.out(`Revoked token "${t.name}" (${t.prefix}…) of ${t.user_email}.`));
    });
}
