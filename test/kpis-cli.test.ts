import { Command, type CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, orgContext } from '../src/bootstrap/open-app.ts';
import { registerKpis } from '../src/cli/commands/kpis.ts';
import { initialiseOrg } from '../src/cli/initialise-org.ts';
import { type Io, toJson } from '../src/cli/io.ts';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import type { TKpisDto } from '../src/modules/reports/kpis/index.ts';
import { freshDataDir } from './cli/run-settle.ts';
import { seedCustomer, seedIssuedInvoice } from './support/factories.ts';

/** Runs `settle kpis ...` in this process, against its own PGlite folder, capturing what it prints. */
async function runKpis(
  dir: string,
  args: string[],
): Promise<{ out: string; json: unknown; error?: unknown }> {
  const out: string[] = [];
  let json: unknown;
  const io: Io = {
    isJson: args.includes('--json'),
    out: (t) => out.push(t),
    err: () => {},
    json: (v) => {
      json = JSON.parse(toJson(v));
    },
  };
  const program = new Command('settle')
    .option('--data-dir <dir>')
    .option('--org <slug>')
    .option('--json')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => out.push(s) });
  registerKpis(program, io);
  try {
    await program.parseAsync(['kpis', ...args, '--data-dir', dir], { from: 'user' });
    return { out: out.join('\n'), json };
  } catch (error) {
    return { out: out.join('\n'), json, error };
  }
}

describe('settle kpis', { timeout: 120_000 }, () => {
  const data = freshDataDir();
  beforeAll(async () => {
    const app = await openApp({ kind: 'pglite', dataDir: data.dir }, { createMasterKey: true });
    try {
      await initialiseOrg(app.database, { defaultName: 'KPI Test', baseCurrency: 'CNY' });
      const ctx = await orgContext(app.database, undefined, { actor: 'test' });
      const c = await seedCustomer(ctx, { code: 'ACME' });
      const day = { issue_date: '2025-01-10', due_date: '2025-02-09', tax_amount: undefined };
      await seedIssuedInvoice(ctx, c.code, { ...day, number: 'K1', amount: '1000.00' });
      await seedIssuedInvoice(ctx, c.code, { ...day, number: 'K2', amount: '500.00' });
      await recordReceipt(ctx, {
        customer: 'ACME',
        date: '2025-02-20',
        amount: '1000.00',
        applications: [{ invoice: 'K1' }],
      });
    } finally {
      await app.close();
    }
  });
  afterAll(() => data.remove());

  it('--json prints the DTO: the trend has one month per --months, ending at as-of', async () => {
    const r = await runKpis(data.dir, ['--as-of', '2025-02-28', '--months', '2', '--json']);
    expect(r.error).toBeUndefined();
    const k = r.json as TKpisDto;
    expect(k.trend.map((m) => [m.month, m.to, m.receivables, m.credit_sales])).toEqual([
      ['2025-01', '2025-01-31', '1500.00', '1500.00'],
      ['2025-02', '2025-02-28', '500.00', '0.00'],
    ]);
    // P: 59 days, AR 500 of 1500 sales; K1 paid 11 days late
    expect([k.kpis.dso_standard, k.kpis.cei_pct, k.kpis.days_late.weighted]).toEqual([19.7, 66.7, 11]);
  });

  it('prints a table of KPI, value and definition, then the monthly trend', async () => {
    const r = await runKpis(data.dir, ['--as-of', '2025-02-28', '--months', '2']);
    expect(r.error).toBeUndefined();
    expect(r.out).toContain('KPIs as of 2025-02-28 in CNY; P = 2025-01-01 to 2025-02-28 (59 days)');
    expect(r.out).toMatch(/^KPI\s+VALUE\s+DEFINITION$/m);
    expect(r.out).toMatch(/^DSO \(standard\)\s+19\.7 d\s+AR\(end\) \/ sales\(P\) \* days\(P\)$/m);
    expect(r.out).toMatch(/^promises kept\s+n\/a \(no promises recorded\)/m);
    expect(r.out).toMatch(/^MONTH\s+AR\s+CURRENT\s+90\+\s+SALES\s+DSO\s+COUNTBACK\s+CEI/m);
    expect(r.out).toMatch(/^2025-02\s+500\.00/m);
  });

  it('--help states every definition; a bad --months is a usage error', async () => {
    const help = await runKpis(data.dir, ['--help']);
    expect((help.error as CommanderError).code).toBe('commander.helpDisplayed');
    expect(help.out).toContain('countback');
    expect(help.out).toContain('CEI: (AR(begin) + sales - AR(end)) / (AR(begin) + sales - current AR(end))');
    const bad = await runKpis(data.dir, ['--months', '0']);
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED', name: 'UsageError' });
    expect((bad.error as Error).message).toMatch(/^--months:/);
  });
});
