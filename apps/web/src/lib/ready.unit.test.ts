import { describe, expect, it } from 'vitest';
import { readyAttr } from './ready';

describe('readyAttr', () => {
  it('is "true" only when no query is fetching', () => {
    expect(readyAttr()).toBe('true');
    expect(readyAttr({ isFetching: false })).toBe('true');
    expect(readyAttr({ isFetching: true })).toBe('false');
    expect(readyAttr({ isFetching: false }, { isFetching: true }, { isFetching: false })).toBe('false');
    expect(readyAttr({ isFetching: false }, { isFetching: false })).toBe('true');
  });
});
