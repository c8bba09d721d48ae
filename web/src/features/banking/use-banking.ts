import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBankAccountDto,
  TBankImportReport,
  TCreateBankAccountRequest,
} from '../../../../src/modules/banking/banking.schemas.ts';
import type {
  TConfirmMatchRequest,
  TReviewItemDto,
} from '../../../../src/modules/matching/matching.schemas.ts';
import { api, type Page, request } from '../../shared/api/client.ts';

export type ReviewStatus = TReviewItemDto['status'];
export type ReviewItem = TReviewItemDto;
export type Proposal = NonNullable<TReviewItemDto['suggestion']>;
export type ProposalBrief = Omit<Proposal, 'alternatives'>;
export type BankAccount = TBankAccountDto;
export type ImportReport = TBankImportReport;

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['suggested', 'unmatched', 'matched', 'ignored'];

/** Every table whose change can move a bank line between the queues or change what it proposes. */
export const BANK_TABLES = [
  'bank_transactions',
  'bank_match_suggestions',
  'bank_matches',
  'bank_statements',
  'receipts',
  'allocations',
  'invoices',
];

const PAGE_SIZE = 100;

export function useBankAccounts() {
  return useQuery({
    queryKey: ['banking', 'accounts'],
    queryFn: ({ signal }) => api.get<{ items: BankAccount[] }>('/api/bank-accounts', undefined, signal),
    staleTime: 5 * 60_000,
    meta: { tables: ['bank_accounts', 'bank_statements'] },
  });
}

/** One queue of the review screen (oldest booking first), 100 lines a page. */
export function useReviewQueue(status: ReviewStatus) {
  return useInfiniteQuery({
    queryKey: ['banking', 'review', status],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ReviewItem>>('/api/bank/review', { status, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    meta: { tables: BANK_TABLES },
  });
}

function useBankMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['banking'] });
      void client.invalidateQueries({ queryKey: ['receipts'] });
    },
  });
}

export function useConfirmMatch() {
  return useBankMutation(({ id, body }: { id: string; body: Partial<TConfirmMatchRequest> }) =>
    api.post<void>(`/api/bank/transactions/${id}/confirm`, body),
  );
}

export function useDismissLine() {
  return useBankMutation(({ id, action }: { id: string; action: 'reject' | 'ignore' }) =>
    api.post<void>(`/api/bank/transactions/${id}/${action}`, {}),
  );
}

export function useUndoMatch() {
  return useBankMutation(({ id, reason }: { id: string; reason?: string }) =>
    api.post<void>(`/api/bank/transactions/${id}/undo`, reason ? { reason } : {}),
  );
}

export function useRunMatching() {
  return useBankMutation((auto: boolean) =>
    api.post<{ lines: number; matched: number; suggested: number; unmatched: number }>(
      '/api/bank/reconcile',
      {
        auto,
      },
    ),
  );
}

export function useCreateBankAccount() {
  return useBankMutation((body: TCreateBankAccountRequest) =>
    api.post<BankAccount>('/api/bank-accounts', body),
  );
}

/** The statement file itself is the request body (as the invoice import sends its file). */
export function useImportStatement() {
  return useBankMutation(
    ({ file, account, preset }: { file: File; account?: string | undefined; preset?: string | undefined }) =>
      request<ImportReport>('POST', '/api/bank/statements', {
        body: file,
        query: { file: file.name, account, preset },
        headers: { 'content-type': 'application/octet-stream' },
      }),
  );
}
