import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where files live: evidence (content-addressed by SHA-256) and rendered documents, under one root
 * (config.storageDir). A small interface so that an object store can replace the local directory
 * later. Keys are relative paths such as 'documents/<id>/issued.pdf' or contentKey(sha256).
 */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  /** Moves a spooled upload (a temporary file under tempDir) into the store under `key`. */
  putFile(key: string, tmpPath: string): Promise<void>;
  /** Where uploads are spooled (on the same file system as the store, so a move is a rename). */
  readonly tempDir: string;
  /** undefined when the key does not exist */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;
const SHA256 = /^[a-f0-9]{64}$/;

/** The key of content stored by its SHA-256 ('ab/cd/abcd…'): identical content is stored once. */
export function contentKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`invalid content hash ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Files under `root`; writes go to a temporary name first, then rename (never a half-written file). */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  get tempDir(): string {
    // Keys never start with a dot (SAFE_KEY), so this folder never collides with stored content.
    return path.join(path.resolve(this.root), '.tmp');
  }

  private resolve(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
    return path.join(path.resolve(this.root), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.resolve(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  }

  async putFile(key: string, tmpPath: string): Promise<void> {
    const file = this.resolve(key);
    await mkdir(path.dirname(file), { recursive: true });
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    // Content-addressed keys: identical content is already there, the upload copy is dropped.
    if (exists) await rm(tmpPath, { force: true });
    else await rename(tmpPath, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.resolve(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }
}

/** An upload streamed to a temporary file: never held in memory as a whole. */
export interface SpooledUpload {
  tmpPath: string;
  size: number;
  sha256: string;
  /** the first bytes, for sniffing the type from the content */
  head: Buffer;
}

/** The upload exceeded its size limit (the partial temporary file is already removed). */
export class UploadTooLargeError extends Error {}

const HEAD_BYTES = 64;

/**
 * Streams `source` into a new temporary file under `dir` (mode 0600), counting bytes, hashing with
 * SHA-256 and keeping the first bytes for type sniffing on the way. Stops at `maxBytes` with
 * UploadTooLargeError (also when the multipart parser's own file-size limit fires).
 */
export async function spoolUpload(source: Readable, dir: string, maxBytes: number): Promise<SpooledUpload> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmpPath = path.join(dir, `${randomBytes(12).toString('hex')}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new UploadTooLargeError(`upload over ${maxBytes} bytes`));
      hash.update(chunk);
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
    // @fastify/multipart may end a file stream at its own limit and only flag it as truncated.
    if ((source as { truncated?: boolean }).truncated)
      throw new UploadTooLargeError(`upload over ${maxBytes} bytes`);
  } catch (err) {
    await rm(tmpPath, { force: true });
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new UploadTooLargeError(`upload over ${maxBytes} bytes`);
    }
    throw err;
  }
  return { tmpPath, size, sha256: hash.digest('hex'), head };
}

/** Removes spooled files that will not be stored (a later file of the request was refused). */
export async function discardSpooled(files: readonly { tmpPath: string }[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.tmpPath, { force: true })));
}
