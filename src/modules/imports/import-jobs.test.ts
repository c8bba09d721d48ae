import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/index.ts';
import { ImportJobs, type ImportRunner } from './import-jobs.ts';
import type { TImportProgress, TImportResultDto } from './imports.schemas.ts';

const RESULT: TImportResultDto = {
  file: 'a.csv',
  kind: 'invoices',
  format: 'csv',
  encoding: 'utf-8',
  rows: 3,
  created: 3,
  updated: 0,
  unchanged: 0,
  customers_created: 1,
  ignored_columns: [],
};

/** A runner the test steps through: report progress, then finish or fail when told. */
function controlled() {
  let report: (p: TImportProgress) => void = () => undefined;
  let finish: (r: TImportResultDto) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  let started = false;
  const run: ImportRunner = (r) => {
    started = true;
    report = r;
    return new Promise((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    run,
    isStarted: () => started,
    report: (p: TImportProgress) => report(p),
    finish: (r: TImportResultDto) => finish(r),
    fail: (e: unknown) => fail(e),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('ImportJobs', () => {
  it('shows progress while running, then the result; one import at a time per org', async () => {
    const jobs = new ImportJobs({ now: () => new Date('2025-06-30T08:00:00Z') });
    const first = controlled();
    const second = controlled();
    const a = jobs.start('org-1', 'invoices', 'a.csv', first.run);
    const b = jobs.start('org-1', 'customers', 'b.csv', second.run);
    const other = controlled();
    jobs.start('org-2', 'invoices', 'c.csv', other.run);
    await tick();
    await tick();
    expect([first.isStarted(), second.isStarted(), other.isStarted()]).toEqual([true, false, true]);
    expect(jobs.get('org-1', b.id)?.progress.phase).toBe('queued');
    first.report({ phase: 'writing_invoices', done: 1000, total: 3000 });
    expect(jobs.get('org-1', a.id)).toMatchObject({
      state: 'running',
      progress: { phase: 'writing_invoices', done: 1000, total: 3000 },
    });
    expect(jobs.get('org-2', a.id)).toBeNull();
    first.finish(RESULT);
    await tick();
    await tick();
    expect(jobs.get('org-1', a.id)).toMatchObject({
      state: 'done',
      result: RESULT,
      progress: { phase: 'done', done: 3, total: 3 },
      finished_at: '2025-06-30T08:00:00.000Z',
    });
    expect(second.isStarted()).toBe(true);
    second.fail(new AppError('IMPORT_REJECTED', { message: 'b.csv: 1 problem', details: { issues: [] } }));
    other.fail(new Error('connection lost'));
    await jobs.idle();
    expect(jobs.get('org-1', b.id)).toMatchObject({
      state: 'failed',
      error: { code: 'IMPORT_REJECTED', message: 'b.csv: 1 problem', details: { issues: [] } },
    });
  });

  it('hides the cause of an unexpected failure from the caller and reports it to the server', async () => {
    const seen: unknown[] = [];
    const jobs = new ImportJobs({ onUnexpectedError: (e) => seen.push(e) });
    const job = jobs.start('org-1', 'invoices', 'a.csv', async () => {
      throw new Error('secret detail');
    });
    await jobs.idle();
    expect(jobs.get('org-1', job.id)).toMatchObject({ state: 'failed', error: { code: 'INTERNAL' } });
    expect(JSON.stringify(jobs.get('org-1', job.id))).not.toContain('secret');
    expect(seen).toHaveLength(1);
  });
});
