import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ExportedReport } from '../../modules/reports/index.ts';

export const ZExportOptions = z.object({
  format: z.enum(['csv', 'xlsx', 'pdf']).default('csv'),
  lang: z.enum(['en', 'zh-CN']).default('en'),
});

/** An exported report as a download. */
export function sendExport(reply: FastifyReply, out: ExportedReport, baseName: string) {
  return reply
    .header('content-type', out.contentType)
    .header('content-disposition', `attachment; filename="${baseName}.${out.extension}"`)
    .send(out.body);
}
