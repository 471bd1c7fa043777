import { parseYuan } from '../claims/money';
import { validateResidentId } from '../validators/identity';
import { validatePhone } from '../validators/phone';

/**
 * Group wage arrears (欠薪群体案件, issue #21 point 3): one matter for a project, a site or an
 * employer, with a ledger of one line per worker and period. Pure rules: the per-row validation of an
 * imported Excel list, the payers, and the totals shown to staff and to each worker.
 */

/** What the group stands for. */
export const WAGE_GROUP_KINDS = {
  project: '工程项目',
  site: '施工现场',
  employer: '用人单位',
} as const;
export type WageGroupKind = keyof typeof WAGE_GROUP_KINDS;

/**
 * Who paid. A general contractor pays the workers of a subcontractor directly (总包代发,
 * 《保障农民工工资支付条例》第三十条第一款、第三十一条); the wage deposit (工资保证金, 条例第三十二条) and
 * an emergency fund (应急周转金, 条例第三十四条 — 地方人民政府建立的应急周转金先行垫付) pay when the
 * employer does not.
 */
export const WAGE_PAYERS = {
  employer: { label: '用人单位', basis: '《保障农民工工资支付条例》第十一条' },
  general_contractor: {
    label: '施工总承包单位代发',
    basis: '《保障农民工工资支付条例》第三十条第一款、第三十一条',
  },
  wage_deposit: { label: '工资保证金支付', basis: '《保障农民工工资支付条例》第三十二条' },
  emergency_fund: { label: '应急周转金垫付', basis: '《保障农民工工资支付条例》第三十四条' },
} as const;
export type WagePayer = keyof typeof WAGE_PAYERS;
export const WAGE_PAYER_CODES = Object.keys(WAGE_PAYERS) as WagePayer[];

/** Who confirmed the amount owed. */
export const CONFIRMED_BY = {
  employer: '用人单位确认',
  investigation: '调查核实',
} as const;
export type ConfirmedBy = keyof typeof CONFIRMED_BY;

/** The columns of the import sheet, in order (the first row of the sheet is this header). */
export const LEDGER_COLUMNS = [
  '姓名',
  '公民身份号码',
  '手机号码',
  '欠薪起始月份',
  '欠薪截止月份',
  '申报欠薪金额（元）',
  '确认欠薪金额（元）',
  '确认方式',
] as const;

/** One row as read from the sheet (cells as text). */
export interface RawLedgerRow {
  /** Row number in the sheet (the header is row 1). */
  row: number;
  name: string;
  idNumber: string;
  phone: string;
  periodFrom: string;
  periodTo: string;
  claimed: string;
  confirmed: string;
  confirmedBy: string;
}

export interface LedgerRow {
  row: number;
  name: string;
  idNumber: string;
  phone: string | null;
  /** First day of the first month owed (YYYY-MM-01). */
  periodFrom: string;
  /** Last day of the last month owed. */
  periodTo: string;
  claimedFen: number;
  confirmedFen: number | null;
  confirmedBy: ConfirmedBy | null;
}

export interface RowProblem {
  row: number;
  /** The column named in the message */
  column: (typeof LEDGER_COLUMNS)[number];
  message: string;
}

export type RowResult = { ok: true; value: LedgerRow } | { ok: false; problems: RowProblem[] };

const CONFIRMED_BY_LABELS: Readonly<Record<string, ConfirmedBy>> = {
  用人单位确认: 'employer',
  用人单位: 'employer',
  单位确认: 'employer',
  调查核实: 'investigation',
  调查: 'investigation',
  监察调查: 'investigation',
};

/** '2026-08', '2026-8', '2026年8月', '2026/08', '202608' or a date → 'YYYY-MM'. */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const m =
    /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:月)?(?:[-/.]\d{1,2}日?)?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function amount(text: string): number | null {
  const t = text.replace(/[,，\s元]/g, '');
  if (!t) return null;
  return parseYuan(t);
}

/**
 * Validates one row; every problem names its row and column in Chinese (第5行“公民身份号码”…).
 * `today` bounds birth dates and periods (a period cannot end after the current month).
 */
