import { type RawBuilder, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { CASE_LIST_COLUMNS, CASE_LIST_FROM, caseListItem, MATTER_TITLE_SQL, priorityList } from '../cases';
import type { CaseListRow, CaseTrack } from '../cases';
import { TRACKS } from '../cases';
import { CHANNEL_LABELS } from '../matters';
import { scopeOf } from '../../platform/scope';
import { INTERNAL_FORM_TYPES } from '../documents';
import { pendingFor } from '../cases';

/** The kinds of item on a user's to-do list besides their assigned cases and incoming transfers. */
export const PENDING_KINDS = [
  'matter',
  'correction',
  'service',
  'approval',
  'mediation',
  'acceptance',
] as const;

/** One row of the to-do list (same shape as a queue item). */
export interface PendingItem {
  id: string;
  kind: (typeof PENDING_KINDS)[number];
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  priority: boolean;
  priorityFlags: { code: string; label: string }[];
  track: CaseTrack | null;
  trackLabel: string | null;
  matterId: string;
  matterNumber: string;
  jurisdictionName: string | null;
  organizationName: string;
  assigneeName: string | null;
  openedAt: string;
  link: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: unknown) => (d ? String(d).slice(0, 10) : null);

/**
 * Registered matters not yet routed (待分流: online applications, transfers in, window visits left
 * undecided) in the jurisdictions where the user registers intake.
 */
async function awaitingTriage(db: Kysely<DB>, auth: AuthContext): Promise<PendingItem[]> {
  if (!auth.permissions.has('intake.create')) return [];
  const scope = await scopeOf(db, auth, 'intake.create');
  if (!scope.length) return [];
  const rows = await sql<{
    id: string;
    number: string;
    channel: keyof typeof CHANNEL_LABELS;
    priority_flags: string[];
    received_at: Date;
    jurisdiction_name: string;
    title: string | null;
    due_date: string | null;
  }>`
    SELECT m.id, m.number, m.channel, m.priority_flags, m.received_at, j.name AS jurisdiction_name,
           ${MATTER_TITLE_SQL} AS title,
           (SELECT min(k.due_date)::text FROM clock k WHERE k.subject_type = 'matter' AND k.subject_id = m.id
               AND k.status IN ('running', 'extended')) AS due_date
      FROM matter m JOIN jurisdiction j ON j.id = m.jurisdiction_id
     WHERE m.status = 'registered' AND m.jurisdiction_id = ANY(${scope}::uuid[])
     ORDER BY m.received_at LIMIT 100`.execute(db);
  return rows.rows.map((m) => ({
    id: m.id,
    kind: 'matter',
    number: m.number,
    title: `待分流（${CHANNEL_LABELS[m.channel] ?? '其他渠道'}）｜${m.title || m.number}`,
    status: 'registered',
    statusLabel: '待分流',
    dueDate: day(m.due_date),
    priority: m.priority_flags.length > 0,
    priorityFlags: priorityList(m.priority_flags),
    track: null,
    trackLabel: null,
    matterId: m.id,
    matterNumber: m.number,
    jurisdictionName: m.jurisdiction_name,
    organizationName: m.jurisdiction_name,
    assigneeName: null,
    openedAt: iso(m.received_at),
    link: `/matters/${m.id}`,
  }));
}

/**
 * Open cases in `scope` matching `where` and not assigned to someone else, as to-do items titled
 * `<prefix>｜<matter title>` (the oldest first, 100 at most).
 */
async function openCaseItems(
  db: Kysely<DB>,
  auth: AuthContext,
  scope: string[],
  where: RawBuilder<unknown>,
  item: {
    kind: PendingItem['kind'];
    prefix: string;
    link: (caseId: string, matterId: string) => string;
  },
): Promise<PendingItem[]> {
  const rows = await sql<CaseListRow>`
    SELECT ${CASE_LIST_COLUMNS},
           (SELECT min(k.due_date)::text FROM clock k WHERE k.subject_type = 'case' AND k.subject_id = c.id
               AND k.status IN ('running', 'extended')) AS due_date
      FROM ${CASE_LIST_FROM}
     WHERE NOT c.closed AND ${where} AND c.jurisdiction_id = ANY(${scope}::uuid[])
       AND (c.assignee_user_id IS NULL OR c.assignee_user_id = ${auth.userId})
     ORDER BY c.opened_at LIMIT 100`.execute(db);
  return rows.rows.map((r) => ({
    ...caseListItem(r),
    kind: item.kind,
    title: `${item.prefix}｜${r.title || r.matter_number}`,
    link: item.link(r.id, r.matter_id),
  }));
}

/**
 * Arbitration applications waiting for 补正 in the jurisdictions where the user registers intake or
 * handles arbitration, not assigned to someone else (the party's corrections come back to the window).
 */
async function awaitingCorrection(db: Kysely<DB>, auth: AuthContext): Promise<PendingItem[]> {
  const perms = ['intake.create', 'arbitration.work'] as const;
  const scope = [...new Set((await Promise.all(perms.map((p) => scopeOf(db, auth, p)))).flat())];
  if (!scope.length) return [];
  return openCaseItems(db, auth, scope, sql`c.state = 'needs_correction'`, {
    kind: 'correction',
    prefix: '待补正',
    link: (id) => `/cases/${id}`,
  });
}

/**
 * Documents the user issued (or whose case is assigned to them) that have not been served: no service
 * recorded yet, or every attempt returned.
 */
async function awaitingService(db: Kysely<DB>, auth: AuthContext): Promise<PendingItem[]> {
  const rows = await sql<{
    id: string;
    title: string;
    number: string;
    subject_type: 'matter' | 'case';
    subject_id: string;
    issued_at: Date;
    matter_id: string;
    matter_number: string;
    priority_flags: string[];
    track: CaseTrack | null;
    organization_name: string;
  }>`
    SELECT d.id, d.title, d.number, d.subject_type, d.subject_id, d.issued_at, m.id AS matter_id,
           m.number AS matter_number, m.priority_flags, c.track, o.name AS organization_name
      FROM document d
      JOIN organization o ON o.id = d.issuer_org_id
      LEFT JOIN track_case c ON d.subject_type = 'case' AND c.id = d.subject_id
      JOIN matter m ON m.id = CASE WHEN d.subject_type = 'case' THEN c.matter_id ELSE d.subject_id END
     WHERE d.state = 'issued' AND d.subject_type IN ('matter', 'case')
       AND NOT (d.type = ANY(${[...INTERNAL_FORM_TYPES]}::text[]))
       AND (d.issued_by = ${auth.userId} OR c.assignee_user_id = ${auth.userId})
       AND NOT EXISTS (SELECT 1 FROM document_service s WHERE s.document_id = d.id
                        AND s.state IN ('pending', 'served', 'refused'))
     ORDER BY d.issued_at LIMIT 100`.execute(db);
  return rows.rows.map((d) => ({
    id: d.id,
    kind: 'service',
    number: d.number,
    title: `待送达：${d.title}`,
    status: 'unserved',
    statusLabel: '未送达',
    dueDate: null,
    priority: d.priority_flags.length > 0,
    priorityFlags: priorityList(d.priority_flags),
    track: d.track,
    trackLabel: d.track ? TRACKS[d.track].label : null,
    matterId: d.matter_id,
    matterNumber: d.matter_number,
    jurisdictionName: null,
    organizationName: d.organization_name,
    assigneeName: null,
    openedAt: iso(d.issued_at),
    link: d.subject_type === 'case' ? `/cases/${d.subject_id}` : `/matters/${d.subject_id}`,
  }));
}

/**
 * Approvals waiting on the user's approving post, every track (issue #13: one mechanism,
 * cases/approvals.ts; the 工作台 shows them once, under 待我审批).
 */
async function awaitingApproval(db: Kysely<DB>, auth: AuthContext): Promise<PendingItem[]> {
  const items = (await pendingFor(db, auth)).filter((a) => a.subjectType === 'case');
  if (!items.length) return [];
  const cases = await db
    .selectFrom('track_case as c')
    .innerJoin('matter as m', 'm.id', 'c.matter_id')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.id',
      'c.number',
      'c.track',
      'c.priority_flags',
      'm.id as matter_id',
      'm.number as matter_number',
      'j.name as jurisdiction_name',
      'o.name as organization_name',
    ])
    .where(
      'c.id',
      'in',
      items.map((a) => a.subjectId),
    )
    .execute();
  const byId = new Map(cases.map((c) => [c.id, c]));
  return items.flatMap((a) => {
    const c = byId.get(a.subjectId);
    if (!c) return [];
    return [
      {
        id: a.id,
        kind: 'approval' as const,
        number: c.number,
        title: `待审批：${a.label}（${a.requestedByName}报批）`,
        status: 'pending_approval',
        statusLabel: '待审批',
        dueDate: null,
        priority: c.priority_flags.length > 0,
        priorityFlags: priorityList(c.priority_flags),
        track: c.track,
        trackLabel: TRACKS[c.track].label,
        matterId: c.matter_id,
        matterNumber: c.matter_number,
        jurisdictionName: c.jurisdiction_name,
        organizationName: c.organization_name,
        assigneeName: a.requestedByName,
        openedAt: a.requestedAt,
        link:
          c.track === 'inspection' || c.track === 'arbitration'
            ? `/${c.track}/cases/${c.id}`
            : `/cases/${c.id}`,
      },
    ];
  });
}

