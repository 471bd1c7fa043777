import { Alert, Button, Card, Space, Tooltip, Typography } from 'antd';
import type { ArbitrationCase, GuardUnmet, GuardedStep } from '../api/arbitration.api';
import { chineseDate } from '../../../lib/time';

/** 2026-12-07 → 2026年12月7日 (business dates as the server gives them); the one time module. */
export { chineseDate };

/** One line per unmet legal precondition: why, from which day it can be met, and the article. */
export function UnmetReasons({ unmet, testId }: { unmet: GuardUnmet[]; testId?: string }) {
  if (!unmet.length) return null;
  return (
    <Space orientation="vertical" size={2} data-testid={testId}>
      {unmet.map((u) => (
        <Typography.Text key={u.guard} type="secondary" style={{ fontSize: 12 }}>
          {u.message}
          {u.earliestDate ? `（最早可办理日期：${chineseDate(u.earliestDate)}）` : ''}
          {`依据：${u.basis}`}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The reason a step is refused, as a tooltip on its disabled button. */
export function reasonText(step: Pick<GuardedStep, 'unmet'>): string {
  return step.unmet
    .map((u) => `${u.message}${u.earliestDate ? `（最早：${chineseDate(u.earliestDate)}）` : ''}`)
    .join('；');
}

/**
 * Steps ahead (作出裁决, 调解结案 while the hearing is still to come): shown disabled with the unmet
 * legal preconditions before anyone tries, so nobody records an award before the hearing.
 */
export function StepGuards({ c }: { c: ArbitrationCase }) {
  const upcoming = c.procedure?.upcoming ?? [];
  const earliest = c.procedure?.earliestHearingDate ?? null;
  if (!upcoming.length && !earliest) return null;
  return (
    <Card size="small" title="程序条件（法定前提未满足的步骤不能办理）" data-testid="step-guards">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {earliest && c.state === 'answer_period' ? (
          <Alert
            type="info"
            showIcon
            data-testid="earliest-hearing"
            message={`开庭日期最早可定于${chineseDate(earliest)}（答辩期、举证期限届满之后；当事人书面放弃的除外）`}
          />
        ) : null}
        {upcoming.map((s) => (
          <div key={s.event} data-testid={`guard-${s.event}`} data-allowed={String(s.allowed)}>
            <Tooltip title={s.allowed ? '' : reasonText(s)}>
              <Button disabled={!s.allowed} data-testid={`guard-${s.event}-button`}>
                {s.label}
              </Button>
            </Tooltip>
            <div>
              <UnmetReasons unmet={s.unmet} testId={`guard-${s.event}-reasons`} />
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}
