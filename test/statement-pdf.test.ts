import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordReceipt } from '../src/modules/receivables/index.ts';
import {
  buildStatement,
  type CjkFont,
  findCjkFont,
  loadCjkFont,
  renderStatementPdf,
  type TStatementDto,
} from '../src/modules/reports/statements/index.ts';
import { CUSTOMER_NAME, TITLE } from '../src/modules/reports/statements/pdf/pdf-layout.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from './support/factories.ts';

type Png = { width: number; height: number; data: Buffer };
type PngModule = { PNG: { sync: { read(buffer: Buffer): Png } } };

const hasTool = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const HAS_PDFTOPPM = hasTool('pdftoppm');
if (!HAS_PDFTOPPM) {
  console.warn('SKIPPED: statement PDF -> PNG checks need pdftoppm (apt-get install poppler-utils)');
}

const DPI = 50;
const px = (pt: number) => Math.round((pt * DPI) / 72);

/** Dark pixels (luminance under 128) of a rectangle given in points. */
function darkPixels(png: Png, box: { x: number; y: number; width: number; height: number }): number {
  let dark = 0;
  for (let y = px(box.y); y < Math.min(png.height, px(box.y + box.height)); y += 1) {
    for (let x = px(box.x); x < Math.min(png.width, px(box.x + box.width)); x += 1) {
      const i = (y * png.width + x) * 4;
      const lum =
        0.299 * (png.data[i] ?? 255) + 0.587 * (png.data[i + 1] ?? 255) + 0.114 * (png.data[i + 2] ?? 255);
      if (lum < 128) dark += 1;
    }
  }
  return dark;
}

async function firstPageAsPng(pdf: Buffer): Promise<Png> {
  const dir = mkdtempSync(join(tmpdir(), 'settle-statement-'));
  try {
    writeFileSync(join(dir, 's.pdf'), pdf);
    execFileSync(
      'pdftoppm',
      ['-r', String(DPI), '-png', '-f', '1', '-l', '1', '-singlefile', 's.pdf', 'page'],
      {
        cwd: dir,
      },
    );
    // pngjs comes with qrcode; it has no types of its own.
    const specifier = 'pngjs';
    const { PNG } = (await import(specifier)) as PngModule;
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(openTestDatabases())('statement PDF on $name', ({ open }) => {
  const NAME = '上海星辰贸易有限公司';
  let database: Database;
  let statement: TStatementDto;
  let long: TStatementDto;
  let font: CjkFont;
  beforeAll(async () => {
    database = await open();
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx, { name: NAME, legal_name: '上海星辰贸易有限公司（总部）' });
    for (let i = 1; i <= 70; i += 1) {
      const day = `2025-03-${String((i % 28) + 1).padStart(2, '0')}`;
      const number = `INV-${i}`;
      await seedIssuedInvoice(ctx, c.code, {
        number,
        issue_date: day,
        amount: `${i}00.00`,
        tax_amount: undefined,
      });
      if (i % 5 === 0)
        await recordReceipt(ctx, {
          customer: c.code,
          date: day,
          amount: '50.00',
          applications: [{ invoice: number }],
        });
    }
    statement = await buildStatement(ctx, { customer: c.code, from: '2025-03-01', to: '2025-03-05' });
    long = await buildStatement(ctx, {
      customer: c.code,
      from: '2025-03-01',
      to: '2025-03-31',
      locale: 'en',
    });
    font = await loadCjkFont(findCjkFont(process.env));
    console.info(`statement PDF font: ${font.familyName} (${font.postscriptName}) from ${font.path}`);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('embeds the CJK font, subset, in the font dictionary', async () => {
    const pdf = await renderStatementPdf(statement, font);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font.postscriptName}`));
    expect(text).toMatch(/\/FontFile[23]? \d+ 0 R/);
  });

  it.skipIf(!HAS_PDFTOPPM)(
    'draws the Chinese title and customer name: ink where they are, a page not blank',
    async () => {
      const png = await firstPageAsPng(await renderStatementPdf(statement, font));
      const total = darkPixels(png, { x: 0, y: 0, width: 595, height: 842 });
      expect(total).toBeGreaterThan(1000);
      expect(total).toBeLessThan(png.width * png.height * 0.3);
      // 对账单 at 20pt: three glyphs, 60pt wide.
      expect(
        darkPixels(png, { x: TITLE.x, y: TITLE.y, width: 3 * TITLE.size, height: TITLE.size * 1.4 }),
      ).toBeGreaterThan(40);
      const name = {
        x: CUSTOMER_NAME.x,
        y: CUSTOMER_NAME.y,
        width: NAME.length * CUSTOMER_NAME.size,
        height: 17,
      };
      expect(darkPixels(png, name)).toBeGreaterThan(60);
      // Right of the title, where nothing is drawn.
      expect(darkPixels(png, { x: TITLE.x + 200, y: TITLE.y, width: 200, height: TITLE.size })).toBe(0);
    },
  );

  it.skipIf(!HAS_PDFTOPPM)(
    'the text is Chinese text, page after page, each with the table header',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'settle-statement-'));
      try {
        writeFileSync(join(dir, 'zh.pdf'), await renderStatementPdf(statement, font));
        writeFileSync(join(dir, 'en.pdf'), await renderStatementPdf(long, font));
        const zh = execFileSync('pdftotext', ['-layout', 'zh.pdf', '-'], { cwd: dir }).toString();
        expect(zh).toContain('对账单');
        expect(zh).toContain(NAME);
        expect(zh).toContain('期初余额');
        const pages = execFileSync('pdftotext', ['-layout', 'en.pdf', '-'], { cwd: dir })
          .toString()
          .split('\f');
        const printed = pages.filter((p) => p.trim() !== '');
        expect(printed.length).toBeGreaterThan(1);
        printed.forEach((p, i) => {
          expect(p).toMatch(/Date\s+Type\s+Number\s+Description\s+Debit\s+Credit\s+Balance/);
          expect(p).toContain(`Page ${i + 1} of ${printed.length}`);
        });
        expect(printed.at(-1)).toContain('Balance due');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('refuses, rather than print boxes, a character the font does not have', async () => {
    const odd = { ...statement, customer: { ...statement.customer, name: `${NAME}\u{1F600}` } };
    await expect(renderStatementPdf(odd, font)).rejects.toThrow(/cannot draw/);
  });
});
