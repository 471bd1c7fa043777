import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

describe('consultation (咨询)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
  });

  const question = (over: Record<string, unknown> = {}) => ({
    jurisdictionId: p.zengdu,
    channel: 'window',
    topic: '欠薪',
    question: '老板拖欠三个月工资，我该找谁？',
    answer: '可以向劳动保障监察机构投诉，或者申请劳动争议调解、仲裁。',
    legalBasis: '《劳动保障监察条例》第二十六条',
    visitorName: '王建国',
    visitorPhone: '13871234567',
    ...over,
  });

  it('logs every question (alone or on a matter, then on its timeline)', async () => {
    expect((await new Client(env.url).post('/api/consultations', question())).status).toBe(401);
    const bad = await clerk.post('/api/consultations', question({ answer: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请填写解答内容');
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.post('/api/consultations', question())).status).toBe(403);

    const kb = (await clerk.get(`/api/kb?q=${encodeURIComponent('欠薪')}`)).body.items[0];
    const alone = await clerk.post('/api/consultations', question({ kbEntryId: kb.id }));
    expect(alone.status).toBe(201);
    expect(alone.body).toMatchObject({
      topic: '欠薪',
      staffName: '王晓梅',
      channelLabel: '窗口来访',
      state: 'answered',
      matterId: null,
    });
    expect(alone.body.visitorPhone).toBe('138****4567');

    const m = await newMatter(clerk, p.zengdu);
    const onMatter = await clerk.post('/api/consultations', question({ matterId: m.id, topic: '仲裁时效' }));
    expect(onMatter.status).toBe(201);
    expect(onMatter.body.matterNumber).toBe(m.number);
    const timeline = (await clerk.get(`/api/matters/${m.id}`)).body.timeline;
    expect(timeline.map((t: any) => t.kind)).toContain('consultation');
    const list = await clerk.get(`/api/consultations?q=${encodeURIComponent('拖欠')}&mine=true`);
    expect(list.body.items.map((c: any) => c.id)).toEqual(
      expect.arrayContaining([alone.body.id, onMatter.body.id]),
    );
  });

  it('turns a consultation into a matter in one step', async () => {
    const c = (await clerk.post('/api/consultations', question())).body;
    const { jurisdictionId: _j, channel: _c, ...intake } = intakeBody(p.zengdu) as Record<string, unknown>;
    const body = { ...intake, channel: 'window', version: c.version };

    const inspector = await signedIn(env, 'inspector');
    expect((await inspector.post(`/api/consultations/${c.id}/convert`, body)).status).toBe(403);
    expect((await clerk.post(`/api/consultations/${c.id}/convert`, { ...body, version: 7 })).status).toBe(
      409,
    );

    const r = await clerk.post(`/api/consultations/${c.id}/convert`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.consultation.state).toBe('converted');
    expect(r.body.consultation.convertedMatterId).toBe(r.body.matter.id);
    const matter = (await clerk.get(`/api/matters/${r.body.matter.id}`)).body;
    expect(matter.number).toBe(r.body.matter.number);
    expect(matter.claims[0].type).toBe('unpaid_wages');
    expect(matter.timeline.map((t: any) => t.kind)).toEqual(
      expect.arrayContaining(['created', 'consultation_converted']),
    );

    const again = await clerk.post(`/api/consultations/${c.id}/convert`, {
      ...body,
      version: r.body.consultation.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONSULTATION_CONVERTED');
  });
});
