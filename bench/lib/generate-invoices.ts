import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const OUT_DIR = fileURLToPath(new URL('../out/', import.meta.url));

/** The canonical import header, plus fx_rate (blank on CNY rows) for the foreign-currency rows. */
export const INVOICE_CSV_HEADER =
  'customer_code,customer_name,invoice_number,issue_date,due_date,currency,amount,tax_amount,po_number,salesperson,payment_terms_days,fx_rate';

/** mulberry32: small, fast and the same sequence on every machine for one seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word lists, `|`-separated to keep them on one line each. */
const words = (list: string): readonly string[] => list.split('|');
const CITIES = words(
  '北京|上海|广州|深圳|杭州|苏州|南京|成都|武汉|天津|重庆|西安|宁波|青岛|厦门|无锡|佛山|东莞|长沙|郑州',
);
const BRANDS = words(
  '华润|恒通|鑫达|永盛|宏远|金桥|瑞丰|中联|博远|嘉和|新航|东方|海天|盛世|联创|天成|鼎力|汇通|光明|正泰',
);
const TRADES = words('贸易|科技|电子|机械|化工|物流|建材|食品|纺织|医药|信息技术|实业');
const CN_FORMS = words('有限公司|股份有限公司|有限责任公司');
const LATIN_NAMES = words(
  "Acme|Northwind|Globex|Initech|Contoso|Fabrikam|Tailspin|Wide World|Blue Yonder|Adventure Works|Litware|Proseware|Lucerne|Coho|Alpine|Margie's|Harbour|Meridian|Sunrise|Evergreen",
);
const LATIN_TRADES = words('Trading|Industries|Logistics|Electronics|Foods|Textiles|Pharma|Machinery');
// "Co., Ltd." has a comma, so those names are quoted in the CSV, as real exports are.
const LATIN_FORMS = words('GmbH|Ltd.|Inc.|Pte. Ltd.|S.A.|Co., Ltd.|B.V.|LLC');
const SALESPEOPLE = words('张伟|王芳|李娜|刘洋|陈静|杨磊|赵敏|黄俊|Li Wei|Chen Jie');
const TERMS = [30, 30, 45, 60, 60, 90];

type Customer = {
  code: string;
  name: string;
  currency: 'CNY' | 'USD' | 'EUR';
  taxPercent: number;
  terms: number;
  salesperson: string;
};

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function makeCustomers(count: number, rnd: () => number): Customer[] {
  const out: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const isChinese = rnd() < 0.75;
    const name = isChinese
      ? `${pick(rnd, CITIES)}${pick(rnd, BRANDS)}${pick(rnd, TRADES)}${pick(rnd, CN_FORMS)}`
      : `${pick(rnd, LATIN_NAMES)} ${pick(rnd, LATIN_TRADES)} ${pick(rnd, LATIN_FORMS)}`;
    const u = rnd();
    // Foreign customers are often billed in USD or EUR, zero-rated for export; domestic ones in CNY with VAT.
    const currency = isChinese || u < 0.5 ? 'CNY' : u < 0.85 ? 'USD' : 'EUR';
    const taxPercent = currency !== 'CNY' ? 0 : rnd() < 0.8 ? 13 : 6;
    out.push({
      code: `C${String(i + 1).padStart(6, '0')}`,
      name,
      currency,
      taxPercent,
      terms: pick(rnd, TERMS),
      salesperson: pick(rnd, SALESPEOPLE),
    });
  }
  return out;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function decimal2(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

function rate4(tenThousandths: number): string {
  return `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

const DAY_MS = 86_400_000;
const FIRST_ISSUE = Date.UTC(2025, 0, 1);
const ISSUE_SPAN_DAYS = 660; // up to mid-October 2026: every invoice is issued before the benchmarks run

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export type GeneratedFile = {
  path: string;
  rows: number;
  customers: number;
  bytes: number;
  ms: number;
  isCached: boolean;
};

/**
 * Writes a deterministic invoice CSV: the same rows, customers and seed give the same bytes. Each of
 * the first `customers` rows names a new customer (so all of them exist); the rest lean towards the
 * first customers, as real receivables do. Issue dates rise with the invoice number.
 */
export function generateInvoicesCsv(options: {
  rows: number;
  customers: number;
  seed?: number;
  path?: string;
  reuse?: boolean;
}): GeneratedFile {
  const seed = options.seed ?? 20_250_101;
  const path = options.path ?? `${OUT_DIR}invoices-${options.rows}-${options.customers}-s${seed}.csv`;
  mkdirSync(OUT_DIR, { recursive: true });
  if (options.reuse) {
    try {
      const size = statSync(path).size;
      return { path, rows: options.rows, customers: options.customers, bytes: size, ms: 0, isCached: true };
    } catch {
      // not there yet: generate it
    }
  }
  const started = performance.now();
  const rnd = prng(seed);
  const customers = makeCustomers(Math.max(1, options.customers), rnd);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const flush = (chunk: string) => {
    const buffer = Buffer.from(chunk, 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
  };
  try {
    let chunk = `${INVOICE_CSV_HEADER}\n`;
    for (let i = 0; i < options.rows; i++) {
      const c =
        i < customers.length
          ? (customers[i] as Customer)
          : (customers[Math.floor(customers.length * rnd() ** 2)] as Customer);
      const day = Math.floor((i * ISSUE_SPAN_DAYS) / Math.max(1, options.rows));
      const issue = FIRST_ISSUE + day * DAY_MS;
      const terms = rnd() < 0.9 ? c.terms : pick(rnd, TERMS);
      // Net amounts from 100.00 to 200,000.00, log-uniform: many small invoices, a few large ones.
      const net = Math.round(10_000 * 2000 ** rnd());
      const tax = Math.floor((net * c.taxPercent + 50) / 100);
      // Rates in ten-thousandths, drifting with the date: USD 7.05-7.29, EUR 7.60-7.95.
      const fx =
        c.currency === 'USD' ? 70_500 + (day % 97) * 25 : c.currency === 'EUR' ? 76_000 + (day % 89) * 40 : 0;
      const po = rnd() < 0.6 ? `PO-${String(Math.floor(rnd() * 1_000_000)).padStart(6, '0')}` : '';
      const salesperson = rnd() < 0.8 ? c.salesperson : '';
      chunk += `${c.code},${csvCell(c.name)},INV-${isoDate(issue).slice(0, 4)}-${String(i + 1).padStart(7, '0')},${isoDate(issue)},${isoDate(issue + terms * DAY_MS)},${c.currency},${decimal2(net + tax)},${decimal2(tax)},${po},${salesperson},${terms},${fx === 0 ? '' : rate4(fx)}\n`;
      if ((i + 1) % 20_000 === 0) {
        flush(chunk);
        chunk = '';
      }
    }
    flush(chunk);
  } finally {
    closeSync(fd);
  }
  return {
    path,
    rows: options.rows,
    customers: options.customers,
    bytes,
    ms: performance.now() - started,
    isCached: false,
  };
}
