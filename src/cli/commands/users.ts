import type { Command } from 'commander';
import {
  assignRoles,
  createUser,
  disableMfa,
  disableUser,
  enableUser,
  listUsers,
  resetPassword,
  type TUserDto,
  type TUserWithPasswordDto,
  unlockUser,
  ZCreateUserRequest,
  ZRoleKey,
} from '../../modules/auth/index.ts';
import type { Ctx } from '../../shared/context/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The password from standard input (a pipe, or typed and ended with Ctrl-D), without its final newline. */
export async function readStdinSecret(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function printUsers(io: Io, users: TUserDto[]): void {
  for (const line of renderTable<TUserDto>(
    [
      { header: 'EMAIL', value: (u) => u.email },
      { header: 'NAME', value: (u) => u.display_name },
      { header: 'ROLES', value: (u) => u.roles.join(',') },
      { header: 'STATUS', value: (u) => (u.is_locked ? `${u.status} (locked)` : u.status) },
      { header: 'MFA', value: (u) => (u.mfa_enabled ? 'on' : 'off') },
      { header: 'SALESPERSON', value: (u) => u.salesperson ?? '' },
      { header: 'LAST LOGIN', value: (u) => u.last_login_at?.slice(0, 16).replace('T', ' ') ?? '' },
    ],
    users,
  )) {
    io.out(line);
  }
}

/** A generated password is printed once, here, and stored nowhere but as its hash. */
function printWithPassword(io: Io, what: string, r: TUserWithPasswordDto): void {
  io.out(`${what} ${r.user.email} (roles: ${r.user.roles.join(', ') || 'none'}).`);
  if (r.generated_password) {
    io.out(`Password (shown once, store it safely): ${r.generated_password}`);
    io.err('They sign in with POST /api/auth/login and can change it with POST /api/auth/password.');
  }
}

function printUser(io: Io, what: string) {
  return (u: TUserDto) => io.out(`${what} ${u.email} (${u.status}; roles: ${u.roles.join(', ') || 'none'}).`);
}

export function registerUsers(program: Command, io: Io): void {
  const users = program
    .command('users')
    .description('users who sign in to the API (the CLI itself needs no sign-in: it is the local operator)');

  users
    .command('add')
    .description('add a user; without --password-stdin a strong password is generated and printed once')
    .argument('<email>', 'their email, which is also their sign-in name')
    .requiredOption(
      '--role <role>',
      'a role (repeat for several): admin, finance_manager, ar_clerk, collector, auditor or a custom one',
      collect,
      [],
    )
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--salesperson <name>', 'the salesperson name their customers carry (for collectors)')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ role: string[]; name?: string; salesperson?: string; passwordStdin?: boolean }>();
      const input = parseInput(
        ZCreateUserRequest,
        {
          email,
          roles: f.role,
          display_name: f.name,
          salesperson: f.salesperson,
          password: f.passwordStdin ? await readStdinSecret() : undefined,
        },
        { roles: '--role', display_name: '--name', password: '--password-stdin' },
      );
      const result = await withOrg(globalsOf(cmd), (ctx) => createUser(ctx, input));
      emit(io, result, (r) => printWithPassword(io, 'Added', r));
    });

  users
    .command('list')
    .description('every user, with roles, status and MFA')
    .action(async (_opts: unknown, cmd: Command) => {
      const list = await withOrg(globalsOf(cmd), (ctx) => listUsers(ctx));
      emit(io, list, (l) =>
        l.length === 0 ? io.out('No users yet: settle users add EMAIL --role admin') : printUsers(io, l),
      );
    });

  const onOneUser = (
    name: string,
    description: string,
    what: string,
    run: (ctx: Ctx, email: string) => Promise<TUserDto>,
  ) =>
    users
      .command(name)
      .description(description)
      .argument('<email>', 'the user')
      .action(async (email: string, _opts: unknown, cmd: Command) => {
        const user = await withOrg(globalsOf(cmd), (ctx) => run(ctx, email));
        emit(io, user, printUser(io, what));
      });
  onOneUser(
    'disable',
    'stop a user signing in (sessions end, API tokens stop working)',
    'Disabled',
    disableUser,
  );
  onOneUser('enable', 'let a disabled user sign in again', 'Enabled', enableUser);
  onOneUser('unlock', 'lift a lockout after too many failed sign-ins', 'Unlocked', unlockUser);
  onOneUser(
    'disable-mfa',
    'turn off MFA for a user who lost their authenticator',
    'MFA off for',
    (ctx, email) => disableMfa(ctx, email, { byAdmin: true }),
  );

  users
    .command('reset-password')
    .description('set a new password (or have one generated and printed once); their sessions end')
    .argument('<email>', 'the user')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ passwordStdin?: boolean }>();
      const password = f.passwordStdin ? await readStdinSecret() : undefined;
      const result = await withOrg(globalsOf(cmd), (ctx) =>
        resetPassword(ctx, email, password === undefined ? {} : { password }),
      );
      emit(io, result, (r) => printWithPassword(io, 'New password for', r));
    });

  users
    .command('roles')
    .description("replace a user's roles")
    .argument('<email>', 'the user')
    .requiredOption('--role <role>', 'a role (repeat for several)', collect, [])
    .action(async (email: string, _opts: unknown, cmd: Command) => {
      const roles = cmd.opts<{ role: string[] }>().role.map((r) => parseInput(ZRoleKey, r, { '': '--role' }));
      const user = await withOrg(globalsOf(cmd), (ctx) => assignRoles(ctx, email, roles));
      emit(io, user, printUser(io, 'Roles set for'));
    });
}
