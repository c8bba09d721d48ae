import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TCustomerDto } from '../../../../src/modules/customers/customers.schemas.ts';
import type { TInvoiceDto, TReceiptDto } from '../../../../src/modules/receivables/receivables.dto.ts';
import { api, type Page } from '../../shared/api/client.ts';

export type ReceiptFilters = {
  from?: string | undefined;
  to?: string | undefined;
  customer?: string | undefined;
  q?: string | undefined;
  unapplied?: boolean | undefined;
};

const RECEIPT_TABLES = ['receipts', 'allocations', 'refunds', 'reversals', 'customers'];

/** Receipts, newest first, a page of 50 at a time. */
export function useReceiptList(filters: ReceiptFilters) {
  return useInfiniteQuery({
    queryKey: ['receipts', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TReceiptDto>>(
        '/api/receipts',
        {
          from: filters.from,
          to: filters.to,
          customer: filters.customer,
          q: filters.q,
          unapplied: filters.unapplied ? 'true' : undefined,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    meta: { tables: RECEIPT_TABLES },
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: ['receipts', 'detail', id],
    queryFn: ({ signal }) =>
      api.get<TReceiptDto>(`/api/receipts/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    meta: { tables: [...RECEIPT_TABLES, 'invoices'] },
  });
}

export function useCustomer(idOrCode: string | undefined) {
  return useQuery({
    queryKey: ['receipts', 'customer', idOrCode],
    queryFn: ({ signal }) =>
      api.get<TCustomerDto>(`/api/customers/${encodeURIComponent(idOrCode ?? '')}`, undefined, signal),
    enabled: Boolean(idOrCode),
    staleTime: 5 * 60_000,
    meta: { tables: ['customers'] },
  });
}

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: ['receipts', 'customer-search', q],
    queryFn: ({ signal }) =>
      api.get<Page<TCustomerDto>>('/api/customers', { q: q || undefined, limit: 20, sort: 'name' }, signal),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
    meta: { tables: ['customers'] },
  });
}

/** Statuses of an invoice with something left to pay. */
const OPEN_STATUSES = ['open', 'partially_paid', 'overdue'] as const;

/**
 * A customer's open invoices in one currency (the API filters one status at a time, so the three
 * open statuses are asked for side by side), optionally only those issued by a date.
 */
export function useOpenInvoices(
  customer: string | undefined,
  currency: string | undefined,
  issuedTo?: string,
) {
  return useQuery({
    queryKey: ['receipts', 'open-invoices', customer, currency, issuedTo],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        OPEN_STATUSES.map((status) =>
          api.get<Page<TInvoiceDto>>(
            '/api/invoices',
            { customer, currency, status, issued_to: issuedTo, limit: 500 },
            signal,
          ),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
    enabled: Boolean(customer && currency),
    meta: { tables: ['invoices', 'allocations', 'write_offs', 'reversals', 'credit_notes', 'disputes'] },
  });
}

/**
 * The org's base currency. The receipt DTO does not carry it; every invoice does, so one invoice
 * of any kind tells (undefined while unknown or when the user cannot read invoices).
 */
export function useBaseCurrency(): string | undefined {
  const q = useQuery({
    queryKey: ['receipts', 'base-currency'],
    queryFn: ({ signal }) => api.get<Page<TInvoiceDto>>('/api/invoices', { limit: 1 }, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    meta: { tables: ['orgs'] },
  });
  return q.data?.items[0]?.base_currency;
}
