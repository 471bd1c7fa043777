import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { serveAuditedFile, storeFiles } from '../../platform/files';
import type { FileStore } from '../../platform/storage';
import { storedFileColumns } from '../matters';
import { preventionUpload } from './prevention.evidence';
import { visitForStaff } from './prevention.outreach.service';
import { recordPreventionChange } from './prevention.service';

/**
 * Photos of a visit or 普法 session (multipart: one or more file parts). Like the assessment evidence:
 * streamed to temporary files, checked by content (JPEG, PNG, PDF), stored by SHA-256, then recorded
 * in one transaction with the module's timeline row and the audit entry.
 */
export async function uploadVisitPhotos(
  ctx: AppContext,
  storage: FileStore,
  req: FastifyRequest,
  visitId: string,
) {
  const { db } = ctx.database;
  const auth = req.auth!;
  const visit = await visitForStaff(db, auth, visitId);
  if (visit.status === 'cancelled') throw new AppError(409, 'VISIT_CANCELLED', '该走访已取消，不能上传照片');
  return storeFiles(storage, req, preventionUpload('JPEG、PNG 或 PDF', '请选择要上传的照片'), (files) =>
    db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('prevention_visit_photo')
        .values(
          files.map((f) => ({
            visit_id: visitId,
            ...storedFileColumns(f),
            uploaded_by: auth.userId,
          })),
        )
        .returning(['id', 'file_name', 'content_type', 'size_bytes'])
        .execute();
      await recordPreventionChange(
        trx,
        actorOf(req, 'prevention.work'),
        { type: 'prevention_visit', id: visitId, organizationId: null },
        'visit.photo',
        `上传走访照片${rows.length}张：${rows.map((r) => r.file_name).join('、')}`,
        files.map((f) => ({ name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
      );
      return rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
      }));
    }),
  );
}

/** A photo for staff of the visit's jurisdiction; every view is audited. */
export async function downloadVisitPhoto(
  ctx: AppContext,
  storage: FileStore,
  req: FastifyRequest,
  id: string,
) {
  const { db } = ctx.database;
  const p = await db
    .selectFrom('prevention_visit_photo')
    .select(['id', 'visit_id', 'file_name', 'content_type', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!p) throw errors.notFound('走访照片');
  await visitForStaff(db, req.auth!, p.visit_id);
  return serveAuditedFile(
    db,
    storage,
    actorOf(req, 'prevention.work'),
    { sha256: p.sha256, contentType: p.content_type, fileName: p.file_name, missing: '走访照片文件' },
    {
      action: 'prevention.visit.photo.view',
      entityType: 'prevention_visit_photo',
      entityId: p.id,
      summary: `查看走访照片“${p.file_name}”`,
    },
  );
}
