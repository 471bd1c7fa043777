import {
  type CalendarDay,
  type CalendarOverride,
  type DayType,
  expandYear,
  type HolidayNotice,
  SEED_NOTICES,
  WorkCalendar,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { domainSync } from './clocks.errors';

export const NATIONAL = 'national';

type Exec = Kysely<DB> | Transaction<DB>;

interface Jurisdiction {
  code: string;
  parentId: string | null;
}

/**
 * The calendars valid at one calendar revision: the national one and, per jurisdiction, the national
 * one with the regional overrides of the jurisdiction and its ancestors (the nearer region wins).
 */
export class CalendarSnapshot {
  private readonly byJurisdiction = new Map<string, WorkCalendar>();

  constructor(
    readonly revision: number,
    readonly national: WorkCalendar,
    private readonly nationalDays: readonly CalendarDay[],
    private readonly overrides: ReadonlyMap<string, CalendarOverride[]>,
    private readonly jurisdictions: ReadonlyMap<string, Jurisdiction>,
  ) {}

  /** Region codes of a jurisdiction, farthest ancestor first. */
  private chain(jurisdictionId: string): string[] {
    const codes: string[] = [];
    const seen = new Set<string>();
    for (let id: string | null = jurisdictionId; id && !seen.has(id); ) {
      seen.add(id);
      const j = this.jurisdictions.get(id);
      if (!j) break;
      codes.unshift(j.code);
      id = j.parentId;
    }
    return codes;
  }

  /** The calendar for a jurisdiction (null or unknown id → national). */
  for(jurisdictionId: string | null | undefined): WorkCalendar {
    if (!jurisdictionId) return this.national;
    const cached = this.byJurisdiction.get(jurisdictionId);
    if (cached) return cached;
    const merged = new Map<string, CalendarOverride>();
    for (const code of this.chain(jurisdictionId)) {
      for (const o of this.overrides.get(code) ?? []) merged.set(o.date, o);
    }
    const calendar =
      merged.size === 0
        ? this.national
        : domainSync(() => new WorkCalendar(this.nationalDays, [...merged.values()]));
    this.byJurisdiction.set(jurisdictionId, calendar);
    return calendar;
  }

  /** Every distinct calendar in use (national and each jurisdiction's). */
  all(): WorkCalendar[] {
    const set = new Set<WorkCalendar>([this.national]);
    for (const id of this.jurisdictions.keys()) set.add(this.for(id));
    return [...set];
  }

  /** The calendar for a region code ('national' or a jurisdiction code). */
  forRegion(region: string): WorkCalendar {
    if (region === NATIONAL) return this.national;
    for (const [id, j] of this.jurisdictions) if (j.code === region) return this.for(id);
    return this.national;
  }
}

/**
 * Loads the working-day calendar from calendar_day and caches it by the calendar revision, which
 * every admin edit bumps; each use costs one tiny query, so several servers see an edit at once.
 */
export class CalendarService {
  private cached: CalendarSnapshot | null = null;
  private loading: Promise<CalendarSnapshot> | null = null;

  /** The current snapshot, read through `exec` (pass the transaction when inside one). */
  async snapshot(exec: Exec): Promise<CalendarSnapshot> {
    const r = await exec
      .selectFrom('calendar_revision')
      .select('revision')
      .where('id', '=', 1)
      .executeTakeFirst();
    const revision = Number(r?.revision ?? 0);
    if (this.cached && this.cached.revision === revision) return this.cached;
    // Outside a transaction concurrent callers share one load; inside one, load through the trx.
    if (!this.loading || exec.isTransaction) {
      const load = this.load(exec, revision);
      if (exec.isTransaction) return load;
      this.loading = load.finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** Forgets the cached calendar (the revision check would also notice). */
  invalidate() {
    this.cached = null;
  }

  private async load(exec: Exec, revision: number): Promise<CalendarSnapshot> {
    const rows = await exec
      .selectFrom('calendar_day')
      .select(['region', 'date', 'day_type', 'name'])
      .orderBy('region')
      .orderBy('date')
      .execute();
    const jurisdictions = await exec.selectFrom('jurisdiction').select(['id', 'code', 'parent_id']).execute();
    const nationalDays: CalendarDay[] = [];
    const overrides = new Map<string, CalendarOverride[]>();
    for (const row of rows) {
      if (row.region === NATIONAL) {
        nationalDays.push({ date: row.date, type: row.day_type, name: row.name });
      } else {
        const list = overrides.get(row.region) ?? [];
        list.push({ date: row.date, type: row.day_type, name: row.name, region: row.region });
        overrides.set(row.region, list);
      }
    }
    const national = domainSync(() => new WorkCalendar(nationalDays));
    const snapshot = new CalendarSnapshot(
      revision,
      national,
      nationalDays,
      overrides,
      new Map(jurisdictions.map((j) => [j.id, { code: j.code, parentId: j.parent_id }])),
    );
    if (!this.cached || this.cached.revision <= revision) this.cached = snapshot;
    return snapshot;
  }
}

export async function bumpCalendarRevision(trx: Transaction<DB>): Promise<void> {
  await sql`UPDATE calendar_revision SET revision = revision + 1, updated_at = now() WHERE id = 1`.execute(
    trx,
  );
}

/** Replaces the national rows of the notice's year (call validateNotice first). */
export async function writeNoticeDays(trx: Transaction<DB>, notice: HolidayNotice): Promise<number> {
  await trx
    .deleteFrom('calendar_day')
    .where('region', '=', NATIONAL)
    .where('date', '>=', `${notice.year}-01-01`)
    .where('date', '<=', `${notice.year}-12-31`)
    .execute();
  const days = expandYear(notice);
  await trx
    .insertInto('calendar_day')
    .values(
      days.map((d) => ({
        region: NATIONAL,
        date: d.date,
        day_type: d.type as DayType,
        name: d.name,
        notice_source: d.type === 'holiday' || d.type === 'makeup_workday' ? notice.source : null,
      })),
    )
    .execute();
  return days.length;
}

/**
 * First start: stores the domain's seeded notices (2024–2026) for the years not yet entered. Safe when
 * several instances start at once (the notice insert is ON CONFLICT DO NOTHING and gates the days).
 */
export async function seedCalendar(db: Kysely<DB>): Promise<number[]> {
  const seeded: number[] = [];
  for (const notice of SEED_NOTICES) {
    const done = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('calendar_notice')
        .values({
          region: NATIONAL,
          year: notice.year,
          source: notice.source,
          holidays: JSON.stringify(notice.holidays),
          makeup_workdays: JSON.stringify(notice.makeupWorkdays),
          entered_by: '系统（初始数据）',
          entered_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['region', 'year']).doNothing())
        .returning('year')
        .executeTakeFirst();
      if (!inserted) return false;
      await writeNoticeDays(trx, notice);
      await bumpCalendarRevision(trx);
      return true;
    });
    if (done) seeded.push(notice.year);
  }
  return seeded;
}
