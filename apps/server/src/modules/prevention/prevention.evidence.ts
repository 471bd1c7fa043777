import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { serveAuditedFile, type StoreFilesOptions, storeFiles } from '../../platform/files';
import type { FileStore } from '../../platform/storage';
import { type EvidenceType, sniffEvidenceType, storedFileColumns } from '../matters';
import { recordPreventionChange, orgForSupervisor } from './prevention.service';

export const PREVENTION_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The files of this module (assessment evidence, visit photos): PDF, JPEG or PNG by their content,
 * 10 MB each; `types` names them as the form does, `missing` asks for them.
 */
export function preventionUpload(types: string, missing: string): StoreFilesOptions<EvidenceType> {
  return {
    maxBytes: PREVENTION_EVIDENCE_MAX_BYTES,
    sniff: sniffEvidenceType,
    refuse: (part) =>
      new AppError(400, 'EVIDENCE_TYPE', `文件“${part.filename}”不是 ${types} 文件`, {
        fileName: part.filename,
      }),
    missing,
  };
}

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
  const itemCode = (fields: Readonly<Record<string, string>>) => fields.itemCode?.trim() ?? '';
  let itemLabel = '';
  return storeFiles(
    storage,
    req,
    {
      ...preventionUpload('PDF、JPEG 或 PNG', '请选择要上传的照片或文件'),
      checkFields: (fields) => {
        if (!itemCode(fields))
          throw new AppError(400, 'EVIDENCE_ITEM_REQUIRED', '请选择证明材料对应的评估项目');
      },
      beforeStore: async (fields) => {
        const item = await db
          .selectFrom('prevention_assessment_item')
          .select('label')
          .where('assessment_id', '=', assessmentId)
          .where('code', '=', itemCode(fields))
          .executeTakeFirst();
        if (!item)
          throw new AppError(400, 'EVIDENCE_ITEM_UNKNOWN', '该评估中没有这个评估项目', { field: 'itemCode' });
        itemLabel = item.label;
      },
    },
    (files, fields) =>
      db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('prevention_evidence')
          .values(
            files.map((f) => ({
              assessment_id: assessmentId,
              item_code: itemCode(fields),
              ...storedFileColumns(f),
              uploaded_by: auth.userId,
            })),
          )
          .returning(['id', 'item_code', 'file_name', 'content_type', 'size_bytes'])
          .execute();
        await recordPreventionChange(
          trx,
          actorOf(req, 'prevention.work'),
          { type: 'prevention_assessment', id: assessmentId, organizationId: o.id },
          'evidence.add',
          `“${o.name}”评估项目“${itemLabel}”上传证明材料${rows.length}件：${rows.map((r) => r.file_name).join('、')}`,
          files.map((f) => ({ name: f.name, type: f.type, size: f.size, sha256: f.sha256 })),
        );
        return rows.map((r) => ({
          id: r.id,
          itemCode: r.item_code,
          fileName: r.file_name,
          contentType: r.content_type,
          sizeBytes: r.size_bytes,
        }));
      }),
  );
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
  return serveAuditedFile(
    db,
    storage,
    actorOf(req, 'prevention.work'),
    { sha256: e.sha256, contentType: e.content_type, fileName: e.file_name, missing: '证明材料文件' },
    {
      action: 'prevention.evidence.view',
      entityType: 'prevention_evidence',
      entityId: e.id,
      summary: `查看“${o.name}”的评估证明材料“${e.file_name}”`,
    },
  );
}
