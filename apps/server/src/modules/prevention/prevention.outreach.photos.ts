import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import {
  contentKey,
  discardSpooled,
  type FileStore,
  type SpooledUpload,
  spoolUpload,
  UploadTooLargeError,
} from '../../platform/storage';
import { evidenceFileName, sniffEvidenceType } from '../matters';
import { PREVENTION_EVIDENCE_MAX_BYTES } from './prevention.evidence';
import { visitForStaff } from './prevention.outreach.service';

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
  if (!req.isMultipart()) throw new AppError(400, 'EVIDENCE_MULTIPART', '请以 multipart/form-data 上传文件');
  const files: (SpooledUpload & { name: string; type: NonNullable<ReturnType<typeof sniffEvidenceType>> })[] =
    [];
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      let spooled: SpooledUpload;
      try {
        spooled = await spoolUpload(part.file, storage.tempDir, PREVENTION_EVIDENCE_MAX_BYTES);
      } catch (err) {
        if (err instanceof UploadTooLargeError)
          throw new AppError(413, 'EVIDENCE_TOO_LARGE', `文件“${part.filename}”超过10 MB上限`);
        throw err;
      }
      const type = sniffEvidenceType(spooled.head);
      if (!type || spooled.size === 0) {
        await discardSpooled([spooled]);
        throw new AppError(400, 'EVIDENCE_TYPE', `文件“${part.filename}”不是 JPEG、PNG 或 PDF 文件`, {
          fileName: part.filename,
        });
      }
      files.push({ ...spooled, name: part.filename, type });
    }
    if (files.length === 0) throw new AppError(400, 'EVIDENCE_MISSING', '请选择要上传的照片');
    for (const f of files) await storage.putFile(contentKey(f.sha256), f.tmpPath);
    const actor = actorOf(req, 'prevention.work');
    return await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('prevention_visit_photo')
        .values(
          files.map((f) => ({
            visit_id: visitId,
            file_name: evidenceFileName(f.name, f.type),
            content_type: f.type,
            size_bytes: f.size,
            sha256: f.sha256,
            uploaded_by: auth.userId,
          })),
        )
        .returning(['id', 'file_name', 'content_type', 'size_bytes'])
        .execute();
      const summary = `上传走访照片${rows.length}张：${rows.map((r) => r.file_name).join('、')}`;
      await trx
        .insertInto('prevention_event')
        .values({
          entity_type: 'prevention_visit',
          entity_id: visitId,
          organization_id: null,
          action: 'visit.photo',
          summary,
          actor_id: actor.id,
          actor_name: actor.name,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'prevention.visit.photo',
        entityType: 'prevention_visit',
        entityId: visitId,
        summary,
        after: files.map((f) => ({ name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
      });
      return rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
      }));
    });
  } catch (err) {
    await discardSpooled(files);
    throw err;
  }
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
  const data = await storage.get(contentKey(p.sha256));
  if (!data) throw errors.notFound('走访照片文件');
  await db.transaction().execute((trx) =>
    appendAudit(trx, actorOf(req, 'prevention.work'), {
      action: 'prevention.visit.photo.view',
      entityType: 'prevention_visit_photo',
      entityId: p.id,
      summary: `查看走访照片“${p.file_name}”`,
    }),
  );
  return { data, contentType: p.content_type, fileName: p.file_name };
}
