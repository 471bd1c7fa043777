import '../clocks.css';
import { Tooltip } from 'antd';
import type { CalendarYearDetail, DayType } from '../types';

export const DAY_COLORS: Record<DayType, string> = {
  workday: '#ffffff',
  weekend: '#f0f0f0',
  holiday: '#ffccc7',
  makeup_workday: '#d6e4ff',
};

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** Twelve month grids (Monday first), each day coloured by its type; hover shows the holiday name. */
export function CalendarYearGrid({ days }: { days: CalendarYearDetail['days'] }) {
  const months = Array.from({ length: 12 }, (_, m) =>
    days.filter((d) => Number(d.date.slice(5, 7)) === m + 1),
  );
  return (
    <div className="calendar-year-grid" data-testid="calendar-grid">
      {months.map((list, m) => {
        const first = list[0];
        // Weekday of the 1st (Monday = 0) from the date itself (UTC, no time zone shift).
        const lead = first ? (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
        return (
          <div key={first?.date ?? m} className="calendar-month">
            <div className="calendar-month-title">{m + 1}月</div>
            <div className="calendar-month-days">
              {WEEK.map((w) => (
                <span key={w} className="calendar-weekday">
                  {w}
                </span>
              ))}
              {list.map((d) => (
                <Tooltip key={d.date} title={`${d.date} ${d.typeLabel}${d.name ? `（${d.name}）` : ''}`}>
                  <span
                    className={`calendar-day calendar-${d.type}`}
                    style={{
                      background: DAY_COLORS[d.type],
                      ...(d === first ? { gridColumnStart: lead + 1 } : {}),
                    }}
                    data-date={d.date}
                    data-type={d.type}
                  >
                    {Number(d.date.slice(8))}
                  </span>
                </Tooltip>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function CalendarLegend() {
  const items: [DayType, string][] = [
    ['workday', '工作日'],
    ['weekend', '休息日'],
    ['holiday', '法定节假日（含调休放假）'],
    ['makeup_workday', '调休上班日'],
  ];
  return (
    <div className="calendar-legend">
      {items.map(([t, label]) => (
        <span key={t} className="calendar-legend-item">
          <span className="calendar-day" style={{ background: DAY_COLORS[t] }} />
          {label}
        </span>
      ))}
    </div>
  );
}
