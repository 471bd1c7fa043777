import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where rendered files live. A small interface so that an object store can replace the local
 * directory later; keys are relative paths such as 'documents/<id>/issued.pdf'.
 */
export interface DocumentStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** undefined when the key does not exist */
  get(key: string): Promise<Buffer | undefined>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;

/** Files under `root` (config.storageDir); writes go to a temporary name first, then rename. */
export class LocalDocumentStorage implements DocumentStorage {
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
}
