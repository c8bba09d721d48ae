import type { Ctx } from '../../shared/context/index.ts';
import type { TabularFile } from '../../shared/tabular/index.ts';
import { importCustomers } from '../customers/index.ts';
import { importInvoices } from '../receivables/index.ts';
import type { TImportKind, TImportProgress, TImportResultDto } from './imports.schemas.ts';

/** Runs one import of either kind, all or nothing, reporting its phases as it goes. */
export function runImport(
  ctx: Ctx,
  kind: TImportKind,
  file: TabularFile,
  report: (progress: TImportProgress) => void,
): Promise<TImportResultDto> {
  return kind === 'invoices'
    ? importInvoices(ctx, file, { onProgress: report })
    : importCustomers(ctx, file, { onProgress: report });
}
