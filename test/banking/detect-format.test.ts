import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectStatementFormat, parseStatementFile } from '../../src/modules/banking/parse-statement-file.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const ROOT = sharedDataFile('bank-statements');
const hasData = existsSync(ROOT);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Each sample folder's statement files, and the reader their content must select. */
const FOLDERS = [
  { folder: 'camt-genkgo', reader: 'camt', pick: (f: string) => f.endsWith('.xml') && !f.includes('wrong') },
  { folder: 'ofx-ofxparse', reader: 'ofx', pick: (f: string) => /\.(ofx|qfx)$/i.test(f) },
  {
    folder: 'mt940-wolph',
    reader: 'mt940',
    // Statements only (:20:, :25: and :28C: are mandatory): the folder also holds one-field
    // snippets of a parser's unit tests.
    pick: (f: string) => {
      const text = readFileSync(f, 'latin1');
      return /\.(sta|txt)$/i.test(f) && [':20:', ':25:', ':28'].every((t) => text.includes(t));
    },
  },
  { folder: 'bai2-moov', reader: 'bai2', pick: (f: string) => /sample\d.*\.txt$/.test(f) },
  { folder: 'cn-banks', reader: 'table', pick: (f: string) => /\.(csv|xlsx)$/i.test(f) },
] as const;

describe.skipIf(!hasData)('statement format detection over every sample', () => {
  for (const { folder, reader, pick } of FOLDERS) {
    it(`recognises every ${folder} file as ${reader}`, () => {
      const wrong: string[] = [];
      let seen = 0;
      for (const path of files(join(ROOT, folder))) {
        if (!pick(path)) continue;
        seen += 1;
        const got = detectStatementFormat({ name: basename(path), bytes: readFileSync(path) });
        if (got !== reader) wrong.push(`${path.slice(ROOT.length + 1)}: ${got}`);
      }
      expect(seen).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }

  it('parses through the one entry point, whatever the format', async () => {
    const samples = [
      ['camt-genkgo/camt054.v2.xml', 'camt.054'],
      ['ofx-ofxparse/bank_medium.ofx', 'ofx'],
      ['mt940-wolph/jejik/sns.sta', 'mt940'],
      ['bai2-moov/sample1.txt', 'bai2'],
      ['cn-banks/icbc/debit-v1/example-icbc-debit-v1-records.csv', 'csv'],
    ] as const;
    for (const [file, format] of samples) {
      const parsed = await parseStatementFile({
        name: basename(file),
        bytes: readFileSync(join(ROOT, file)),
      });
      expect(parsed.format, file).toBe(format);
      expect(parsed.statements.flatMap((s) => s.transactions).length, file).toBeGreaterThan(0);
    }
  });

  it('refuses what is no bank statement, naming the file', async () => {
    const bytes = new TextEncoder().encode('hello,world\n1,2\n');
    expect(detectStatementFormat({ name: 'notes.csv', bytes })).toBeNull();
    await expect(parseStatementFile({ name: 'notes.csv', bytes })).rejects.toMatchObject({
      code: 'IMPORT_FORMAT_UNSUPPORTED',
      message: expect.stringContaining('notes.csv'),
    });
  });
});
