import { chineseDate } from '@onestop/domain/time';
import { CASE_TRACK_LABELS } from '@onestop/domain/tracks/registry';
import { Card, Descriptions, List, Progress, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { EmployerObligationsCard } from '../../obligations/components/EmployerObligationsCard';
import type { EmployerProfile } from '../api/employers.api';
import { EmployerPreventionCard } from './EmployerPreventionCard';
import { chineseDateOfInstant } from '../../../lib/time';
import { money } from '../../../lib/money';

/** One employer: every matter, case, outcome, penalty and filing, with the risk score and its factors. */
export function EmployerProfileView({ p }: { p: EmployerProfile }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="employer-profile">
      <Card size="small" title={p.employer.name}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { label: '统一社会信用代码', children: p.employer.creditCode ?? '—' },
            { label: '法定代表人', children: p.employer.legalRepresentative ?? '—' },
            { label: '行业', children: p.employer.industry ?? '—' },
            { label: '罚款合计', children: money(p.penaltiesTotalFen) },
            { label: '仲裁裁决', children: `${p.awards}件` },
            {
              label: '欠薪失信名单',
              children: p.defaulterListings?.length
                ? p.defaulterListings
                    .map(
                      (d) =>
                        `${d.stateLabel}${d.decidedOn && d.endsOn ? `（${chineseDate(d.decidedOn)}至${chineseDate(d.endsOn)}）` : ''}`,
                    )
                    .join('；')
                : '未列入',
            },
          ]}
        />
        <Space align="center">
          <Progress
            type="circle"
            size={72}
            percent={p.risk.score}
            format={(n) => `${n}分`}
            status={p.risk.score >= 60 ? 'exception' : 'normal'}
          />
          <span>风险等级：{p.risk.levelLabel}</span>
        </Space>
        <List
          size="small"
          header="风险因素"
          dataSource={p.risk.factors}
          renderItem={(f) => (
            <List.Item>
              {f.label}：{f.count} → +{f.points}分
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="案件">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.cases}
          columns={[
            {
              title: '案号',
              dataIndex: 'number',
              render: (v: string, r) => (
                <Link to={r.track === 'inspection' ? `/inspection/cases/${r.id}` : `/cases/${r.id}`}>
                  {v}
                </Link>
              ),
            },
            {
              title: '程序',
              dataIndex: 'track',
              // The case labels of the domain's track registry, as everywhere else in the web.
              render: (_: unknown, r) => <Tag>{CASE_TRACK_LABELS[r.track]}</Tag>,
            },
            { title: '状态', dataIndex: 'stateLabel' },
          ]}
        />
      </Card>
      <Card size="small" title="监察处理结果">
        <List size="small" dataSource={p.outcomes} renderItem={(o) => <List.Item>{o.summary}</List.Item>} />
      </Card>
      <Card size="small" title="维权事项">
        <List
          size="small"
          dataSource={p.matters}
          renderItem={(m) => (
            <List.Item>
              <Link to={`/matters/${m.id}`}>{m.number}</Link> {chineseDateOfInstant(m.receivedAt)}
            </List.Item>
          )}
        />
      </Card>
      <EmployerObligationsCard partyId={p.employer.id} />
      {p.prevention ? <EmployerPreventionCard p={p.prevention} /> : null}
    </Space>
  );
}
