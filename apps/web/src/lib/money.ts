import { formatFen, formatYuan } from '@onestop/domain/claims/money';

/**
 * The one way the screens print an amount held in fen: '¥4,500.00' (thousands grouped, two decimals),
 * '—' when there is none. Running Chinese text that reads "共计…元" uses `moneyInText` ('4,500.00元').
 * Never `(fen / 100).toFixed(2)` or toLocaleString in a page.
 */
export const money = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : formatFen(fen);

/** '4,500.00元' — an amount inside a Chinese sentence; '—' when there is none. */
export const moneyInText = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : formatYuan(fen);
