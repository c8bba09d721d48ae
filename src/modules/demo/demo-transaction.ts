import type { Ctx } from '../../shared/context/index.ts';
import type { Db, Tx } from '../../shared/db/index.ts';

/**
 * Runs `work` with a context in which every use case joins one outer transaction: the use cases
 * each open their own (`ctx.db.transaction().execute(...)`), and here that call hands them the
 * outer one instead. So the demo lands whole or not at all, and a run cut short leaves nothing
 * behind to confuse the next one. (If receivables offered `...InTx` variants, this would go.)
 */
export async function inOneTransaction<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: joined(trx) }));
}

function joined(trx: Tx): Db {
  const builder = { execute: <R>(fn: (t: Tx) => Promise<R>): Promise<R> => fn(trx) };
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => builder;
      // Kysely keeps its state in private fields: methods must run on the real object.
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
