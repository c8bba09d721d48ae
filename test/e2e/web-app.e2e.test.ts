import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/bootstrap/open-app.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, totpCodeAt } from '../../src/modules/auth/index.ts';
import { createBankAccount } from '../../src/modules/banking/index.ts';
import { getInvoice, listInvoices } from '../../src/modules/receivables/index.ts';
import { launchChromium } from './support/browser.ts';
import { E2E_PASSWORD, type E2eServer, startE2eServer } from './support/e2e-server.ts';
import { recordApiData, untranslatedTexts } from './support/untranslated.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');
/** The files the import steps upload. */
const FILES = mkdtempSync(join(tmpdir(), 'settle-e2e-'));
const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT = 20_000;
/** expect.poll gives up after 1 s by default: too soon on a loaded CI machine. */
const POLL = { timeout: TIMEOUT };

type Screen = { name: string; path: string; ready: string };

describe('the web app in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let clerk: BrowserContext;
  let page: Page;
  let apiWords: Set<string>;
  let customerId: string;
  let customerCode: string;
  let invoiceId: string;

  const testId = (id: string) => `[data-testid="${id}"]`;
  /** Types into a form field by test id, whether the id sits on the input or on its wrapper. */
  const fill = (p: Page, id: string, value: string) =>
    p
      .locator(`input${testId(id)}, ${testId(id)} input`)
      .first()
      .fill(value);

  async function signIn(p: Page, email: string, password = E2E_PASSWORD): Promise<void> {
    await p.goto(server.url);
    await p.locator('input[type=email]').fill(email);
    await p.locator('input[type=password]').fill(password);
    await p.locator('button[type=submit]').click();
  }

  async function shoot(p: Page, name: string): Promise<void> {
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(400); // charts finish their entry animation
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startE2eServer();
    await server.addUser('clerk@example.com', ['finance_manager'], 'Li Na');
    await server.addUser('viewer@example.com', ['finance_manager'], 'Wang Wei');
    // A customer with several open invoices: where receipts are recorded and watched.
    const open = await listInvoices(server.ctx, {
      status: 'overdue',
      currency: 'CNY',
      sort: 'due_date',
      limit: 500,
    });
    const counts = new Map<string, number>();
    for (const inv of open.items) counts.set(inv.customer.id, (counts.get(inv.customer.id) ?? 0) + 1);
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!best) throw new Error('the demo has no overdue invoices');
    customerId = best[0];
    const first = open.items.find((i) => i.customer.id === customerId);
    customerCode = first?.customer.code ?? '';
    // The invoice shown in detail: one part paid, so its applications and journal have rows.
    const partial = await listInvoices(server.ctx, { status: 'partially_paid', sort: '-created', limit: 1 });
    invoiceId = partial.items[0]?.id ?? first?.id ?? '';
    browser = await launchChromium();
    clerk = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    page = await clerk.newPage();
    apiWords = await recordApiData(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with email and password, by keyboard alone', async () => {
    await page.goto(server.url);
    await page.locator('input[type=email]').waitFor({ timeout: TIMEOUT });
    // The email field has the focus on arrival; Tab moves to the password; Enter submits.
    await page.keyboard.type('clerk@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('nav, .ant-menu').first().innerText()).toContain('Customers');
  });

  const screens = (): Screen[] => [
    { name: 'dashboard', path: '/', ready: 'dashboard-aging-chart' },
    { name: 'customers', path: '/customers', ready: 'customers-table' },
    { name: 'customer-detail', path: `/customers/${customerId}`, ready: 'customer-balance' },
    { name: 'invoice-detail', path: `/invoices/${invoiceId}`, ready: 'invoice-open-amount' },
  ];

  it('shows the main screens in English', async () => {
    for (const s of screens()) {
      await page.goto(`${server.url}${s.path}`);
      await page.locator(testId(s.ready)).first().waitFor({ timeout: TIMEOUT });
      await page
        .locator('.ant-skeleton')
        .first()
        .waitFor({ state: 'detached', timeout: TIMEOUT })
        .catch(() => {});
      await shoot(page, `en-${s.name}`);
    }
  });

  it('imports invoices: a preview with per-row errors, then the import with progress', async () => {
    const dir = FILES;
    const header =
      'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,tax_amount';
    const good = [
      `${customerCode},Imported Customer,E2E-IMP-1,2026-10-01,2026-10-31,CNY,1130.00,130.00`,
      'E2E-NEW,新客户贸易有限公司,E2E-IMP-2,2026-10-05,2026-11-04,CNY,2260.00,260.00',
      'E2E-NEW,新客户贸易有限公司,E2E-IMP-3,2026-10-09,2026-11-08,CNY,565.00,65.00',
    ];
    const badFile = join(dir, 'invoices-with-errors.csv');
    writeFileSync(
      badFile,
      [header, ...good, 'E2E-NEW,新客户贸易有限公司,E2E-IMP-4,2026-13-40,2026-11-08,CNY,1O0.00,0'].join('\n'),
    );
    const goodFile = join(dir, 'invoices.csv');
    writeFileSync(goodFile, [header, ...good].join('\n'));

    await page.goto(`${server.url}/imports`);
    await page.locator(testId('import-upload')).waitFor({ timeout: TIMEOUT });
    await page.setInputFiles(`${testId('import-upload')} input[type=file]`, badFile);
    await page.locator(testId('import-preview-table')).waitFor({ timeout: TIMEOUT });
    // The bad row is shown in the preview with its bad cells marked, and import is refused.
    expect(await page.locator(testId('import-bad-cell')).count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator(testId('import-submit')).isDisabled(), POLL).toBe(true);
    await shoot(page, 'en-import-preview-errors');
    await page.locator('.ant-tabs-tab').nth(1).click();
    await page.locator(testId('import-issues')).waitFor({ timeout: TIMEOUT });
    const issues = await page.locator(testId('import-issues')).innerText();
    expect(issues).toMatch(/\b5\b/); // the bad row is line 5 (the header is line 1)

    await page.goto(`${server.url}/imports`);
    await page.setInputFiles(`${testId('import-upload')} input[type=file]`, goodFile);
    await page.locator(testId('import-preview-table')).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => page.locator(testId('import-submit')).isEnabled(), POLL).toBe(true);
    await shoot(page, 'en-import-preview');
    await page.locator(testId('import-submit')).click();
    await page.locator(testId('import-result')).waitFor({ timeout: 60_000 });
    const found = await listInvoices(server.ctx, { q: 'E2E-IMP', sort: 'number', limit: 50 });
    expect(found.items.map((i) => i.number)).toEqual(['E2E-IMP-1', 'E2E-IMP-2', 'E2E-IMP-3']);
  });

  it('records and applies a receipt; a second browser sees the balance change without reloading', async () => {
    const viewer = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const other = await viewer.newPage();
      await signIn(other, 'viewer@example.com');
      await other.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
      await other.goto(`${server.url}/customers/${customerId}`);
      const balance = other.locator(testId('customer-balance')).first();
      await balance.waitFor({ timeout: TIMEOUT });
      await other.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
      const before = (await balance.innerText()).trim();
      let navigations = 0;
      other.on('framenavigated', (f) => {
        if (f === other.mainFrame()) navigations += 1;
      });

      await page.goto(`${server.url}/receipts/new?customer=${customerId}`);
      await page.locator(testId('receipt-open-invoices')).waitFor({ timeout: TIMEOUT });
      await fill(page, 'receipt-amount', '100.00');
      await fill(page, 'receipt-reference', 'E2E-RCPT-1');
      await page.locator(testId('receipt-apply-oldest')).click();
      await expect
        .poll(
          () => page.locator(`${testId('receipt-unapplied')}[data-value]`).getAttribute('data-value'),
          POLL,
        )
        .toBe('0.00');
      await shoot(page, 'en-receipt-entry');
      await page.locator(testId('receipt-save')).click();
      await page.locator(testId('receipt-allocations')).waitFor({ timeout: TIMEOUT });

      await expect.poll(async () => (await balance.innerText()).trim(), POLL).not.toBe(before);
      expect(navigations).toBe(0);
      const digits = (s: string) => BigInt(s.replace(/[^0-9-]/g, ''));
      expect(digits(before) - digits((await balance.innerText()).trim())).toBe(10_000n);
    } finally {
      await viewer.close();
    }
  });

  it('switches to Chinese, and every main screen is fully translated', async () => {
    await page.goto(`${server.url}/`);
    await page.locator(testId('language-switch')).click();
    await page.locator('.ant-select-item-option', { hasText: '中文' }).click();
    await expect.poll(() => page.locator('.ant-menu').first().innerText(), POLL).toContain('客户');
    const problems: Record<string, string[]> = {};
    for (const s of [...screens(), { name: 'import', path: '/imports', ready: 'import-upload' }]) {
      await page.goto(`${server.url}${s.path}`);
      await page.locator(testId(s.ready)).first().waitFor({ timeout: TIMEOUT });
      await page
        .locator('.ant-skeleton')
        .first()
        .waitFor({ state: 'detached', timeout: TIMEOUT })
        .catch(() => {});
      await page.waitForLoadState('networkidle');
      await shoot(page, `zh-${s.name}`);
      const bad = await untranslatedTexts(page, apiWords);
      if (bad.length > 0) problems[s.name] = bad;
    }
    expect(problems).toEqual({});
  });

  it('shows the import preview in Chinese', async () => {
    await page.goto(`${server.url}/imports`);
    await page.setInputFiles(
      `${testId('import-upload')} input[type=file]`,
      join(FILES, 'invoices-with-errors.csv'),
    );
    await page.locator(testId('import-preview-table')).waitFor({ timeout: TIMEOUT });
    await page.waitForLoadState('networkidle');
    await shoot(page, 'zh-import-preview');
    expect(await untranslatedTexts(page, apiWords)).toEqual([]);
  });

  it('fits a tablet screen: no screen scrolls sideways at 820 px', async () => {
    const tablet = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'en-US' });
    try {
      const p = await tablet.newPage();
      await signIn(p, 'viewer@example.com');
      await p.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
      const overflowing: Record<string, number> = {};
      for (const s of screens()) {
        await p.goto(`${server.url}${s.path}`);
        await p.locator(testId(s.ready)).first().waitFor({ timeout: TIMEOUT });
        await p.waitForLoadState('networkidle');
        const width = await p.evaluate<number>('document.documentElement.scrollWidth');
        if (width > 820) overflowing[s.name] = width;
        await shoot(p, `tablet-${s.name}`);
      }
      expect(overflowing).toEqual({});
    } finally {
      await tablet.close();
    }
  });

  it('imports a bank statement, books the sure matches and accepts a suggestion side by side', async () => {
    await createBankAccount(server.ctx, {
      name: '招商银行 基本户',
      currency: 'CNY',
      number: '755900001110001',
    });
    const open = await listInvoices(server.ctx, {
      status: 'overdue',
      currency: 'CNY',
      sort: 'due_date',
      limit: 50,
    });
    const [byNumber, byName] = open.items.filter((i) => i.customer.id !== customerId);
    if (!byNumber || !byName) throw new Error('the demo has too few overdue invoices');
    const today = new Date().toISOString().slice(0, 10);
    const csv = [
      '交易日期,收入金额,支出金额,对方户名,对方账号,摘要,交易流水号',
      `${today},${byNumber.open_amount},,${byNumber.customer.name},,货款 ${byNumber.number},E2E-B-1`,
      // No payer name, no reference: only the amount points at an invoice, a suggestion for a person.
      `${today},${byName.open_amount},,,,转账,E2E-B-2`,
      `${today},,25.00,银行手续费,,手续费,E2E-B-3`,
    ].join('\n');
    const file = join(FILES, 'statement.csv');
    writeFileSync(file, csv);
    const bank = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const p = await bank.newPage();
      await signIn(p, 'clerk@example.com');
      await p.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
      await p.goto(`${server.url}/bank`);
      await p.locator(testId('bank-import')).click();
      await p.setInputFiles(`${testId('bank-import-upload')} input[type=file]`, file);
      await p.locator(testId('bank-import-result')).waitFor({ timeout: TIMEOUT });
      await shoot(p, 'en-bank-import');
      await p.keyboard.press('Escape');
      await p.goto(`${server.url}/bank?tab=suggested`);
      await p.locator(testId('bank-compare')).waitFor({ timeout: TIMEOUT });
      await shoot(p, 'en-bank-review');
      const line = await p.locator(testId('bank-compare')).getAttribute('data-line');
      await p.locator(testId('bank-accept')).click();
      await expect
        .poll(async () => {
          const r = await server.database.db
            .selectFrom('bank_transactions' as never)
            .select('status' as never)
            .where('id' as never, '=', line as never)
            .executeTakeFirst();
          return (r as { status?: string } | undefined)?.status;
        }, POLL)
        .toBe('matched');
      expect((await getInvoice(server.ctx, byNumber.number)).status).toBe('paid');
    } finally {
      await bank.close();
    }
  });

  it('writes off part of an invoice from its detail page', async () => {
    const [target] = (
      await listInvoices(server.ctx, { status: 'overdue', currency: 'CNY', sort: '-due_date', limit: 1 })
    ).items;
    if (!target) throw new Error('no overdue invoice');
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const p = await context.newPage();
      await signIn(p, 'clerk@example.com');
      await p.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
      await p.goto(`${server.url}/invoices/${target.id}`);
      await p.locator(testId('invoice-writeoff-button')).click();
      await fill(p, 'writeoff-amount', '1.00');
      await p.locator(testId('writeoff-submit')).click();
      await expect.poll(async () => (await getInvoice(server.ctx, target.id)).written_off, POLL).toBe('1.00');
    } finally {
      await context.close();
    }
  });

  it('asks a user with MFA for the authenticator code after the password', async () => {
    await server.addUser('mfa@example.com', ['ar_clerk'], 'Zhao Lei');
    const user = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'mfa@example.com')
      .executeTakeFirstOrThrow();
    const self = contextFor(server.database, server.org, { userId: user.id, actor: 'mfa@example.com' });
    const { secret } = await beginTotpEnrolment(self);
    await confirmTotpEnrolment(self, totpCodeAt(secret, new Date()));
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    try {
      const p = await context.newPage();
      await signIn(p, 'mfa@example.com');
      const code = p.locator('input[autocomplete="one-time-code"]');
      await code.waitFor({ timeout: TIMEOUT });
      await shoot(p, 'en-login-mfa');
      // The step after the one enrolment used (a used step is refused; one step of drift is accepted).
      await code.fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
      await p.locator('button[type=submit]').click();
      await p.locator(`${testId('live-status')}[data-live="live"]`).waitFor({ timeout: TIMEOUT });
    } finally {
      await context.close();
    }
  });
});
