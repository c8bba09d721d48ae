import type { LedgerModel } from './ledger-model.ts';
import type { PostingRow } from './ledger-rows.ts';

const AR = '1122';
const BANK = '1002';
const UNAPPLIED = '2203';
const REVENUE = '6001';
const VAT = '2221';
const ALLOWANCE = '1231';
const CHARGES = '6603';

type Net = Map<string, { doc: bigint; base: bigint }>;
type Expected = {
  kind: string;
  date: string;
  customerId: string;
  currency: string;
  reverses: string | null;
  check: (net: Net, rows: PostingRow[]) => string | null;
};

function fail(message: string): never {
  throw new Error(message);
}

/** Debit minus credit per account over an entry's transfers, in document and base currency. */
function netOf(rows: readonly PostingRow[]): Net {
  const net: Net = new Map();
  const add = (account: string, doc: bigint, base: bigint) => {
    const n = net.get(account) ?? { doc: 0n, base: 0n };
    net.set(account, { doc: n.doc + doc, base: n.base + base });
  };
  for (const p of rows) {
    add(p.debit, p.amountMinor, p.baseAmountMinor);
    add(p.credit, -p.amountMinor, -p.baseAmountMinor);
  }
  return net;
}

/** The entry's net on each account, document currency, must be exactly `want` (others zero). */
function docNets(net: Net, want: Record<string, bigint>): string | null {
  for (const account of new Set([...net.keys(), ...Object.keys(want)])) {
    const got = net.get(account)?.doc ?? 0n;
    if (got !== (want[account] ?? 0n))
      return `account ${account} nets ${got}, expected ${want[account] ?? 0n}`;
  }
  return null;
}

function baseNet(net: Net, account: string): bigint {
  return net.get(account)?.base ?? 0n;
}

/**
 * 2. Every entry balances, no posting is negative, and the journal is exactly the image of the
 * documents (so the balances of (3), which the product reads from postings, can be compared with
 * the documents): one entry per invoice, credit note, receipt, receipt application, write-off,
 * refund and reversal, with the amounts of its document and on the accounts of the posting rules.
 */
export function checkJournal(m: LedgerModel, baseCurrency: string): void {
  const entries = new Map<string, PostingRow[]>();
  for (const p of m.rows.postings) {
    if (p.amountMinor < 0n || p.baseAmountMinor < 0n) fail(`entry ${p.entryId} line ${p.lineNo} is negative`);
    if (p.amountMinor === 0n && p.baseAmountMinor === 0n) fail(`entry ${p.entryId} line ${p.lineNo} is zero`);
    if (p.debit === p.credit) fail(`entry ${p.entryId} line ${p.lineNo} debits and credits ${p.debit}`);
    // 5. In the org's base currency the base amount is the amount.
    if (p.currency === baseCurrency && p.baseAmountMinor !== p.amountMinor)
      fail(
        `entry ${p.entryId} line ${p.lineNo} in ${p.currency}: base ${p.baseAmountMinor} != ${p.amountMinor}`,
      );
    entries.set(p.entryId, [...(entries.get(p.entryId) ?? []), p]);
  }
  for (const [id, rows] of entries) {
    let debit = { doc: 0n, base: 0n };
    let credit = { doc: 0n, base: 0n };
    for (const p of rows) {
      debit = { doc: debit.doc + p.amountMinor, base: debit.base + p.baseAmountMinor };
      credit = { doc: credit.doc + p.amountMinor, base: credit.base + p.baseAmountMinor };
    }
    if (debit.doc !== credit.doc || debit.base !== credit.base) fail(`entry ${id} does not balance`);
  }
  const expected = expectedEntries(m, entries);
  for (const [id, rows] of entries) {
    const e = expected.get(id);
    if (!e) fail(`entry ${id} (${rows[0]?.kind}) belongs to no document`);
    for (const p of rows) {
      const head = [p.kind, p.date, p.customerId, p.currency, p.reversesEntryId];
      const want = [e.kind, e.date, e.customerId, e.currency, e.reverses];
      if (head.join('|') !== want.join('|'))
        fail(`entry ${id} line ${p.lineNo} is ${head}, expected ${want}`);
    }
    const problem = e.check(netOf(rows), rows);
    if (problem) fail(`entry ${id} (${e.kind} of ${e.date}): ${problem}`);
  }
  for (const [id, e] of expected) {
    if (!entries.has(id)) fail(`the ${e.kind} ${id} of ${e.date} has no journal entry`);
  }
}

