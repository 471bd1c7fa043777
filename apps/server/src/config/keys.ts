import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Keys of an embedded (PGlite) installation that has no SECRET_KEY in its environment: generated on
 * the first start into the data folder, readable by the owner only (0600), and read back on every
 * later start. A PostgreSQL installation never gets a generated key: its operator must provide one,
 * because the database and the key would otherwise live in different places and a lost key file
 * makes every encrypted field unreadable.
 */
export function keyFileFor(pgliteDir: string, name = 'secret.key'): string | undefined {
  if (pgliteDir.startsWith('memory://')) return undefined;
  return path.join(path.dirname(path.resolve(pgliteDir)), name);
}

export class KeyFileError extends Error {}

/** Reads the key in `file`, or creates it (64 hex chars, mode 0600). `created` says which. */
export function loadOrCreateKeyFile(file: string): { key: string; created: boolean } {
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) {
      throw new KeyFileError(
        `密钥文件权限过宽 (key file is readable by others): ${file}（mode ${mode.toString(8)}，请执行 chmod 600）`,
      );
    }
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 32) throw new KeyFileError(`密钥文件内容无效 (invalid key file): ${file}`);
    return { key, created: false };
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, created: true };
}
