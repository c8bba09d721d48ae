import type { Command } from 'commander';
import {
  importCustomers,
  listCustomers,
  type TCustomerDto,
  ZListCustomersQuery,
} from '../../modules/customers/index.ts';
import { globalsOf } from '../global-options.ts';
import { printImportResult, readImportFile } from '../import-file.ts';
import { emit, type Io } from '../io.ts';
import { fetchPages, pageFooter } from '../paging.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type ListFlags = {
  q?: string;
  tag?: string;
  salesperson?: string;
  currency?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
};

function printCustomers(io: Io, items: TCustomerDto[]): void {
  for (const line of renderTable<TCustomerDto>(
    [
      { header: 'CODE', value: (c) => c.code },
      { header: 'NAME', value: (c) => c.name },
      { header: 'CUR', value: (c) => c.currency },
      { header: 'TERMS', value: (c) => `${c.payment_terms_days}d`, align: 'right' },
      { header: 'CREDIT LIMIT', value: (c) => c.credit_limit ?? '', align: 'right' },
      { header: 'SALESPERSON', value: (c) => c.salesperson ?? '' },
      { header: 'TAGS', value: (c) => c.tags.join(',') },
    ],
    items,
  )) {
    io.out(line);
  }
}

export function registerCustomers(program: Command, io: Io): void {
  const customers = program.command('customers').description('customer master data');

  customers
    .command('list')
    .description('list customers, sorted by code')
    .option('--q <text>', 'search code, name and legal name')
    .option('--tag <tag>', 'only customers with this tag')
    .option('--salesperson <name>', 'only this salesperson')
    .option('--currency <code>', 'only this currency')
    .option('--sort <key>', 'code, -code, name, -name, created_at, -created_at')
    .option('--limit <n>', 'page size (1-500; default 50, or 500 with --all)')
    .option('--cursor <cursor>', 'continue after a previous page (its next_cursor)')
    .option('--all', 'follow cursors and list every customer')
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<ListFlags>();
      const query = parseInput(ZListCustomersQuery, {
        q: f.q,
        tag: f.tag,
        salesperson: f.salesperson,
        currency: f.currency,
        sort: f.sort,
        limit: f.limit ?? (f.all ? '500' : undefined),
        cursor: f.cursor,
      });
      const page = await withOrg(globalsOf(cmd), (ctx) =>
        fetchPages(f.all === true, (cursor) => listCustomers(ctx, { ...query, cursor }), query.cursor),
      );
      emit(io, page, (p) => {
        printCustomers(io, p.items);
        io.err(pageFooter(p, 'customer(s)'));
      });
    });

  customers
    .command('import')
    .description('import customers from a CSV (UTF-8/GBK) or XLSX file; all rows or none')
    .argument('<file>', 'the CSV or XLSX file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const input = await readImportFile(file);
      const result = await withOrg(globalsOf(cmd), (ctx) => importCustomers(ctx, input));
      printImportResult(io, result);
    });
}