export function validateLedgerRow(raw: RawLedgerRow, today: string): RowResult {
  const problems: RowProblem[] = [];
  const add = (column: RowProblem['column'], what: string) =>
    problems.push({ row: raw.row, column, message: `第${raw.row}行“${column}”${what}` });
  const name = raw.name.trim();
  if (!name) add('姓名', '未填写');
  else if (name.length > 50) add('姓名', '过长（不超过50个字）');
  const id = validateResidentId(raw.idNumber.trim(), today);
  if (!raw.idNumber.trim()) add('公民身份号码', '未填写');
  else if (!id.ok) add('公民身份号码', `有误：${id.message}`);
  let phone: string | null = null;
  if (raw.phone.trim()) {
    const p = validatePhone(raw.phone.trim());
    if (!p.ok) add('手机号码', `有误：${p.message}`);
    else phone = p.normalized;
  }
  const from = parseMonth(raw.periodFrom);
  const to = parseMonth(raw.periodTo);
  const thisMonth = today.slice(0, 7);
  if (!from) add('欠薪起始月份', '不是有效月份（例如2026-08）');
  if (!to) add('欠薪截止月份', '不是有效月份（例如2026-10）');
  if (from && to && from > to) add('欠薪截止月份', '早于起始月份');
  if (to && to > thisMonth) add('欠薪截止月份', '晚于本月');
  const claimed = amount(raw.claimed);
  if (claimed === null) add('申报欠薪金额（元）', '未填写或不是金额');
  else if (claimed <= 0) add('申报欠薪金额（元）', '应大于零');
  let confirmed: number | null = null;
  if (raw.confirmed.trim()) {
    confirmed = amount(raw.confirmed);
    if (confirmed === null) add('确认欠薪金额（元）', '不是金额');
    else if (confirmed < 0) add('确认欠薪金额（元）', '不能为负数');
  }
  let confirmedBy: ConfirmedBy | null = null;
  if (raw.confirmedBy.trim()) {
    confirmedBy = CONFIRMED_BY_LABELS[raw.confirmedBy.trim()] ?? null;
    if (!confirmedBy) add('确认方式', '应为“用人单位确认”或“调查核实”');
  } else if (confirmed !== null) add('确认方式', '未填写（填写了确认金额的，应注明用人单位确认或调查核实）');
  if (problems.length || !id.ok || !from || !to || claimed === null) return { ok: false, problems };
  return {
    ok: true,
    value: {
      row: raw.row,
      name,
      idNumber: id.normalized,
      phone,
      periodFrom: `${from}-01`,
      periodTo: lastDayOf(to),
      claimedFen: claimed,
      confirmedFen: confirmed,
      confirmedBy,
    },
  };
}

/** Validates every row; the same worker and period twice in one sheet is an error on the second row. */
export function validateLedger(
  rows: readonly RawLedgerRow[],
  today: string,
): { valid: LedgerRow[]; problems: RowProblem[] } {
  const valid: LedgerRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = validateLedgerRow(raw, today);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    const key = `${r.value.idNumber}|${r.value.periodFrom}|${r.value.periodTo}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: raw.row,
        column: '公民身份号码',
        message: `第${raw.row}行与第${first}行是同一人同一期间，请合并为一行`,
      });
      continue;
    }
    seen.set(key, raw.row);
    valid.push(r.value);
  }
  return { valid, problems };
}

/** The amount owed on a line: the confirmed amount when there is one, else the amount claimed. */
export function owedFen(line: { claimedFen: number; confirmedFen: number | null }): number {
  return line.confirmedFen ?? line.claimedFen;
}

export type LinePosition = 'unpaid' | 'partly_paid' | 'paid';
export const LINE_POSITION_LABELS: Readonly<Record<LinePosition, string>> = {
  unpaid: '未支付',
  partly_paid: '部分支付',
  paid: '已付清',
};

/** A worker's position on one line. */
export function linePosition(line: { claimedFen: number; confirmedFen: number | null; paidFen: number }) {
  const owed = owedFen(line);
  const outstanding = Math.max(owed - line.paidFen, 0);
  const position: LinePosition = line.paidFen <= 0 ? 'unpaid' : outstanding > 0 ? 'partly_paid' : 'paid';
  return {
    owedFen: owed,
    outstandingFen: outstanding,
    position,
    positionLabel: LINE_POSITION_LABELS[position],
  };
}

/** The group's totals over its lines. */
export function groupTotals(
  lines: readonly { claimedFen: number; confirmedFen: number | null; paidFen: number }[],
) {
  let claimed = 0;
  let owed = 0;
  let paid = 0;
  let outstanding = 0;
  let paidInFull = 0;
  for (const l of lines) {
    const p = linePosition(l);
    claimed += l.claimedFen;
    owed += p.owedFen;
    paid += l.paidFen;
    outstanding += p.outstandingFen;
    if (p.position === 'paid') paidInFull++;
  }
  return {
    workers: lines.length,
    claimedFen: claimed,
    owedFen: owed,
    paidFen: paid,
    outstandingFen: outstanding,
    paidInFull,
  };
}

/** Checks a payment against the line: positive and not more than what is outstanding. */
export function paymentProblem(
  line: { claimedFen: number; confirmedFen: number | null; paidFen: number },
  amountFen: number,
): string | null {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return '支付金额应大于零';
  const { outstandingFen } = linePosition(line);
  if (amountFen > outstandingFen) return '支付金额超过该工人尚欠的工资';
  return null;
}
