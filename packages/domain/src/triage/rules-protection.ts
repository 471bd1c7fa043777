import { inspectionCandidates, labels } from './facts';
import { rec, urgentDaysLeft } from './rule-helpers';
import { claimLabel, claimLabelList } from '../claims/label';
import { chineseDate } from '../time';
import type { ClaimFacts, PriorityFlag, RoutingRule, TriageWarning, TriageWarningCode } from './types';

// Protective rules: employer status, limitations, collective, legal aid, priority (routing rules, arbitration time limits, 《劳动争议调解仲裁法》《劳动人事争议仲裁办案规则》, priority categories).

export const RULE_R_13: RoutingRule = {
  id: 'R-13',
  title: '用人单位破产、改制或停业',
  basis: '《企业破产法》第四十八条、第一百一十三条；《企业国有资产法》第三十七条',
  always: true,
  when: (f) => f.input.employerStatus !== 'normal',
  outcome: (f): ReturnType<RoutingRule['outcome']> => {
    const status = f.input.employerStatus;
    if (status === 'bankrupt') {
      const basis = '《企业破产法》第四十八条、第一百一十三条';
      const affected = f.routable.filter(
        (c) => c.def.wageArrears || c.def.workInjury || c.claim.type === 'economic_compensation',
      );
      return {
        warnings: [
          {
            code: 'EMPLOYER_BANKRUPT',
            message:
              '用人单位已进入破产程序：职工工资、医疗伤残补助、经济补偿等无需申报，由管理人调查后列出清单并公示，优先于普通债权清偿',
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
          message:
            '用人单位已停业或下落不明：文书可依法留置、张贴送达；涉及农民工欠薪的，可了解应急周转金先行垫付政策',
          basis: '《劳动人事争议仲裁办案规则》第二十条；《保障农民工工资支付条例》第六十三条',
        },
      ],
    };
  },
};

export const RULE_R_04: RoutingRule = {
  id: 'R-04',
  title: '劳动保障监察两年时效',
  basis: '《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款',
  when: (f) => inspectionCandidates(f).some((c) => c.inspectionExpired),
  outcome: (f) => {
    const expired = inspectionCandidates(f).filter((c) => c.inspectionExpired);
    const basis = '《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款';
    const stillArbitrable = expired.filter(
      (c) => c.def.nature !== 'violation' && (c.arbitrationDaysLeft === null || c.arbitrationDaysLeft >= 0),
    );
    return {
      warnings: expired.map((c) => ({
        code: 'INSPECTION_LIMITATION_EXPIRED' as const,
        message: `“${claimLabel(c.claim)}”的违法行为已超过两年未被发现、投诉或举报，劳动保障监察不再查处（5个工作日内书面告知不予受理）`,
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
};

export const RULE_T_A1: RoutingRule = {
  id: 'T-A1',
  title: '仲裁时效',
  basis: '《劳动争议调解仲裁法》第二十七条',
  always: true,
  when: (f) => f.routable.some((c) => c.def.nature !== 'violation'),
  // One warning per situation for the whole matter (three monthly wage items give one warning naming
  // the three periods, not three warnings).
  outcome: (f) => {
    const basis = '《劳动争议调解仲裁法》第二十七条';
    const exempt: ClaimFacts[] = [];
    const unknown: ClaimFacts[] = [];
    const dated = new Map<string, { code: TriageWarningCode; claims: ClaimFacts[] }>();
    for (const c of f.routable) {
      if (c.def.nature === 'violation') continue;
      if (c.arbitrationExempt) {
        if (c.def.wageArrears) exempt.push(c);
        continue;
      }
      if (c.arbitrationDue === null || c.arbitrationDaysLeft === null) {
        unknown.push(c);
        continue;
      }
      const code =
        c.arbitrationDaysLeft < 0
          ? 'ARBITRATION_LIMITATION_EXPIRED'
          : c.arbitrationDaysLeft <= f.settings.limitationWarningDays
            ? 'ARBITRATION_LIMITATION_NEAR'
            : null;
      if (!code) continue;
      const key = `${code}:${c.arbitrationDue}`;
      const group = dated.get(key) ?? { code, claims: [] };
      group.claims.push(c);
      dated.set(key, group);
    }
    const names = (cs: ClaimFacts[]) => claimLabelList(cs.map((c) => c.claim));
    const warnings: TriageWarning[] = [];
    if (exempt.length) {
      warnings.push({
        code: 'ARBITRATION_LIMITATION_WAGE_EXCEPTION',
        message: `${names(exempt)}：劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；劳动关系终止的，应自终止之日起一年内提出`,
        basis: '《劳动争议调解仲裁法》第二十七条第四款',
        claimType: exempt[0]!.claim.type,
      });
    }
    if (unknown.length) {
      warnings.push({
        code: 'ARBITRATION_LIMITATION_UNKNOWN',
        message: `${names(unknown)}：请登记劳动者知道或应当知道权利被侵害的日期，以便计算一年仲裁时效`,
        basis,
        claimType: unknown[0]!.claim.type,
      });
    }
    for (const { code, claims } of dated.values()) {
      const c = claims[0]!;
      const common = {
        basis,
        claimType: c.claim.type,
        dueDate: c.arbitrationDue as string,
        daysLeft: c.arbitrationDaysLeft as number,
      };
      warnings.push(
        code === 'ARBITRATION_LIMITATION_EXPIRED'
          ? {
              ...common,
              code,
              message: `${names(claims)}的仲裁时效可能已于${chineseDate(c.arbitrationDue as string)}届满；时效不是受理条件，是否中断、中止由仲裁庭审查，仍应接收申请`,
            }
          : {
              ...common,
              code,
              message: `${names(claims)}的仲裁时效将于${chineseDate(c.arbitrationDue as string)}届满（剩余${c.arbitrationDaysLeft}日），请尽快申请`,
            },
      );
    }
    return { warnings };
  },
};

export const RULE_R_08: RoutingRule = {
  id: 'R-08',
  title: '集体争议',
  basis: '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第五条、第六十二条',
  always: true,
  when: (f) => f.collective,
  outcome: (f) => ({
    priorityFlags: ['collective'],
    warnings: [
      {
        code: 'COLLECTIVE_DISPUTE',
        message: `${f.input.workerCount}名劳动者有共同请求（或涉及集体合同履行），按集体争议处理：推举3至5名代表，优先立案、优先审理，组成三人仲裁庭，必要时启动应急预案`,
        basis: '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第五条、第六十二条至第六十七条',
      },
    ],
  }),
};

export const RULE_R_10: RoutingRule = {
  id: 'R-10',
  title: '法律援助筛查',
  basis: '《法律援助法》第三十一条、第三十五条、第四十二条、第四十四条',
  always: true,
  when: (f) => f.routable.some((c) => c.def.legalAidSubject) || urgentDaysLeft(f).length > 0,
  outcome: (f) => {
    const eligible = f.routable.filter((c) => c.def.legalAidSubject);
    const urgentDays = urgentDaysLeft(f);
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
      recommendations: eligible.length
        ? [
            rec({
              track: 'legal_aid',
              ruleId: 'R-10',
              reason,
              basis: '《法律援助法》第三十一条、第三十五条、第四十二条、第四十四条',
              claimTypes: eligible.map((c) => c.claim.type),
              urgent,
            }),
          ]
        : [],
      warnings: urgent
        ? [
            {
              code: 'LEGAL_AID_URGENT',
              message: `距仲裁时效届满仅剩${Math.min(...urgentDays)}日：属于法律援助事项的可先行提供法律援助，并应尽快申请仲裁`,
              basis: '《法律援助法》第四十四条',
              daysLeft: Math.min(...urgentDays),
            },
          ]
        : [],
    };
  },
};

export const RULE_R_14: RoutingRule = {
  id: 'R-14',
  title: '优先处理标识与当日受理',
  basis: '中心服务承诺（随人社函〔2023〕36号）；《劳动人事争议仲裁办案规则》第五条',
  always: true,
  when: () => true,
  outcome: (f) => {
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
};
