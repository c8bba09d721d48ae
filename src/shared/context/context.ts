import type { Db } from '../db/index.ts';
import type { CurrencyCode } from '../money/index.ts';
import type { Clock } from '../time/index.ts';

/** What every use case is handed: the database, the org it acts for, the clock, and who acts. */
export type OrgRef = { id: string; slug: string; baseCurrency: CurrencyCode; timeZone: string };
export type Ctx = { db: Db; org: OrgRef; clock: Clock; actor: string };
