/**
 * Check-character algorithms of Chinese national standards.
 */

/** ISO 7064 MOD 11-2 weights of the first 17 positions (GB 11643-1999 §8.2): 2^(17-i) mod 11. */
export const MOD11_2_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD11_2_CHECK = '10X98765432';

/** Check character of a 17-digit body per GB 11643-1999 (ISO 7064 MOD 11-2). */
export function mod11_2CheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('mod11_2CheckChar: body must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (MOD11_2_WEIGHTS[i] ?? 0);
  return MOD11_2_CHECK[sum % 11] ?? '';
}

/** GB 32100-2015 character set: digits and capital letters without I, O, S, V, Z (31 characters). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 weights of the first 17 positions: 3^i mod 31. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** Check character of a 17-character unified social credit code body (GB 32100-2015 §5.2). */
export function usccCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('usccCheckChar: body must be 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(body17[i] ?? '');
    if (value < 0) throw new RangeError(`usccCheckChar: invalid character at position ${i + 1}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[check] ?? '';
}
