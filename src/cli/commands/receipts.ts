import type { Command } from 'commander';
import { recordReceipt, type TReceiptDto, ZRecordReceiptRequest } from '../../modules/receivables/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput } from '../usage-error.ts';

type RecordFlags = {
  customer: string;
  amount: string;
  date: string;
  currency?: string;
  fxRate?: string;
  reference?: string;
  method?: string;
  memo?: string;
  apply: string[];
};

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `--apply INV-1:100.00,INV-2` (repeatable): an invoice with an amount takes that much, one without
 * takes as much as is open. The amount follows the last colon, so invoice numbers may contain colons.
 */
export function parseApplications(values: readonly string[]): Array<{ invoice: string; amount?: string }> {
  return values
    .flatMap((v) => v.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const colon = item.lastIndexOf(':');
      if (colon <= 0) return { invoice: item };
      return { invoice: item.slice(0, colon), amount: item.slice(colon + 1) };
    });
}

function printReceipt(io: Io, r: TReceiptDto, baseCurrency: string): void {
  io.out(`Receipt ${r.number}  ${r.date}  ${r.customer.code} ${r.customer.name}`);
  io.out(`  amount     ${r.amount} ${r.currency}${r.reference ? `  (reference ${r.reference})` : ''}`);
  io.out(`  applied    ${r.applied}`);
  io.out(`  unapplied  ${r.unapplied}`);
  if (r.currency !== baseCurrency) io.out(`  base       ${r.base_amount} ${baseCurrency} at ${r.fx_rate}`);
  if (r.allocations.length === 0) return;
  io.out('');
  for (const line of renderTable(
    [
      { header: 'INVOICE', value: (a: TReceiptDto['allocations'][number]) => a.invoice_number },
      { header: 'APPLIED', value: (a) => a.amount, align: 'right' },
      { header: 'DATE', value: (a) => a.date },
    ],
    r.allocations,
  )) {
    io.out(`  ${line}`);
  }
}

export function registerReceipts(program: Command, io: Io): void {
  const receipts = program.command('receipts').description('customer payments received');

  receipts
    .command('record')
    .description('record a receipt and optionally apply it to invoices, all in one transaction')
    .requiredOption('--customer <code>', 'the paying customer (code or id)')
    .requiredOption('--amount <amount>', 'amount received in major units, e.g. 100.00')
    .requiredOption('--date <date>', 'date received (YYYY-MM-DD)')
    .option('--currency <code>', "currency received (default: the customer's)")
    .option('--fx-rate <rate>', 'rate to the base currency (default: the rate table)')
    .option('--reference <text>', 'bank reference')
    .option('--method <method>', 'bank_transfer (default), cash, cheque, card, draft, other')
    .option('--memo <text>', 'a note')
    .option(
      '--apply <INV[:AMOUNT],...>',
      'apply to these invoices; without an amount an invoice takes as much as is open (repeatable)',
      collect,
      [],
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const f = cmd.opts<RecordFlags>();
      const applications = parseApplications(f.apply);
      const input = parseInput(
        ZRecordReceiptRequest,
        {
          customer: f.customer,
          date: f.date,
          amount: f.amount,
          currency: f.currency,
          fx_rate: f.fxRate,
          reference: f.reference,
          method: f.method,
          memo: f.memo,
          applications: applications.length > 0 ? applications : undefined,
        },
        { applications: '--apply' },
      );
      const { receipt, baseCurrency } = await withOrg(globalsOf(cmd), async (ctx) => ({
        receipt: await recordReceipt(ctx, input),
        baseCurrency: ctx.org.baseCurrency,
      }));
      emit(io, receipt, (r) => printReceipt(io, r, baseCurrency));
    });
}
