import { Alert, Button, Card, List, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import {
  useArbitrationCases,
  useCloseDay,
  useDayClose,
  useHearingCalendar,
} from '../features/arbitration/hooks/use-arbitration';
import { businessToday, chineseClockOfInstant, dateOfInstant } from '../lib/time';
import { readyAttr } from '../lib/ready';

const today = businessToday;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const WEEKDAYS = '日一二三四五六';
/** A calendar column's head: '12月7日 周一'. */
const dayHead = (iso: string) =>
  `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 周${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}`;
/** The business time of day of an instant: '09:30'. */
const timeOf = (instant: string) => chineseClockOfInstant(instant).slice(-5);

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
      <Space
        orientation="vertical"
        size={16}
        style={{ width: '100%' }}
        data-testid="arbitration-work"
        data-ready={readyAttr(day, cases, cal)}
      >
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
        <Space wrap>
          {/* The day cannot be closed while a same-day acceptance is pending: the button says so
              instead of leading to a refusal. */}
          <Button
            data-testid="close-day"
            onClick={() => close.mutate()}
            loading={close.isPending}
            disabled={!day.isSuccess || day.data?.closed || pending.length > 0}
          >
            {day.data?.closed ? '今日已日结' : '日结'}
          </Button>
          {!day.data?.closed && pending.length ? (
            <span data-testid="close-day-reason">出具上列受理通知书后方可日结</span>
          ) : null}
        </Space>
        <Card size="small" title="在办仲裁案件">
          <List
            size="small"
            loading={cases.isPending}
            locale={{ emptyText: '暂无在办仲裁案件' }}
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
            loading={cal.isPending}
            locale={{ emptyText: '暂无仲裁庭室' }}
            dataSource={cal.data?.rooms ?? []}
            scroll={{ x: true }}
            columns={[
              { title: '庭室', dataIndex: 'name', fixed: 'left' },
              ...days.map((d) => ({
                title: dayHead(d),
                key: d,
                render: (_v: unknown, r: { id: string }) => {
                  const hearings = (cal.data?.hearings ?? []).filter(
                    (h) => h.roomId === r.id && h.state === 'scheduled' && dateOfInstant(h.startsAt) === d,
                  );
                  if (!hearings.length) return <span className="muted">空闲</span>;
                  return hearings.map((h) => (
                    <div key={h.id}>
                      <Link to={`/arbitration/cases/${h.caseId}`}>
                        {timeOf(h.startsAt)} {h.caseNumber}
                      </Link>
                    </div>
                  ));
                },
              })),
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
