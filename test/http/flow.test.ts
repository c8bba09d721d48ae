import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCustomerDto } from '../../src/modules/customers/index.ts';
import type {
  TAllocationDto,
  TBalanceDto,
  TCreditNoteDto,
  TInvoiceDetailDto,
  TReceiptDto,
} from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { type ErrorBody, type Harness, openHarness, TODAY } from './http-harness.ts';

const DECIMAL = /^-?\d+\.\d{2}$/;

describe.each(openTestDatabases())('HTTP flows on $name', ({ open }) => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await open();
    h = await openHarness(database);
  });
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('customer -> invoice -> receipt applied -> balance, amounts as decimal strings', async () => {
    const c = await h.post<TCustomerDto>('/api/customers', {
      code: 'FLOW1',
      name: '上海流程有限公司',
      payment_terms_days: 30,
      credit_limit: '50000.00',
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ code: 'FLOW1', currency: 'CNY', credit_limit: '50000.00' });

    const inv = await h.post<TInvoiceDetailDto>('/api/invoices', {
      customer: 'FLOW1',
      number: 'INV-FLOW-1',
      issue_date: '2025-01-10',
      lines: [{ description: 'Consulting', quantity: '2', unit_price: '500.00', tax_rate: '0.13' }],
    });
    expect(inv.status).toBe(201);
    expect([inv.body.total, inv.body.tax, inv.body.open_amount, inv.body.due_date]).toEqual([
      '1130.00',
      '130.00',
      '1130.00',
      '2025-02-09',
    ]);
    for (const v of [inv.body.subtotal, inv.body.total, inv.body.applied, inv.body.base_total]) {
      expect(v).toMatch(DECIMAL);
    }

    const rc = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'FLOW1',
      date: '2025-02-01',
      amount: '1000.00',
      reference: 'BANK-123',
      applications: [{ invoice: 'INV-FLOW-1', amount: '800.00' }],
    });
    expect(rc.status).toBe(201);
    expect([rc.body.amount, rc.body.applied, rc.body.unapplied]).toEqual(['1000.00', '800.00', '200.00']);
    expect(rc.body.allocations).toHaveLength(1);

    const after = await h.get<TInvoiceDetailDto>(`/api/invoices/${inv.body.id}`);
    expect(after.status).toBe(200);
    expect([after.body.status, after.body.applied, after.body.open_amount]).toEqual([
      'overdue',
      '800.00',
      '330.00',
    ]);
    const before = await h.get<TInvoiceDetailDto>('/api/invoices/INV-FLOW-1?as_of=2025-01-31');
    expect([before.body.status, before.body.open_amount, before.body.as_of]).toEqual([
      'open',
      '1130.00',
      '2025-01-31',
    ]);

    const bal = await h.get<TBalanceDto>('/api/balance?customer=FLOW1');
    expect(bal.status).toBe(200);
    expect(bal.body.customers).toHaveLength(1);
    expect(bal.body.customers[0]).toMatchObject({
      receivable: '330.00',
      unapplied: '200.00',
      balance: '130.00',
    });
    const early = await h.get<TBalanceDto>('/api/balance?customer=FLOW1&as_of=2025-01-31');
    expect(early.body.customers[0]?.balance).toBe('1130.00');
  });

  it('applies leftover cash with POST /api/allocations, then reverses it', async () => {
    await h.post('/api/customers', { code: 'FLOW2', name: 'Flow Two' });
    await h.post('/api/invoices', {
      customer: 'FLOW2',
      number: 'INV-FLOW-2',
      issue_date: '2025-03-01',
      amount: '300.00',
    });
    const rc = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'FLOW2',
      date: '2025-03-05',
      amount: '500.00',
    });
    const a = await h.post<TAllocationDto>('/api/allocations', {
      receipt: rc.body.number,
      invoice: 'INV-FLOW-2',
      amount: '120.50',
      date: '2025-03-06',
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ source_type: 'receipt', amount: '120.50', invoice_number: 'INV-FLOW-2' });

    const rev = await h.post<TAllocationDto>(`/api/allocations/${a.body.id}/reverse`, { date: '2025-03-10' });
    expect(rev.status).toBe(200);
    expect(rev.body.reversed_on).toBe('2025-03-10');
    const again = await h.post<ErrorBody>(`/api/allocations/${a.body.id}/reverse`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_REVERSED']);

    const refund = await h.post<TReceiptDto>(`/api/receipts/${rc.body.id}/refunds`, {
      amount: '500.00',
      date: '2025-03-20',
    });
    expect(refund.status).toBe(201);
    expect([refund.body.refunded, refund.body.unapplied]).toEqual(['500.00', '0.00']);
  });

  it('answers 409 ALLOCATION_EXCEEDS_OPEN_AMOUNT when a receipt is applied beyond what is open', async () => {
    await h.post('/api/customers', { code: 'FLOW3', name: 'Flow Three' });
    await h.post('/api/invoices', {
      customer: 'FLOW3',
      number: 'INV-FLOW-3',
      issue_date: '2025-04-01',
      amount: '100.00',
    });
    const res = await h.post<ErrorBody>('/api/receipts', {
      customer: 'FLOW3',
      date: '2025-04-02',
      amount: '500.00',
      applications: [{ invoice: 'INV-FLOW-3', amount: '150.00' }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALLOCATION_EXCEEDS_OPEN_AMOUNT');
    expect(res.body.error.message).toEqual(expect.any(String));
    // Nothing was written: the receipt and its application are one transaction.
    const list = await h.get<{ items: TReceiptDto[] }>('/api/receipts?customer=FLOW3');
    expect(list.body.items).toEqual([]);
  });

  it('writes off an invoice and reverses the write-off', async () => {
    await h.post('/api/customers', { code: 'FLOW4', name: 'Flow Four' });
    await h.post('/api/invoices', {
      customer: 'FLOW4',
      number: 'INV-FLOW-4',
      issue_date: '2025-02-01',
      amount: '80.00',
    });
    const wo = await h.post<TInvoiceDetailDto>('/api/invoices/INV-FLOW-4/write-offs', {
      date: '2025-06-01',
      reason: 'bankrupt',
    });
    expect(wo.status).toBe(201);
    expect([wo.body.status, wo.body.written_off, wo.body.open_amount]).toEqual([
      'written_off',
      '80.00',
      '0.00',
    ]);
    const woId = wo.body.write_offs[0]?.id;
    expect(woId).toBeDefined();
    const rev = await h.post<TInvoiceDetailDto>(`/api/write-offs/${woId}/reverse`, { date: '2025-06-15' });
    expect(rev.status).toBe(200);
    expect([rev.body.status, rev.body.open_amount]).toEqual(['overdue', '80.00']);
    const missing = await h.post<ErrorBody>('/api/write-offs/01900000-0000-7000-8000-000000000000/reverse');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'WRITE_OFF_NOT_FOUND']);
  });

  it('issues, applies and voids credit notes; voids invoices; reverses receipts', async () => {
    await h.post('/api/customers', { code: 'FLOW5', name: 'Flow Five' });
    await h.post('/api/invoices', {
      customer: 'FLOW5',
      number: 'INV-FLOW-5',
      issue_date: '2025-05-01',
      amount: '200.00',
    });
    const cn = await h.post<TCreditNoteDto>('/api/credit-notes', {
      customer: 'FLOW5',
      date: '2025-05-02',
      amount: '50.00',
      invoice: 'INV-FLOW-5',
      apply: true,
    });
    expect(cn.status).toBe(201);
    expect([cn.body.total, cn.body.applied, cn.body.unapplied]).toEqual(['50.00', '50.00', '0.00']);
    const got = await h.get<TCreditNoteDto>(`/api/credit-notes/${cn.body.number}`);
    expect(got.body.id).toBe(cn.body.id);

    const blocked = await h.post<ErrorBody>('/api/invoices/INV-FLOW-5/void', {});
    expect([blocked.status, blocked.body.error.code]).toEqual([409, 'INVOICE_HAS_ALLOCATIONS']);

    const cn2 = await h.post<TCreditNoteDto>('/api/credit-notes', {
      customer: 'FLOW5',
      date: '2025-05-03',
      amount: '10.00',
    });
    const voided = await h.post<TCreditNoteDto>(`/api/credit-notes/${cn2.body.id}/void`);
    expect([voided.status, voided.body.voided_on]).toEqual([200, TODAY]);

    await h.post('/api/invoices', {
      customer: 'FLOW5',
      number: 'INV-FLOW-6',
      issue_date: '2025-05-01',
      amount: '20.00',
    });
    const v = await h.post<TInvoiceDetailDto>('/api/invoices/INV-FLOW-6/void', {
      date: '2025-05-05',
      reason: 'typo',
    });
    expect([v.status, v.body.status, v.body.voided_on]).toEqual([200, 'void', '2025-05-05']);

    const rc = await h.post<TReceiptDto>('/api/receipts', {
      customer: 'FLOW5',
      date: '2025-05-10',
      amount: '150.00',
      applications: [{ invoice: 'INV-FLOW-5' }],
    });
    const bounced = await h.post<TReceiptDto>(`/api/receipts/${rc.body.number}/reverse`, {
      date: '2025-05-20',
    });
    expect([bounced.status, bounced.body.reversed_on]).toEqual([200, '2025-05-20']);
    const inv = await h.get<TInvoiceDetailDto>('/api/invoices/INV-FLOW-5');
    expect(inv.body.open_amount).toBe('150.00');
  });

  it('updates and deletes customers; a customer with documents stays', async () => {
    const created = await h.post<TCustomerDto>('/api/customers', { code: 'TMP1', name: 'Temporary' });
    const patched = await h.call({
      method: 'PATCH',
      url: '/api/customers/TMP1',
      payload: { name: 'Renamed', tags: ['vip'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: created.body.id, name: 'Renamed', tags: ['vip'] });
    const del = await h.call({ method: 'DELETE', url: `/api/customers/${created.body.id}` });
    expect([del.statusCode, del.body]).toEqual([204, '']);
    const gone = await h.get<ErrorBody>('/api/customers/TMP1');
    expect([gone.status, gone.body.error.code]).toEqual([404, 'CUSTOMER_NOT_FOUND']);
    const kept = await h.call({ method: 'DELETE', url: '/api/customers/FLOW1' });
    expect([kept.statusCode, kept.json().error.code]).toEqual([409, 'CUSTOMER_HAS_DOCUMENTS']);
    const dup = await h.post<ErrorBody>('/api/customers', { code: 'FLOW1', name: 'Again' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'CUSTOMER_CODE_TAKEN']);
  });
});
