import { writeFileSync } from 'node:fs';
import { exportReport, type ReportTable } from '../modules/reports/index.ts';
import type { Ctx } from '../shared/context/index.ts';
import type { Io } from './io.ts';

export type ExportFlags = { csv?: string; xlsx?: string; pdf?: string };

/** Writes a report to each file asked for (--csv, --xlsx, --pdf); each export goes on the audit trail. */
export async function writeExportFiles(
  io: Io,
  ctx: Ctx,
  report: { name: string; table: ReportTable; filters: Record<string, unknown> },
  flags: ExportFlags,
): Promise<void> {
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    const file = flags[format];
    if (!file) continue;
    const out = await exportReport(ctx, report, format, { fontEnv: process.env });
    writeFileSync(file, out.body);
    io.err(`Wrote ${file}`);
  }
}

/** The same three options on any report command. */
export const EXPORT_OPTIONS: [string, string][] = [
  ['--csv <file>', 'also write the report as CSV (UTF-8 with BOM, opens in Excel)'],
  ['--xlsx <file>', 'also write the report as an Excel workbook'],
  ['--pdf <file>', 'also write the report as PDF (needs a CJK font: fonts-noto-cjk or SETTLE_CJK_FONT)'],
  ['--lang <locale>', 'language of exported files: en (default) or zh-CN'],
];
