import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Listens to the API's change events and refetches the open queries that show a changed table.
 * A query opts in with `meta: { tables: ['invoices', 'allocations'] }`; a query without tables is
 * refetched on any change. After a lost connection everything is refetched.
 */
export function useLiveUpdates(enabled: boolean): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events', { withCredentials: true });
    let wasOffline = false;
    source.addEventListener('ready', () => {
      setState('live');
      if (wasOffline) void client.invalidateQueries();
      wasOffline = false;
    });
    source.addEventListener('change', (event) => {
      const { tables } = JSON.parse((event as MessageEvent<string>).data) as { tables: string[] };
      const all = tables.includes('*');
      void client.invalidateQueries({
        predicate: (query) => {
          const wanted = (query.meta as { tables?: readonly string[] } | undefined)?.tables;
          return all || !wanted || wanted.some((t) => tables.includes(t));
        },
      });
    });
    source.onerror = () => {
      wasOffline = true;
      setState('offline');
    };
    return () => source.close();
  }, [client, enabled]);
  return state;
}
