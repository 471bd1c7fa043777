import '../clocks.css';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSubjectClocks } from '../hooks/use-clocks';
import type { Clock, ClockUrgency } from '../types';
import { type ClockActionKind, ClockActionModal } from './ClockActionModal';
import { chineseDate } from '@onestop/domain';
import { chineseDatesIn } from '../../../lib/time';

export const URGENCY_COLORS: Record<ClockUrgency, string> = {
  normal: 'blue',
  due_soon: 'orange',
  overdue: 'red',
};

const STATUS_COLORS: Record<Clock['status'], string> = {
  running: 'processing',
  extended: 'purple',
  suspended: 'default',
  met: 'success',
  missed: 'error',
};

/** '剩余3个工作日' / '今日到期' / '已逾期2个工作日'; closed clocks show their status only. */
export function countdownText(clock: Pick<Clock, 'status' | 'remainingWorkingDays' | 'urgency'>): string {
  if (clock.status === 'met') return '已按期完成';
  if (clock.status === 'suspended') return '计时已中止';
  const n = clock.remainingWorkingDays;
  if (clock.status === 'missed') return n === null ? '已逾期' : `已逾期${Math.abs(n)}个工作日`;
  if (n === null) return clock.urgency === 'overdue' ? '已逾期' : '—';
  if (n > 0) return `剩余${n}个工作日`;
  if (n === 0) return '今日到期';
  return `已逾期${-n}个工作日`;
}

function ClockItem({ clock, onAction }: { clock: Clock; onAction: (k: ClockActionKind) => void }) {
  const open = clock.status === 'running' || clock.status === 'extended';
  const buttons: [ClockActionKind, string][] = [
    ['suspend', '中止'],
    ['resume', '恢复'],
    ['extend', '延长'],
    ['restart', '重新起算'],
  ];
  return (
    <List.Item
      className={`clock-item clock-${clock.urgency}`}
      data-testid={`clock-${clock.ruleId}`}
      actions={buttons
        .filter(([k]) => clock.actions[k])
        .map(([k, label]) => (
          <Button key={k} size="small" onClick={() => onAction(k)} data-testid={`clock-${k}`}>
            {label}
          </Button>
        ))}
    >
      <List.Item.Meta
        avatar={<ClockCircleOutlined style={{ fontSize: 20, color: open ? undefined : '#999' }} />}
        title={
          <Space wrap size={4}>
            <span>{clock.name}</span>
            {clock.source?.type === 'case' ? (
              <Tag data-testid="clock-source">{clock.source.label}</Tag>
            ) : null}
            <Tag color={STATUS_COLORS[clock.status]} data-testid="clock-status">
              {clock.statusLabel}
            </Tag>
            {open || clock.status === 'missed' ? (
              <Tag color={URGENCY_COLORS[clock.urgency]} data-testid="clock-countdown">
                {countdownText(clock)}
              </Tag>
            ) : null}
            {clock.calendarPendingYear ? (
              <Tooltip
                title={`${clock.calendarPendingYear}年工作日历尚未录入，到期日按最严格口径暂定，录入后自动重算`}
              >
                <Tag color="gold" data-testid="clock-provisional">
                  暂定（待录入{clock.calendarPendingYear}年日历）
                </Tag>
              </Tooltip>
            ) : null}
            {clock.extended ? (
              <Tooltip title={`批准人：${clock.extension?.approver}；理由：${clock.extension?.reason}`}>
                <Tag color="purple">已延长</Tag>
              </Tooltip>
            ) : null}
          </Space>
        }
        description={
          <Space direction="vertical" size={0}>
            <Typography.Text>
              到期日{' '}
              <Typography.Text strong data-testid="clock-due">
                {chineseDate(clock.dueDate)}
                {clock.calendarPendingYear ? '（暂定）' : ''}
              </Typography.Text>
              （起算日 {chineseDate(clock.triggerDate)}
              {clock.suspendedDays > 0 ? `，中止期间${clock.suspendedDays}日不计入` : ''}）
            </Typography.Text>
            <Typography.Text type="secondary">依据：{clock.basis}</Typography.Text>
            <Typography.Paragraph
              type="secondary"
              className="clock-explanation"
              ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
            >
              {chineseDatesIn(clock.explanation)}
            </Typography.Paragraph>
            {clock.responsible ? (
              <Typography.Text type="secondary">责任人：{clock.responsible.name}</Typography.Text>
            ) : null}
          </Space>
        }
      />
    </List.Item>
  );
}

/**
 * The legal clocks of one matter or case, for the matter page: countdown in working days, legal basis,
 * colour (normal / due within two working days in orange / overdue in red), status, and the actions the
 * signed-in user may take (decided by the server per clock).
 */
export function ClocksPanel({
  subjectType,
  subjectId,
  title = '法定期限',
  includeCases = false,
}: {
  subjectType: string;
  subjectId: string;
  title?: string;
  /** On the matter page: also the clocks of every case opened on the matter. */
  includeCases?: boolean;
}) {
  const clocks = useSubjectClocks(subjectType, subjectId, includeCases);
  const [active, setActive] = useState<{ clock: Clock; kind: ClockActionKind } | null>(null);
  return (
    <Card size="small" title={title} data-testid="clocks-panel">
      {clocks.error ? <Alert type="error" showIcon title={clocks.error.message} /> : null}
      <List<Clock>
        loading={clocks.isPending}
        dataSource={clocks.data ?? []}
        locale={{ emptyText: <Empty description="暂无期限" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(c) => <ClockItem clock={c} onAction={(kind) => setActive({ clock: c, kind })} />}
      />
      <ClockActionModal
        clock={active?.clock ?? null}
        kind={active?.kind ?? null}
        onClose={() => setActive(null)}
      />
    </Card>
  );
}
