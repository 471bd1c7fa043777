import { describe, expect, it } from 'vitest';
import { findPersonalData } from './portal.pii';
import { friendlyTimeline } from './portal.timeline';

describe('typical cases: personal data check', () => {
  it('finds ID numbers, mobiles and landlines, also spaced', () => {
    expect(findPersonalData('申请人王某（身份证号421302198503121234）')).toContain('身份证号码');
    expect(findPersonalData('联系电话 138 7123 4567')).toContain('手机号码');
    expect(findPersonalData('电话0722-3251234')).toContain('固定电话号码');
    expect(findPersonalData('身份证 4213 0219 8503 1212 3X'.replace(/ /g, ''))).toContain('身份证号码');
  });

  it('passes de-identified text with amounts and dates', () => {
    expect(
      findPersonalData(
        '王某在某建筑公司工作，2025年9月至12月被拖欠工资12,500元，经调解于2026年1月15日全额支付。',
      ),
    ).toEqual([]);
  });
});

describe('friendly timeline', () => {
  const at = new Date('2026-03-02T02:00:00Z');
  it('tells case steps in plain words and hides internal rows', () => {
    const t = friendlyTimeline(
      [
        { id: 1, at, kind: 'created', payload: { channel: 'online' } },
        { id: 2, at, kind: 'duplicate_flagged', payload: {} },
        { id: 3, at, kind: 'case_opened', payload: { caseId: 'c1' } },
        { id: 4, at, kind: 'case_transition', payload: { caseId: 'c1', to: 'accepted' } },
      ],
      [{ id: 'c1', track: 'arbitration', number: '随劳人仲案字〔2026〕第1号' }],
      'worker',
    );
    expect(t.map((x) => x.text)).toEqual([
      '您在网上提交的申请已收到',
      '已进入仲裁程序（案号 随劳人仲案字〔2026〕第1号）',
      expect.stringMatching(/^仲裁：/),
    ]);
  });
});
