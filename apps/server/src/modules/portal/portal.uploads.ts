import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { EVIDENCE_MAX_BYTES } from '../matters';
import { contentKey, type FileStore } from '../../platform/storage';
import { evidenceFileName, sniffEvidenceType } from '../matters';
import { appendEvent } from '../../platform/scope';
import { checkLimit, countAttempt } from './portal.limits';

export function idempotencyKeyOf(req: FastifyRequest, required: boolean): string | null {
  const raw = req.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    if (required) throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', '缺少 Idempotency-Key 请求头');
    return null;
  }
  if (key.length > 100 || !/^[\w.:-]+$/.test(key)) {
    throw new AppError(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key 格式不正确（最多 100 个字母、数字或 -_.:）',
    );
  }
  return key;
}

export interface UploadView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * One file from the phone (multipart, field `file`). The type comes from the magic bytes; the same
 * Idempotency-Key returns the first upload, so a retry on a weak network never makes a second one.
 */
export async function receiveUpload(
  db: Kysely<DB>,
  storage: FileStore,
  req: FastifyRequest,
  accountId: string,
): Promise<{ upload: UploadView; replay: boolean }> {
  const key = idempotencyKeyOf(req, true)!;
  const present = await db
    .selectFrom('portal_upload')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (present) return { upload: view(present), replay: true };
  await checkLimit(db, 'upload.account', accountId, '上传次数过多，请稍后再试');
  if (!req.isMultipart()) throw new AppError(400, 'EVIDENCE_MULTIPART', '请以 multipart/form-data 上传文件');
  const part = await req.file();
  if (!part) throw new AppError(400, 'EVIDENCE_MISSING', '请选择要上传的文件');
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'EVIDENCE_TOO_LARGE', `文件超过${EVIDENCE_MAX_BYTES / 1024 / 1024} MB上限`);
    }
    throw err;
  }
  if (data.length === 0) throw new AppError(400, 'EVIDENCE_EMPTY', '文件是空的');
  const type = sniffEvidenceType(data);
  if (!type) {
    throw new AppError(400, 'EVIDENCE_TYPE', '只能上传照片（JPEG、PNG）或 PDF 文件', {
      declaredType: part.mimetype,
    });
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  await storage.put(contentKey(sha256), data);
  await countAttempt(db, 'upload.account', accountId);
  const row = await db
    .insertInto('portal_upload')
    .values({
      account_id: accountId,
      idempotency_key: key,
      file_name: evidenceFileName(part.filename || '照片', type),
      content_type: type,
      size_bytes: data.length,
      sha256,
    })
    .onConflict((oc) => oc.columns(['account_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) return { upload: view(row), replay: false };
  // A concurrent duplicate of the same request won the insert: answer with its row.
  const again = await db
    .selectFrom('portal_upload')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { upload: view(again), replay: true };
}

function view(r: { id: string; file_name: string; content_type: string; size_bytes: number }): UploadView {
  return { id: r.id, fileName: r.file_name, contentType: r.content_type, sizeBytes: r.size_bytes };
}

/** Attaches the account's unattached uploads to a matter as evidence (in the caller's transaction). */
export async function attachUploads(
  trx: Transaction<DB>,
  actor: Actor,
  accountId: string,
  matterId: string,
  uploadIds: readonly string[],
  description: string | null,
): Promise<number> {
  return (await attachUploadsAsEvidence(trx, actor, accountId, matterId, uploadIds, description)).length;
}

/** As attachUploads; returns the new matter_evidence ids (in the order of the uploads). */
export async function attachUploadsAsEvidence(
  trx: Transaction<DB>,
  actor: Actor,
  accountId: string,
  matterId: string,
  uploadIds: readonly string[],
  description: string | null,
): Promise<string[]> {
  const ids = [...new Set(uploadIds)];
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('portal_upload')
    .selectAll()
    .where('id', 'in', ids)
    .where('account_id', '=', accountId)
    .forUpdate()
    .execute();
  if (rows.length !== ids.length) throw new AppError(400, 'UPLOAD_UNKNOWN', '附件不存在，请重新上传');
  if (rows.some((r) => r.evidence_id)) throw new AppError(409, 'UPLOAD_USED', '附件已经提交过，请重新上传');
  const inserted = await trx
    .insertInto('matter_evidence')
    .values(
      rows.map((r) => ({
        matter_id: matterId,
        file_name: r.file_name,
        content_type: r.content_type,
        size_bytes: r.size_bytes,
        sha256: r.sha256,
        storage_key: r.sha256,
        description,
        uploaded_by: null,
      })),
    )
    .returning('id')
    .execute();
  for (const [i, r] of rows.entries()) {
    await trx
      .updateTable('portal_upload')
      .set({ evidence_id: inserted[i]!.id })
      .where('id', '=', r.id)
      .execute();
  }
  await appendEvent(
    trx,
    actor,
    matterId,
    'evidence_added',
    `网上提交证据${rows.length}件：${rows.map((r) => r.file_name).join('、')}`,
    {
      portal: true,
      files: rows.map((r, i) => ({
        id: inserted[i]!.id,
        sha256: r.sha256,
        type: r.content_type,
        size: r.size_bytes,
      })),
    },
  );
  return inserted.map((x) => x.id);
}
