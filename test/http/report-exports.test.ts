import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/shared/db/index.ts';
import { openPgliteTestDatabase } from '../../src/shared/testing/test-database.ts';
import { seedBusiness } from '../support/org-business.ts';
import { type Harness, openHarness } from './http-harness.ts';

describe('report exports over HTTP', () => {
  let database: Database;
  let h: Harness;
  beforeAll(async () => {
    database = await openPgliteTestDatabase();
    h = await openHarness(database);
    await seedBusiness(h.ctx, 'EXP');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await database?.close();
  });

  it('aging, KPIs and forecast download as CSV, xlsx and PDF (Chinese text with an embedded CJK font)', async () => {
    const cases = [
      ['/api/reports/aging/export?as_of=2025-06-30&by=customer&format=pdf&lang=zh-CN', 'application/pdf'],
      ['/api/reports/aging/export?as_of=2025-06-30&format=csv', 'text/csv'],
      ['/api/kpis/export?as_of=2025-06-30&format=xlsx&lang=zh-CN', 'spreadsheetml'],
      ['/api/kpis/export?as_of=2025-06-30&format=pdf', 'application/pdf'],
      ['/api/forecast/export?as_of=2025-06-30&format=csv&lang=zh-CN', 'text/csv'],
      ['/api/forecast/export?as_of=2025-06-30&format=pdf', 'application/pdf'],
    ] as const;
    for (const [url, type] of cases) {
      const res = await h.call({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
      if (type === 'application/pdf') {
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        expect(res.rawPayload.toString('latin1')).toMatch(/FontFile|NotoSansCJK/);
      }
    }
    const exported = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('org_id', '=', h.ctx.org.id)
      .where('action', '=', 'report.exported')
      .execute();
    expect(exported.map((e) => e.entity_id).sort()).toEqual([
      'aging',
      'aging',
      'forecast',
      'forecast',
      'kpis',
      'kpis',
    ]);
  });
});