function expectedEntries(m: LedgerModel, entries: Map<string, PostingRow[]>): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const head = (kind: string, date: string, customerId: string, currency: string) => ({
    kind,
    date,
    customerId,
    currency,
    reverses: null,
  });
  for (const i of m.rows.invoices) {
    out.set(i.id, {
      ...head('invoice', i.issueDate, i.customerId, i.currency),
      check: (net) =>
        docNets(net, { [AR]: i.totalMinor, [REVENUE]: -i.subtotalMinor, [VAT]: -i.taxMinor }) ??
        (baseNet(net, AR) === i.baseTotalMinor ? null : `AR base ${baseNet(net, AR)} != ${i.baseTotalMinor}`),
    });
  }
  for (const n of m.rows.creditNotes) {
    out.set(n.id, {
      ...head('credit_note', n.date, n.customerId, n.currency),
      check: (net) =>
        docNets(net, { [AR]: -n.totalMinor, [REVENUE]: n.subtotalMinor, [VAT]: n.taxMinor }) ??
        (baseNet(net, AR) === -n.baseTotalMinor
          ? null
          : `AR base ${baseNet(net, AR)} != -${n.baseTotalMinor}`),
    });
  }
  for (const r of m.rows.receipts) {
    out.set(r.id, {
      ...head('receipt', r.date, r.customerId, r.currency),
      check: (net) =>
        docNets(net, { [BANK]: r.amountMinor, [UNAPPLIED]: -r.amountMinor }) ??
        (baseNet(net, BANK) === r.baseAmountMinor
          ? null
          : `bank base ${baseNet(net, BANK)} != ${r.baseAmountMinor}`),
    });
  }
  // A credit note credited AR when issued: applying it only links documents and posts nothing.
  for (const a of m.rows.allocations.filter((x) => x.receiptId !== null)) {
    out.set(a.id, {
      ...head('allocation', a.date, a.customerId, a.currency),
      check: (net) => docNets(net, { [UNAPPLIED]: a.amountMinor, [AR]: -a.amountMinor }),
    });
  }
  for (const w of m.rows.writeOffs) {
    const account = w.kind === 'bad_debt' ? ALLOWANCE : CHARGES;
    out.set(w.id, {
      ...head('write_off', w.date, w.customerId, w.currency),
      check: (net) =>
        w.accountCode === account
          ? docNets(net, { [account]: w.amountMinor, [AR]: -w.amountMinor })
          : `a ${w.kind} write-off goes to ${w.accountCode}`,
    });
  }
  for (const f of m.rows.refunds) {
    out.set(f.id, {
      ...head('refund', f.date, f.customerId, f.currency),
      check: (net) => docNets(net, { [UNAPPLIED]: f.amountMinor, [BANK]: -f.amountMinor }),
    });
  }
  // A reversal posts the mirror of the original entry, line by line, on its own date.
  for (const v of m.rows.reversals) {
    const original = entries.get(v.targetId);
    const target = out.get(v.targetId);
    if (!original || !target) continue; // nothing was posted, so nothing to mirror
    out.set(v.id, {
      kind: 'reversal',
      date: v.date,
      customerId: target.customerId,
      currency: target.currency,
      reverses: v.targetId,
      check: (_net, rows) => {
        if (rows.length !== original.length) return `${rows.length} lines mirror ${original.length}`;
        const bad = rows.find((p, k) => {
          const o = original[k];
          return (
            !o ||
            p.debit !== o.credit ||
            p.credit !== o.debit ||
            p.amountMinor !== o.amountMinor ||
            p.baseAmountMinor !== o.baseAmountMinor
          );
        });
        return bad ? `line ${bad.lineNo} is not the mirror of the original's` : null;
      },
    });
  }
  return out;
}
