import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  buildStatement,
  exportStatement,
  generateStatements,
  type StatementBatch,
  type StatementFormat,
  type StatementLabels,
  statementLabels,
  type TStatementDto,
  type TStatementLine,
  typeLabel,
  ZStatementQuery,
} from '../../modules/reports/statements/index.ts';
import { globalsOf } from '../global-options.ts';
import { emit, type Io } from '../io.ts';
import { withOrg } from '../session.ts';
import { renderTable } from '../table.ts';
import { parseInput, UsageError } from '../usage-error.ts';

type Flags = {
  from?: string;
  to?: string;
  locale?: string;
  pdf?: string;
  xlsx?: string;
  all?: boolean;
  out?: string;
  format: string;
};

const FORMATS: Record<string, StatementFormat[]> = { pdf: ['pdf'], xlsx: ['xlsx'], both: ['pdf', 'xlsx'] };
const ZFormat = z.enum(['pdf', 'xlsx', 'both']);

type Row = {
  date: string;
  type: string;
  number: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
};

function printStatement(io: Io, s: TStatementDto): void {
  const l = statementLabels(s.locale);
  io.out(`${l.title} — ${s.org.name}`);
  io.out(`${l.customer}: ${s.customer.code} ${s.customer.name}`);
  io.out(`${l.period}: ${l.periodText(s.period.from, s.period.to)}`);
  for (const x of s.sections) {
    const summary = (description: string, cells: Partial<Row>): Row => ({
      ...{ date: '', type: '', number: '', debit: '', credit: '', balance: '' },
      description,
      ...cells,
    });
    const rows: Row[] = [
      summary(l.openingBalance, { balance: x.opening_balance }),
      ...x.lines.map((line: TStatementLine) => ({
        ...line,
        type: typeLabel(line.type, line.is_reversal, l),
        debit: line.debit ?? '',
        credit: line.credit ?? '',
      })),
      summary(l.periodTotals, { debit: x.total_debit, credit: x.total_credit }),
      summary(l.closingBalance, { balance: x.closing_balance }),
    ];
    io.out('');
    io.out(`${l.currency}: ${x.currency}`);
    for (const line of renderTable<Row>(columns(l), rows)) io.out(line);
    const a = x.aging;
    const buckets = [a.current, a.days_1_30, a.days_31_60, a.days_61_90, a.over_90];
    io.out('');
    io.out(`${l.aging}: ${l.buckets.map((b, i) => `${b} ${buckets[i]}`).join(' · ')}`);
    io.out(
      `${l.openInvoices} ${a.open_invoices} · ${l.unapplied} ${a.unapplied} · ${l.balanceDue} ${a.balance}`,
    );
  }
}

function columns(l: StatementLabels) {
  const right = 'right' as const;
  return [
    { header: l.date, value: (r: Row) => r.date },
    { header: l.type, value: (r: Row) => r.type },
    { header: l.number, value: (r: Row) => r.number },
    { header: l.description, value: (r: Row) => r.description },
    { header: l.debit, value: (r: Row) => r.debit, align: right },
    { header: l.credit, value: (r: Row) => r.credit, align: right },
    { header: l.balance, value: (r: Row) => r.balance, align: right },
  ];
}

function printBatch(io: Io, b: StatementBatch): void {
  for (const s of b.statements) io.out(`${s.customer.code}  ${s.closing.join(', ')}  ${s.files.join('  ')}`);
  io.out(`${b.statements.length} statement(s) for ${b.period.from} to ${b.period.to} in ${b.out_dir}`);
}

export function registerStatement(program: Command, io: Io): void {
  program
    .command('statement')
    .description("a customer's statement of account (对账单): table, JSON, PDF or xlsx; --all for a batch")
    .argument('[customer]', 'customer code or id')
    .option('--from <date>', 'first day (YYYY-MM-DD; default the first of this month)')
    .option('--to <date>', 'last day (YYYY-MM-DD; default today in the org time zone)')
    .option('--locale <locale>', "labels' language: zh-CN or en (default: the org's)")
    .option(
      '--pdf <file>',
      'write the statement as PDF (needs a CJK font: fonts-noto-cjk or SETTLE_CJK_FONT)',
    )
    .option('--xlsx <file>', 'write the statement as an Excel workbook')
    .option('--all', 'every customer with a balance at the end of the period (with --out)')
    .option('--out <dir>', 'with --all: the folder to write one file per customer and format into')
    .option('--format <format>', 'with --all: pdf, xlsx or both', 'pdf')
    .action(async (customer: string | undefined, _opts: unknown, cmd: Command) => {
      const f = cmd.opts<Flags>();
      const query = parseInput(ZStatementQuery, { from: f.from, to: f.to, locale: f.locale });
      const deps = { fontEnv: process.env };
      if (f.all) {
        if (customer || f.pdf || f.xlsx)
          throw new UsageError('--all takes no customer, --pdf or --xlsx: use --out');
        if (!f.out) throw new UsageError('--all needs --out <dir>');
        const formats = FORMATS[parseInput(ZFormat, f.format, { '': '--format' })] ?? ['pdf'];
        const input = { ...query, outDir: f.out, formats };
        const batch = await withOrg(globalsOf(cmd), (ctx) => generateStatements(ctx, input, deps));
        emit(io, batch, (b) => printBatch(io, b));
        return;
      }
      if (!customer) throw new UsageError('name a customer (code or id), or pass --all --out <dir>');
      if (f.out)
        throw new UsageError('--out is for --all; for one customer use --pdf <file> or --xlsx <file>');
      const targets = [
        ...(f.pdf ? [{ format: 'pdf' as const, path: f.pdf }] : []),
        ...(f.xlsx ? [{ format: 'xlsx' as const, path: f.xlsx }] : []),
      ];
      if (targets.length === 0) {
        const s = await withOrg(globalsOf(cmd), (ctx) => buildStatement(ctx, { ...query, customer }));
        emit(io, s, (x) => printStatement(io, x));
        return;
      }
      const written = await withOrg(globalsOf(cmd), async (ctx) => {
        const files = [];
        for (const t of targets) {
          const file = await exportStatement(ctx, { ...query, customer, format: t.format }, deps);
          await writeFile(t.path, file.bytes);
          files.push({ format: t.format, path: t.path, bytes: file.bytes.length });
        }
        return files;
      });
      emit(io, { customer, files: written }, (w) => {
        for (const file of w.files) io.out(`wrote ${file.path} (${file.format}, ${file.bytes} bytes)`);
      });
    });
}
