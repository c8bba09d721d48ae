import { describe, expect, it } from 'vitest';
import { type ExportRow, exportHeader, exportLine } from './audit-export-lines.ts';

const row: ExportRow = {
  seq: '12',
  occurred_at: '2025-06-30T01:02:03.456789Z',
  actor: 'user:ana@x.com',
  ip: null,
  action: 'update',
  entity: 'customers',
  entity_id: 'c1',
  before: '{"name": "A, \\"B\\""}',
  after: '{"amount": 1.50}',
  prev_hash: '00',
  hash: 'ff',
};

describe('audit export lines', () => {
  it('quotes CSV cells that need it and leaves nulls empty', () => {
    expect(exportHeader('csv')).toBe(
      '\uFEFFseq,occurred_at,actor,ip,action,entity,entity_id,before,after,prev_hash,hash\r\n',
    );
    expect(exportLine('csv', row)).toBe(
      '12,2025-06-30T01:02:03.456789Z,user:ana@x.com,,update,customers,c1,"{""name"": ""A, \\""B\\""""}","{""amount"": 1.50}",00,ff\r\n',
    );
  });

  it('writes JSON lines with the stored JSON embedded as it is (1.50 stays 1.50)', () => {
    const line = exportLine('jsonl', row);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line).toContain('"after":{"amount": 1.50}');
    expect(JSON.parse(line)).toMatchObject({ seq: 12, ip: null, before: { name: 'A, "B"' }, hash: 'ff' });
    expect(exportHeader('jsonl')).toBe('');
  });
});
