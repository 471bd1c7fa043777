import {
  addDays,
  addMonths,
  compare,
  InvalidDateError,
  type IsoDate,
  isMonthEndFallback,
  isValidIsoDate,
  monthDayLabel,
  parseIsoDate,
  type WorkCalendar,
  weekdayName,
} from '../calendar';
import { chineseDate as cd } from '../time';
import { ClockInputError } from './errors';
import { findRule } from './rules';
import type { ClockRollover, ClockRule, ClockUnit } from './types';

export interface ExtensionApproval {
  /** Name (or user id) of the approver: the commission chair or the head he/she authorizes, etc. */
  approver: string;
  reason: string;
}

export interface ComputeDueOptions {
  /**
   * Days during which the clock was suspended (中止), counted in the rule's own kind of day:
   * working days for working-day rules, calendar days otherwise (《劳动人事争议仲裁办案规则》第四十五条、第四十六条).
   */
  suspendedDays?: number;
  extension?: ExtensionApproval;
}

export interface AppliedExtension extends ExtensionApproval {
  ruleId: string;
  duration: number;
  unit: ClockUnit;
}

export interface DueComputation {
  ruleId: string;
  trigger: IsoDate;
  due: IsoDate;
  /** The due date before any extension (equal to `due` when not extended). */
  originalDue: IsoDate;
  basis: string;
  /** Short Chinese sentence describing how the date was computed. */
  explanation: string;
  calendarVersion: string;
  extension: AppliedExtension | null;
}

/** Returns the typed error for an invalid extension request, or null when it may be applied. */
export function validateExtension(rule: ClockRule, extension: ExtensionApproval): ClockInputError | null {
  if (!rule.extension) {
    return new ClockInputError('CLOCK_EXTENSION_NOT_ALLOWED', `“${rule.name}”依法不得延长`, {
      ruleId: rule.id,
    });
  }
  const missing: string[] = [];
  if (typeof extension.approver !== 'string' || extension.approver.trim() === '') missing.push('批准人');
  if (typeof extension.reason !== 'string' || extension.reason.trim() === '') missing.push('延长理由');
  if (missing.length > 0) {
    return new ClockInputError('CLOCK_EXTENSION_INVALID', `延长期限须载明${missing.join('和')}`, {
      ruleId: rule.id,
      missing,
    });
  }
  return null;
}

/** How a day is described when it ends a period: '国庆节假期', '周六', '调休上班日'. */
function describeDay(calendar: WorkCalendar, date: IsoDate): string {
  const day = calendar.day(date);
  if (day.type === 'holiday') return `${day.name ?? '法定节假日'}假期`;
  if (day.type === 'makeup_workday') return '调休上班日';
  return weekdayName(date);
}

interface Step {
  due: IsoDate;
  text: string;
}

function countWorkingDays(calendar: WorkCalendar, from: IsoDate, n: number, direction: 1 | -1): Step {
  const due = calendar.addWorkingDays(from, n * direction);
  const [first, last] = direction === 1 ? [addDays(from, 1), due] : [due, addDays(from, -1)];
  const holidayNames: string[] = [];
  const makeups: string[] = [];
  for (const day of compare(first, last) <= 0 ? calendar.range(first, last) : []) {
    if (day.type === 'holiday' && !holidayNames.includes(day.name ?? '法定节假日')) {
      holidayNames.push(day.name ?? '法定节假日');
    }
    if (day.type === 'makeup_workday') makeups.push(monthDayLabel(day.date));
  }
  const details: string[] = [];
  if (holidayNames.length > 0) details.push(`跳过${holidayNames.join('、')}假期`);
  if (makeups.length > 0) details.push(`${makeups.join('、')}调休上班计入`);
  const detail = details.length > 0 ? `（${details.join('，')}）` : '';
  const head =
    direction === 1 ? `自${cd(from)}次日起算${n}个工作日` : `自${cd(from)}前一日起倒数${n}个工作日`;
  return { due, text: `${head}${detail}，${direction === 1 ? '至' : '最迟于'}${cd(due)}` };
}

/** Applies the roll-over policy to the last day of a calendar period (《民法典》第二百零三条第一款；《民事诉讼法》第八十五条第三款, 《民法典》第二百零三条). */
function rollOver(calendar: WorkCalendar, end: IsoDate, rollover: ClockRollover, direction: 1 | -1): Step {
  if (calendar.isWorkingDay(end)) {
    const makeup = calendar.dayType(end) === 'makeup_workday';
    return { due: end, text: makeup ? `期限末日${cd(end)}为调休上班日，不顺延` : `期限末日为${cd(end)}` };
  }
  const label = describeDay(calendar, end);
  if (rollover === 'none') return { due: end, text: `期限末日${cd(end)}为${label}（本期限不顺延）` };
  const due = direction === 1 ? calendar.nextWorkingDay(end) : calendar.previousWorkingDay(end);
  const where = direction === 1 ? '顺延至其后第一个工作日' : '提前至其前最后一个工作日';
  return { due, text: `期限末日${cd(end)}为${label}，${where}${cd(due)}` };
}

