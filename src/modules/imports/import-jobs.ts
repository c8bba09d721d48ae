import { randomUUID } from 'node:crypto';
import { isAppError } from '../../shared/errors/index.ts';
import type { TImportJob, TImportKind, TImportProgress, TImportResultDto } from './imports.schemas.ts';

/** Finished jobs kept per org for their screens to read back; older ones are forgotten. */
const KEEP_FINISHED = 20;

export type ImportRunner = (report: (progress: TImportProgress) => void) => Promise<TImportResultDto>;

/**
 * Imports running in this process, per org, one at a time per org (each is one transaction; two
 * at once would only contend for the same rows). Kept in memory only: a restart forgets the
 * progress record, never data — the import either committed or rolled back with its transaction.
 */
export class ImportJobs {
  private readonly byOrg = new Map<string, Map<string, TImportJob>>();
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      now?: () => Date;
      /** Told about failures that are not the file's fault (bugs, a lost database). */
      onUnexpectedError?: (error: unknown, job: TImportJob) => void;
    } = {},
  ) {}

  start(orgId: string, kind: TImportKind, file: string, run: ImportRunner): TImportJob {
    const jobs = this.jobsOf(orgId);
    const job: TImportJob = {
      id: randomUUID(),
      kind,
      file,
      state: 'running',
      progress: { phase: 'queued', done: 0, total: 0 },
      result: null,
      error: null,
      started_at: this.now(),
      finished_at: null,
    };
    jobs.set(job.id, job);
    const previous = this.tails.get(orgId) ?? Promise.resolve();
    // After a macrotask: the caller's answer (202 and the id) leaves before the work takes the CPU.
    const tail = previous.then(() => new Promise((r) => setImmediate(r))).then(() => this.execute(job, run));
    this.tails.set(orgId, tail);
    void tail.then(() => {
      if (this.tails.get(orgId) === tail) this.tails.delete(orgId);
    });
    this.prune(jobs);
    return job;
  }

  get(orgId: string, id: string): TImportJob | null {
    return this.byOrg.get(orgId)?.get(id) ?? null;
  }

  /** Resolves once every job started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  private async execute(job: TImportJob, run: ImportRunner): Promise<void> {
    try {
      const result = await run((progress) => {
        job.progress = progress;
      });
      job.result = result;
      job.progress = { phase: 'done', done: result.rows, total: result.rows };
      job.state = 'done';
    } catch (e) {
      job.state = 'failed';
      if (isAppError(e)) job.error = e.toBody().error;
      else {
        job.error = { code: 'INTERNAL', message: 'the import failed; nothing was written' };
        this.options.onUnexpectedError?.(e, job);
      }
    } finally {
      job.finished_at = this.now();
    }
  }

  private jobsOf(orgId: string): Map<string, TImportJob> {
    let jobs = this.byOrg.get(orgId);
    if (!jobs) {
      jobs = new Map();
      this.byOrg.set(orgId, jobs);
    }
    return jobs;
  }

  private prune(jobs: Map<string, TImportJob>): void {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.id);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}
