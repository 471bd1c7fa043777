import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where files live: evidence (content-addressed by SHA-256) and rendered documents, under one root
 * (config.storageDir). A small interface so that an object store can replace the local directory
 * later. Keys are relative paths such as 'documents/<id>/issued.pdf' or contentKey(sha256).
 */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
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
