import { ApiError, api } from '../../../lib/api';
import type { ErrorCode } from '../../../lib/api-types';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type {
  DocumentCorrect,
  DocumentCreate,
  DocumentUpdate,
  FileVerification,
  OfficialDocument,
  ServiceInput,
  ServiceResultInput,
  SubjectType,
  Verification,
} from '../types';

export const documentsApi = {
  types: (signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/documents/types'>>('/api/documents/types', undefined, signal),
  list: (subjectType: SubjectType, subjectId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/documents'>>('/api/documents', { subjectType, subjectId }, signal),
  /** The matter's documents and those of all its cases (the master record). */
  listForMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/matters/{id}/documents'>>(
      `/api/matters/${matterId}/documents`,
      undefined,
      signal,
    ),
  get: (id: string, signal?: AbortSignal) =>
    api.get<OfficialDocument>(`/api/documents/${id}`, undefined, signal),
  create: (body: DocumentCreate) => api.post<OfficialDocument>('/api/documents', body),
  update: (id: string, body: DocumentUpdate) => api.patch<OfficialDocument>(`/api/documents/${id}`, body),
  issue: (id: string, rowVersion: number) =>
    api.post<OfficialDocument>(`/api/documents/${id}/issue`, { rowVersion }),
  correct: (id: string, body: DocumentCorrect) =>
    api.post<ResponseOf<'/api/documents/{id}/correct', 'post'>>(`/api/documents/${id}/correct`, body),
  retry: (id: string) => api.post<OfficialDocument>(`/api/documents/${id}/render`, {}),
  /** The parties of the document's matter, with the e-service consent on their record. */
  recipients: (id: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/documents/{id}/recipients'>>(
      `/api/documents/${id}/recipients`,
      undefined,
      signal,
    ),
  serve: (id: string, body: ServiceInput) => api.post<OfficialDocument>(`/api/documents/${id}/service`, body),
  serviceResult: (id: string, serviceId: string, body: ServiceResultInput) =>
    api.post<OfficialDocument>(`/api/documents/${id}/service/${serviceId}/result`, body),
};

export const documentFileUrl = (id: string, kind: 'pdf' | 'docx') => `/api/documents/${id}/${kind}`;
export const proofOfServiceUrl = (id: string, serviceId: string) =>
  `/api/documents/${id}/proof-of-service.pdf?serviceId=${serviceId}`;

/** Public: no session, no CSRF. */
export const verifyApi = {
  byCode: (code: string, signal?: AbortSignal) =>
    api.get<Verification>(`/api/verify/${encodeURIComponent(code)}`, undefined, signal),
  async byFile(file: File): Promise<FileVerification> {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch('/api/verify/file', { method: 'POST', body: form, credentials: 'omit' });
    const body = (await res.json().catch(() => null)) as (FileVerification & { code?: ErrorCode }) | null;
    if (!res.ok || !body) {
      throw new ApiError(
        res.status,
        body?.code ?? `HTTP_${res.status}`,
        body?.message ?? '核验失败，请稍后再试',
      );
    }
    return body;
  },
};
