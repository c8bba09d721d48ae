import type { Command } from 'commander';
import {
  createRole,
  deleteRole,
  listRoles,
  type TRoleDto,
  ZCreateRoleRequest,
} from '../../modules/auth/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';
import { collect } from './users.ts';

function printRoles(io: Io, roles: TRoleDto[]): void {
  for (const line of renderTable<TRoleDto>(
    [
      { header: 'KEY', value: (r) => r.key },
      { header: 'NAME', value: (r) => r.name },
      { header: 'KIND', value: (r) => (r.is_built_in ? 'built-in' : 'custom') },
      { header: 'PERMISSIONS', value: (r) => r.permissions.join(',') },
    ],
    roles,
  )) {
    io.out(line);
  }
}

export function registerRoles(program: Command, io: Io): void {
  const roles = program
    .command('roles')
    .description('roles: the built-in ones and custom ones built from permissions');

  roles
    .command('list')
    .description('every role and its permissions')
    .action(async (_opts: unknown, cmd: Command) => {
      const list = await withOrg(globalsOf(cmd), (ctx) => listRoles(ctx));
      emit(io, list, (l) => printRoles(io, l));
    });

  roles
    .command('create')
    .description('create a custom role from named permissions')
    .argument('<key>', 'its key, e.g. credit_controller')
    .requiredOption('--name <name>', 'its name for people')
    .requiredOption('--permission <permission>', 'a permission it grants (repeat for several)', collect, [])
    .action(async (key: string, _opts: unknown, cmd: Command) => {
      const f = cmd.opts<{ name: string; permission: string[] }>();
      const input = parseInput(
        ZCreateRoleRequest,
        { key, name: f.name, permissions: f.permission },
        {
          key: '<key>',
          permissions: '--permission',
        },
      );
      const role = await withOrg(globalsOf(cmd), (ctx) => createRole(ctx, input));
      emit(io, role, (r) => io.out(`Created role ${r.key} (${r.permissions.join(', ')}).`));
    });

  roles
    .command('delete')
    .description('delete a custom role that no user holds')
    .argument('<key>', 'the role')
    .action(async (key: string, _opts: unknown, cmd: Command) => {
      await withOrg(globalsOf(cmd), (ctx) => deleteRole(ctx, key));
      emit(io, { deleted: key }, () => io.out(`Deleted role ${key}.`));
    });
}
