import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerForecast } from '../src/cli/commands/forecast.ts';
import { registerPredict } from '../src/cli/commands/predict.ts';
import type { Io } from '../src/cli/io.ts';
import type { TForecastDto, TPredictionsDto } from '../src/modules/forecast/index.ts';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import { freshDataDir, runSettle, withPgliteOrg } from './cli/run-settle.ts';
import { seedCustomer, seedIssuedInvoice } from './support/factories.ts';
import { sharedDataFile } from './support/shared-data.ts';

const SAMPLE = sharedDataFile('ar-datasets', 'WA_Fn-UseC_-Accounts-Receivable.csv');

/** Runs the commands in this process, as main.ts registers them, and captures what they print. */
async function run(args: string[]): Promise<{ json: unknown[]; out: string[] }> {
  const json: unknown[] = [];
  const out: string[] = [];
  const io: Io = {
    isJson: args.includes('--json'),
    out: (t) => out.push(t),
    err: () => undefined,
    json: (v) => json.push(v),
  };
  const program = new Command('settle').option('--data-dir <dir>').option('--org <slug>').option('--json');
  program.exitOverride();
  registerPredict(program, io);
  registerForecast(program, io);
  await program.parseAsync(args, { from: 'user' });
  return { json, out };
}

describe('settle predict and settle forecast', { timeout: 240_000 }, () => {
  const data = freshDataDir();
  beforeAll(async () => {
    expect((await runSettle(['init', '--data-dir', data.dir])).code).toBe(0);
    await withPgliteOrg(data.dir, async (ctx) => {
      await seedCustomer(ctx, { code: 'ACME' });
      for (const [issued, due, paid] of [
        ['2025-01-05', '2025-02-04', '2025-02-10'],
        ['2025-02-05', '2025-03-07', '2025-03-12'],
        ['2025-03-05', '2025-04-04', '2025-04-11'],
      ] as const) {
        const inv = await seedIssuedInvoice(ctx, 'ACME', {
          issue_date: issued,
          due_date: due,
          amount: '100.00',
          tax_amount: undefined,
        });
        await recordReceipt(ctx, {
          customer: 'ACME',
          date: paid,
          amount: '100.00',
          applications: [{ invoice: inv.number }],
        });
      }
      await seedIssuedInvoice(ctx, 'ACME', {
        number: 'OPEN-1',
        issue_date: '2025-06-01',
        due_date: '2025-07-01',
        amount: '250.00',
        tax_amount: undefined,
      });
    });
  });
  afterAll(() => data.remove());

  it('predict open and forecast --json print their documents', async () => {
    const at = ['--data-dir', data.dir, '--json', '--as-of', '2025-06-16'];
    const p = (await run(['predict', 'open', ...at])).json[0] as TPredictionsDto;
    expect(p.predictions.map((x) => [x.number, x.open_amount, x.currency])).toEqual([
      ['OPEN-1', '250.00', 'CNY'],
    ]);
    expect(p.trained_on).toBe(3);
    const f = (await run(['forecast', '--weeks', '3', '--past-weeks', '2', ...at])).json[0] as TForecastDto;
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['as_of', 'weeks', 'past', 'beyond', 'notes']));
    expect(f.weeks.map((w) => w.start)).toEqual(['2025-06-16', '2025-06-23', '2025-06-30']);
    expect(f.past.map((w) => [w.start, w.end])).toEqual([
      ['2025-06-02', '2025-06-08'],
      ['2025-06-09', '2025-06-15'],
    ]);
    const total = f.weeks.reduce((a, w) => a + Number(w.expected), 0) + Number(f.beyond.expected);
    expect(total).toBe(250);
  });

  it('rejects a bad --weeks as a usage error', async () => {
    await expect(run(['forecast', '--weeks', '0', '--data-dir', data.dir])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it.skipIf(!existsSync(SAMPLE))(
    'predict evaluate FILE --json prints {split, model, baselines}',
    async () => {
      const r = (await run(['predict', 'evaluate', SAMPLE, '--json'])).json[0] as Record<
        string,
        Record<string, unknown>
      >;
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['split', 'model', 'baselines']));
      expect(Object.keys(r.model ?? {})).toEqual(
        expect.arrayContaining(['mae_days_to_settle', 'mae_days_late', 'accuracy_late', 'auc_late']),
      );
      expect(Object.keys(r.baselines ?? {})).toEqual(
        expect.arrayContaining(['customer_mean', 'global_mean']),
      );
      const human = await run(['predict', 'evaluate', SAMPLE]);
      expect(human.out.join('\n')).toMatch(/customer mean/);
    },
  );
});
