import { formatFenUppercase, formatYuan as formatFenYuan } from '../claims/money';
import { chineseDate, chineseDateTime } from '../time';

/**
 * One formatting layer for every document (issue #13): Chinese dates from the business time zone,
 * one money format, Chinese numerals for legal periods. Templates never format values themselves.
 */

// Dates: the one time module (chineseDate, chineseDateTime, businessDate, …) lives in ../time.

/**
 * The one money format of documents: 15600 → '15,600.00元'. With `words`, the capital amount
 * follows in brackets where the model text asks for it (awards, agreements, penalty decisions):
 * '15,600.00元（大写：壹万伍仟陆佰元整）'. Amounts in yuan are converted to whole fen first.
 */
export function documentYuan(amountYuan: number, options: { words?: boolean } = {}): string {
  const fen = Math.round(amountYuan * 100);
  const text = formatFenYuan(fen);
  return options.words ? `${text}（大写：${formatFenUppercase(fen)}）` : text;
}

/** The same from fen (the unit the database stores). */
export function documentFen(fen: number, options: { words?: boolean } = {}): string {
  return documentYuan(fen / 100, options);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0–999 in Chinese numerals as legal periods are written: 10 → 十, 15 → 十五, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? `零${DIGITS[rest]}`
        : rest < 20
          ? `一${chineseNumber(rest)}`
          : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** Chinese name of a party's sex as printed in party particulars. */
export const SEX_LABELS = { male: '男', female: '女' } as const;

const ISO_IN_TEXT =
  /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?(?![\d-])/g;
const BARE_YUAN = /(?<![\d,.])(\d+)(?:\.(\d{1,2}))?元/g;

/**
 * The formatting layer applied to every line of a document, whatever a caller put in a field:
 * ISO dates become Chinese dates ('自2023-06-30终了' → '自2023年6月30日终了') and bare amounts take
 * the one money format ('15600.00元' → '15,600.00元'). Already formatted text is left as is.
 */
export function normalizeDocumentText(text: string): string {
  return text
    .replace(ISO_IN_TEXT, (all, y: string, m: string, d: string, hh?: string, mm?: string) => {
      const iso = `${y}-${m}-${d}`;
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return all;
      return hh ? chineseDateTime(`${iso}T${hh}:${mm}`) : chineseDate(iso);
    })
    .replace(BARE_YUAN, (_all, whole: string, cents?: string) => {
      const fen = Number(whole) * 100 + Number((cents ?? '').padEnd(2, '0'));
      return formatFenYuan(fen);
    });
}

/**
 * Remedy bodies for this city's decisions (configured data): administrative review before the
 * people's government at the same level (《行政复议法》第二十四条), first-instance suits at the basic
 * court where the defendant sits (《行政诉讼法》第十八条), set-aside of final awards at the intermediate
 * court where the commission sits (《劳动争议调解仲裁法》第四十九条).
 */
export const REMEDY_BODIES = {
  administrativeReview: '随州市人民政府',
  basicCourt: '随州市曾都区人民法院',
  intermediateCourt: '随州市中级人民法院',
} as const;
