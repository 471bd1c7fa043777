import { Card, Col, Descriptions, Row, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ClocksPanel } from '../../clocks/components/ClocksPanel';
import type { CaseDetail } from '../types';
import { AssignCard } from './AssignCard';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { chineseClockOfInstant } from '../../../lib/time';
import { money } from '../../../lib/money';

/** The case page body: summary, the allowed actions, claims, timeline, clocks, 承办人 and 回避. */
export function CaseView({ c }: { c: CaseDetail }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { label: '案号', children: <span data-testid="case-number">{c.number}</span> },
            { label: '程序', children: c.trackLabel },
            {
              label: '状态',
              children: (
                <Tag color={c.closed ? 'default' : 'processing'} data-testid="case-state">
                  {c.stateLabel}
                </Tag>
              ),
            },
            { label: '维权事项', children: <Link to={`/matters/${c.matterId}`}>{c.matterNumber}</Link> },
            { label: '当事人', children: c.title ?? '—' },
            { label: '承办机构', children: c.organization.name },
            { label: '辖区', children: c.jurisdiction.name },
            { label: '立案时间', children: chineseClockOfInstant(c.openedAt) },
            { label: '结案时间', children: c.closedAt ? chineseClockOfInstant(c.closedAt) : '—' },
          ]}
        />
      </Card>
      <Card size="small" title="可办理的操作">
        <CaseActions c={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="办理的诉求">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.claims}
                scroll={{ x: 480 }}
                columns={[
                  { title: '诉求', dataIndex: 'typeLabel', width: 140 },
                  {
                    title: '金额',
                    dataIndex: 'amountFen',
                    width: 120,
                    render: (fen: number | null) => money(fen),
                  },
                  { title: '事实', dataIndex: 'facts', ellipsis: true },
                  {
                    title: '状态',
                    width: 120,
                    render: (_: unknown, x: CaseDetail['claims'][number]) =>
                      x.open ? (
                        <Tag color="processing">办理中</Tag>
                      ) : (
                        <Tag>{x.releasedReason ?? '已结束'}</Tag>
                      ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title="案件时间线">
              <CaseTimeline events={c.events} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <AssignCard c={c} />
            <ClocksPanel subjectType="case" subjectId={c.id} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
