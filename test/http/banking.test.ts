import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setExchangeRate } from '../../src/modules/ledger/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import type { BusinessDate } from '../../src/shared/time/index.ts';
import { callerWith, customRole } from '../support/auth.ts';
import { seedCustomer, seedIssuedInvoice } from '../support/factories.ts';
import { type ErrorBody, type Harness, openHarness, type Page } from './http-harness.ts';

type Account = {
  id: string;
  name: string;
  currency: string;
  iban: string | null;
  account_number: string | null;
};
type Report = {
  file: string;
  format: string;
  transactions: number;
  duplicates: number;
  matched: number;
  suggested: number;
  unmatched: number;
  accounts: { id: string; resolved_by: string }[];
};
type Line = { id: string; amount: string; status: string; booking_date: string; remittance: string | null };

const IBAN = 'NL91ABNA0417164300';

function camt(entries: { amount: string; cdi: 'CRDT' | 'DBIT'; date: string; text: string; ref: string }[]) {
  let balance = 0n;
  for (const e of entries) {
    const cents = BigInt(e.amount.replace('.', ''));
    balance += e.cdi === 'CRDT' ? cents : -cents;
  }
  const closing = `${balance / 100n}.${String(balance % 100n).padStart(2, '0')}`;
  const bal = (code: string, amount: string, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-03-04T00:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2025-03-04T00:00:00</CreDtTm>
<Acct><Id><IBAN>${IBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${bal('OPBD', '0.00', '2025-03-01')}${bal('CLBD', closing, '2025-03-03')}
${entries
  .map(
    (e) => `<Ntry><Amt Ccy="EUR">${e.amount}</Amt><CdtDbtInd>${e.cdi}</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${e.date}</Dt></BookgDt><ValDt><Dt>${e.date}</Dt></ValDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>
<BkTxCd><Prtry><Cd>NTRF</Cd></Prtry></BkTxCd>
<NtryDtls><TxDtls><RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
  )
  .join('\n')}
</Stmt></BkToCstmrStmt></Document>`;
}

describe.each(openTestDatabases())('banking over HTTP on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  const upload = (query: string, text: string, headers: Record<string, string> = {}) =>
    h.call({
      method: 'POST',
      url: `/api/bank/statements${query}`,
      payload: Buffer.from(text, 'utf8'),
      headers: { 'content-type': 'application/xml', ...headers },
    });

  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('adds and lists bank accounts; validation and duplicates are refused', async () => {
    const created = await h.post<Account>('/api/bank-accounts', {
      name: 'ABN EUR',
      currency: 'eur',
      iban: IBAN,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'ABN EUR',
      currency: 'EUR',
      iban: IBAN,
      account_number: null,
    });
    const dup = await h.post<ErrorBody>('/api/bank-accounts', {
      name: 'Other',
      currency: 'EUR',
      iban: 'nl91 abna 0417 1643 00',
    });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'BANK_ACCOUNT_EXISTS']);
    const bad = await h.post<ErrorBody>('/api/bank-accounts', { name: 'X', currency: 'EURO' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const list = await h.get<{ items: Account[] }>('/api/bank-accounts');
    expect(list.body.items.map((a) => a.name)).toEqual(['ABN EUR']);
  });

  it('needs bank.import to add accounts or import, receipts.read to read', async () => {
    const reader = await callerWith(h.ctx, [await customRole(h.ctx, 'bank_reader', ['receipts.read'])]);
    const nobody = await callerWith(h.ctx, [await customRole(h.ctx, 'bank_nobody', ['invoices.read'])]);
    const as = (caller: typeof reader, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      h.app.inject({
        method,
        url,
        headers: {
          ...caller.headers,
          ...(payload === undefined ? { 'content-type': 'application/xml' } : {}),
        },
        payload: (payload ?? '<x/>') as string,
      });
    expect((await as(reader, 'GET', '/api/bank-accounts')).statusCode).toBe(200);
    expect((await as(reader, 'GET', '/api/bank/transactions')).statusCode).toBe(200);
    expect((await as(nobody, 'GET', '/api/bank-accounts')).statusCode).toBe(403);
    expect((await as(reader, 'POST', '/api/bank-accounts', { name: 'n', currency: 'EUR' })).statusCode).toBe(
      403,
    );
    expect((await as(reader, 'POST', '/api/bank/statements')).statusCode).toBe(403);
  });

  it('imports a camt.053 upload once, lists its lines by status and text, pages by cursor', async () => {
    const xml = camt([
      { amount: '120.00', cdi: 'CRDT', date: '2025-03-01', text: 'Payment INV-A1', ref: 'R1' },
      { amount: '80.50', cdi: 'CRDT', date: '2025-03-02', text: 'Payment INV-A2', ref: 'R2' },
      { amount: '12.50', cdi: 'DBIT', date: '2025-03-02', text: 'Bank fee', ref: 'R3' },
      { amount: '99.99', cdi: 'CRDT', date: '2025-03-03', text: 'Unknown', ref: 'R4' },
    ]);
    const first = await upload('?file=camt.xml&match=false', xml);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      file: 'camt.xml',
      format: 'camt.053',
      transactions: 4,
      duplicates: 0,
      matched: 0,
      suggested: 0,
      unmatched: 3,
      accounts: [expect.objectContaining({ resolved_by: 'identifier' })],
    });
    const again = await upload('?file=camt.xml&match=false', xml);
    expect(again.json()).toMatchObject({ transactions: 0, duplicates: 4, unmatched: 0 });

    const queue = await h.get<Page<Line>>('/api/bank/transactions?status=unmatched');
    expect(queue.body.items.map((l) => [l.booking_date, l.amount])).toEqual([
      ['2025-03-03', '99.99'],
      ['2025-03-02', '80.50'],
      ['2025-03-01', '120.00'],
    ]);
    const found = await h.get<Page<Line>>('/api/bank/transactions?q=inv-a2&account=ABN%20EUR');
    expect(found.body.items.map((l) => l.remittance)).toEqual(['Payment INV-A2']);
    const p1 = await h.get<Page<Line>>('/api/bank/transactions?limit=3&from=2025-03-01&to=2025-03-03');
    expect(p1.body.items).toHaveLength(3);
    const p2 = await h.get<Page<Line>>(
      `/api/bank/transactions?limit=3&from=2025-03-01&to=2025-03-03&cursor=${p1.body.next_cursor}`,
    );
    expect(p2.body.items.map((l) => l.status)).toEqual(['unmatched']);
    expect(p2.body.next_cursor).toBeNull();
    const badStatus = await h.get<ErrorBody>('/api/bank/transactions?status=done');
    expect(badStatus.status).toBe(400);
  });

  it('a malformed statement is rejected whole (422) and an empty body is a 400', async () => {
    const before = (await h.get<Page<Line>>('/api/bank/transactions?limit=500')).body.items.length;
    const xml = camt([{ amount: '1.00', cdi: 'CRDT', date: '2025-03-05', text: 'x', ref: 'R9' }]);
    const cut = await upload('?file=cut.xml', xml.slice(0, xml.indexOf('</Ntry>')));
    expect(cut.statusCode).toBe(422);
    expect((cut.json() as ErrorBody).error.code).toBe('STATEMENT_REJECTED');
    const empty = await upload('?file=e.xml', '');
    expect(empty.statusCode).toBe(400);
    const other = await upload('?file=o.xml&account=nope', xml);
    expect((other.json() as ErrorBody).error.code).toBe('BANK_ACCOUNT_NOT_FOUND');
    expect((await h.get<Page<Line>>('/api/bank/transactions?limit=500')).body.items).toHaveLength(before);
  });

  it('matches the new money-in lines after the import; the counts agree with the lines', async () => {
    await h.ctx.db.transaction().execute((trx) =>
      setExchangeRate(trx, {
        orgId: h.ctx.org.id,
        currency: 'EUR',
        date: '2025-01-01' as BusinessDate,
        rate: '7.8',
      }),
    );
    const customer = await seedCustomer(h.ctx, { currency: 'EUR' });
    const invoice = await seedIssuedInvoice(h.ctx, customer.code, {
      currency: 'EUR',
      amount: '250.00',
      tax_amount: '0',
    });
    const xml = camt([
      { amount: '250.00', cdi: 'CRDT', date: '2025-03-06', text: `Invoice ${invoice.number}`, ref: 'M1' },
      { amount: '3.00', cdi: 'CRDT', date: '2025-03-06', text: 'nothing to see', ref: 'M2' },
    ]);
    const res = await upload('?file=m.xml', xml);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report.transactions).toBe(2);
    expect(report.matched + report.suggested + report.unmatched).toBe(2);
    const lines = (await h.get<Page<Line>>('/api/bank/transactions?from=2025-03-06&to=2025-03-06')).body
      .items;
    const count = (s: string) => lines.filter((l) => l.status === s).length;
    expect([count('matched'), count('suggested'), count('unmatched')]).toEqual([
      report.matched,
      report.suggested,
      report.unmatched,
    ]);
  });
});
