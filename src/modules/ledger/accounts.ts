import type { Tx } from '../../shared/db/index.ts';

const DEFAULT_CHART = [
  { code: '1002', name: 'Bank deposits', name_zh: '银行存款', kind: 'asset' },
  { code: '1122', name: 'Accounts receivable', name_zh: '应收账款', kind: 'asset' },
  { code: '1231', name: 'Bad debt allowance', name_zh: '坏账准备', kind: 'asset' },
  { code: '2203', name: 'Receipts in advance (unapplied cash)', name_zh: '预收账款', kind: 'liability' },
  { code: '2221', name: 'Taxes payable - output VAT', name_zh: '应交税费-销项税额', kind: 'liability' },
  { code: '6001', name: 'Main business revenue', name_zh: '主营业务收入', kind: 'revenue' },
  { code: '6603', name: 'Financial expenses (bank charges, FX)', name_zh: '财务费用', kind: 'expense' },
] as const;

export async function createDefaultAccounts(trx: Tx, orgId: string): Promise<void> {
  await trx
    .insertInto('ledger_accounts')
    .values(DEFAULT_CHART.map((a) => ({ org_id: orgId, ...a })))
    .execute();
}

export type LedgerAccount = { code: string; name: string; nameZh: string; kind: string };

export async function listAccounts(
  trx: Tx | import('../../shared/db/index.ts').Db,
  orgId: string,
): Promise<LedgerAccount[]> {
  const rows = await trx
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, nameZh: r.name_zh, kind: r.kind }));
}
