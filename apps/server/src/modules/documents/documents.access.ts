import type { Permission } from '@onestop/domain';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../platform/errors';

/**
 * Who may draft, issue, correct and serve documents: staff who can read matters and hold at least
 * one work permission of a function that issues documents. Reading documents needs matter.read only.
 */
export const DOCUMENT_WORK_PERMISSIONS: readonly Permission[] = [
  'intake.create',
  'mediation.work',
  'arbitration.work',
  'arbitration.clerk',
  'inspection.work',
  'petition.work',
  'legal_aid.work',
];

export function canWorkOnDocuments(permissions: ReadonlySet<Permission>): boolean {
  return permissions.has('matter.read') && DOCUMENT_WORK_PERMISSIONS.some((p) => permissions.has(p));
}

/** The work permission used, for the audit record's role; throws 403 when there is none. */
export function requireDocumentWork(req: FastifyRequest): Permission {
  const perms = req.auth?.permissions ?? new Set<Permission>();
  if (!canWorkOnDocuments(perms)) throw errors.forbidden('您没有制作、签发或送达文书的权限');
  return DOCUMENT_WORK_PERMISSIONS.find((p) => perms.has(p)) as Permission;
}

/** Content-Disposition with a Chinese file name (RFC 6266 / 5987), ASCII fallback for old clients. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string, ext: 'pdf' | 'docx'): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${kind}; filename="document.${ext}"; filename*=UTF-8''${encodeURIComponent(`${safe}.${ext}`)}`;
}
