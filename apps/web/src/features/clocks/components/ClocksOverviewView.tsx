import '../clocks.css';
import { chineseDate } from '@onestop/domain/time';
import { Alert, Badge, Card, Collapse, Empty, Space, Statistic, Table, Tag } from 'antd';
import { useClocksOverview } from '../hooks/use-clocks';
import type { OverviewItem } from '../types';
import { countdownText, URGENCY_COLORS } from './ClocksPanel';
import { readyAttr } from '../../../lib/ready';

const columns = [
  { title: '事项', dataIndex: 'subjectLabel', key: 'subject' },
  { title: '期限', dataIndex: 'name', key: 'name' },
  {
    title: '到期日',
    dataIndex: 'dueDate',
    key: 'due',
    width: 170,
    // A date computed before its year's holiday notice was entered says so (录入后自动重算).
    render: (v: string, item: OverviewItem) => (
      <span data-testid="overview-due">
        {chineseDate(v)}
        {item.calendarPendingYear ? '（暂定）' : ''}
      </span>
    ),
  },
  {
    title: '剩余',
    key: 'countdown',
    width: 150,
    render: (_: unknown, r: OverviewItem) => (
      <Tag color={URGENCY_COLORS[r.urgency]}>
        {countdownText({
          status: r.status,
          remainingWorkingDays: r.remainingWorkingDays,
          urgency: r.urgency,
        })}
      </Tag>
    ),
  },
  { title: '依据', dataIndex: 'basis', key: 'basis', ellipsis: true },
];

/** Overdue and near-due clocks by organisation and responsible person (leaders' supervision). */
export function ClocksOverviewView() {
  const overview = useClocksOverview();
  if (overview.error) return <Alert type="error" showIcon title={overview.error.message} />;
  const data = overview.data;
  return (
    <Space direction="vertical" size="middle" className="full-width">
      <Card size="small" loading={overview.isPending}>
        <Space size="large" wrap data-testid="overview-totals" data-ready={readyAttr(overview)}>
          <Statistic title="已逾期" value={data?.totals.overdue ?? 0} valueStyle={{ color: '#cf1322' }} />
          <Statistic
            title="两个工作日内到期"
            value={data?.totals.dueSoon ?? 0}
            valueStyle={{ color: '#d46b08' }}
          />
          <Statistic title="统计日" value={data ? chineseDate(data.today) : '—'} />
        </Space>
      </Card>
      {data && data.groups.length === 0 ? (
        <Card>
          <Empty description="没有逾期或临期的期限" />
        </Card>
      ) : null}
      {data?.groups.map((g) => (
        <Card
          key={g.organization?.id ?? 'none'}
          size="small"
          title={g.organization?.name ?? '未指定机构'}
          extra={
            <Space>
              <Badge count={g.overdue} color="red" showZero title="逾期" />
              <Badge count={g.dueSoon} color="orange" showZero title="临期" />
            </Space>
          }
          data-testid="overview-org"
        >
          <Collapse
            size="small"
            items={g.people.map((p) => ({
              key: p.responsible?.id ?? 'none',
              label: (
                <Space>
                  <span>{p.responsible?.name ?? '未指定责任人'}</span>
                  {p.overdue ? <Tag color="red">逾期 {p.overdue}</Tag> : null}
                  {p.dueSoon ? <Tag color="orange">临期 {p.dueSoon}</Tag> : null}
                </Space>
              ),
              children: (
                <Table<OverviewItem>
                  size="small"
                  rowKey="id"
                  columns={columns}
                  dataSource={p.items}
                  pagination={p.items.length > 20 ? { pageSize: 20 } : false}
                  scroll={{ x: 720 }}
                />
              ),
            }))}
          />
        </Card>
      ))}
    </Space>
  );
}
