import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { type Actor, type AuditEntry, appendAudit } from './audit';
import { AppError, errors } from './errors';
import {
  contentKey,
  discardSpooled,
  type FileStore,
  type SpooledUpload,
  spoolUpload,
  UploadTooLargeError,
} from './storage';

/** A file part of a multipart request: spooled to a temporary file and checked by its content. */
export interface ReceivedFile<T extends string> extends SpooledUpload {
  /** the client's file name */
  name: string;
  /** the Content-Type the client declared (never trusted; kept for the record) */
  declared: string;
  /** the type sniffed from the content */
  type: T;
}

export interface StoreFilesOptions<T extends string> {
  /** the limit of each file (413 EVIDENCE_TOO_LARGE above it) */
  maxBytes: number;
  /** the type from the first bytes; null refuses the file */
  sniff: (head: Buffer) => T | null;
  /** the refusal of a file that is empty or whose content is not of an accepted type */
  refuse: (part: { filename: string; mimetype: string }, reason: 'empty' | 'type') => AppError;
  /** the message when the request carries no file (400 EVIDENCE_MISSING) */
  missing: string;
  /** checks of the form fields once every part is read (before the number of files is checked) */
  checkFields?: (fields: Readonly<Record<string, string>>) => void;
  /** checks that read the database after the files are accepted; a refusal here stores nothing */
  beforeStore?: (fields: Readonly<Record<string, string>>) => Promise<void>;
}

/** Streams one file part to a temporary file under the store (never into memory). */
async function spoolPart(storage: FileStore, file: Readable, name: string, maxBytes: number) {
  try {
    return await spoolUpload(file, storage.tempDir, maxBytes);
  } catch (err) {
    if (err instanceof UploadTooLargeError)
      throw new AppError(413, 'EVIDENCE_TOO_LARGE', `文件“${name}”超过${maxBytes / (1024 * 1024)} MB上限`);
    throw err;
  }
}

/**
 * The upload of one or more files (multipart): every file is streamed to a temporary file, counted,
 * hashed and checked by its content first; then all of them are moved into the store by SHA-256 and
 * `record` writes their rows (one transaction with the timeline row and the audit entry). A refused
 * file, a refused field or a failed record removes the temporary files of the request.
 */
export async function storeFiles<T extends string, R>(
  storage: FileStore,
  req: FastifyRequest,
  opts: StoreFilesOptions<T>,
  record: (files: ReceivedFile<T>[], fields: Readonly<Record<string, string>>) => Promise<R>,
): Promise<R> {
  if (!req.isMultipart()) throw new AppError(400, 'EVIDENCE_MULTIPART', '请以 multipart/form-data 上传文件');
  const files: ReceivedFile<T>[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const spooled = await spoolPart(storage, part.file, part.filename, opts.maxBytes);
      if (spooled.size === 0) {
        await discardSpooled([spooled]);
        throw opts.refuse(part, 'empty');
      }
      const type = opts.sniff(spooled.head);
      if (!type) {
        await discardSpooled([spooled]);
        throw opts.refuse(part, 'type');
      }
      files.push({ ...spooled, name: part.filename, declared: part.mimetype, type });
    }
    opts.checkFields?.(fields);
    if (files.length === 0) throw new AppError(400, 'EVIDENCE_MISSING', opts.missing);
    await opts.beforeStore?.(fields);
    // Content-addressed: storing before the transaction can only leave an unreferenced copy behind.
    for (const f of files) await storage.putFile(contentKey(f.sha256), f.tmpPath);
    return await record(files, fields);
  } catch (err) {
    // Stored files were moved already: only what is still spooled is removed.
    await discardSpooled(files);
    throw err;
  }
}

/** A stored file as a route sends it. */
export interface ServedFile {
  data: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * The file stored by its SHA-256, for a reader already allowed to see it; every view is audited
 * (404 `missing` when the store has lost the content).
 */
export async function serveAuditedFile(
  db: Kysely<DB>,
  storage: FileStore,
  actor: Actor,
  file: { sha256: string; contentType: string; fileName: string; missing: string },
  audit: AuditEntry,
): Promise<ServedFile> {
  const data = await storage.get(contentKey(file.sha256));
  if (!data) throw errors.notFound(file.missing);
  await db.transaction().execute((trx) => appendAudit(trx, actor, audit));
  return { data, contentType: file.contentType, fileName: file.fileName };
}

/** Sends a stored file to be shown in the browser (its Chinese name kept), never cached. */
export function sendInlineFile(reply: FastifyReply, f: ServedFile) {
  return reply
    .type(f.contentType)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('cache-control', 'private, no-store')
    .send(f.data);
}
