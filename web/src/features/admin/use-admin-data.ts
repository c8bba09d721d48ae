import { useQuery } from '@tanstack/react-query';
import type { TRoleDto } from '../../../../src/modules/auth/roles/roles.schemas.ts';
import type { TSecuritySettingsDto } from '../../../../src/modules/auth/settings/settings.schemas.ts';
import type { TUserDto } from '../../../../src/modules/auth/users/users.schemas.ts';
import type { TOrgSettingsDto } from '../../../../src/modules/orgs/orgs.schemas.ts';
import { api } from '../../shared/api/client.ts';
import type { Translate } from '../../shared/i18n/i18n.tsx';

export const ADMIN_KEYS = {
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  security: ['admin', 'security'] as const,
  org: ['admin', 'org'] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: ADMIN_KEYS.users,
    queryFn: ({ signal }) => api.get<TUserDto[]>('/api/users', undefined, signal),
    meta: { tables: ['users', 'roles', 'user_roles'] },
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ADMIN_KEYS.roles,
    queryFn: ({ signal }) => api.get<TRoleDto[]>('/api/roles', undefined, signal),
    meta: { tables: ['roles', 'user_roles'] },
    enabled,
  });
}

export function useSecuritySettings(enabled: boolean) {
  return useQuery({
    queryKey: ADMIN_KEYS.security,
    queryFn: ({ signal }) => api.get<TSecuritySettingsDto>('/api/settings/security', undefined, signal),
    meta: { tables: ['org_security_settings', 'roles'] },
    enabled,
  });
}

export function useOrgSettings() {
  return useQuery({
    queryKey: ADMIN_KEYS.org,
    queryFn: ({ signal }) => api.get<TOrgSettingsDto>('/api/settings/org', undefined, signal),
    meta: { tables: ['orgs'] },
  });
}

const BUILT_IN = new Set(['admin', 'finance_manager', 'ar_clerk', 'collector', 'auditor']);

/** Built-in roles are named in the user's language; a custom role's name is the org's data. */
export function roleName(t: Translate, key: string, roles?: readonly TRoleDto[]): string {
  if (BUILT_IN.has(key)) return t(`admin.role.${key}`);
  return roles?.find((r) => r.key === key)?.name ?? key;
}
