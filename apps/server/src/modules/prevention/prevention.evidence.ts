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
import { orgForSupervisor } from './prevention.service';

export const PREVENTION_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Evidence photos/files of one item of an assessment (multipart: field itemCode, then file parts).
 * Files are streamed to temporary files, checked by their content (PDF, JPEG, PNG), stored by
 * SHA-256, then recorded in one transaction with the timeline row and the audit entry.
 */
export async function uploadAssessmentEvidence(
  ctx: AppContext,
  storage: FileStore,
  req: FastifyRequest,
  assessmentId: string,
) {
  const { db } = ctx.database;
  const auth = req.auth!;
  const a = await db
    .selectFrom('prevention_assessment')
    .select(['id', 'organization_id'])
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  if (!a) throw errors.notFound('评估记录');
  const o = await orgForSupervisor(db, auth, a.organization_id);
  if (!req.isMultipart()) throw new AppError(400, 'EVIDENCE_MULTIPART', '请以 multipart/form-data 上传文件');
  const files: (SpooledUpload & { name: string; type: NonNullable<ReturnType<typeof sniffEvidenceType>> })[] =
    [];
  let itemCode: string | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
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
          throw new AppError(400, 'EVIDENCE_TYPE', `文件“${part.filename}”不是 PDF、JPEG 或 PNG 文件`, {
            fileName: part.filename,
          });
        }
        files.push({ ...spooled, name: part.filename, type });
      } else if (part.fieldname === 'itemCode' && typeof part.value === 'string') {
        itemCode = part.value.trim();
      }
    }
    if (!itemCode) throw new AppError(400, 'EVIDENCE_ITEM_REQUIRED', '请选择证明材料对应的评估项目');
    if (files.length === 0) throw new AppError(400, 'EVIDENCE_MISSING', '请选择要上传的照片或文件');
    const item = await db
      .selectFrom('prevention_assessment_item')
      .select('label')
      .where('assessment_id', '=', assessmentId)
      .where('code', '=', itemCode)
      .executeTakeFirst();
    if (!item)
      throw new AppError(400, 'EVIDENCE_ITEM_UNKNOWN', '该评估中没有这个评估项目', { field: 'itemCode' });
    for (const f of files) await storage.putFile(contentKey(f.sha256), f.tmpPath);
    const code = itemCode;
    const actor = actorOf(req, 'prevention.work');
    return await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('prevention_evidence')
        .values(
          files.map((f) => ({
            assessment_id: assessmentId,
            item_code: code,
            file_name: evidenceFileName(f.name, f.type),
            content_type: f.type,
            size_bytes: f.size,
            sha256: f.sha256,
            uploaded_by: auth.userId,
          })),
        )
        .returning(['id', 'item_code', 'file_name', 'content_type', 'size_bytes'])
        .execute();
      const summary = `“${o.name}”评估项目“${item.label}”上传证明材料${rows.length}件：${rows.map((r) => r.file_name).join('、')}`;
      await trx
        .insertInto('prevention_event')
        .values({
          entity_type: 'prevention_assessment',
          entity_id: assessmentId,
          organization_id: o.id,
          action: 'evidence.add',
          summary,
          actor_id: actor.id,
          actor_name: actor.name,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'prevention.evidence.add',
        entityType: 'prevention_assessment',
        entityId: assessmentId,
        summary,
        after: files.map((f) => ({ name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
      });
      return rows.map((r) => ({
        id: r.id,
        itemCode: r.item_code,
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

/** The file itself for a supervisor of the organisation's jurisdiction; every view is audited. */
export async function downloadAssessmentEvidence(
  ctx: AppContext,
  storage: FileStore,
  req: FastifyRequest,
  id: string,
) {
  const { db } = ctx.database;
  const e = await db
    .selectFrom('prevention_evidence as e')
    .innerJoin('prevention_assessment as a', 'a.id', 'e.assessment_id')
    .select(['e.id', 'e.file_name', 'e.content_type', 'e.sha256', 'a.organization_id'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!e) throw errors.notFound('证明材料');
  const o = await orgForSupervisor(db, req.auth!, e.organization_id);
  const data = await storage.get(contentKey(e.sha256));
  if (!data) throw errors.notFound('证明材料文件');
  await db.transaction().execute((trx) =>
    appendAudit(trx, actorOf(req, 'prevention.work'), {
      action: 'prevention.evidence.view',
      entityType: 'prevention_evidence',
      entityId: e.id,
      summary: `查看“${o.name}”的评估证明材料“${e.file_name}”`,
    }),
  );
  return { data, contentType: e.content_type, fileName: e.file_name };
}
