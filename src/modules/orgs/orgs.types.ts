import type { CurrencyCode } from '../../shared/money/index.ts';

export type Org = {
  id: string;
  slug: string;
  name: string;
  baseCurrency: CurrencyCode;
  timeZone: string;
  locale: string;
};
