import { Button, Card, Descriptions, Empty, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AssessmentCard } from '../features/prevention/components/AssessmentCard';
import { AssessmentForm } from '../features/prevention/components/AssessmentForm';
import { OrgCasesList } from '../features/prevention/components/OrgCasesList';
import { useOrganizationDetail, useOrgCases } from '../features/prevention/hooks/use-prevention';
import { readyAttr } from '../lib/ready';

/** One mediation organisation: particulars, members, 六有五统一 assessments with evidence, its case ledger. */
export default function PreventionOrganizationPage() {
  const { id = '' } = useParams();
  const q = useOrganizationDetail(id);
  const cases = useOrgCases(id);
  const [assessing, setAssessing] = useState(false);
  const o = q.data;
  if (!o) return <Spin />;
  return (
    <div data-ready={readyAttr(q)}>
      <PageHeader title={o.name}>
        <Space wrap>
          <Tag>{o.kindLabel}</Tag>
          <Tag
            color={
              o.standard.state === 'passed' ? 'green' : o.standard.state === 'failed' ? 'red' : 'default'
            }
          >
            六有五统一：{o.standard.label}
          </Tag>
        </Space>
      </PageHeader>
      <Card size="small" title="基本情况" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="辖区">{o.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label="成立日期">{o.foundedOnText}</Descriptions.Item>
          <Descriptions.Item label="状态">{o.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="地址">{o.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系人">{o.contactPerson ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="统计口径">{o.statisticsRow}</Descriptions.Item>
          {o.creditCode ? (
            <Descriptions.Item label="所在企业">
              {o.employer ? `${o.employer.name}（${o.creditCode}）` : o.creditCode}
            </Descriptions.Item>
          ) : null}
          {o.standard.reassessDueText ? (
            <Descriptions.Item label="复评到期日">{o.standard.reassessDueText}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title="成员" style={{ marginBottom: 12 }}>
        <List
          size="small"
          dataSource={o.members}
          locale={{ emptyText: '尚未登记成员' }}
          renderItem={(m) => (
            <List.Item>
              {m.name}（{m.positionLabel}）
              {m.username ? <Tag style={{ marginLeft: 8 }}>已开通台账登记</Tag> : null}
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title="六有五统一评估"
        style={{ marginBottom: 12 }}
        extra={
          assessing ? null : (
            <Button type="primary" onClick={() => setAssessing(true)} data-testid="assessment-new">
              开展评估
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {assessing ? (
            <AssessmentForm
              organizationId={o.id}
              onDone={() => setAssessing(false)}
              onCancel={() => setAssessing(false)}
            />
          ) : null}
          {o.assessments.length === 0 && !assessing ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评估" />
          ) : null}
          {o.assessments.map((a) => (
            <AssessmentCard key={a.id} a={a} />
          ))}
        </Space>
      </Card>
      <Card size="small" title="案件台账" style={{ marginBottom: 12 }}>
        <OrgCasesList items={cases.data?.items ?? []} loading={cases.isPending} />
      </Card>
      <Card size="small" title="办理记录">
        <Timeline
          items={o.events.map((e) => ({
            children: (
              <>
                <Typography.Text type="secondary">
                  {e.atText} {e.actorName}
                </Typography.Text>
                <div>{e.summary}</div>
              </>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
