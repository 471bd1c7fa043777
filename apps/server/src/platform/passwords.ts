import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (checked in tests: hashes start with $argon2id$).
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (hashed: string, password: string) => verify(hashed, password);

/** A hash of a random password, verified against when the username is unknown (equal timing). */
export const DUMMY_HASH_PROMISE = hash('onestop-no-such-user-0000');

/**
 * Password policy (等保 2.0 common practice): at least 10 characters with at least three of
 * lower case, upper case, digits and symbols; not containing the username.
 * Returns a Chinese reason, or null when acceptable.
 */
export function passwordPolicyViolation(password: string, username?: string): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含登录名';
  return null;
}
