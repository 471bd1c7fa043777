import { beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, useTestServer } from './harness';

describe('knowledge base (咨询知识库)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let clerk: Client;

  beforeAll(async () => {
    clerk = await signedIn(env, 'clerk');
  });

  it('staff search finds the wage-arrears answers, with their legal basis, ranked first', async () => {
    expect((await new Client(env.url).get('/api/kb?q=欠薪')).status).toBe(401);
    const r = await clerk.get(`/api/kb?q=${encodeURIComponent('欠薪')}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(3);
    expect(r.body.items[0].topic).toBe('欠薪');
    expect(r.body.items.every((x: any) => x.basis.length > 0)).toBe(true);
    expect(r.body.items.map((x: any) => x.basis).join('')).toContain('《劳动保障监察条例》第二十六条');
    // Colloquial, unspaced Chinese: split into bigrams and expanded to the legal terms.
    const long = await clerk.get(`/api/kb?q=${encodeURIComponent('老板拖欠工资怎么办')}`);
    expect(long.body.items[0].topic).toBe('欠薪');
    const injury = await clerk.get(`/api/kb?q=${encodeURIComponent('工伤认定时限')}`);
    expect(injury.body.items[0].question).toContain('工伤认定');
    expect(r.body.topics).toEqual(
      expect.arrayContaining(['欠薪', '加班', '劳动合同', '工伤', '仲裁时效', '法律援助']),
    );
  });

  it('the public listing is read-only and shows published entries only', async () => {
    const anon = new Client(env.url);
    const pub = await anon.get(`/api/public/kb?q=${encodeURIComponent('法律援助')}`);
    expect(pub.status).toBe(200);
    expect(pub.body.items.length).toBeGreaterThan(0);
    expect(pub.body.items[0]).not.toHaveProperty('published');

    const bad = await clerk.post('/api/kb', { topic: '欠薪', question: '', answer: 'x', basis: 'y' });
    expect(bad.status).toBe(400);
    expect(
      (
        await (
          await signedIn(env, 'petition')
        ).post('/api/kb', { topic: 'a', question: 'b', answer: 'c', basis: 'd' })
      ).status,
    ).toBe(403);
    const draft = await clerk.post('/api/kb', {
      topic: '欠薪',
      question: '春节前欠薪专项行动期间如何投诉？',
      answer: '可拨打12333或到窗口投诉。',
      basis: '《保障农民工工资支付条例》第十条',
      tags: ['欠薪', '春节'],
    });
    expect(draft.status).toBe(201);
    expect(draft.body.published).toBe(false);
    const q = `/public/kb?q=${encodeURIComponent('春节前欠薪专项')}`;
    expect((await anon.get(`/api${q}`)).body.items).toHaveLength(0);
    const staffDrafts = await clerk.get(
      `/api/kb?q=${encodeURIComponent('春节前欠薪专项')}&includeDrafts=true`,
    );
    expect(staffDrafts.body.items[0].id).toBe(draft.body.id);

    const stale = await clerk.patch(`/api/kb/${draft.body.id}`, { version: 9, published: true });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.version).toBe(1);
    const pubd = await clerk.patch(`/api/kb/${draft.body.id}`, { version: 1, published: true });
    expect(pubd.status).toBe(200);
    expect((await anon.get(`/api${q}`)).body.items[0].id).toBe(draft.body.id);
    expect((await anon.post('/api/kb', { topic: 'a', question: 'b', answer: 'c', basis: 'd' })).status).toBe(
      401,
    );
  });
});
