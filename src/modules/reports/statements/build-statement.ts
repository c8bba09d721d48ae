import type { Ctx } from '../../../shared/context/index.ts';
import type { BusinessDate } from '../../../shared/time/index.ts';
import { getCustomerRef } from '../../customers/index.ts';
import { ledgerBalances } from '../../ledger/index.ts';
import { getOrgById } from '../../orgs/index.ts';
import { ageOpenItems } from './age-open-items.ts';
import { checkReconciliation } from './check-reconciliation.ts';
import { loadStatementData } from './load-statement-data.ts';
import { statementEvents } from './statement-events.ts';
import { statementLabels, statementLocaleOf } from './statement-labels.ts';
import { statementPeriod } from './statement-period.ts';
import type { StatementLocale, TStatementDto } from './statements.schemas.ts';
import { sectionCurrencies, summariseSection } from './summarise-section.ts';
import { toStatementSection } from './to-statement-section.ts';

export type BuildStatementInput = {
  /** Code or id. */
  customer: string;
  from?: string | undefined;
  to?: string | undefined;
  locale?: StatementLocale | undefined;
};

/**
 * A customer's statement of account for a period: per currency, the opening balance, every
 * document, application and reversal dated in the period with a running balance, the closing
 * balance, and the open items aged by due date as of the last day. Read in one snapshot, and
 * checked against the journal before it is returned.
 */
export async function buildStatement(ctx: Ctx, input: BuildStatementInput): Promise<TStatementDto> {
  const customer = await getCustomerRef(ctx.db, ctx.org.id, input.customer);
  const period = statementPeriod(ctx.clock.today(), input);
  const org = await getOrgById(ctx.db, ctx.org.id);
  const locale = input.locale ?? statementLocaleOf(org.locale);
  const labels = statementLabels(locale);
  const scope = { orgId: ctx.org.id, customerId: customer.id, to: period.to };
  const { data, extra, journal } = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      extra: await trx
        .selectFrom('customers')
        .select(['legal_name', 'country'])
        .where('org_id', '=', ctx.org.id)
        .where('id', '=', customer.id)
        .executeTakeFirst(),
      data: await loadStatementData(trx, scope),
      journal: await ledgerBalances(trx, { ...scope, asOf: period.to }),
    }));
  const events = statementEvents(data);
  const aging = ageOpenItems(data, period.to);
  const sections = sectionCurrencies(events, customer.currency)
    .map((c) => summariseSection(c, events, period.from))
    .filter((s) => s.currency === customer.currency || s.lines.length > 0 || s.closingMinor !== 0n);
  checkReconciliation({
    customerCode: customer.code,
    sections,
    journal: new Map(journal.map((b) => [b.currency, b.receivableMinor - b.unappliedMinor])),
    aging,
  });
  return {
    locale,
    org: { name: org.name },
    customer: {
      id: customer.id,
      code: customer.code,
      name: customer.name,
      legal_name: extra?.legal_name ?? null,
      country: extra?.country ?? null,
      currency: customer.currency,
    },
    period,
    generated_on: ctx.clock.today() as BusinessDate,
    sections: sections.map((s) => toStatementSection(s, aging.get(s.currency), labels)),
  };
}
