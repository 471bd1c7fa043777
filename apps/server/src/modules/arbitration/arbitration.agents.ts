import { AGENT_AUTHORITIES, AGENT_BASIS, type AgentAuthority, type AgentParticulars } from '@onestop/domain';
import { sql } from 'kysely';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { loadApplication } from './arbitration.data';
import type { Trx } from './arbitration.runtime';
import { addRecord } from './arbitration.steps';

export interface AgentInput {
  name: string;
  identity?: string | undefined;
  authority: AgentAuthority;
}

/**
 * Records a party's agents (委托代理人) at filing or later, with the authority the power of attorney
 * grants (《劳动争议调解仲裁法》第二十四条). They are kept on the party's role in the matter (matter_party.agents)
 * and printed in the particulars of the awards, 调解书 and decisions issued afterwards (documents context,
 * frozen at issue). An empty list removes them. One transaction: the agents, a case record, the event.
 */
export async function recordAgents(
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  input: { partyId: string; powerOfAttorneyFiled: boolean; agents: AgentInput[] },
) {
  const d = await loadApplication(trx, caseId);
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, d.c.jurisdiction_id));
  if (!roles.some((r) => ['intake_clerk', 'arbitrator', 'tribunal_clerk', 'leader'].includes(r))) {
    throw errors.forbidden('您在该辖区没有仲裁受理或办案岗位');
  }
  if (d.c.closed) throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  if (input.agents.length > 0 && !input.powerOfAttorneyFiled) {
    throw new AppError(
      422,
      'POWER_OF_ATTORNEY_REQUIRED',
      `委托代理人参加仲裁活动，须提交有委托人签名或者盖章、载明委托事项和权限的授权委托书（${AGENT_BASIS}）`,
      { field: 'powerOfAttorneyFiled' },
    );
  }
  const party = d.parties.find((p) => p.partyId === input.partyId);
  if (!party) throw new AppError(422, 'PARTY_NOT_IN_CASE', '该当事人不是本案当事人', { field: 'partyId' });
  const agents: AgentParticulars[] = input.agents.map((a) => ({
    name: a.name,
    ...(a.identity ? { identity: a.identity } : {}),
    authority: AGENT_AUTHORITIES[a.authority].label,
  }));
  // matter_party.agents (migration 0031) is read by the documents context only: written here.
  await sql`UPDATE matter_party SET agents = ${JSON.stringify(agents)}::jsonb
    WHERE matter_id = ${d.c.matter_id} AND party_id = ${input.partyId}`.execute(trx);
  const summary = agents.length
    ? `${party.name}委托代理人：${agents.map((a) => `${a.name}（${a.authority}）`).join('、')}`
    : `${party.name}解除全部委托代理人`;
  await addRecord(trx, actor, caseId, 'note', summary, { kind: 'agents', partyId: input.partyId, agents });
  await appendEvent(
    trx,
    actor,
    d.c.matter_id,
    'arbitration_agents_recorded',
    `仲裁案件 ${d.c.number}：${summary}`,
    {
      caseId,
      partyId: input.partyId,
    },
  );
  return { agents };
}
