import { contextFor } from '../bootstrap/open-app.ts';
import { createFirstAdmin } from '../modules/auth/index.ts';
import type { Org } from '../modules/orgs/index.ts';
import type { Database } from '../shared/db/index.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@settle.local';

export type FirstAdminDto = {
  created: boolean;
  email: string | null;
  /** Generated and shown once; null when one was given or the org already had users. */
  password: string | null;
  login: string;
};

/** The org's first user (an admin) when it has none yet; how to sign in either way. */
export async function ensureFirstAdmin(
  database: Database,
  org: Org,
  options: { email?: string; password?: string },
): Promise<FirstAdminDto> {
  const ctx = contextFor(database, org);
  const r = await createFirstAdmin(ctx, {
    email: options.email ?? DEFAULT_ADMIN_EMAIL,
    ...(options.password ? { password: options.password } : {}),
  });
  return {
    created: r.created,
    email: r.user?.email ?? null,
    password: r.generatedPassword,
    login: 'POST /api/auth/login {"email": "...", "password": "..."}',
  };
}

/** What a person needs to sign in, for the terminal. */
export function describeFirstAdmin(a: FirstAdminDto, baseUrl = 'http://127.0.0.1:3000'): string[] {
  if (!a.created || !a.email) {
    return [
      'Users exist already: manage them with `settle users` (e.g. `settle users reset-password EMAIL`).',
    ];
  }
  const password = a.password ?? '(the password you gave)';
  return [
    `Created the first user ${a.email} (role admin).`,
    ...(a.password ? [`Password (shown once, change it after signing in): ${a.password}`] : []),
    'Sign in with POST /api/auth/login, e.g.:',
    `  curl -c cookies.txt -H 'content-type: application/json' \\`,
    `       -d '{"email":"${a.email}","password":"${password}"}' ${baseUrl}/api/auth/login`,
    `Scripts use an API token instead: settle tokens create --user ${a.email} --name my-script`,
  ];
}
