/**
 * FNV-1a, 64-bit, over the UTF-16 code units of a string. Pure and stable across platforms; used
 * to version calendar content (not for security).
 */
const FNV_OFFSET_64 = 0xcbf29ce484222325n;
const FNV_PRIME_64 = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET_64;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Feed both bytes of the code unit so non-ASCII names change the hash.
    hash ^= BigInt(unit & 0xff);
    hash = (hash * FNV_PRIME_64) & MASK_64;
    hash ^= BigInt(unit >> 8);
    hash = (hash * FNV_PRIME_64) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
