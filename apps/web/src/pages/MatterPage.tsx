import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ArbitrationPanel } from '../features/arbitration/components/ArbitrationPanel';
import { CasesPanel } from '../features/cases/components/CasesPanel';
import { ClocksPanel } from '../features/clocks/components/ClocksPanel';
import { DocumentsPanel } from '../features/documents/components/DocumentsPanel';
import { JurisdictionNoticeCard } from '../features/intake/components/JurisdictionNoticeCard';
import { DuplicatesCard } from '../features/matters/components/DuplicatesCard';
import { EvidenceCard } from '../features/matters/components/EvidenceCard';
import { ClaimsCard, TimelineCard, TriageCard } from '../features/matters/components/MatterSections';
import { PartiesCard } from '../features/matters/components/PartiesCard';
import { InspectionPanel } from '../features/inspection/components/InspectionPanel';
import { MediationPanel } from '../features/mediation/components/MediationPanel';
import { ObligationsPanel } from '../features/obligations/components/ObligationsPanel';
import { useMatter } from '../features/matters/hooks/use-matters';
import { TransfersPanel } from '../features/transfers/components/TransfersPanel';
import { LegalAidPanel } from '../features/legal-aid/components/LegalAidPanel';
import { PetitionsPanel } from '../features/petitions/components/PetitionsPanel';
import { WageGroupPanel } from '../features/wage-groups/components/WageGroupPanel';
import { PRIORITY_LABELS } from '../features/matters/types';
import { isApiError } from '../lib/api';
import type { IntakeCreatedState } from './IntakePage';
import { chineseClockOfInstant } from '../lib/time';
import { money } from '../lib/money';
import { readyAttr } from '../lib/ready';

/** The master record (维权事项): one page that follows the matter to the end. */
export default function MatterPage() {
  const { id = '' } = useParams();
  const q = useMatter(id);
  const created = (useLocation().state as IntakeCreatedState | null)?.intakeCreated;
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    return (
      <Result
        status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'}
        title={isApiError(q.error) ? q.error.message : '无法加载维权事项'}
      />
    );
  }
  const m = q.data;
  return (
    // data-ready: the matter query has settled (loaded or failed) and no refetch is under way (browser tests wait for it).
    <div data-testid="matter-page" data-ready={readyAttr(q)}>
      <PageHeader title={`维权事项 ${m.number}`}>
        <Space wrap>
          <Tag color={m.status === 'routed' ? 'blue' : m.status === 'merged' ? 'default' : 'orange'}>
            {m.statusLabel}
          </Tag>
          {m.collective ? <Tag color="volcano">集体争议（{m.workerCount}人）</Tag> : null}
          {m.priorityFlags.map((f) => (
            <Tag color="red" key={f}>
              {PRIORITY_LABELS[f] ?? f}
            </Tag>
          ))}
        </Space>
      </PageHeader>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {created ? (
          <Alert
            type="success"
            showIcon
            data-testid="intake-created"
            title={`受理登记完成：${created.number}${created.uploadFailed ? '（证据未上传成功，请在下方证据材料中补传）' : ''}`}
            action={
              <Link to="/intake">
                <Button size="small">继续受理下一位</Button>
              </Link>
            }
          />
        ) : null}
        <DuplicatesCard matter={m} />
        <JurisdictionNoticeCard matter={m} />
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { label: '事项编号', children: <span data-testid="matter-number">{m.number}</span> },
              { label: '来源渠道', children: m.channelLabel },
              { label: '受理辖区', children: m.jurisdiction.name },
              { label: '登记时间', children: chineseClockOfInstant(m.receivedAt) },
              { label: '负责人', children: m.responsible?.name ?? '—' },
              { label: '登记人', children: m.createdBy ?? '—' },
              {
                label: '请求总额',
                children: money(m.totalAmountFen),
              },
            ]}
          />
          {m.narrative ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{m.narrative}</Typography.Paragraph>
          ) : null}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <PartiesCard
                matterId={m.id}
                workers={m.workers}
                employers={m.employers}
                canViewPii={m.allowedActions.includes('viewPii')}
              />
              <ClaimsCard matter={m} />
              <CasesPanel matterId={m.id} />
              <MediationPanel matterId={m.id} />
              <ArbitrationPanel matterId={m.id} />
              <InspectionPanel matterId={m.id} />
              <ObligationsPanel matterId={m.id} />
              <TransfersPanel matterId={m.id} />
              <PetitionsPanel matterId={m.id} />
              <LegalAidPanel matterId={m.id} />
              <WageGroupPanel matterId={m.id} />
              <TriageCard matter={m} />
              <EvidenceCard matter={m} />
              <DocumentsPanel
                subjectType="matter"
                subjectId={m.id}
                includeCases
                readOnly={!m.allowedActions.includes('edit')}
              />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <ClocksPanel subjectType="matter" subjectId={m.id} includeCases />
              <TimelineCard matter={m} />
            </Space>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
