import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { openExOfficioInTrx } from '../inspection';
import { employerParty } from '../inspection';
import { scopeOf } from '../../platform/scope';
import {
  dispatchCheck,
  type Flag,
  layoffCheck,
  placementCheck,
  specialHoursCheck,
} from './supervision.checks';
import type { FilingBody, FilingData } from './supervision.schema';

export const FILING_LABELS = {
  layoff: '经济性裁员报告',
  dispatch: '劳务派遣用工备案',
  special_hours: '特殊工时审批',
  restructuring: '改制职工安置方案',
  bankruptcy: '破产职工安置方案',
  outreach: '走访发现问题',
} as const;

/** What the checks of one filing computed (the fields depend on its kind). */
type FilingResult =
  | ReturnType<typeof layoffCheck>
  | ReturnType<typeof dispatchCheck>
  | ReturnType<typeof specialHoursCheck>
  | ReturnType<typeof placementCheck>;

export function evaluate(body: FilingBody, today: string): { result: FilingResult; flags: Flag[] } {
  switch (body.kind) {
    case 'layoff': {
      const r = layoffCheck(body.data, today);
      return { result: r, flags: r.flags };
    }
    case 'dispatch': {
      const r = dispatchCheck(body.data, today);
      return { result: r, flags: r.flags };
    }
    case 'special_hours': {
      const r = specialHoursCheck(body.data);
      return { result: r, flags: r.flags };
    }
    default: {
      const r = placementCheck(body.kind, body.data);
      return { result: r, flags: r.flags };
    }
  }
}

export async function createFiling(ctx: AppContext, auth: AuthContext, actor: Actor, body: FilingBody) {
  const { db } = ctx.database;
  if (!(await scopeOf(db, auth, 'inspection.work')).includes(body.jurisdictionId)) {
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您在所选辖区没有劳动关系监管的岗位');
  }
  const today = businessToday(ctx.config);
  const { result, flags } = evaluate(body, today);
  return db.transaction().execute(async (trx) => {
    const employerId = await employerParty(ctx, trx, body.employer);
    const row = await trx
      .insertInto('supervision_filing')
      .values({
        kind: body.kind,
        employer_party_id: employerId,
        jurisdiction_id: body.jurisdictionId,
        data: JSON.stringify({ ...body.data, result }),
        flags: JSON.stringify(flags),
        status: flags.length ? 'flagged' : 'filed',
        note: body.note ?? null,
        created_by: auth.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, {
      action: `supervision.${body.kind}`,
      entityType: 'supervision_filing',
      entityId: row.id,
      summary: `${FILING_LABELS[body.kind]}：${body.employer.name}${flags.length ? `（${flags.length}项问题）` : ''}`,
    });
    return row.id;
  });
}

export async function filingDetail(db: Kysely<DB>, id: string, scope: string[]) {
  const f = await db
    .selectFrom('supervision_filing as f')
    .innerJoin('party as p', 'p.id', 'f.employer_party_id')
    .leftJoin('track_case as tc', 'tc.id', 'f.case_id')
    .selectAll('f')
    .select(['p.name as employer_name', 'p.credit_code', 'tc.number as case_number'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!f || !scope.includes(f.jurisdiction_id)) return null;
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: FILING_LABELS[f.kind],
    employer: { id: f.employer_party_id, name: f.employer_name, creditCode: f.credit_code },
    // What createFiling stored: the form's data and the checks' result.
    data: f.data as FilingData,
    flags: f.flags as Flag[],
    status: f.status,
    caseId: f.case_id,
    caseNumber: f.case_number,
    note: f.note,
    createdAt: new Date(f.created_at).toISOString(),
    version: f.version,
  };
}

/** A finding opens an ex-officio inspection case (《劳动保障监察条例》第十四条). */
export async function openCaseFromFiling(ctx: AppContext, auth: AuthContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, auth, 'inspection.work');
  const f = await filingDetail(db, id, scope);
  if (!f) throw errors.notFound('监管备案');
  if (f.caseId) throw new AppError(409, 'CASE_ALREADY_OPENED', `已据此立案：${f.caseNumber}`);
  if (!f.flags.length) throw new AppError(422, 'NO_FINDING', '该备案未发现问题，无需立案检查');
  const row = await db
    .selectFrom('supervision_filing')
    .select(['jurisdiction_id', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return db.transaction().execute(async (trx) => {
    const created = await openExOfficioInTrx(ctx, trx, auth, actor, {
      employerId: f.employer.id,
      jurisdictionId: row.jurisdiction_id,
      topic: `${f.kindLabel}发现问题：${f.flags.map((x) => x.message).join('；')}`,
      source: 'supervision',
      supervisionFilingId: id,
    });
    const u = await trx
      .updateTable('supervision_filing')
      .set((eb) => ({ case_id: created.caseId, status: 'case_opened', version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returning('id')
      .executeTakeFirst();
    if (!u) throw errors.conflict(f);
    return created;
  });
}

/** The minimum wage of an area on a date (the latest row effective on or before it). */
export async function minimumWageOn(db: Kysely<DB>, areaCode: string, on: string) {
  const codes = [areaCode, `${areaCode.slice(0, 4)}00`, `${areaCode.slice(0, 2)}0000`];
  for (const code of codes) {
    const r = await db
      .selectFrom('minimum_wage')
      .selectAll()
      .where('area_code', '=', code)
      .where('effective_from', '<=', on)
      .orderBy('effective_from', 'desc')
      .executeTakeFirst();
    if (r)
      return {
        areaCode: r.area_code,
        tier: r.tier,
        monthlyFen: Number(r.monthly_fen),
        hourlyFen: Number(r.hourly_fen),
        effectiveFrom: r.effective_from,
        basis: r.basis,
      };
  }
  return null;
}
