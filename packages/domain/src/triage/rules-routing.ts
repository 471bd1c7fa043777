import { disputeClaims, inspectionCandidates, labels, PROCEEDING_LABELS } from './facts';
import { claimLabel } from '../claims/label';
import { rec } from './rule-helpers';
import type { OutOfScopeTopic, RoutingRule, TriageWarning } from './types';

// Case-routing rules: 中心工作规则（先咨询后立案）, 《劳动保障监察条例》第十八条第二款、第三十五条, 《劳动保障监察条例》第二十一条第二款, 《劳动争议调解仲裁法》第二十一条；《劳动保障监察条例》第十三条, 《信访工作条例》第三十一条, 《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条, 《劳动争议调解仲裁法》第三条、第四十二条 (routing rules).

/** 《劳动保障监察条例》第十八条第二款、第三十五条: where each out-of-scope topic goes. */
export const OUT_OF_SCOPE_REFERRALS: Readonly<
  Record<OutOfScopeTopic, { referTo: string; reason: string; basis: string }>
> = {
  occupational_safety: {
    referTo: '应急管理部门（职业卫生事项：卫生健康部门；特种设备：市场监督管理部门）',
    reason: '安全生产、职业卫生等事项不属于劳动保障监察范围，请向主管部门反映',
    basis: '《劳动保障监察条例》第三十五条',
  },
  work_injury_recognition: {
    referTo: '社会保险行政部门（工伤认定）',
    reason:
      '工伤认定由社会保险行政部门负责：用人单位应在事故伤害发生之日起30日内提出，劳动者或其近亲属、工会组织可在1年内提出',
    basis: '《工伤保险条例》第十七条',
  },
  suspected_crime: {
    referTo: '公安机关',
    reason: '涉嫌犯罪（如拒不支付劳动报酬）的，依法移送司法机关',
    basis: '《劳动保障监察条例》第十八条第二款；《刑法》第二百七十六条之一',
  },
};

export const RULE_R_01: RoutingRule = {
  id: 'R-01',
  title: '咨询先行',
  basis: '一窗受理（中心设计规则）',
  always: true,
  when: () => true,
  outcome: (f) => ({
    recommendations: [
      rec({
        track: 'consultation',
        ruleId: 'R-01',
        basis: '一窗受理（中心设计规则）',
        reason:
          f.input.requestKind === 'question'
            ? '当场解答并登记咨询记录；劳动者提出申请或投诉后再开立案件'
            : '登记咨询记录，并按劳动者提交的申请、投诉、举报或信访开立案件',
      }),
    ],
  }),
};

export const RULE_R_05: RoutingRule = {
  id: 'R-05',
  title: '不属于本中心职责的事项告知去向',
  basis: '《劳动保障监察条例》第十八条第二款、第三十五条；《工伤保险条例》第十七条',
  always: true,
  when: (f) => f.input.outOfScopeTopics.length > 0,
  outcome: (f) => ({
    recommendations: f.input.outOfScopeTopics.map((topic) => {
      const r = OUT_OF_SCOPE_REFERRALS[topic];
      return rec({
        track: 'referral',
        ruleId: 'R-05',
        referTo: r.referTo,
        reason: r.reason,
        basis: r.basis,
      });
    }),
  }),
};

export const RULE_R_03: RoutingRule = {
  id: 'R-03',
  title: '同一诉求不得同时进入两个程序',
  basis: '《劳动保障监察条例》第二十一条第二款；《劳动人事争议仲裁办案规则》第三十四条',
  always: true,
  when: (f) => f.claims.some((c) => c.blockedBy !== null),
  outcome: (f) => {
    const basis = '《劳动保障监察条例》第二十一条第二款；《劳动人事争议仲裁办案规则》第三十四条';
    const blocked = f.claims.filter((c) => c.blockedBy !== null);
    const conflicts = blocked.map((c) => {
      const p = c.blockedBy!;
      const ref = p.reference ? `（${p.reference}）` : '';
      return {
        claimType: c.claim.type,
        existingTrack: p.track,
        ...(p.reference ? { reference: p.reference } : {}),
        message: `诉求“${claimLabel(c.claim)}”已在${PROCEEDING_LABELS[p.track]}程序中处理${ref}，同一诉求不得同时进入两个程序，请在原程序中继续主张`,
        basis,
      };
    });
    return {
      conflicts,
      warnings: conflicts.map(
        (c): TriageWarning => ({
          code: 'SAME_CLAIM_IN_OTHER_PROCEEDING',
          message: c.message,
          basis,
          claimType: c.claimType,
        }),
      ),
    };
  },
};

export const RULE_R_06: RoutingRule = {
  id: 'R-06',
  title: '管辖',
  basis:
    '《劳动争议调解仲裁法》第二十一条；《劳动人事争议仲裁办案规则》第三十一条；《劳动保障监察条例》第十三条',
  when: (f) => !f.input.withinJurisdiction,
  outcome: (f) => {
    const basis =
      '《劳动争议调解仲裁法》第二十一条；《劳动人事争议仲裁办案规则》第三十一条；《劳动保障监察条例》第十三条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第四款';
    const referTo =
      f.input.competentAuthority ??
      '劳动合同履行地或用人单位所在地的劳动人事争议仲裁委员会；用工所在地的劳动保障行政部门';
    return {
      halt: true,
      recommendations: [
        rec({
          track: 'referral',
          ruleId: 'R-06',
          referTo,
          reason: '不属于本中心管辖：书面告知向有管辖权的机构申请或投诉（仲裁不出具不予受理通知书）',
          basis,
          claimTypes: f.routable.map((c) => c.claim.type),
        }),
      ],
      warnings: [
        { code: 'OUTSIDE_JURISDICTION', message: `不属于本中心管辖，应告知向${referTo}提出`, basis },
      ],
    };
  },
};

