import type { TCreateCustomerRequest } from '../customers/index.ts';
import type { Random } from './demo-random.ts';
import { GIVEN_NAMES, MOBILE_PREFIXES, SURNAMES } from './names-cn.ts';
import { WESTERN_FIRST_NAMES, WESTERN_LAST_NAMES } from './names-intl.ts';

type Contact = NonNullable<TCreateCustomerRequest['contacts']>[number];

export function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function mobile(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)} ${digits(rng, 4)} ${digits(rng, 4)}`;
}

function landline(rng: Random, areaCode: string): string {
  return `${areaCode}-${rng.int(2, 8)}${digits(rng, areaCode.length === 3 ? 7 : 6)}`;
}

/** A finance contact (primary), often a buyer, sometimes the boss: how a Chinese AR clerk keeps them. */
export function chineseContacts(rng: Random, domain: string, areaCode: string): Contact[] {
  const person = () => {
    const [surname, surnamePy] = rng.pick(SURNAMES);
    const [given, givenPy] = rng.pick(GIVEN_NAMES);
    return { name: `${surname}${given}`, handle: `${surnamePy}${givenPy}` };
  };
  const finance = person();
  const phone = mobile(rng);
  const email = rng.weighted<string>([
    [`${finance.handle}@${domain}`, 50],
    [`caiwu@${domain}`, 25],
    [`${phone.replace(/ /g, '')}@163.com`, 10],
    [`${digits(rng, rng.int(8, 10))}@qq.com`, 15],
  ]);
  const contacts: Contact[] = [
    {
      name: finance.name,
      email,
      phone,
      preferred_channel: rng.weighted([
        ['wechat', 40],
        ['phone', 25],
        ['email', 25],
        ['sms', 8],
        ['letter', 2],
      ] as const),
      is_primary: true,
    },
  ];
  if (rng.chance(0.6)) {
    const buyer = person();
    contacts.push({
      name: buyer.name,
      email: rng.chance(0.5) ? `${buyer.handle}@${domain}` : null,
      phone: rng.chance(0.7) ? mobile(rng) : landline(rng, areaCode),
      preferred_channel: rng.chance(0.6) ? 'wechat' : 'phone',
      is_primary: false,
    });
  }
  if (rng.chance(0.2)) {
    contacts.push({ name: person().name, phone: mobile(rng), preferred_channel: 'phone', is_primary: false });
  }
  return contacts;
}

export function westernContacts(rng: Random, domain: string, phone: () => string): Contact[] {
  const count = rng.chance(0.4) ? 2 : 1;
  return Array.from({ length: count }, (_, i) => {
    const first = rng.pick(WESTERN_FIRST_NAMES);
    const last = rng.pick(WESTERN_LAST_NAMES);
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z.]/g, '');
    return {
      name: `${first} ${last}`,
      email: i === 0 && rng.chance(0.3) ? `accounts.payable@${domain}` : `${handle}@${domain}`,
      phone: phone(),
      preferred_channel: rng.chance(0.85) ? 'email' : 'phone',
      is_primary: i === 0,
    };
  });
}
