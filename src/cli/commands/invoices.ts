import type { Command } from 'commander';
import {
  importInvoices,
  listInvoices,
  type TInvoiceDto,
  ZListInvoicesQuery,
} from '../../modules/receivables/index.ts';
import { globalsOf } from '../global-options.ts';
import { printImportResult, readImportFile } from '../import-file.ts';
import { emit, type Io } from '../io.ts';
import { fetchPages, pageFooter } from '../paging.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type ListFlags = {
  customer?: string;
  status?: string;
  currency?: string;
  q?: string;
  issuedFrom?: string;
  issuedTo?: string;
  asOf?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
};

function printInvoices(io: Io, items: TInvoiceDto[]): void {
  for (const line of renderTable<TInvoiceDto>(
    [
      { header: 'NUMBER', value: (i) => i.number },
      { header: 'CUSTOMER', value: (i) => i.customer.code },
      { header: 'ISSUED', value: (i) => i.issue_date },
      { header: 'DUE', value: (i) => i.due_date },
      { header: 'CUR', value: (i) => i.currency },
      { header: 'TOTAL', value: (i) => i.total, align: 'right' },
      { header: 'OPEN', value: (i) => i.open_amount, align: 'right' },
      { header: 'STATUS', value: (i) => (i.is_disputed ? `${i.status} (disputed)` : i.status) },
      { header: 'OVERDUE', value: (i) => (i.days_overdue > 0 ? `${i.days_overdue}d` : ''), align: 'right' },
    ],
    items,
  )) {
    io.out(line);
  }
}

export function registerInvoices(program: Command, io: Io): void {
  const invoices = program.command('invoices').description('customer invoices');

  invoices
    .command('list')
    .description('list invoices with their status and open amount as of a date (default today)')
    .option('--customer <code>', 'only this customer (code or id)')
    .option('--status <status>', 'open, partially_paid, paid, overdue, written_off or void')
    .option('--currency <code>', 'only this currency')
    .option('--q <text>', 'search invoice numbers')
    .option('--issued-from <date>', 'issued on or after (YYYY-MM-DD)')
    .option('--issued-to <date>', 'issued on or before (YYYY-MM-DD)')
    .option('--as-of <date>', 'status and open amounts as of this date (YYYY-MM-DD)')
    .option('--sort <key>', 'created, -created (default), number, -number')
    .option('--limit <n>', 'page size (1-500; default 50, or 500 with --all)')
    .option('--cursor <cursor>', 'continue after a previous page (its next_cursor)')
    .option('--all', 'follow cursors and list every invoice')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<ListFlags>();
      const query = parseInput(ZListInvoicesQuery, {
        customer: f.customer,
        status: f.status,
        currency: f.currency,
        q: f.q,
        issued_from: f.issuedFrom,
        issued_to: f.issuedTo,
        as_of: f.asOf,
        sort: f.sort,
        limit: f.limit ?? (f.all ? '500' : undefined),
        cursor: f.cursor,
      });
      const page = await withOrg(globalsOf(cmd), (ctx) =>
        fetchPages(f.all === true, (cursor) => listInvoices(ctx, { ...query, cursor }), query.cursor),
      );
      emit(io, page, (p) => {
        printInvoices(io, p.items);
        io.err(pageFooter(p, 'invoice(s)'));
      });
    });

  invoices
    .command('import')
    .description('import invoices from a CSV (UTF-8/GBK) or XLSX file; all rows or none')
    .argument('<file>', 'the CSV or XLSX file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const input = await readImportFile(file);
      const result = await withOrg(globalsOf(cmd), (ctx) => importInvoices(ctx, input));
      printImportResult(io, result);
    });
}
