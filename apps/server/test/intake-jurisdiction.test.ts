import { beforeAll, describe, expect, it } from 'vitest';
import { type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

/** Jurisdiction at the window: the employer's and the workplace's location warn while filling the intake. */
describe('intake: jurisdiction warning from the employer’s and the workplace’s location', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
  });

  const preview = async (employerAddress: string, workplace?: string) => {
    const body = intakeBody(p.zengdu, { facts: workplace ? { workplace } : {} }) as any;
    body.employers[0].address = employerAddress;
    const r = await clerk.post('/api/intake/triage', body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.result.warnings as any[]).filter((w) => w.code === 'OUTSIDE_JURISDICTION');
  };

  it('warns when the Wuhan employer’s and workplace’s locations are both outside 随州', async () => {
    const w = await preview('湖北省武汉市江汉区建设大道100号', '武汉市东西湖区工地');
    expect(w).toHaveLength(1);
    expect(w[0].message).toBe(
      '用人单位所在地（湖北省武汉市江汉区建设大道100号）和工作地点（武汉市东西湖区工地）均不在随州市辖区：本中心对该争议没有管辖权，应告知向有管辖权的仲裁委员会（武汉市东西湖区劳动人事争议仲裁委员会或武汉市江汉区劳动人事争议仲裁委员会）申请（仲裁员出具管辖告知书，不出具不予受理通知书）',
    );
    expect(w[0].competentBodies).toEqual([
      '武汉市东西湖区劳动人事争议仲裁委员会',
      '武汉市江汉区劳动人事争议仲裁委员会',
    ]);
    expect(w[0].basis).toContain('《劳动争议调解仲裁法》第二十一条');
  });

  it('asks for the workplace when only the employer is outside, and is silent when either place is inside', async () => {
    const ask = await preview('湖北省武汉市江汉区建设大道100号');
    expect(ask).toHaveLength(1);
    expect(ask[0].message).toBe(
      '用人单位所在地（湖北省武汉市江汉区建设大道100号）不在随州市辖区：请询问工作地点（劳动合同履行地）——在随州市辖区内工作的，本中心仍有管辖权；否则应告知向有管辖权的仲裁委员会（武汉市江汉区劳动人事争议仲裁委员会）申请',
    );
    expect(await preview('湖北省武汉市江汉区建设大道100号', '随州市曾都区交通大道工地')).toEqual([]);
    expect(await preview('随州市曾都区擂鼓墩大道8号')).toEqual([]);
  });

  it('refuses a workplace longer than 300 characters with a 400', async () => {
    const body = intakeBody(p.zengdu, { facts: { workplace: '随'.repeat(301) } });
    const r = await clerk.post('/api/intake/triage', body);
    expect(r.status).toBe(400);
  });
});
