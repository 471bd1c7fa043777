import { mod11_2CheckChar, usccCheckChar } from '@onestop/domain';
import type { Client } from './harness';

/** A valid GB 11643 resident ID: region + birth date + sequence + check character. */
export function residentId(birth = '19900101', seq = 123, region = '421303'): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

/** A valid GB 32100 credit code for a company registered in 随州 (91 + 421300 + 9 characters). */
export function creditCode(orgCode = 'MA4B0000'): string {
  const body = `91421300${orgCode.padEnd(9, '1')}`.slice(0, 17);
  return body + usccCheckChar(body);
}

export async function jurisdictions(c: Client) {
  const j = (await c.get('/api/admin/jurisdictions')).body?.items as
    | { id: string; name: string }[]
    | undefined;
  return j ?? [];
}

let counter = 0;
/** A complete intake body for one worker and one employer. */
export function intakeBody(jurisdictionId: string, over: Record<string, unknown> = {}) {
  counter++;
  return {
    channel: 'window',
    requestKind: 'application',
    jurisdictionId,
    workers: [
      {
        name: '王建国',
        idType: 'resident_id',
        idNumber: residentId('19850312', 100 + (counter % 800)),
        phone: '13871234567',
        address: '湖北省随州市曾都区交通大道100号',
        migrantWorker: true,
      },
    ],
    employers: [
      {
        name: '随州市鸿运建筑劳务有限公司',
        creditCode: creditCode('MA4C1234'),
        legalRepresentative: '李大海',
        address: '随州市曾都区擂鼓墩大道8号',
        industry: '建筑业',
        size: 'small',
      },
    ],
    claims: [
      {
        type: 'unpaid_wages',
        amountFen: 1_250_000,
        periodFrom: '2025-09-01',
        periodTo: '2025-12-31',
        facts: '2025年9月至12月工资未发放',
      },
    ],
    narrative: '在工地做钢筋工，老板拖欠四个月工资。',
    ...over,
  };
}
