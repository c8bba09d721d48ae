export { ImportJobs, type ImportRunner } from './import-jobs.ts';
export * from './imports.schemas.ts';
export { PREVIEW_ROWS, previewImport } from './preview-import.ts';
export { runImport } from './run-import.ts';
