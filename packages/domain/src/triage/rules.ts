import { disputeClaims, inspectionCandidates, labels, PROCEEDING_LABELS } from './facts';
import type {
  OutOfScopeTopic,
  PriorityFlag,
  Recommendation,
  RoutingRule,
  TriageFacts,
  TriageWarning,
} from './types';

/** where each out-of-scope topic goes. */
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
    reason: '工伤认定由社会保险行政部门负责：用人单位应在事故伤害发生之日起30日内提出，劳动者或其近亲属、工会组织可在1年内提出',
    basis: '《工伤保险条例》第十七条',
  },
  suspected_crime: {
    referTo: '公安机关',
    reason: '涉嫌犯罪（如拒不支付劳动报酬）的，依法移送司法机关',
    basis: '《劳动保障监察条例》第十八条第二款；《刑法》第二百七十六条之一',
  },
};

const rec = (r: Omit<Recommendation, 'claimTypes'> & { claimTypes?: Recommendation['claimTypes'] }) => ({
  ...r,
  claimTypes: r.claimTypes ?? [],
});

/**
 * The routing rules (RULES.md §1.2), evaluated in this order. A rule that halts stops the
 * case-routing rules after it; rules marked `always` still run (warnings the worker must hear).
 */
export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    id: 'R-01',
    title: '咨询先行',
    basis: '一窗受理（中心设计规则）',
    always: true,
    when: () => true,
    then: (f) => ({
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
  },
  {
    id: 'R-05',
    title: '不属于本中心职责的事项告知去向',
    basis: '《劳动保障监察条例》第十八条第二款、第三十五条；《工伤保险条例》第十七条',
    always: true,
    when: (f) => f.input.outOfScopeTopics.length > 0,
    then: (f) => ({
      recommendations: f.input.outOfScopeTopics.map((topic) => {
        const r = OUT_OF_SCOPE_REFERRALS[topic];
        return rec({ track: 'referral', ruleId: 'R-05', referTo: r.referTo, reason: r.reason, basis: r.basis });
      }),
    }),
  },
  {
    id: 'R-03',
    title: '同一诉求不得同时进入两个程序',
    basis: '《劳动保障监察条例》第二十一条第二款；《劳动人事争议仲裁办案规则》第三十四条',
    always: true,
    when: (f) => f.claims.some((c) => c.blockedBy !== null),
    then: (f) => {
      const basis = '《劳动保障监察条例》第二十一条第二款；《劳动人事争议仲裁办案规则》第三十四条';
      const blocked = f.claims.filter((c) => c.blockedBy !== null);
      const conflicts = blocked.map((c) => {
        const p = c.blockedBy!;
        const ref = p.reference ? `（${p.reference}）` : '';
        return {
          claimType: c.claim.type,
          existingTrack: p.track,
          ...(p.reference ? { reference: p.reference } : {}),
          message: `诉求“${c.def.label}”已在${PROCEEDING_LABELS[p.track]}程序中处理${ref}，同一诉求不得同时进入两个程序，请在原程序中继续主张`,
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
  },
  {
    id: 'R-13',
    title: '用人单位破产、改制或停业',
    basis: '《企业破产法》第四十八条、第一百一十三条；《企业国有资产法》第三十七条',
    always: true,
    when: (f) => f.input.employerStatus !== 'normal',
    then: (f): ReturnType<RoutingRule['then']> => {
      const status = f.input.employerStatus;
      if (status === 'bankrupt') {
        const basis = '《企业破产法》第四十八条、第一百一十三条';
        const affected = f.routable.filter((c) => c.def.wageArrears || c.def.workInjury || c.claim.type === 'economic_compensation');
        return {
          warnings: [
            {
              code: 'EMPLOYER_BANKRUPT',
              message: '用人单位已进入破产程序：职工工资、医疗伤残补助、经济补偿等无需申报，由管理人调查后列出清单并公示，优先于普通债权清偿',
              basis,
            },
          ],
          recommendations: affected.length
            ? [
                rec({
                  track: 'referral',
                  ruleId: 'R-13',
                  referTo: '破产管理人；对清单有异议且未获更正的，向受理破产申请的人民法院提起诉讼',
                  reason: `${labels(affected)}属于职工债权，由管理人核查列示`,
                  basis,
                  claimTypes: affected.map((c) => c.claim.type),
                }),
              ]
            : [],
        };
      }
      if (status === 'restructuring') {
        return {
          warnings: [
            {
              code: 'EMPLOYER_RESTRUCTURING',
              message: '用人单位正在改制：涉及职工安置的，职工安置方案须经职工代表大会或职工大会审议通过',
              basis: '《企业国有资产法》第三十七条',
            },
          ],
        };
      }
      return {
        warnings: [
          {
            code: 'EMPLOYER_CLOSED',
            message: '用人单位已停业或下落不明：文书可依法留置、张贴送达；涉及农民工欠薪的，可了解应急周转金先行垫付政策',
            basis: '《劳动人事争议仲裁办案规则》第二十条；《保障农民工工资支付条例》第六十三条',
          },
        ],
      };
    },
  },
  {
    id: 'R-06',
    title: '管辖',
    basis: '《劳动争议调解仲裁法》第二十一条；《劳动人事争议仲裁办案规则》第三十一条；《劳动保障监察条例》第十三条',
    when: (f) => !f.input.withinJurisdiction,
    then: (f) => {
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
        warnings: [{ code: 'OUTSIDE_JURISDICTION', message: `不属于本中心管辖，应告知向${referTo}提出`, basis }],
      };
    },
  },
  {
    id: 'R-07',
    title: '信访事项分类导入法定途径',
    basis: '《信访工作条例》第二十二条第二款、第二十八条、第三十一条',
    when: (f) => f.input.requestKind === 'petition',
    then: (f) =>
      f.input.disputesPriorConclusion
        ? {
            halt: true,
            recommendations: [
              rec({
                track: 'petition',
                ruleId: 'R-07',
                reason: '对劳动监察、劳动仲裁处理结论不服的，进行政策法规释明，告知诉权，引导通过司法途径维护权益',
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
  },
  {
    id: 'R-02',
    title: '争议与违法行为分流',
    basis: '《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条、第二十一条；《保障农民工工资支付条例》第十条',
    when: (f) => f.routable.length > 0,
    then: (f) => {
      const out: ReturnType<RoutingRule['then']> = { recommendations: [], warnings: [] };
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
              explanation: '调解：自愿、快捷，达成的调解协议对双方有约束力；工资等事项不履行的可凭协议申请支付令',
            },
            {
              track: 'arbitration',
              explanation: '仲裁：由仲裁委员会裁决，可一并主张赔偿金、经济补偿等，裁决生效后可申请法院强制执行',
            },
            {
              track: 'inspection',
              explanation: '劳动保障监察：由行政机关责令用人单位限期支付，逾期不支付的可加付赔偿金；不处理双方有争议的赔偿数额',
            },
          ],
        };
      }
      return out;
    },
  },
  {
    id: 'R-09',
    title: '着重调解，但调解自愿',
    basis: '《劳动争议调解仲裁法》第三条、第五条、第十四条、第四十二条',
    when: (f) => disputeClaims(f).length > 0,
    then: (f) => ({
      recommendations: [
        rec({
          track: 'mediation',
          ruleId: 'R-09',
          reason: '案情简单、争议额小的，征得同意后可先行调解（调解建议书）；调解自愿，不是申请仲裁的前置程序，不得拖延受理',
          basis: '《劳动争议调解仲裁法》第三条、第五条、第十四条',
          claimTypes: disputeClaims(f).map((c) => c.claim.type),
        }),
      ],
    }),
  },
  {
    id: 'R-04',
    title: '劳动保障监察两年时效',
    basis: '《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款',
    when: (f) => inspectionCandidates(f).some((c) => c.inspectionExpired),
    then: (f) => {
      const expired = inspectionCandidates(f).filter((c) => c.inspectionExpired);
      const basis = '《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款';
      const stillArbitrable = expired.filter(
        (c) => c.def.nature !== 'violation' && (c.arbitrationDaysLeft === null || c.arbitrationDaysLeft >= 0),
      );
      return {
        warnings: expired.map((c) => ({
          code: 'INSPECTION_LIMITATION_EXPIRED' as const,
          message: `“${c.def.label}”的违法行为已超过两年未被发现、投诉或举报，劳动保障监察不再查处（5个工作日内书面告知不予受理）`,
          basis,
          claimType: c.claim.type,
        })),
        recommendations: stillArbitrable.length
          ? [
              rec({
                track: 'arbitration',
                ruleId: 'R-04',
                reason: `${labels(stillArbitrable)}超过监察时效，仲裁时效尚未届满的，可申请仲裁`,
                basis: `${basis}；《劳动争议调解仲裁法》第二十七条`,
                claimTypes: stillArbitrable.map((c) => c.claim.type),
              }),
            ]
          : [],
      };
    },
  },
  {
    id: 'T-A1',
    title: '仲裁时效',
    basis: '《劳动争议调解仲裁法》第二十七条',
    always: true,
    when: (f) => f.routable.some((c) => c.def.nature !== 'violation'),
    then: (f) => {
      const basis = '《劳动争议调解仲裁法》第二十七条';
      const warnings: TriageWarning[] = [];
      for (const c of f.routable) {
        if (c.def.nature === 'violation') continue;
        const label = c.def.label;
        if (c.arbitrationExempt) {
          if (c.def.wageArrears) {
            warnings.push({
              code: 'ARBITRATION_LIMITATION_WAGE_EXCEPTION',
              message: `“${label}”：劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；劳动关系终止的，应自终止之日起一年内提出`,
              basis: '《劳动争议调解仲裁法》第二十七条第四款',
              claimType: c.claim.type,
            });
          }
          continue;
        }
        if (c.arbitrationDue === null || c.arbitrationDaysLeft === null) {
          warnings.push({
            code: 'ARBITRATION_LIMITATION_UNKNOWN',
            message: `“${label}”：请登记劳动者知道或应当知道权利被侵害的日期，以便计算一年仲裁时效`,
            basis,
            claimType: c.claim.type,
          });
          continue;
        }
        const common = { basis, claimType: c.claim.type, dueDate: c.arbitrationDue, daysLeft: c.arbitrationDaysLeft };
        if (c.arbitrationDaysLeft < 0) {
          warnings.push({
            ...common,
            code: 'ARBITRATION_LIMITATION_EXPIRED',
            message: `“${label}”的仲裁时效可能已于${c.arbitrationDue}届满；时效不是受理条件，是否中断、中止由仲裁庭审查，仍应接收申请`,
          });
        } else if (c.arbitrationDaysLeft <= f.settings.limitationWarningDays) {
          warnings.push({
            ...common,
            code: 'ARBITRATION_LIMITATION_NEAR',
            message: `“${label}”的仲裁时效将于${c.arbitrationDue}届满（剩余${c.arbitrationDaysLeft}日），请尽快申请`,
          });
        }
      }
      return { warnings };
    },
  },
  {
    id: 'R-08',
    title: '集体争议',
    basis: '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第五条、第六十二条',
    always: true,
    when: (f) => f.collective,
    then: (f) => ({
      priorityFlags: ['collective'],
      warnings: [
        {
          code: 'COLLECTIVE_DISPUTE',
          message: `${f.input.workerCount}名劳动者有共同请求（或涉及集体合同履行），按集体争议处理：推举3至5名代表，优先立案、优先审理，组成三人仲裁庭，必要时启动应急预案`,
          basis: '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第五条、第六十二条至第六十七条',
        },
      ],
    }),
  },
  {
    id: 'R-10',
    title: '法律援助筛查',
    basis: '《法律援助法》第三十一条、第三十五条、第四十二条、第四十四条',
    always: true,
    when: (f) => f.routable.some((c) => c.def.legalAidSubject),
    then: (f) => {
      const eligible = f.routable.filter((c) => c.def.legalAidSubject);
      const urgentDays = f.routable
        .map((c) => c.arbitrationDaysLeft)
        .filter((d): d is number => d !== null && d >= 0 && d <= f.settings.urgentLegalAidDays);
      const urgent = urgentDays.length > 0;
      const exempt =
        f.input.worker.migrantWorker === true && eligible.some((c) => c.def.wageArrears || c.def.workInjury);
      const reason = [
        `${labels(eligible)}属于法律援助事项，应告知可申请法律援助`,
        exempt ? '农民工请求支付劳动报酬或工伤赔偿的，免予核查经济困难状况' : '',
        urgent ? `距时效届满仅剩${Math.min(...urgentDays)}日，可先行提供法律援助，事后补交材料` : '',
      ]
        .filter(Boolean)
        .join('；');
      return {
        recommendations: [
          rec({
            track: 'legal_aid',
            ruleId: 'R-10',
            reason,
            basis: '《法律援助法》第三十一条、第三十五条、第四十二条、第四十四条',
            claimTypes: eligible.map((c) => c.claim.type),
            urgent,
          }),
        ],
        warnings: urgent
          ? [
              {
                code: 'LEGAL_AID_URGENT',
                message: `距仲裁时效届满不足${f.settings.urgentLegalAidDays}日，可先行提供法律援助`,
                basis: '《法律援助法》第四十四条',
                daysLeft: Math.min(...urgentDays),
              },
            ]
          : [],
      };
    },
  },
  {
    id: 'R-14',
    title: '优先处理标识与当日受理',
    basis: '中心服务承诺（随人社函〔2023〕36号）；《劳动人事争议仲裁办案规则》第五条',
    always: true,
    when: () => true,
    then: (f) => {
      const flags: PriorityFlag[] = [];
      const w = f.input.worker;
      const wage = f.claims.some((c) => c.def.wageArrears);
      const injury = f.claims.some((c) => c.def.workInjury);
      if (wage) flags.push('wage_arrears');
      if (injury) flags.push('work_injury');
      if (w.migrantWorker) flags.push('migrant_worker');
      if (w.pregnantOrNursing) flags.push('pregnant_or_nursing');
      if (w.disabled) flags.push('disabled');
      if (w.minor) flags.push('minor');
      const majorCollective = f.collective && f.input.workerCount >= f.settings.majorCollectiveMinWorkers;
      return { priorityFlags: flags, sameDayAcceptance: wage || injury || majorCollective };
    },
  },
];

