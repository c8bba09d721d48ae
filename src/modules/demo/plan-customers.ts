import { addDays, type BusinessDate } from '../../shared/time/index.ts';
import type { DemoCustomer, PaymentProfile } from './demo.types.ts';
import type { Random } from './demo-random.ts';
import { chineseContacts, digits, westernContacts } from './make-contacts.ts';
import { CITIES, INDUSTRIES, LEGAL_FORMS, SALESPEOPLE, TRADE_NAMES } from './names-cn.ts';
import { MARKETS } from './names-intl.ts';

/** The first demo customer's code; codes run C0001, C0002, ... */
export function customerCode(i: number): string {
  return `C${String(i + 1).padStart(4, '0')}`;
}

const PROFILE_SHARES: readonly (readonly [PaymentProfile, number])[] = [
  ['late', 0.3],
  ['slow', 0.17],
  ['stopped', 0.05],
];

/** Profiles by quota, not by chance, so even a small demo has every kind of payer. */
function profiles(rng: Random, count: number): PaymentProfile[] {
  const out: PaymentProfile[] = [];
  for (const [p, share] of PROFILE_SHARES) {
    const n = count >= 4 ? Math.max(1, Math.round(count * share)) : 0;
    for (let i = 0; i < n; i++) out.push(p);
  }
  while (out.length < count) out.push('punctual');
  return rng.shuffle(out.slice(0, count));
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(rng: Random, adminCode: string): string {
  let s = `91${adminCode}`;
  while (s.length < 18) s += CREDIT_CODE_CHARS[rng.int(0, CREDIT_CODE_CHARS.length - 1)];
  return s;
}

type Identity = Pick<DemoCustomer, 'currency' | 'vat' | 'products'> & {
  name: string;
  request: Omit<DemoCustomer['request'], 'code' | 'payment_terms_days' | 'credit_limit' | 'salesperson'>;
};

function chineseIdentity(rng: Random, taken: Set<string>): Identity {
  for (;;) {
    const city = rng.weighted(CITIES);
    const [trade, tradePy] = rng.pick(TRADE_NAMES);
    const industry = rng.weighted(INDUSTRIES);
    const name = `${rng.pick(city.inName)}${trade}${industry.inName}${rng.weighted(LEGAL_FORMS)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const domain = `${tradePy}${rng.chance(0.5) ? `-${industry.slug}` : ''}.${rng.pick(['com.cn', 'com', 'cn'])}`;
    return {
      name,
      currency: 'CNY',
      vat: industry.vat,
      products: industry.products,
      request: {
        name,
        legal_name: name,
        tax_id: creditCode(rng, city.adminCode),
        country: 'CN',
        currency: 'CNY',
        tags: [industry.tag, city.region],
        contacts: chineseContacts(rng, domain, city.areaCode),
      },
    };
  }
}

function foreignIdentity(rng: Random, taken: Set<string>): Identity {
  for (;;) {
    const market = rng.weighted(MARKETS);
    const who = rng.pick(market.names);
    const field = rng.pick(market.fields);
    const name = `${who} ${field} ${rng.pick(market.forms)}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const domain = `${`${who}-${field.split(' ')[0]}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z-]/g, '')}.${market.tld}`;
    const phone = () => market.phone(() => digits(rng, 8));
    return {
      name,
      currency: market.currency,
      vat: 'export',
      products: ['Precision parts', 'Electronic components', 'Packaging materials', 'Spare parts'],
      request: {
        name,
        legal_name: name,
        tax_id: market.taxId((n) => digits(rng, n)),
        country: market.country,
        currency: market.currency,
        tags: ['出口', market.region],
        contacts: westernContacts(rng, domain, phone),
      },
    };
  }
}

/** Rounds a credit limit up to a round figure, as a finance manager would set it. */
function roundLimit(amount: number, step: number): string {
  return String(Math.max(step, Math.ceil(amount / step) * step));
}

export function planCustomers(
  rng: Random,
  options: { count: number; invoices: number; months: number; today: BusinessDate },
): DemoCustomer[] {
  const { count, today } = options;
  const foreign = count >= 5 ? Math.max(1, Math.round(count * 0.08)) : 0;
  const isForeign = rng.shuffle(Array.from({ length: count }, (_, i) => i < foreign));
  const payProfiles = profiles(rng, count);
  const taken = new Set<string>();
  const drafts = payProfiles.map((profile, i) => {
    const id = isForeign[i] ? foreignIdentity(rng, taken) : chineseIdentity(rng, taken);
    const typical = isForeign[i]
      ? Math.min(60_000, Math.max(1_500, rng.logNormal(9_000, 0.7)))
      : Math.min(200_000, Math.max(3_000, rng.logNormal(id.vat === 'service' ? 12_000 : 22_000, 0.8)));
    const termsDays = isForeign[i]
      ? rng.pick([30, 60])
      : rng.weighted([
          [30, 40],
          [45, 15],
          [60, 30],
          [90, 15],
        ] as const);
    return { profile, id, typical, termsDays, weight: rng.logNormal(1, 0.9) };
  });
  const totalWeight = drafts.reduce((acc, d) => acc + d.weight, 0);
  const volume = (d: (typeof drafts)[number]) => d.weight * d.typical;
  const vipFloor = [...drafts].map(volume).sort((a, b) => b - a)[Math.floor(count * 0.1)] ?? Infinity;
  return drafts.map((d, i): DemoCustomer => {
    const code = customerCode(i);
    const monthly = ((d.weight / totalWeight) * options.invoices * d.typical * 1.2) / options.months;
    const creditLimit = rng.chance(0.06)
      ? null
      : roundLimit(monthly * (d.termsDays / 30 + 1) * 1.3, d.id.currency === 'CNY' ? 10_000 : 5_000);
    // Larger customers mostly settle monthly (月结): one transfer for all that fell due.
    const monthlyOdds = volume(d) > vipFloor ? 0.8 : 0.45;
    const payDay =
      d.id.currency === 'CNY' && rng.chance(monthlyOdds) ? rng.pick([5, 10, 15, 20, 25, 28]) : null;
    const tags = [...(d.id.request.tags ?? []), ...(volume(d) > vipFloor ? ['VIP'] : [])];
    if (payDay !== null) tags.push('月结');
    return {
      code,
      currency: d.id.currency,
      profile: d.profile,
      termsDays: d.termsDays,
      weight: d.weight,
      typicalAmount: d.typical,
      vat: d.id.vat,
      products: d.id.products,
      payDay,
      stopsOn: d.profile === 'stopped' ? addDays(today, -rng.int(150, 420)) : null,
      request: {
        ...d.id.request,
        code,
        payment_terms_days: d.termsDays,
        credit_limit: creditLimit,
        salesperson: SALESPEOPLE[i % SALESPEOPLE.length] ?? null,
        tags,
      },
    };
  });
}
