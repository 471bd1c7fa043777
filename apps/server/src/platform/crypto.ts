import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const HKDF_SALT = 'onestop/v2';

/** A 32-byte key derived from a configured secret with HKDF-SHA-256, one per purpose (`info`). */
export function deriveKey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, 32));
}

/** Public identifier of a secret (8 hex), stored with each ciphertext; reveals nothing of the key. */
export function keyIdOf(secret: string): string {
  return deriveKey(secret, 'key-id').toString('hex').slice(0, 8);
}

export interface CipherKeys {
  /** SECRET_KEY: encrypts everything new. */
  current: string;
  /** SECRET_KEY_PREVIOUS: older keys, still able to decrypt until `cli rekey` has run. */
  previous?: readonly string[];
  /** LOOKUP_KEY: key of the lookup hashes; defaults to `current`. Keep it when rotating SECRET_KEY. */
  lookup?: string | undefined;
}

/**
 * Field-level encryption of personal data (ID numbers, phones, addresses): AES-256-GCM with keys
 * derived by HKDF from SECRET_KEY (and older keys for rotation), plus a keyed hash (HMAC-SHA-256)
 * for exact-match lookup without decrypting.
 * Stored form: 'v2.<key id>.<iv>.<tag>.<ciphertext>' (base64url). Values written before key ids
 * ('v1.<iv>.<tag>.<ciphertext>', key = SHA-256 of the secret) still decrypt with any configured
 * key; `cli rekey` rewrites every stored value with the current key.
 */
export class FieldCipher {
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();
  private readonly legacyKeys: Buffer[] = [];
  private readonly macKey: Buffer;

  constructor(keys: string | CipherKeys) {
    const k = typeof keys === 'string' ? { current: keys } : keys;
    this.keyId = keyIdOf(k.current);
    for (const secret of [k.current, ...(k.previous ?? [])]) {
      if (!this.keys.has(keyIdOf(secret))) this.keys.set(keyIdOf(secret), deriveKey(secret, 'field-enc'));
      this.legacyKeys.push(createHash('sha256').update(`onestop:enc:${secret}`).digest());
    }
    // Lookup hashes are one-way and cannot be re-keyed, so their derivation never changes.
    this.macKey = createHash('sha256')
      .update(`onestop:mac:${k.lookup ?? k.current}`)
      .digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `v2.${this.keyId}.${iv.toString('base64url')}.${tag.toString('base64url')}.${ct.toString('base64url')}`;
  }

  decrypt(stored: string): string {
    const parts = stored.split('.');
    if (parts[0] === 'v2' && parts.length === 5) {
      const key = this.keys.get(parts[1]!);
      if (!key) throw new Error(`no configured key has id ${parts[1]} (set SECRET_KEY_PREVIOUS)`);
      return open(key, parts[2]!, parts[3]!, parts[4]!);
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      for (const key of this.legacyKeys) {
        try {
          return open(key, parts[1]!, parts[2]!, parts[3]!);
        } catch {
          /* try the next configured key */
        }
      }
      throw new Error('no configured key decrypts this value (set SECRET_KEY_PREVIOUS)');
    }
    throw new Error('unknown ciphertext format');
  }

  /** Whether a stored value is already encrypted with the current key. */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`v2.${this.keyId}.`);
  }

  /** Keyed hash of a normalised value, for exact lookup (e.g. "find the party by ID number"). */
  lookupHash(value: string): string {
    return createHmac('sha256', this.macKey).update(value.trim().toUpperCase()).digest('hex');
  }
}

function open(key: Buffer, iv: string, tag: string, ct: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** The cipher for a loaded configuration. */
export function cipherFromConfig(config: {
  secretKey: string;
  secretKeyPrevious: readonly string[];
  lookupKey: string | undefined;
}): FieldCipher {
  return new FieldCipher({
    current: config.secretKey,
    previous: config.secretKeyPrevious,
    lookup: config.lookupKey,
  });
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
