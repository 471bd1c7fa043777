import { Alert, Button, Card, List, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import {
  useArbitrationCases,
  useCloseDay,
  useDayClose,
  useHearingCalendar,
} from '../features/arbitration/hooks/use-arbitration';
import { businessToday, dateOfInstant } from '../lib/time';

const today = businessToday;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 仲裁工作区: same-day banner and day close, the case queue, the room calendar (rooms × days). */
export default function ArbitrationWorkPage() {
  const day = useDayClose();
  const close = useCloseDay();
  const cases = useArbitrationCases({ open: true });
  const from = today();
  const cal = useHearingCalendar(from, 7);
  const days = Array.from({ length: 7 }, (_v, i) => addDays(from, i));
  const pending = day.data?.pending ?? [];
  return (
    <>
      <PageHeader title="仲裁工作区" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {pending.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="same-day-pending"
            message={`当日受理：${pending.length}件欠薪、工伤或重大集体争议案件尚未出具受理通知书，不能日结`}
            description={pending.map((p) => (
              <div key={p.caseId}>
                <Link to={`/arbitration/cases/${p.caseId}`}>{p.number}</Link>（{p.categoryLabel}，
                {p.stateLabel}）
              </div>
            ))}
          />
        ) : null}
        <Space>
          <Button onClick={() => close.mutate()} loading={close.isPending} disabled={day.data?.closed}>
            {day.data?.closed ? '今日已日结' : '日结'}
          </Button>
        </Space>
        <Card size="small" title="在办仲裁案件">
          <List
            size="small"
            dataSource={cases.data ?? []}
            renderItem={(c) => (
              <List.Item>
                <Space>
                  <Link to={`/arbitration/cases/${c.caseId}`}>{c.number}</Link>
                  <Tag>{c.stateLabel}</Tag>
                  {c.sameDayLabel ? <Tag color="red">{c.sameDayLabel}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title="仲裁庭室日历">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={cal.data?.rooms ?? []}
            scroll={{ x: true }}
            columns={[
              { title: '庭室', dataIndex: 'name', fixed: 'left' },
              ...days.map((d) => ({
                title: d.slice(5),
                key: d,
                render: (_v: unknown, r: { id: string }) =>
                  (cal.data?.hearings ?? [])
                    .filter(
                      (h) => h.roomId === r.id && h.state === 'scheduled' && dateOfInstant(h.startsAt) === d,
                    )
                    .map((h) => (
                      <div key={h.id}>
                        <Link to={`/arbitration/cases/${h.caseId}`}>
                          {new Date(h.startsAt).toLocaleTimeString('zh-CN', {
                            hour: '2-digit',
                            minute: '2-digit',
                          })}{' '}
                          {h.caseNumber}
                        </Link>
                      </div>
                    )),
              })),
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
