/**
 * Labor-relations supervision checks (《劳动保障监察条例》第二十三条至第三十三条, labor-relations numeric rules), pure so they are unit-tested. Each flag
 * names its basis; a flagged filing can open an ex-officio inspection case.
 */
export interface Flag {
  code: string;
  message: string;
  basis: string;
}

const LAYOFF_BASIS = '《劳动合同法》第四十一条；《企业经济性裁减人员规定》第四条';

export interface LayoffInput {
  totalEmployees: number;
  layoffCount: number;
  /** The day the union or all staff were told (提前三十日说明情况). */
  noticeDate: string;
  plannedDate: string;
  unionOpinionHeard: boolean;
  protectedIncluded?: boolean | undefined;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** 经济性裁员: ≥20 people, or <20 but ≥10 % of all staff → the statutory procedure applies. */
export function layoffCheck(x: LayoffInput, reportedOn: string) {
  const ratio = x.totalEmployees > 0 ? x.layoffCount / x.totalEmployees : 0;
  const procedureRequired = x.layoffCount >= 20 || ratio >= 0.1;
  const flags: Flag[] = [];
  if (x.layoffCount > x.totalEmployees) {
    flags.push({ code: 'LAYOFF_COUNT_INVALID', message: '裁减人数不能多于职工总数', basis: LAYOFF_BASIS });
  }
  if (procedureRequired) {
    const notice = daysBetween(x.noticeDate, x.plannedDate);
    if (notice < 30) {
      flags.push({
        code: 'LAYOFF_NOTICE_SHORT',
        message: `向工会或全体职工说明情况距裁员实施仅${notice}日，不足三十日`,
        basis: LAYOFF_BASIS,
      });
    }
    if (!x.unionOpinionHeard) {
      flags.push({ code: 'LAYOFF_UNION_OPINION', message: '未听取工会或者职工的意见', basis: LAYOFF_BASIS });
    }
    if (reportedOn > x.plannedDate) {
      flags.push({
        code: 'LAYOFF_REPORT_LATE',
        message: '裁减人员方案在实施后才向劳动行政部门报告',
        basis: LAYOFF_BASIS,
      });
    }
    if (x.protectedIncluded) {
      flags.push({
        code: 'LAYOFF_PROTECTED',
        message: '裁减名单含有不得裁减的人员（职业病、工伤、孕期产期哺乳期、老职工等）',
        basis: '《劳动合同法》第四十二条',
      });
    }
  }
  return { procedureRequired, ratioPercent: Math.round(ratio * 1000) / 10, flags };
}

const DISPATCH_BASIS = '《劳务派遣暂行规定》第四条；《劳动合同法》第六十六条';

export interface DispatchInput {
  contractEmployees: number;
  dispatchedWorkers: number;
  agencyName: string;
  agencyLicenceNo?: string | undefined;
  licenceValidTo?: string | undefined;
  temporaryOverSixMonths?: number | undefined;
}

/** Dispatched ≤ 10 % of (contract employees + dispatched): at most floor(contract / 9) dispatched. */
export function dispatchCheck(x: DispatchInput, today: string) {
  const total = x.contractEmployees + x.dispatchedWorkers;
  const ratio = total > 0 ? x.dispatchedWorkers / total : 0;
  const maxAllowed = Math.floor(x.contractEmployees / 9);
  const flags: Flag[] = [];
  if (x.dispatchedWorkers > maxAllowed) {
    flags.push({
      code: 'DISPATCH_CAP_EXCEEDED',
      message: `被派遣劳动者${x.dispatchedWorkers}人，占用工总量${(ratio * 100).toFixed(1)}%，超过10%（最多${maxAllowed}人，超出${x.dispatchedWorkers - maxAllowed}人）`,
      basis: DISPATCH_BASIS,
    });
  }
  if (!x.agencyLicenceNo || (x.licenceValidTo !== undefined && x.licenceValidTo < today)) {
    flags.push({
      code: 'DISPATCH_AGENCY_UNLICENSED',
      message: `派遣单位“${x.agencyName}”未取得或持有已过期的劳务派遣经营许可证`,
      basis: '《劳动合同法》第五十七条、第九十二条',
    });
  }
  if ((x.temporaryOverSixMonths ?? 0) > 0) {
    flags.push({
      code: 'DISPATCH_TEMPORARY_TOO_LONG',
      message: `${x.temporaryOverSixMonths}个临时性岗位使用被派遣劳动者超过六个月`,
      basis: '《劳动合同法》第六十六条',
    });
  }
  return { total, ratioPercent: Math.round(ratio * 1000) / 10, capPercent: 10, maxAllowed, flags };
}

export interface SpecialHoursInput {
  system: 'comprehensive' | 'flexible';
  positions: string;
  workerCount: number;
  approvedFrom: string;
  approvedTo: string;
}

/** 特殊工时 approval: a period is required and usually limited (locally ≤3 years [L]). */
export function specialHoursCheck(x: SpecialHoursInput) {
  const flags: Flag[] = [];
  if (x.approvedTo < x.approvedFrom)
    flags.push({ code: 'PERIOD_ORDER', message: '批准期限的截止日期早于起始日期', basis: '—' });
  if (daysBetween(x.approvedFrom, x.approvedTo) > 3 * 366) {
    flags.push({
      code: 'SPECIAL_HOURS_TOO_LONG',
      message: '特殊工时制度批准期限超过三年',
      basis: '湖北省特殊工时审批办法（地方规定）[L]',
    });
  }
  return { flags };
}

export interface PlacementInput {
  workerCount: number;
  planTitle: string;
  congressApproved: boolean;
  wageArrearsFen?: number | undefined;
  socialInsuranceArrearsFen?: number | undefined;
}

/** Restructuring / bankruptcy placement plans (企业国有资产法第三十七条; 企业破产法第八条、第一百一十三条). */
export function placementCheck(kind: 'restructuring' | 'bankruptcy', x: PlacementInput) {
  const flags: Flag[] = [];
  if (kind === 'restructuring' && !x.congressApproved) {
    flags.push({
      code: 'PLACEMENT_NOT_APPROVED',
      message: '职工安置方案未经职工代表大会或职工大会审议通过',
      basis: '《企业国有资产法》第三十七条',
    });
  }
  if ((x.wageArrearsFen ?? 0) > 0) {
    flags.push({
      code: 'PLACEMENT_WAGE_ARREARS',
      message: '存在拖欠职工工资，须在方案中明确清偿（破产：第一顺序清偿）',
      basis: '《企业破产法》第一百一十三条',
    });
  }
  return { flags };
}
