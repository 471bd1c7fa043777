import { Alert, Card, Col, Descriptions, List, Result, Row, Space, Spin, Table, Tag } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AcceptanceBox } from '../features/arbitration/components/AcceptanceBox';
import { AwardEditor } from '../features/arbitration/components/AwardEditor';
import { CollectiveBox } from '../features/arbitration/components/CollectiveBox';
import { ProceedingsBox } from '../features/arbitration/components/ProceedingsBox';
import { DocumentStepsBox } from '../features/arbitration/components/DocumentStepsBox';
import { StepGuards } from '../features/arbitration/components/StepGuards';
import { SimplifiedBox } from '../features/arbitration/components/SimplifiedBox';
import { TribunalCard } from '../features/arbitration/components/TribunalCard';
import { useArbitrationCase } from '../features/arbitration/hooks/use-arbitration';
import { WrittenHearingCard } from '../features/written-hearing/WrittenHearingCard';
import { ClocksPanel } from '../features/clocks/components/ClocksPanel';
import { DocumentServiceCard } from '../features/documents/components/DocumentServiceCard';
import { RoomsPanel } from '../features/rooms/RoomsPanel';
import { isApiError } from '../lib/api';
import { chineseClockOfInstant, chineseDateOrDash } from '../lib/time';
import { money } from '../lib/money';
import { readyAttr } from '../lib/ready';

const STATUS = {
  pass: { color: 'green', text: '符合' },
  fail: { color: 'red', text: '不符合' },
  warning: { color: 'orange', text: '提示' },
  redirect: { color: 'purple', text: '告知管辖' },
} as const;

/** One arbitration case: 初审清单, 补正, 受理, 仲裁庭与开庭, 裁决, 文书. */
export default function ArbitrationCasePage() {
  const { caseId = '' } = useParams();
  const q = useArbitrationCase(caseId);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!q.data)
    return <Result status="error" title={isApiError(q.error) ? q.error.message : '无法加载仲裁案件'} />;
  const c = q.data;
  const accepted = !['received', 'needs_correction', 'not_accepted', 'redirected'].includes(c.state);
  return (
    // data-ready: the case query has settled (loaded or failed) and no refetch is under way (browser tests wait for it).
    <div data-testid="arbitration-case" data-ready={readyAttr(q)}>
      <PageHeader title={`仲裁案件 ${c.number}`}>
        <Space wrap>
          <Tag color="blue">{c.stateLabel}</Tag>
          {c.sameDayLabel ? <Tag color="red">{c.sameDayLabel}</Tag> : null}
          {c.collective ? <Tag color="volcano">集体争议</Tag> : null}
          {c.collectiveContract ? <Tag color="volcano">集体合同争议（三方组庭）</Tag> : null}
          {c.collective && c.representatives.length ? (
            <Tag color="volcano">代表人：{c.representatives.map((r) => r.name).join('、')}</Tag>
          ) : null}
        </Space>
      </PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="仲裁申请">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    label: '申请人',
                    children: c.parties
                      .filter((p) => p.role === 'worker')
                      .map((p) => p.name)
                      .join('、'),
                  },
                  {
                    label: '被申请人',
                    children: c.parties
                      .filter((p) => p.role === 'employer')
                      .map((p) => p.name)
                      .join('、'),
                  },
                  { label: '收件时间', children: chineseClockOfInstant(c.receivedAt) },
                  { label: '维权事项', children: c.matterNumber },
                  {
                    label: '仲裁请求',
                    span: 2,
                    children: c.claims
                      .map((x) => `${x.label}${x.amountFen ? ` ${money(x.amountFen)}` : ''}`)
                      .join('；'),
                  },
                  { label: '事实和理由', span: 2, children: c.facts },
                ]}
              />
            </Card>
            <Card size="small" title="初审清单">
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={c.checklist}
                columns={[
                  { title: '审查事项', dataIndex: 'label' },
                  {
                    title: '结论',
                    dataIndex: 'status',
                    width: 90,
                    render: (s: keyof typeof STATUS) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>,
                  },
                  {
                    title: '说明',
                    dataIndex: 'messages',
                    width: 120,
                    render: (m: string[]) => m.join('；') || '—',
                  },
                  { title: '依据', dataIndex: 'basis' },
                ]}
              />
              {c.missingItems.length ? (
                <Alert
                  style={{ marginTop: 8 }}
                  type="warning"
                  message={`补正事项（期限 ${chineseDateOrDash(c.correctionDeadline)}）`}
                  description={
                    <ol style={{ margin: 0, paddingLeft: 20 }}>
                      {c.missingItems.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ol>
                  }
                />
              ) : null}
            </Card>
            {!c.closed || !accepted ? (
              <Card size="small" title="受理">
                <AcceptanceBox caseId={c.caseId} />
              </Card>
            ) : null}
            {accepted && !c.closed ? (
              <Card size="small" title="程序（简易处理 / 普通程序）">
                <SimplifiedBox c={c} />
              </Card>
            ) : null}
            {accepted ? <WrittenHearingCard c={c} /> : null}
            {accepted && (!c.closed || c.tribunal.length > 0) ? <TribunalCard c={c} /> : null}
            {accepted && !c.closed && c.tribunal.length > 0 ? (
              <Card size="small" title="在线开庭">
                <RoomsPanel caseId={c.caseId} matterId={c.matterId} kind="hearing" />
              </Card>
            ) : null}
            {accepted ? <CollectiveBox c={c} /> : null}
            {accepted && !c.closed ? <StepGuards c={c} /> : null}
            {accepted && !c.closed ? <ProceedingsBox c={c} /> : null}
            {accepted ? <DocumentStepsBox c={c} /> : null}
            {c.state === 'hearing' ? <AwardEditor c={c} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DocumentServiceCard title="文书" subjects={[{ type: 'case', id: c.caseId }]} />
            <ClocksPanel subjectType="case" subjectId={c.caseId} />
            <Card size="small" title="案件记录">
              <List
                size="small"
                locale={{ emptyText: '暂无案件记录' }}
                dataSource={c.records}
                renderItem={(r) => (
                  <List.Item>{`${chineseClockOfInstant(r.at)} ${r.by}：${r.summary}`}</List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
