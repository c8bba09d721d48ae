import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { TMeDto } from '../../../../src/modules/auth/auth.schemas.ts';
import { ApiError, api, setUnauthorizedHandler } from '../../shared/api/client.ts';

type Session = {
  me: TMeDto | null;
  isLoading: boolean;
  can(permission: string): boolean;
  refresh(): Promise<unknown>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);
const ME_KEY = ['auth', 'me'];

/** Who is signed in (null: nobody), from GET /api/auth/me; a 401 anywhere signs the app out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<TMeDto>('/api/auth/me');
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    meta: { tables: ['users', 'roles', 'user_roles'] },
  });
  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(ME_KEY, null));
  }, [client]);
  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    client.clear();
    client.setQueryData(ME_KEY, null);
  }, [client]);
  const value = useMemo<Session>(() => {
    const user = me.data ?? null;
    const permissions = new Set(user?.permissions ?? []);
    return {
      me: user,
      isLoading: me.isLoading,
      can: (p) => permissions.has(p),
      refresh: () => me.refetch(),
      signOut,
    };
  }, [me.data, me.isLoading, me.refetch, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
