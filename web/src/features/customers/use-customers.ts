import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateCustomerRequest,
  TCustomerDto,
  TUpdateCustomerRequest,
} from '../../../../src/modules/customers/customers.schemas.ts';
import type { TInvoiceDto, TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import type {
  TCustomerActivityPage,
  TCustomerOverviewPage,
} from '../../../../src/modules/reports/customer-overview/customer-overview.schemas.ts';
import { api, type Page, type Query } from '../../shared/api/client.ts';

/** Every table whose change moves a customer's balance or record. */
export const BALANCE_TABLES = [
  'invoices',
  'receipts',
  'allocations',
  'credit_notes',
  'write_offs',
  'refunds',
  'reversals',
  'customers',
  'customer_contacts',
  'journal_postings',
] as const;

export type OverviewFilters = {
  q?: string | undefined;
  tag?: string | undefined;
  salesperson?: string | undefined;
  status?: string | undefined;
  risk?: string | undefined;
  sort: string;
  limit: number;
  offset: number;
};

export function useCustomerOverview(filters: OverviewFilters) {
  return useQuery({
    queryKey: ['customers', 'overview', filters],
    queryFn: ({ signal }) =>
      api.get<TCustomerOverviewPage>('/api/reports/customers', filters as unknown as Query, signal),
    meta: { tables: BALANCE_TABLES },
    placeholderData: (previous) => previous,
  });
}

/** One customer's balances, status and risk (the overview's row for it). */
export function useCustomerSummary(id: string) {
  return useQuery({
    queryKey: ['customers', 'summary', id],
    queryFn: async ({ signal }) => {
      const page = await api.get<TCustomerOverviewPage>(
        '/api/reports/customers',
        { customer: id, limit: 1 },
        signal,
      );
      return page.items[0] ?? null;
    },
    meta: { tables: BALANCE_TABLES },
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', 'record', id],
    queryFn: ({ signal }) =>
      api.get<TCustomerDto>(`/api/customers/${encodeURIComponent(id)}`, undefined, signal),
    meta: { tables: ['customers', 'customer_contacts'] },
  });
}

const OPEN_STATUSES = ['overdue', 'partially_paid', 'open'] as const;

/** The customer's open invoices (open, partly paid, overdue), oldest due first. */
export function useOpenInvoices(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'open-invoices', id],
    enabled,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        OPEN_STATUSES.map((status) =>
          api.get<Page<TInvoiceDto>>('/api/invoices', { customer: id, status, limit: 500 }, signal),
        ),
      );
      return pages
        .flatMap((p) => p.items)
        .sort((a, b) => a.due_date.localeCompare(b.due_date) || a.number.localeCompare(b.number));
    },
    meta: { tables: ['invoices', 'allocations', 'write_offs', 'reversals', 'disputes', 'credit_notes'] },
  });
}

export function useCustomerReceipts(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['customers', 'receipts', id],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TReceiptDto>>('/api/receipts', { customer: id, limit: 50, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.next_cursor,
    meta: { tables: ['receipts', 'allocations', 'refunds', 'reversals'] },
  });
}

export function useCustomerActivity(id: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'activity', id],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<TCustomerActivityPage>(
        `/api/customers/${encodeURIComponent(id)}/activity`,
        { limit: 30, before: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.next_before,
    meta: { tables: [...BALANCE_TABLES, 'disputes'] },
  });
}

export function useCreateCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCustomerRequest) => api.post<TCustomerDto>('/api/customers', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customers'] }),
  });
}

export function useUpdateCustomer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCustomerRequest) =>
      api.patch<TCustomerDto>(`/api/customers/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customers'] }),
  });
}