function advance(
  calendar: WorkCalendar,
  from: IsoDate,
  duration: number,
  unit: ClockUnit,
  rollover: ClockRollover,
  direction: 1 | -1,
  suspendedDays: number,
): Step {
  const suspension =
    suspendedDays > 0 ? `，另加中止期间${suspendedDays}${unit === 'working_days' ? '个工作日' : '日'}` : '';
  switch (unit) {
    case 'working_days': {
      const step = countWorkingDays(calendar, from, duration + suspendedDays, direction);
      return suspendedDays > 0
        ? { due: step.due, text: `${step.text}（含中止期间${suspendedDays}个工作日）` }
        : step;
    }
    case 'calendar_days': {
      const end = addDays(from, direction * duration + suspendedDays);
      const roll = rollOver(calendar, end, rollover, direction);
      const head =
        direction === 1 ? `自${cd(from)}次日起算${duration}日` : `自${cd(from)}前一日起倒数${duration}日`;
      return { due: roll.due, text: `${head}${suspension}，${roll.text}` };
    }
    case 'months':
    case 'years': {
      const months = unit === 'years' ? duration * 12 : duration;
      const corresponding = addMonths(from, direction * months);
      const fallback = isMonthEndFallback(from, direction * months)
        ? `（${parseIsoDate(corresponding)?.month}月无对应日，以该月最后一日为准，《民法典》第二百零二条）`
        : '';
      const end = addDays(corresponding, suspendedDays);
      const roll = rollOver(calendar, end, rollover, direction);
      const label = unit === 'years' ? `${duration}年` : `${duration}个月`;
      return {
        due: roll.due,
        text: `自${cd(from)}起算${label}，对应日为${cd(corresponding)}${fallback}${suspension}，${roll.text}`,
      };
    }
    case 'same_day': {
      const roll = rollOver(calendar, from, rollover, 1);
      if (roll.due === from) return { due: from, text: `当日办结，期限为${cd(from)}` };
      return {
        due: roll.due,
        text: `收到之日${cd(from)}为${describeDay(calendar, from)}，于其后第一个工作日${cd(roll.due)}办结`,
      };
    }
  }
}

/**
 * Computes the due date of a clock (period computation, 《民法典》第二百零一条至第二百零三条): start day excluded; working-day periods skip
 * non-working days and count make-up workdays; calendar-day periods add n days then roll over;
 * months/years land on the corresponding day (month-end fallback) then roll over; suspension adds
 * the suspended days; an approved extension is counted, in its own unit, from the original due date.
 *
 * Throws CALENDAR_UNKNOWN when any day needed lies in a year without calendar data, DATE_INVALID
 * for a malformed trigger, and ClockInputError for invalid suspension or extension input.
 */
export function computeDue(
  rule: ClockRule,
  trigger: IsoDate,
  calendar: WorkCalendar,
  opts: ComputeDueOptions = {},
): DueComputation {
  if (!isValidIsoDate(trigger)) throw new InvalidDateError(trigger);
  const suspendedDays = opts.suspendedDays ?? 0;
  if (!Number.isInteger(suspendedDays) || suspendedDays < 0) {
    throw new ClockInputError('CLOCK_INPUT_INVALID', '中止天数必须是不小于0的整数', { suspendedDays });
  }
  if (suspendedDays > 0 && !rule.suspendable) {
    throw new ClockInputError('CLOCK_NOT_SUSPENDABLE', `“${rule.name}”不适用中止`, { ruleId: rule.id });
  }
  if (opts.extension) {
    const error = validateExtension(rule, opts.extension);
    if (error) throw error;
  }
  calendar.dayType(trigger); // the trigger's year must be known too
  const direction = rule.direction === 'before' ? -1 : 1;
  const base = advance(calendar, trigger, rule.duration, rule.unit, rule.rollover, direction, suspendedDays);
  let due = base.due;
  let explanation = base.text;
  let extension: AppliedExtension | null = null;
  if (opts.extension && rule.extension) {
    const ext = rule.extension;
    const extRollover = findRule(ext.ruleId)?.rollover ?? rule.rollover;
    const step = advance(calendar, base.due, ext.duration, ext.unit, extRollover, 1, 0);
    due = step.due;
    extension = {
      ruleId: ext.ruleId,
      duration: ext.duration,
      unit: ext.unit,
      approver: opts.extension.approver.trim(),
      reason: opts.extension.reason.trim(),
    };
    explanation += `；经${extension.approver}批准延长（理由：${extension.reason}），${step.text}`;
  }
  return {
    ruleId: rule.id,
    trigger,
    due,
    originalDue: base.due,
    basis: rule.basis,
    explanation,
    calendarVersion: calendar.version,
    extension,
  };
}
