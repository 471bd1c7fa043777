import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, FieldCipher, keyIdOf } from './crypto';

const OLD = 'old-secret-key-'.padEnd(40, 'o');
const NEW = 'new-secret-key-'.padEnd(40, 'n');

/** A value as the first version stored it: 'v1.<iv>.<tag>.<ct>', key = SHA-256('onestop:enc:' + secret). */
function legacyEncrypt(secret: string, plain: string): string {
  const key = createHash('sha256').update(`onestop:enc:${secret}`).digest();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
}

describe('field encryption with key ids', () => {
  it('derives one key per purpose with HKDF and names each secret by a stable id', () => {
    expect(deriveKey(NEW, 'field-enc')).toHaveLength(32);
    expect(deriveKey(NEW, 'field-enc').equals(deriveKey(NEW, 'audit-chain'))).toBe(false);
    expect(keyIdOf(NEW)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyIdOf(NEW)).toBe(keyIdOf(NEW));
    expect(keyIdOf(NEW)).not.toBe(keyIdOf(OLD));
  });

  it('stores the key id with the value, and decrypts old values with a previous key', () => {
    const before = new FieldCipher(OLD);
    const stored = before.encrypt('13900001111');
    expect(stored.split('.').slice(0, 2)).toEqual(['v2', keyIdOf(OLD)]);
    const rotated = new FieldCipher({ current: NEW, previous: [OLD] });
    expect(rotated.decrypt(stored)).toBe('13900001111');
    expect(rotated.isCurrent(stored)).toBe(false);
    const again = rotated.encrypt('13900001111');
    expect(rotated.isCurrent(again)).toBe(true);
    expect(new FieldCipher(NEW).decrypt(again)).toBe('13900001111');
    expect(() => new FieldCipher(NEW).decrypt(stored)).toThrow(`no configured key has id ${keyIdOf(OLD)}`);
  });

  it('still reads values written before key ids (v1) with any configured key', () => {
    const v1 = legacyEncrypt(OLD, '湖北省随州市曾都区');
    expect(new FieldCipher({ current: NEW, previous: [OLD] }).decrypt(v1)).toBe('湖北省随州市曾都区');
    expect(() => new FieldCipher(NEW).decrypt(v1)).toThrow('no configured key decrypts');
  });

  it('keeps lookup hashes stable across a rotation when LOOKUP_KEY holds the original key', () => {
    const before = new FieldCipher(OLD).lookupHash('phone:13900001111');
    expect(
      new FieldCipher({ current: NEW, previous: [OLD], lookup: OLD }).lookupHash('phone:13900001111'),
    ).toBe(before);
    expect(new FieldCipher(NEW).lookupHash('phone:13900001111')).not.toBe(before);
  });
});
