// Over 400 lines: the reviewed table of every route's permission, read as one list.
import { describe, expect, it } from 'vitest';
import { newMatter, places } from './cases.support';
import { creditCode } from './intake-fixtures';
import { Client, signedIn, useTestServer } from './harness';
import {
  DEMO_USERNAMES,
  fillPath,
  isWrite,
  key,
  postPermissions,
  required,
  routeTable,
} from './routes.support';

/**
 * Authorisation by post, over the route table the server registered (so a new route cannot skip
 * it): every route × every demo post. A write whose route-level permission a post lacks is 403
 * before anything else; an anonymous request is 401 before its body is looked at; a matter outside
 * a user's jurisdictions is never readable.
 */
const env = useTestServer();

/**
 * Writes whose route-level auth is broad (public, any signed-in user, or matter.read) because the
 * post required depends on the record at hand; the handler checks it. Listed one by one: a new
 * broad write route fails this test until it is reviewed and added here with its guard.
 */
const BROAD_WRITES = new Map<string, string>([
  ['POST /api/auth/login', 'public sign-in'],
  ['POST /api/auth/logout', 'own session or password'],
  ['POST /api/auth/password', 'own session or password'],
  ['POST /api/notifications/:id/read', 'own notifications only'],
  ['POST /api/documents', 'handler: post of the subject track of the document in its jurisdiction'],
  ['PATCH /api/documents/:id', 'handler: post of the subject track of the document in its jurisdiction'],
  ['POST /api/documents/:id/issue', 'handler: post of the subject track of the document in its jurisdiction'],
  [
    'POST /api/documents/:id/correct',
    'handler: post of the subject track of the document in its jurisdiction',
  ],
  [
    'POST /api/documents/:id/render',
    'handler: post of the subject track of the document in its jurisdiction',
  ],
  [
    'POST /api/documents/:id/service',
    'handler: post of the subject track of the document in its jurisdiction',
  ],
  [
    'POST /api/documents/:id/service/:serviceId/result',
    'handler: post of the subject track of the document in its jurisdiction',
  ],
  [
    'POST /api/documents/:id/service/:serviceId/opened',
    'handler: post of the subject track of the document in its jurisdiction',
  ],
  ['POST /api/verify/file', 'public document verification'],
  ['POST /api/matters/:id/cases', 'handler: post of the track being opened'],
  ['POST /api/cases/:id/transitions', 'handler: handler or assigner post of the track of the case'],
  ['POST /api/cases/:id/assign', 'handler: handler or assigner post of the track of the case'],
  ['POST /api/me/conflicts', 'own conflict-of-interest declaration'],
  // issue #13: arbitration steps issuing their documents; approvals by the approver's own action.
  [
    'POST /api/arbitration/cases/:caseId/partial-award',
    'handler: arbitration post of the case jurisdiction + machine roles',
  ],
  [
    'POST /api/arbitration/cases/:caseId/recusal',
    'handler: leader post of the case jurisdiction (办案规则第十二条)',
  ],
  [
    'POST /api/arbitration/cases/:caseId/award-correction',
    'handler: arbitration post of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/agents',
    'handler: arbitration or intake post of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/filing-approval',
    'handler: arbitration or intake post of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/closing-approval',
    'handler: arbitration or intake post of the case jurisdiction',
  ],
  [
    'POST /api/approvals/:id/decide',
    'handler: approving post of the request jurisdiction, never the requester',
  ],
  ['POST /api/matters/:id/transfers', 'handler: post of the sending / receiving track'],
  [
    'POST /api/obligations/:id/payments',
    'handler: a working post (assertMayWork) in the matter jurisdiction',
  ],
  [
    'POST /api/obligations/:id/payments/:paymentId/decision',
    'handler: a working post (assertMayWork) in the matter jurisdiction',
  ],
  [
    'POST /api/obligations/:id/next-step',
    'handler: a working post (assertMayWork) in the matter jurisdiction',
  ],
  [
    'POST /api/portal/matters/:id/obligations/:obligationId/payments',
    'portal session (requireAccount), membership and the worker role checked in the handler',
  ],
  ['POST /api/transfers/:id/accept', 'handler: post of the sending / receiving track'],
  ['POST /api/transfers/:id/return', 'handler: post of the sending / receiving track'],
  [
    'POST /api/arbitration/applications',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/review',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/accept',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/reject',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/redirect',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/simplified',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/serve-respondent',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/day-close',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/tribunal',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/hearings',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/hearings/:hearingId/postpone',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/steps',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/suspend',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/resume',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/extend',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/mediation-statement',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/determine',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/award',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/serve-award',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/close',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/consents',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/claims-change',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/collective-notice',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  [
    'POST /api/arbitration/cases/:caseId/simplified-notice',
    'handler: arbitration staff (assertArbitrationStaff) of the case jurisdiction',
  ],
  ['POST /api/calculators/entitlements', 'pure calculation, writes nothing'],
  ['POST /api/matters/:id/mediation', 'handler: mediation post in the jurisdiction'],
  [
    'POST /api/mediation/cases/:caseId/proposal',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/replies',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/sessions',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/sessions/:sessionId/record',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/agreement',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/close',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/performance',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/followups',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/followups/:followupId/result',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/mediation/cases/:caseId/referral',
    'handler: the mediator of the case / mediation post in the jurisdiction',
  ],
  [
    'POST /api/inspection/cases',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/acceptance',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/inspectors',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/orders',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/orders/:outcomeId/check',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty/hearing-request',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty/hearing',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty/hearing/record',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty/legal-review',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/penalty/decision',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/withdrawal',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/investigation-end',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/referrals',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/close',
    'handler: handling inspector / inspection post (reported cases: leader assigns)',
  ],
  [
    'POST /api/inspection/cases/:id/approvals/:approvalId/decision',
    'handler: the approving post (负责人) in the case jurisdiction (INSPECTION_APPROVALS), else 403',
  ],
  [
    'POST /api/portal/auth/sms',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/auth/verify',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/auth/query',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/auth/logout',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/uploads',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/applications',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/questions',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/reports',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/messages',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/evidence',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/defence',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/consents',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/ratings',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  [
    'POST /api/portal/matters/:id/proposal',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  ['POST /api/portal/staff/matters/:id/messages', 'handler: matter in scope'],
  ['POST /api/portal/staff/model-cases', 'handler: publishing staff'],
  [
    'POST /api/portal/representation',
    'portal session (requirePortal / requireAccount) and membership checked in the handler',
  ],
  ['POST /api/kb', 'handler: knowledge-base editors'],
  ['PATCH /api/kb/:id', 'handler: knowledge-base editors'],
  ['POST /api/consultations', 'handler: window or case-work post'],
  ['POST /api/petitions/:id/steps/:event', 'handler: petition post'],
  ['POST /api/matters/:id/legal-aid', 'handler: legal-aid post'],
  ['POST /api/court-docking/:id/steps/:event', 'handler: court liaison post'],
  // issue #21: listing and early-removal decisions by the 负责人 (leader post) of the case's jurisdiction.
  [
    'POST /api/defaulters/:id/decision',
    'handler: leader post of the listing jurisdiction (失信名单列入决定)',
  ],
  ['POST /api/defaulters/:id/removal', 'handler: leader post of the listing jurisdiction (提前移出决定)'],
  // Online rooms (issue #20): case visible in the jurisdiction + the track's work post (staffAccess).
  [
    'POST /api/arbitration/cases/:caseId/written-hearing',
    'handler: arbitration post of the case jurisdiction + machine roles (书面审理, 办案规则第六十条)',
  ],
  ['POST /api/rooms/:id/exhibits', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['POST /api/rooms/:id/recordings', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  [
    'PUT /api/rooms/:id/recordings/:recordingId/chunks/:seq',
    'handler: mediation.work / arbitration.work|clerk on a visible case',
  ],
  [
    'POST /api/rooms/:id/recordings/:recordingId/finish',
    'handler: mediation.work / arbitration.work|clerk on a visible case',
  ],
  [
    'POST /api/portal/rooms/:id/recording-notice',
    'portal session and the room invitation of a party it acts for',
  ],
  [
    'POST /api/portal/written-hearings/:caseId/submissions',
    'portal session acting for a party of the case (memberOf); one submission per round',
  ],
  ['POST /api/cases/:caseId/rooms', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['PUT /api/rooms/:id/record', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['POST /api/rooms/:id/record/finish', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['POST /api/rooms/:id/record/sign', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['POST /api/rooms/:id/record/issue', 'handler: mediation.work / arbitration.work|clerk on a visible case'],
  ['POST /api/portal/rooms/:id/enter', 'portal session and the room invitation of a party it acts for'],
  ['POST /api/portal/rooms/:id/record/code', 'portal account and the room invitation of a party it acts for'],
  ['POST /api/portal/rooms/:id/record/sign', 'portal account and the room invitation of a party it acts for'],
  [
    'POST /api/portal/rooms/:id/record/refuse',
    'portal account and the room invitation of a party it acts for',
  ],
]);

/** A body no write route accepts: route-level refusals must come before body validation. */
const PROBE = { __probe__: true };

describe('authorisation by post on every route', () => {
  it('every write route either names the post it needs or is a reviewed broad write', () => {
    const writes = routeTable(env).filter(isWrite);
    expect(writes.length).toBeGreaterThan(100);
    const unreviewed = writes
      .filter((r) => required(r) === null || r.auth === 'matter.read')
      .map(key)
      .filter((k) => !BROAD_WRITES.has(k));
    expect(unreviewed).toEqual([]);
    const stale = [...BROAD_WRITES.keys()].filter((k) => !writes.some((r) => key(r) === k));
    expect(stale).toEqual([]);
  });

  it('checks the session before the body: anonymous → 401 on every non-public route', async () => {
    const anon = new Client(env.url);
    const failures: string[] = [];
    for (const r of routeTable(env).filter((x) => x.auth !== 'public')) {
      const res = await anon.request(r.method, fillPath(r.url), r.method === 'GET' ? undefined : PROBE);
      if (res.status !== 401 || res.body?.code !== 'UNAUTHENTICATED')
        failures.push(`${key(r)} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every post that lacks a route permission (403); a post that has it gets no 401/5xx on a write', {
    timeout: 600_000,
  }, async () => {
    const failures: string[] = [];
    for (const username of DEMO_USERNAMES) {
      const c = await signedIn(env, username);
      const held = postPermissions(username);
      for (const r of routeTable(env)) {
        const need = required(r);
        if (!need || r.url === '/api/auth/logout') continue;
        const holds = need.some((p) => held.has(p));
        // Reads by a holder run the real query on random ids; only their refusal to others is checked here.
        if (holds && r.method === 'GET') continue;
        const res = await c.request(r.method, fillPath(r.url), r.method === 'GET' ? undefined : PROBE);
        if (!holds && (res.status !== 403 || res.body?.code !== 'FORBIDDEN'))
          failures.push(`${username} ${key(r)} → ${res.status} (lacks ${need.join('|')})`);
        // liqiang's arbitrator card has lapsed: his arbitrator post grants nothing (403 is right there).
        if (holds && (res.status === 401 || res.status >= 500) && username !== 'liqiang')
          failures.push(`${username} ${key(r)} → ${res.status} (holds ${need.join('|')})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never shows a matter outside the jurisdictions of the post (广水 staff, 曾都 matter)', async () => {
    const clerk = await signedIn(env, 'clerk');
    const matter = await newMatter(clerk, (await places(env)).zengdu);
    const gs = await signedIn(env, 'gsclerk');
    const reads = routeTable(env).filter(
      (r) => r.method === 'GET' && /^\/api\/(portal\/staff\/)?matters\/:id(\/|$)/.test(r.url),
    );
    expect(reads.length).toBeGreaterThan(3);
    const leaks: string[] = [];
    for (const r of reads) {
      const own = await clerk.get(fillPath(r.url, { id: matter.id }));
      const res = await gs.get(fillPath(r.url, { id: matter.id }));
      if (![403, 404].includes(res.status)) leaks.push(`${key(r)} → ${res.status} (clerk: ${own.status})`);
    }
    expect(leaks).toEqual([]);
  });
  it('a reported inspection case: inspectors are assigned by a leader, never to oneself', async () => {
    const clerk = await signedIn(env, 'clerk');
    const c = await clerk.post('/api/inspection/cases', {
      source: 'report',
      channel: 'hotline_12333',
      jurisdictionId: (await places(env)).zengdu,
      reporter: { anonymous: false, name: '举报人甲', phone: '13900002222' },
      employer: { name: '随州市某某餐饮有限公司', creditCode: creditCode('MA4R0091'), industry: '餐饮业' },
      violations: [
        {
          type: 'minimum_wage',
          amountFen: 90_000,
          periodFrom: '2025-10-01',
          periodTo: '2025-12-31',
          facts: '工资低于最低工资标准',
        },
      ],
      violationEndedOn: '2025-12-31',
      narrative: '服务员工资低于最低工资标准。',
      workerCount: 3,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id ?? c.body.case?.id;
    const inspector = await signedIn(env, 'inspector');
    const me = (await inspector.get('/api/auth/me')).body;
    const chen = me.user?.id ?? me.id;
    const self = await inspector.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [chen] });
    expect([self.status, self.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(self.body.message).toContain('领导指派');
    const director = await signedIn(env, 'director');
    expect((await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [chen] })).status).toBe(
      200,
    );
  });
});
