import type { Random } from '../../src/modules/demo/demo-random.ts';
import {
  CITIES,
  type City,
  INDUSTRIES,
  type Industry,
  LEGAL_FORMS,
  TRADE_NAMES,
} from '../../src/modules/demo/names-cn.ts';
import {
  MARKETS,
  type Market,
  WESTERN_FIRST_NAMES,
  WESTERN_LAST_NAMES,
} from '../../src/modules/demo/names-intl.ts';

/**
 * Company names for the matching benchmark, built from the demo's word lists, and the ways a bank
 * line mangles them. A name's `core` (city + trade name + industry, or prefix + field) is unique
 * among the customers, so a fuzzy variant of it still has one true owner.
 */
export type CompanyName = {
  name: string;
  core: string;
  /** How the payer's bank may spell it in Latin letters (pinyin/English form). */
  latin: string;
  isChinese: boolean;
  currency: 'CNY' | 'USD' | 'EUR';
};

// Bank exports spell Chinese payers in pinyin or in the company's English name: these are the
// readings of the demo's cities and industries (not in the demo lists, which only need Chinese).
const CITY_PINYIN: Record<string, string> = {
  上海: 'Shanghai',
  深圳: 'Shenzhen',
  苏州: 'Suzhou',
  广州: 'Guangzhou',
  杭州: 'Hangzhou',
  东莞: 'Dongguan',
  宁波: 'Ningbo',
  北京: 'Beijing',
  南京: 'Nanjing',
  无锡: 'Wuxi',
  佛山: 'Foshan',
  天津: 'Tianjin',
  青岛: 'Qingdao',
  厦门: 'Xiamen',
  成都: 'Chengdu',
  重庆: 'Chongqing',
  武汉: 'Wuhan',
  长沙: 'Changsha',
  合肥: 'Hefei',
  郑州: 'Zhengzhou',
  西安: "Xi'an",
};
const INDUSTRY_EN: Record<string, string> = {
  machinery: 'Precision Machinery',
  tech: 'Electronic Technology',
  pack: 'Packaging Materials',
  chem: 'Chemical',
  auto: 'Auto Parts',
  jiancai: 'Building Materials',
  textile: 'Textile',
  food: 'Food',
  medical: 'Medical Devices',
  energy: 'New Energy Technology',
  hardware: 'Hardware Products',
  plastic: 'Plastic Products',
  trade: 'Trading',
  it: 'Information Technology',
  consulting: 'Management Consulting',
};
const FORM_EN: Record<string, string> = {
  有限公司: 'Co., Ltd.',
  股份有限公司: 'Co., Ltd.',
  有限责任公司: 'Co., Ltd.',
  集团有限公司: 'Group Co., Ltd.',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 字号: one trade name of the demo, or two of them run together (华美鑫源), for enough distinct names. */
function tradeName(rng: Random): readonly [string, string] {
  const [a, aPy] = rng.pick(TRADE_NAMES);
  if (rng.chance(0.2)) return [a, capital(aPy)];
  const [b, bPy] = rng.pick(TRADE_NAMES);
  return a === b ? [a, capital(aPy)] : [`${a}${b}`, `${capital(aPy)} ${capital(bPy)}`];
}

export function chineseName(rng: Random): CompanyName {
  const city: City = rng.weighted(CITIES);
  const [trade, tradeLatin] = tradeName(rng);
  const industry: Industry = rng.weighted(INDUSTRIES);
  const form = rng.weighted(LEGAL_FORMS);
  return {
    name: `${rng.pick(city.inName)}${trade}${industry.inName}${form}`,
    core: `${city.name}|${trade}|${industry.inName}`,
    latin: `${CITY_PINYIN[city.name] ?? ''} ${tradeLatin} ${INDUSTRY_EN[industry.slug] ?? ''} ${FORM_EN[form] ?? 'Co., Ltd.'}`,
    isChinese: true,
    currency: 'CNY',
  };
}

export function foreignName(rng: Random): CompanyName {
  const market: Market = rng.weighted(MARKETS);
  const who = rng.pick(market.names);
  const last = rng.pick(WESTERN_LAST_NAMES);
  const prefix = rng.weighted([
    [who, 1],
    [`${who} ${last}`, 3],
    [`${last} & ${rng.pick(WESTERN_LAST_NAMES)}`, 3],
    [`${rng.pick(WESTERN_FIRST_NAMES)} ${last}`, 2],
  ] as const);
  const field = rng.pick(market.fields);
  const name = `${prefix} ${field} ${rng.pick(market.forms)}`;
  return { name, core: `${prefix}|${field}`, latin: name, isChinese: false, currency: market.currency };
}

const CN_FORMS = ['集团有限公司', '股份有限公司', '有限责任公司', '有限公司'];
const LATIN_FORMS =
  /\s*,?\s*\b(Co\.,? Ltd\.?|Pte\.? Ltd\.?|Co\., Limited|Limited|Ltd\.?|GmbH & Co\. KG|GmbH|B\.V\.|SAS|SARL|S\.r\.l\.|S\.p\.A\.|Inc\.|LLC|Corp\.)$/;

function dropForm(name: string): string {
  for (const f of CN_FORMS) if (name.endsWith(f)) return name.slice(0, -f.length);
  return name.replace(LATIN_FORMS, '');
}

/** One typo: a dropped, doubled or swapped character, away from the first one. */
function typo(rng: Random, name: string): string {
  const chars = [...name];
  if (chars.length < 5) return name;
  const i = rng.int(1, chars.length - 3);
  switch (rng.int(0, 2)) {
    case 0:
      chars.splice(i, 1);
      break;
    case 1:
      chars.splice(i, 0, chars[i] as string);
      break;
    default:
      [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
  }
  return chars.join('');
}

/** How a payer's name arrives when it is not the customer's name: one or two kinds of noise. */
export function nameVariant(rng: Random, c: CompanyName): string {
  let v = c.isChinese && rng.chance(0.35) ? c.latin : c.name;
  const isLatin = !c.isChinese || v === c.latin;
  if (rng.chance(0.6)) v = dropForm(v);
  if (c.isChinese && !isLatin && rng.chance(0.25))
    v = v.replace(/^(.{2})市/, '$1').replace(/^(上海|北京|天津|重庆)/, '$1市');
  if (isLatin && rng.chance(0.5)) v = rng.chance(0.5) ? v.toUpperCase() : v.replace(/[.,]/g, '');
  if (rng.chance(0.45) || v === c.name) v = typo(rng, v);
  return v;
}

/** A remittance reference to invoice number `n` (INV-000123) as people and OCR write it. */
export function noisyReference(rng: Random, n: number): string {
  const six = String(n).padStart(6, '0');
  const bare = String(n);
  // OCR reads a zero as the letter O: the first zero always, the others by chance.
  const ocr = six.replace('0', 'O').replace(/0/g, () => (rng.chance(0.5) ? 'O' : '0'));
  return rng.weighted([
    [`INV-${six}`, 3],
    [`inv ${bare}`, 2],
    [`INV${six.replace(/^0/, '')}`, 1],
    [`INV${six}`, 1],
    [`发票号${bare}`, 2],
    [`发票 INV-${six}`, 1],
    [`INV-${ocr}`, 1],
    [`Invoice no. ${bare}`, 1],
    [`inv-${six}`, 1],
  ] as const);
}