/** Everything waiting on the user's posts besides assigned cases and transfers (工作台 我的待办). */
/**
 * Cases waiting for the next act of a post rather than of an assigned person (issue #14 item 7): a
 * mediation registered and not yet taken up by a mediator (待调解), and an arbitration application
 * received with its 收件回执 and waiting for the decision to accept (待受理, which only an arbitrator or
 * leader may take: 调解仲裁法第二十九条). Listed for the users holding that post in the case's
 * jurisdiction, unless the case is assigned to someone else; the link opens the matter page, where
 * the step is done inline.
 */
async function awaitingPostStep(
  db: Kysely<DB>,
  auth: AuthContext,
  step: {
    kind: 'mediation' | 'acceptance';
    permission: 'mediation.work' | 'arbitration.work';
    track: CaseTrack;
    state: string;
    prefix: string;
    needsReceipt: boolean;
  },
): Promise<PendingItem[]> {
  if (!auth.permissions.has(step.permission)) return [];
  const scope = await scopeOf(db, auth, step.permission);
  if (!scope.length) return [];
  const receipt = step.needsReceipt
    ? sql`AND EXISTS (SELECT 1 FROM document d WHERE d.subject_type = 'case' AND d.subject_id = c.id
                        AND d.type = 'receipt' AND d.number IS NOT NULL)`
    : sql``;
  return openCaseItems(db, auth, scope, sql`c.track = ${step.track} AND c.state = ${step.state} ${receipt}`, {
    kind: step.kind,
    prefix: step.prefix,
    // The matter page, where the step is done inline.
    link: (_id, matterId) => `/matters/${matterId}`,
  });
}

export async function pendingWork(db: Kysely<DB>, auth: AuthContext, exclude: Set<string>) {
  const [matters, corrections, services, approvals, mediations, acceptances] = await Promise.all([
    awaitingTriage(db, auth),
    awaitingCorrection(db, auth),
    awaitingService(db, auth),
    awaitingApproval(db, auth),
    awaitingPostStep(db, auth, {
      kind: 'mediation',
      permission: 'mediation.work',
      track: 'mediation',
      state: 'registered',
      prefix: '待调解',
      needsReceipt: false,
    }),
    awaitingPostStep(db, auth, {
      kind: 'acceptance',
      permission: 'arbitration.work',
      track: 'arbitration',
      state: 'received',
      prefix: '待受理',
      needsReceipt: true,
    }),
  ]);
  const fresh = (x: PendingItem) => !exclude.has(x.id);
  return [
    ...approvals,
    ...matters,
    ...acceptances.filter(fresh),
    ...corrections.filter(fresh),
    ...mediations.filter(fresh),
    ...services,
  ];
}
