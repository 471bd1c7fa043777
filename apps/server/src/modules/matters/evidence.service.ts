import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import {
  contentKey,
  discardSpooled,
  type FileStore,
  type SpooledUpload,
  spoolUpload,
  UploadTooLargeError,
} from '../../platform/storage';
import { type EvidenceType, evidenceFileName, sniffEvidenceType } from './evidence-files';
import { assertMatterInScope, recordChange } from '../../platform/scope';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 10;

interface Incoming extends SpooledUpload {
  name: string;
  declared: string;
  type: EvidenceType;
}

/** Streams one file part to a temporary file (never into memory), 10 MB at most. */
async function spoolPart(storage: FileStore, part: MultipartFile): Promise<SpooledUpload> {
  try {
    return await spoolUpload(part.file, storage.tempDir, EVIDENCE_MAX_BYTES);
  } catch (err) {
    if (err instanceof UploadTooLargeError) {
      throw new AppError(413, 'EVIDENCE_TOO_LARGE', `文件“${part.filename}”超过10 MB上限`);
    }
    throw err;
  }
}

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
  if (!req.isMultipart()) throw new AppError(400, 'EVIDENCE_MULTIPART', '请以 multipart/form-data 上传文件');
  const files: Incoming[] = [];
  let description: string | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const spooled = await spoolPart(storage, part);
        const file = { ...spooled, name: part.filename, declared: part.mimetype };
        if (spooled.size === 0) {
          await discardSpooled([file]);
          throw new AppError(400, 'EVIDENCE_EMPTY', `文件“${part.filename}”是空文件`);
        }
        const type = sniffEvidenceType(spooled.head);
        if (!type) {
          await discardSpooled([file]);
          throw new AppError(
            400,
            'EVIDENCE_TYPE',
            `文件“${part.filename}”不是 PDF、JPEG 或 PNG 文件（按文件内容识别，与扩展名和声明的类型无关）`,
            { fileName: part.filename, declaredType: part.mimetype },
          );
        }
        files.push({ ...file, type });
      } else if (part.fieldname === 'description' && typeof part.value === 'string') {
        description = part.value.slice(0, 500) || null;
      }
    }
    if (files.length === 0) throw new AppError(400, 'EVIDENCE_MISSING', '请选择要上传的文件');
    // Content-addressed: storing before the transaction can only leave an unreferenced copy behind.
    for (const f of files) await storage.putFile(contentKey(f.sha256), f.tmpPath);
  } catch (err) {
    await discardSpooled(files);
    throw err;
  }
  const stored = files;
  const actor = actorOf(req, 'intake.create');
  return ctx.database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('matter_evidence')
      .values(
        stored.map((f) => ({
          matter_id: matterId,
          file_name: evidenceFileName(f.name, f.type),
          content_type: f.type,
          size_bytes: f.size,
          sha256: f.sha256,
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
}

/** The file itself, for users who may read the matter; every download is audited. */
export async function downloadEvidence(ctx: AppContext, storage: FileStore, req: FastifyRequest, id: string) {
  const { db } = ctx.database;
  const e = await db.selectFrom('matter_evidence').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw errors.notFound('证据');
  const m = await assertMatterInScope(db, req.auth!, e.matter_id, 'matter.read');
  const data = await storage.get(contentKey(e.storage_key));
  if (!data) throw errors.notFound('证据文件');
  await db.transaction().execute((trx) =>
    appendAudit(trx, actorOf(req, 'matter.read'), {
      action: 'evidence.download',
      entityType: 'matter_evidence',
      entityId: e.id,
      summary: `查看 ${m.number} 的证据“${e.file_name}”`,
    }),
  );
  return { data, contentType: e.content_type, fileName: e.file_name };
}
