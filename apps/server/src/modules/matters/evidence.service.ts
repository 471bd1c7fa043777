import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { serveAuditedFile, type StoreFilesOptions, storeFiles } from '../../platform/files';
import type { FileStore } from '../../platform/storage';
import { type EvidenceType, sniffEvidenceType, storedFileColumns } from './evidence-files';
import { assertMatterInScope, recordChange } from '../../platform/scope';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 10;

/**
 * Evidence upload (multipart): every file is streamed to a temporary file and checked first (type
 * from the magic bytes, 10 MB each), then moved into the store by SHA-256, then recorded with a
 * timeline row and an audit record. A refused file removes the temporary files of the request.
 */
export async function uploadEvidence(
  ctx: AppContext,
  storage: FileStore,
  req: FastifyRequest,
  matterId: string,
) {
  const auth = req.auth!;
  const m = await assertMatterInScope(ctx.database.db, auth, matterId, 'intake.create');
  if (m.status !== 'registered' && m.status !== 'routed') {
    throw new AppError(409, 'MATTER_CLOSED', '事项已办结或已合并，不能再上传证据');
  }
  const options: StoreFilesOptions<EvidenceType> = {
    maxBytes: EVIDENCE_MAX_BYTES,
    sniff: sniffEvidenceType,
    refuse: (part, reason) =>
      reason === 'empty'
        ? new AppError(400, 'EVIDENCE_EMPTY', `文件“${part.filename}”是空文件`)
        : new AppError(
            400,
            'EVIDENCE_TYPE',
            `文件“${part.filename}”不是 PDF、JPEG 或 PNG 文件（按文件内容识别，与扩展名和声明的类型无关）`,
            { fileName: part.filename, declaredType: part.mimetype },
          ),
    missing: '请选择要上传的文件',
  };
  const actor = actorOf(req, 'intake.create');
  return storeFiles(storage, req, options, (stored, fields) => {
    const description = fields.description?.slice(0, 500) || null;
    return ctx.database.db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('matter_evidence')
        .values(
          stored.map((f) => ({
            matter_id: matterId,
            ...storedFileColumns(f),
            storage_key: f.sha256,
            description,
            uploaded_by: auth.userId,
          })),
        )
        .returning(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'])
        .execute();
      await recordChange(
        trx,
        actor,
        m,
        'evidence_added',
        `上传证据${rows.length}件：${rows.map((r) => r.file_name).join('、')}`,
        stored.map((f, i) => ({
          id: rows[i]!.id,
          originalName: f.name,
          declaredType: f.declared,
          storedType: f.type,
          size: f.size,
          sha256: f.sha256,
        })),
      );
      return rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        sha256: r.sha256,
        description,
        uploadedAt: new Date(r.uploaded_at).toISOString(),
        uploadedBy: auth.displayName,
      }));
    });
  });
}

/** The file itself, for users who may read the matter; every download is audited. */
export async function downloadEvidence(ctx: AppContext, storage: FileStore, req: FastifyRequest, id: string) {
  const { db } = ctx.database;
  const e = await db.selectFrom('matter_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw errors.notFound('证据');
  const m = await assertMatterInScope(db, req.auth!, e.matter_id, 'matter.read');
  return serveAuditedFile(
    db,
    storage,
    actorOf(req, 'matter.read'),
    { sha256: e.storage_key, contentType: e.content_type, fileName: e.file_name, missing: '证据文件' },
    {
      action: 'evidence.download',
      entityType: 'matter_evidence',
      entityId: e.id,
      summary: `查看 ${m.number} 的证据“${e.file_name}”`,
    },
  );
}
