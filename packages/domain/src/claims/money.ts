/**
 * Money is carried as an integer number of fen (分, 1/100 yuan) so sums and comparisons are exact.
 * Only formatting and parsing touch yuan.
 */
export type Fen = number;

export function isValidFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Integer yuan → fen. */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/**
 * Parses a yuan amount typed by a person ('1234.5', '1,234.56', '¥100', '100元') into fen without
 * floating-point arithmetic. Returns null for anything that is not a plain decimal with ≤2 places.
 */
export function parseYuan(text: string): Fen | null {
  const cleaned = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/[,，]/g, '')
    .trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return null;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + frac;
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '1,234.56' (no currency sign). */
export function formatYuanNumber(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(yuan))}.${cents}`;
}

/** '¥1,234.56' — for tables and screens. */
export function formatFen(fen: Fen): string {
  const text = formatYuanNumber(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** '1,234.56元' — for running Chinese text. */
export function formatYuan(fen: Fen): string {
  return `${formatYuanNumber(fen)}元`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function integerToUpper(n: number): string {
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 10000)) groups.push(x % 10000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g] ?? 0;
    if (value === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || value < 1000)) out += '零';
    pendingZero = false;
    let part = '';
    let zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(value / 10 ** p) % 10;
      if (d === 0) {
        if (part) zero = true;
      } else {
        if (zero) part += '零';
        zero = false;
        part += DIGITS[d] + (SMALL_UNITS[p] ?? '');
      }
    }
    out += part + (BIG_UNITS[g] ?? '');
  }
  return out;
}

/**
 * Chinese capital amount (大写金额) as written on awards, agreements and penalty decisions,
 * e.g. 123456 fen → '壹仟贰佰叁拾肆元伍角陆分'; 100000 fen → '壹仟元整'.
 */
export function formatFenUppercase(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount must be an integer number of fen');
  if (fen < 0) return `负${formatFenUppercase(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${integerToUpper(yuan)}元整`;
  let out = yuan > 0 ? `${integerToUpper(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}
