import {
  Alert,
  Card,
  Col,
  List,
  Result,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { chineseDate } from '@onestop/domain/time';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { type LeaderPeriod, useLeaderAlerts, useLeaderOverview } from '../features/leader/leader.api';
import { UnpaidByAgeCard } from '../features/obligations/components/UnpaidByAgeCard';
import { isApiError } from '../lib/api';

/** 领导驾驶舱: today's intake and what is still owed today, open work with its clocks, this month. */
export default function LeaderPage() {
  const [period, setPeriod] = useState<LeaderPeriod>('month');
  const q = useLeaderOverview(period);
  const alerts = useLeaderAlerts();
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    return <Result status="error" title={isApiError(q.error) ? q.error.message : '无法加载驾驶舱数据'} />;
  }
  const o = q.data;
  const med = o.month.mediation;
  return (
    <>
      <PageHeader title="领导驾驶舱">
        {chineseDate(o.date)}的数据（辖区 {o.jurisdictions}{' '}
        个，每分钟自动刷新）：当日受理、当日应受理未受理、在办与期限预警、本月（可选本季度、本年）办理结果。
      </PageHeader>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="leader-overview">
        {o.today.sameDayPending.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="leader-same-day"
            title={`欠薪、工伤、重大集体争议仲裁申请 ${o.today.sameDayPending.length} 件尚未受理，应当日出具受理通知书`}
            description={
              <Space wrap>
                {o.today.sameDayPending.map((x) => (
                  <Link key={x.caseId} to={`/arbitration/cases/${x.caseId}`}>
                    <Tag color="red">
                      {x.number}（{x.category}）
                    </Tag>
                  </Link>
                ))}
              </Space>
            }
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="今日受理事项"
                value={o.today.mattersReceived}
                data-testid="leader-today-matters"
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="今日立案 / 结案" value={`${o.today.casesOpened} / ${o.today.casesClosed}`} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <ClockStat title="期限已逾期" value={o.clocks.overdue} color="#cf1322" />
          </Col>
          <Col xs={12} md={6}>
            <ClockStat title="两个工作日内到期" value={o.clocks.dueSoon} color="#d46b08" />
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title="在办案件与期限（按业务线）">
              <Table
                size="small"
                rowKey="track"
                pagination={false}
                dataSource={o.open.byTrack}
                data-testid="leader-tracks"
                locale={{ emptyText: '暂无在办案件' }}
                columns={[
                  { title: '业务线', dataIndex: 'label' },
                  { title: '在办', dataIndex: 'open', align: 'right' },
                  {
                    title: '逾期期限',
                    dataIndex: 'overdue',
                    align: 'right',
                    render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0),
                  },
                  {
                    title: '两个工作日内到期',
                    dataIndex: 'dueSoon',
                    align: 'right',
                    render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                在办事项 {o.open.matters} 件，其中优先办理（欠薪、农民工、工伤等）{o.open.priorityMatters}{' '}
                件、集体争议 {o.open.collectiveMatters} 件；待接收的转办{' '}
                <Link to="/transfers">{o.transfersPending} 件</Link>；预警 {o.alerts} 条（见“预警”栏）。
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title="预警（最近10条）" data-testid="leader-alerts">
                <List
                  size="small"
                  loading={alerts.isPending}
                  dataSource={alerts.data ?? []}
                  locale={{ emptyText: '暂无预警' }}
                  renderItem={(a) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <Tag color={a.kind === 'collective' ? 'volcano' : 'orange'}>
                              {a.jurisdictionName}
                            </Tag>
                            {a.matter ? <Link to={`/matters/${a.matter.id}`}>{a.summary}</Link> : a.summary}
                          </Space>
                        }
                        description={a.basis}
                      />
                    </List.Item>
                  )}
                />
              </Card>
              <Card size="small" title="今日受理渠道">
                <List
                  size="small"
                  dataSource={o.today.byChannel}
                  locale={{ emptyText: '今日尚无受理' }}
                  renderItem={(c) => (
                    <List.Item extra={<Typography.Text strong>{c.count}</Typography.Text>}>
                      {c.label}
                    </List.Item>
                  )}
                />
              </Card>
              <Card
                size="small"
                title={`办理结果：${o.month.label}（截至今日）`}
                data-testid="leader-period-results"
                data-period={o.month.kind}
                extra={
                  <Segmented<LeaderPeriod>
                    size="small"
                    aria-label="办理结果的统计期"
                    value={period}
                    onChange={setPeriod}
                    options={[
                      { label: '本月', value: 'month' },
                      { label: '本季度', value: 'quarter' },
                      { label: '本年', value: 'year' },
                    ]}
                  />
                }
              >
                <Row gutter={[8, 8]}>
                  <Col span={12}>
                    <Statistic
                      title="调解全部达成 / 部分达成"
                      value={`${med.matters.full} / ${med.matters.partial}`}
                      data-testid="leader-mediation-agreed"
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic title="调解未达成" value={med.matters.none} />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title="调解成功率（按事项）"
                      value={med.matterSuccessRate ?? '—'}
                      suffix={med.matterSuccessRate === null ? undefined : '%'}
                      data-testid="leader-rate-matters"
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title="调解成功率（按请求事项）"
                      value={med.itemSuccessRate ?? '—'}
                      suffix={
                        med.itemSuccessRate === null
                          ? undefined
                          : `%（${med.items.agreed}/${med.items.total}项）`
                      }
                      data-testid="leader-rate-items"
                    />
                  </Col>
                  <Col span={12}>
                    <Statistic title="仲裁受理" value={o.month.arbitrationAccepted} />
                  </Col>
                  <Col span={12}>
                    <Statistic title="办结案件" value={o.month.casesClosed} />
                  </Col>
                </Row>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  按事项：全部达成协议的事项占调解终结事项的比例，部分达成不计为成功；按请求事项：双方均同意的建议事项占全部建议事项的比例。
                </Typography.Paragraph>
              </Card>
            </Space>
          </Col>
        </Row>
        <UnpaidByAgeCard />
      </Space>
    </>
  );
}

/** A clock count that leads to the supervision list (期限督办), coloured when not zero. */
function ClockStat({ title, value, color }: { title: string; value: number; color: string }) {
  return (
    <Card size="small">
      <Link to="/leader/clocks">
        <Statistic title={title} value={value} styles={{ content: { color: value ? color : undefined } }} />
      </Link>
    </Card>
  );
}
