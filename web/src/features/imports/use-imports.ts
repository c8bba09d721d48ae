import { useQuery } from '@tanstack/react-query';
import type {
  TImportJob,
  TImportKind,
  TImportPreview,
} from '../../../../src/modules/imports/imports.schemas.ts';
import { ApiError, api, request } from '../../shared/api/client.ts';

/** The server's limit for an import upload. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

function upload<T>(path: string, kind: TImportKind, file: File): Promise<T> {
  return request<T>('POST', path, {
    body: file,
    query: { kind, file: file.name },
    headers: { 'content-type': 'application/octet-stream' },
  });
}

/** Checks a file as the import would, database included; writes nothing. */
export const previewImport = (kind: TImportKind, file: File) =>
  upload<TImportPreview>('/api/imports/preview', kind, file);

/** Starts the import in the background; follow it with useImportJob. */
export const startImport = (kind: TImportKind, file: File) =>
  upload<{ id: string }>('/api/imports', kind, file);

/** A running import, polled until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => api.get<TImportJob>(`/api/imports/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => {
      if (query.state.error) return false;
      return query.state.data && query.state.data.state !== 'running' ? false : 400;
    },
    // A 404 means the server forgot the import (a restart); anything else may pass.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 3,
    meta: { tables: [] },
  });
}
