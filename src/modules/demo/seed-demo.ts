import { z } from 'zod';
import type { Ctx } from '../../shared/context/index.ts';
import { AppError } from '../../shared/errors/index.ts';
import { listCustomers } from '../customers/index.ts';
import { countDemo, hasDemo } from './count-demo.ts';
import type { DemoCounts } from './demo.types.ts';
import { planDemo } from './demo-plan.ts';
import { inOneTransaction } from './demo-transaction.ts';
import { runDemoPlan } from './run-demo-plan.ts';

export const ZSeedDemoOptions = z.object({
  customers: z.number().int().min(1).max(20_000).default(200),
  invoices: z.number().int().min(1).max(200_000).default(5_000),
  months: z.number().int().min(1).max(120).default(18),
  seed: z.number().int().default(1),
});
export type TSeedDemoOptions = z.input<typeof ZSeedDemoOptions> & { onProgress?: (message: string) => void };
export type TSeedDemoResult = { created: boolean } & DemoCounts;

/**
 * Fills an empty organisation with a realistic demo company's receivables: customers, invoices
 * over the months before today, and how they were paid, credited, disputed and written off.
 * Idempotent: when the demo is already there it adds nothing and reports what is there.
 */
export async function seedDemo(ctx: Ctx, options: TSeedDemoOptions = {}): Promise<TSeedDemoResult> {
  const { onProgress = () => {}, ...rest } = options;
  const parsed = ZSeedDemoOptions.safeParse(rest);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'invalid demo options',
      details: parsed.error.issues,
    });
  }
  if (await hasDemo(ctx)) {
    onProgress('demo: the demo data is already there; nothing added');
    return { created: false, ...(await countDemo(ctx)) };
  }
  const existing = await listCustomers(ctx, { sort: 'code', limit: 1 });
  if (existing.items.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'the demo fills an empty organisation, and this one already has customers: use a new one',
      details: { org: ctx.org.slug },
    });
  }
  const plan = planDemo(parsed.data, ctx.clock.today());
  onProgress(`demo: creating ${plan.customers.length} customers and ${plan.events.length} documents`);
  const counts = await inOneTransaction(ctx, (tx) => runDemoPlan(tx, plan, onProgress));
  return { created: true, ...counts };
}