export const RULE_R_07: RoutingRule = {
  id: 'R-07',
  title: '信访事项分类导入法定途径',
  basis: '《信访工作条例》第二十二条第二款、第二十八条、第三十一条',
  when: (f) => f.input.requestKind === 'petition',
  outcome: (f) =>
    f.input.disputesPriorConclusion
      ? {
          halt: true,
          recommendations: [
            rec({
              track: 'petition',
              ruleId: 'R-07',
              reason:
                '对劳动监察、劳动仲裁处理结论不服的，进行政策法规释明，告知诉权，引导通过司法途径维护权益',
              basis: '《信访工作条例》第二十二条第二款、第三十一条',
            }),
          ],
        }
      : {
          recommendations: [
            rec({
              track: 'petition',
              ruleId: 'R-07',
              reason: '登记信访事项，前期介入协商调处；属于仲裁、监察等法定途径的，导入相应程序并告知信访人',
              basis: '《信访工作条例》第二十八条、第三十一条',
              claimTypes: f.routable.map((c) => c.claim.type),
            }),
          ],
        },
};

export const RULE_R_02: RoutingRule = {
  id: 'R-02',
  title: '争议与违法行为分流',
  basis:
    '《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条、第二十一条；《保障农民工工资支付条例》第十条',
  when: (f) => f.routable.length > 0,
  outcome: (f) => {
    const out: ReturnType<RoutingRule['outcome']> = { recommendations: [], warnings: [] };
    const disputes = disputeClaims(f);
    const inspection = inspectionCandidates(f).filter((c) => !c.inspectionExpired);
    if (disputes.length) {
      out.recommendations!.push(
        rec({
          track: 'arbitration',
          ruleId: 'R-02',
          reason: `${labels(disputes)}属于劳动争议，可申请劳动人事争议仲裁（免费）`,
          basis: '《劳动争议调解仲裁法》第二条、第五条、第五十三条',
          claimTypes: disputes.map((c) => c.claim.type),
        }),
      );
    }
    if (inspection.length) {
      out.recommendations!.push(
        rec({
          track: 'inspection',
          ruleId: 'R-02',
          reason: `${labels(inspection)}涉及用人单位违反劳动保障法律法规，可向劳动保障监察机构投诉或举报`,
          basis: '《劳动保障监察条例》第九条、第十一条',
          claimTypes: inspection.map((c) => c.claim.type),
        }),
      );
    }
    const misdirected = f.input.requestKind === 'complaint' || f.input.requestKind === 'report';
    const pureDisputes = f.routable.filter((c) => c.def.nature === 'dispute');
    if (misdirected && pureDisputes.length) {
      out.warnings!.push({
        code: 'DISPUTE_NOT_FOR_INSPECTION',
        message:
          f.input.requestKind === 'report'
            ? `${labels(pureDisputes)}属于劳动争议，应由劳动者本人申请调解或仲裁，监察不予处理`
            : `${labels(pureDisputes)}属于劳动争议，监察机构应告知通过调解、仲裁程序解决`,
        basis: '《劳动保障监察条例》第二十一条第二款',
      });
    }
    const either = f.routable.filter((c) => c.def.nature === 'either');
    if (either.length && f.input.requestKind !== 'report') {
      out.choice = {
        claimTypes: either.map((c) => c.claim.type),
        message: `${labels(either)}既可以申请调解、仲裁，也可以向劳动保障监察机构投诉，由劳动者自主选择；同一诉求只能选择一个程序`,
        basis: '《劳动争议调解仲裁法》第九条；《保障农民工工资支付条例》第十条',
        options: [
          {
            track: 'mediation',
            explanation:
              '调解：自愿、快捷，达成的调解协议对双方有约束力；工资等事项不履行的可凭协议申请支付令',
          },
          {
            track: 'arbitration',
            explanation: '仲裁：由仲裁委员会裁决，可一并主张赔偿金、经济补偿等，裁决生效后可申请法院强制执行',
          },
          {
            track: 'inspection',
            explanation:
              '劳动保障监察：由行政机关责令用人单位限期支付，逾期不支付的可加付赔偿金；不处理双方有争议的赔偿数额',
          },
        ],
      };
    }
    return out;
  },
};

export const RULE_R_09: RoutingRule = {
  id: 'R-09',
  title: '着重调解，但调解自愿',
  basis: '《劳动争议调解仲裁法》第三条、第五条、第十四条、第四十二条',
  when: (f) => disputeClaims(f).length > 0,
  outcome: (f) => ({
    recommendations: [
      rec({
        track: 'mediation',
        ruleId: 'R-09',
        reason:
          '案情简单、争议额小的，征得同意后可先行调解（调解建议书）；调解自愿，不是申请仲裁的前置程序，不得拖延受理',
        basis: '《劳动争议调解仲裁法》第三条、第五条、第十四条',
        claimTypes: disputeClaims(f).map((c) => c.claim.type),
      }),
    ],
  }),
};
