import { sql } from 'kysely';
import { ensureOrg, openApp, orgContext } from '../../src/bootstrap/open-app.ts';
import { matchBankTransactions } from '../../src/modules/matching/index.ts';
import { copyRows, type Database, type DatabaseConfig, newId } from '../../src/shared/db/index.ts';
import { addDays, fixedClock } from '../../src/shared/time/index.ts';
import { AS_OF, type Ledger } from './matching-generate.ts';
import type { Statement } from './matching-lines.ts';
import { freshPglite } from './pglite.ts';
import { dropDatabase, freshDatabase } from './postgres.ts';

/**
 * The database mode: the same ledger and statement seeded into a fresh PGlite or PostgreSQL org by
 * COPY (as the aging benchmark loads its book: one transaction, triggers off, integrity kept by
 * construction), then `matchBankTransactions` with apply on, timed as a whole: loading the open
 * invoices, payers and lines, matching, and writing receipts, applications, write-offs, matches
 * and suggestions. Invoices are seeded with their open amount as their total (no earlier receipts).
 */
export type DbKind = 'pglite' | 'postgres';
export type DbRun = {
  engine: 'PGlite' | 'PostgreSQL';
  seedMs: number;
  matchMs: number;
  /** The error that stopped matchBankTransactions, if it threw. */
  failure: string | null;
  lines: number;
  matched: number;
  suggested: number;
  unmatched: number;
  receipts: number;
  writeOffs: number;
};

const ORG = { name: '对账基准测试有限公司', slug: 'bench-matching', baseCurrency: 'CNY' };
const RATES: Record<string, string> = { USD: '7.1', EUR: '7.8' };

export async function runDb(
  kind: DbKind,
  pgUrl: string,
  ledger: Ledger,
  statement: Statement,
): Promise<DbRun> {
  const scratch = kind === 'pglite' ? freshPglite('matching') : null;
  const pgName = 'settle_bench_matching';
  const config: DatabaseConfig = scratch
    ? { kind: 'pglite', dataDir: scratch.dir }
    : { kind: 'postgres', url: await freshDatabase(pgUrl, pgName) };
  try {
    const app = await openApp(config);
    try {
      const { org } = await ensureOrg(app.database, ORG);
      const t0 = performance.now();
      await seed(app.database, org.id, ledger, statement);
      const seedMs = performance.now() - t0;
      const ctx = await orgContext(app.database, ORG.slug, { actor: 'bench', clock: fixedClock(AS_OF) });
      const t1 = performance.now();
      // A run that throws is a finding to report with what it wrote before, not a reason to lose the others.
      let failure: string | null = null;
      let result = { lines: statement.lines.length, matched: 0, suggested: 0, unmatched: 0 };
      try {
        result = await matchBankTransactions(ctx, { apply: true });
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
      const matchMs = performance.now() - t1;
      const counts = await sql<{ receipts: string | number; write_offs: string | number }>`select
        (select count(*) from receipts where org_id = ${org.id}) as receipts,
        (select count(*) from write_offs where org_id = ${org.id}) as write_offs`.execute(app.database.db);
      return {
        engine: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
        seedMs,
        matchMs,
        failure,
        ...result,
        receipts: Number(counts.rows[0]?.receipts ?? 0),
        writeOffs: Number(counts.rows[0]?.write_offs ?? 0),
      };
    } finally {
      await app.close();
    }
  } finally {
    scratch?.remove();
    if (!scratch) await dropDatabase(pgUrl, pgName);
  }
}

async function seed(database: Database, orgId: string, ledger: Ledger, statement: Statement): Promise<void> {
  const customerIds = ledger.customers.map(() => newId());
  const idOf = new Map(ledger.customers.map((c, i) => [c.id, customerIds[i] as string]));
  const bankAccountId = newId();
  const statementId = newId();
  await database.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    const start = addDays(AS_OF, -365);
    for (const [currency, rate] of Object.entries(RATES))
      await sql`insert into exchange_rates (org_id, currency, rate_date, rate)
        values (${orgId}, ${currency}, ${start}, ${rate})`.execute(trx);
    await copyRows(
      trx,
      'customers',
      ['org_id', 'id', 'code', 'name', 'legal_name', 'currency', 'payment_terms_days'],
      ledger.customers.map((c, i) => [
        orgId,
        customerIds[i],
        c.code,
        c.company.name,
        c.company.name,
        c.company.currency,
        30,
      ]),
    );
    await copyRows(
      trx,
      'invoices',
      [
        'org_id',
        'id',
        'number',
        'customer_id',
        'issue_date',
        'due_date',
        'currency',
        'fx_rate',
        'subtotal_minor',
        'tax_minor',
        'total_minor',
        'base_total_minor',
        'source',
      ],
      (function* () {
        for (const inv of ledger.invoices) {
          const rate = RATES[inv.currency] ?? '1';
          const base = BigInt(Math.round(Number(inv.openMinor) * Number(rate)));
          yield [
            orgId,
            newId(),
            inv.number,
            idOf.get(inv.customerId),
            inv.issueDate,
            inv.dueDate,
            inv.currency,
            rate,
            inv.openMinor,
            0n,
            inv.openMinor,
            base,
            'bench',
          ];
        }
      })(),
    );
    const seen = new Set<string>();
    await copyRows(
      trx,
      'payer_aliases',
      ['org_id', 'id', 'customer_id', 'kind', 'value', 'shown', 'created_by'],
      ledger.payers.flatMap((p) => {
        const rows: (string | undefined)[][] = [];
        for (const [kind, value] of [
          ...p.accounts.map((a) => ['account', a] as const),
          ...p.aliases.map((a) => ['name', a] as const),
        ]) {
          const key = `${kind} ${value}`;
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push([orgId, newId(), idOf.get(p.customerId), kind, value, value, 'bench']);
        }
        return rows;
      }),
    );
    await sql`insert into bank_accounts (org_id, id, name, currency) values (${orgId}, ${bankAccountId}, 'Bench account', 'CNY')`.execute(
      trx,
    );
    await sql`insert into bank_statements (org_id, id, bank_account_id, file_name, file_sha256, file_index, format, transaction_count, imported_by)
      values (${orgId}, ${statementId}, ${bankAccountId}, 'bench.csv', 'bench', 0, 'csv', ${statement.lines.length}, 'bench')`.execute(
      trx,
    );
    await copyRows(
      trx,
      'bank_transactions',
      [
        'org_id',
        'id',
        'bank_account_id',
        'statement_id',
        'dedupe_key',
        'booking_date',
        'amount_minor',
        'currency',
        'counterparty_name',
        'counterparty_account',
        'remittance',
        'end_to_end_id',
        'status',
      ],
      statement.lines.map((l) => [
        orgId,
        newId(),
        bankAccountId,
        statementId,
        l.id,
        l.bookingDate,
        l.amountMinor,
        l.currency,
        l.counterpartyName,
        l.counterpartyAccount,
        l.remittance,
        l.endToEndId,
        'unmatched',
      ]),
    );
  });
  for (const table of ['customers', 'invoices', 'payer_aliases', 'bank_transactions'])
    await sql.raw(`vacuum analyze ${table}`).execute(database.db);
}
