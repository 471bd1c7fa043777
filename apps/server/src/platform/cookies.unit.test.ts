import { describe, expect, it } from 'vitest';
import { cookieFromHeader } from './cookies';

describe('cookieFromHeader', () => {
  it('finds a cookie among others, trimmed', () => {
    expect(cookieFromHeader('a=1; onestop_sid=abc_DEF-1 ; b=2', 'onestop_sid')).toBe('abc_DEF-1');
    expect(cookieFromHeader('onestop_sid=x', 'onestop_sid')).toBe('x');
    expect(cookieFromHeader('a=1;b=2', 'b')).toBe('2');
  });

  it('does not match a name that only ends or starts with the one asked for', () => {
    expect(cookieFromHeader('xonestop_sid=1; onestop_sid_old=2', 'onestop_sid')).toBeUndefined();
  });

  it('keeps the first occurrence, as the cookie package does', () => {
    expect(cookieFromHeader('s=first; s=second', 's')).toBe('first');
  });

  it('drops surrounding quotes and decodes valid escapes only', () => {
    expect(cookieFromHeader('s="quoted"', 's')).toBe('quoted');
    expect(cookieFromHeader('s=%E5%8C%97', 's')).toBe('北');
    expect(cookieFromHeader('s=100%', 's')).toBe('100%');
  });

  it('skips pairs without "=" and answers undefined when absent or empty', () => {
    expect(cookieFromHeader('junk; s=1', 's')).toBe('1');
    expect(cookieFromHeader('a=1', 's')).toBeUndefined();
    expect(cookieFromHeader('', 's')).toBeUndefined();
    expect(cookieFromHeader('s=', 's')).toBe('');
  });
});
