import { Alert, Button, Card, Descriptions, List, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DocumentServiceCard } from '../../documents/components/DocumentServiceCard';
import type { Petition } from '../api/petitions.api';
import { usePetition } from '../hooks/use-petitions';
import { ACTION_LABELS, PetitionActionModal } from './PetitionActionModal';
import { chineseClockOfInstant, chineseDateOrDash } from '../../../lib/time';
import { readyAttr } from '../../../lib/ready';

const RECORD_LABELS = { negotiation: '协商调处', settlement: '和解协议', explanation: '释法明理' } as const;

const PETITION_DOCUMENTS = [
  'petition_acceptance',
  'petition_opinion',
  'explanation_record',
  'transfer_slip',
] as const;

const STAGES = ['sent', 'received', 'answered'] as const;

/** The 转办单 from sending to the target's answer: 已签发 → 已接收 → 已办结答复 (or 已退回). */
function SlipProgress({ t }: { t: NonNullable<Petition['transfer']> }) {
  const at = (iso: string | null) => (iso ? chineseClockOfInstant(iso) : '');
  const labels = {
    sent: `已签发，送${t.toOrgName}（${at(t.sentAt)}）`,
    received:
      t.stage === 'returned'
        ? `已退回（${at(t.decidedAt)}）`
        : `已接收${t.decidedAt ? `（${at(t.decidedAt)}）` : ''}`,
    answered: `已办结答复${t.openedCaseNumber ? `（${t.openedCaseNumber}${t.openedCaseStateLabel ? ` ${t.openedCaseStateLabel}` : ''}）` : ''}`,
  };
  const reached = t.stage === 'returned' ? 2 : STAGES.indexOf(t.stage) + 1;
  return (
    <Steps
      size="small"
      direction="vertical"
      data-testid="slip-progress"
      data-stage={t.stage}
      current={reached - 1}
      status={t.stage === 'returned' ? 'error' : reached === 3 ? 'finish' : 'process'}
      items={STAGES.map((s, i) => ({
        title: i < reached ? labels[s] : { sent: '签发', received: '承办机构接收', answered: '办结答复' }[s],
        ...(s === 'received' && t.returnReason ? { description: `退回理由：${t.returnReason}` } : {}),
      }))}
    />
  );
}

/** One petition: the request, what was done, the documents to print, and only the actions allowed now. */
export function PetitionDetail({ id }: { id: string }) {
  const q = usePetition(id);
  const [action, setAction] = useState<string | null>(null);
  if (q.isPending) return <Spin />;
  if (!q.data) return null;
  const p: Petition = q.data;
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="petition-detail"
      // data-ready: the petition query has settled (loaded or failed) and no refetch is under way (browser tests wait for it).
      data-ready={readyAttr(q)}
    >
      <Card
        size="small"
        title={
          <Space wrap>
            {/* The number wraps on a phone instead of being cut (the card head keeps its text on one line). */}
            <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>信访事项 {p.case.number}</span>
            <Tag color={p.case.closed ? 'default' : 'processing'} data-testid="petition-state">
              {p.case.stateLabel}
            </Tag>
            {p.categoryLabel ? <Tag>{p.categoryLabel}</Tag> : null}
          </Space>
        }
        extra={<Link to={`/matters/${p.matter.id}`}>事项 {p.matter.number}</Link>}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              label: '信访人',
              children: `${p.petitionerName}${p.petitionerPhone ? `（${p.petitionerPhone}）` : ''}`,
            },
            { label: '形式', children: p.formLabel },
            { label: '请求', children: p.request },
            { label: '事实', children: p.facts },
            ...(p.reasons ? [{ label: '理由', children: p.reasons }] : []),
            ...(p.disputedConclusion
              ? [
                  {
                    label: '不服的结论',
                    children: `${p.disputedConclusion === 'arbitration' ? '仲裁裁决' : '监察处理决定'} ${p.conclusionRef ?? ''}`,
                  },
                ]
              : []),
          ]}
        />
        {p.actions.length ? (
          <Space wrap style={{ marginTop: 8 }}>
            {p.actions.map((a) => (
              <Button key={a} size="small" onClick={() => setAction(a)} data-testid={`petition-action-${a}`}>
                {ACTION_LABELS[a] ?? a}
              </Button>
            ))}
          </Space>
        ) : null}
      </Card>
      {p.transfer ? (
        <Alert
          type={p.transfer.state === 'returned' ? 'warning' : 'info'}
          data-testid="petition-transfer"
          data-stage={p.transfer.stage}
          title={`已转办至${p.transfer.toOrgName}：${p.transfer.state === 'pending' ? '待接收' : p.transfer.state === 'accepted' ? '已接收' : '已退回'}${p.transfer.openedCaseNumber ? `，开立案件 ${p.transfer.openedCaseNumber}` : ''}${p.transfer.stage === 'answered' ? '，已办结答复' : ''}`}
        />
      ) : null}
      {p.clocks.length ? (
        <Card size="small" title="期限">
          {p.clocks.map((c) => (
            <div key={c.ruleId}>
              {c.name}：{chineseDateOrDash(c.dueDate)}前
            </div>
          ))}
        </Card>
      ) : null}
      <DocumentServiceCard
        title="文书"
        subjects={[{ type: 'matter', id: p.matter.id }]}
        types={PETITION_DOCUMENTS}
        printTestIdPrefix="petition-print-"
        testId="petition-documents"
        extra={(d) =>
          p.transfer && d.id === p.transfer.slipDocumentId ? <SlipProgress t={p.transfer} /> : null
        }
      />
      {p.records.length ? (
        <Card size="small" title="办理记录">
          <List
            size="small"
            dataSource={p.records}
            renderItem={(r) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Space size={4}>
                    <Tag>{RECORD_LABELS[r.kind]}</Tag>
                    <span>{r.occurredOn}</span>
                    {r.result ? <Typography.Text strong>{r.result}</Typography.Text> : null}
                  </Space>
                  <Typography.Text>{r.content}</Typography.Text>
                  <Typography.Text type="secondary">{r.actorName}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card size="small" title="流转记录">
        <Timeline
          items={p.events.map((e) => ({
            content: `${chineseClockOfInstant(e.at)} ${e.actorName}：${e.label} → ${e.toState}${e.reason ? `（${e.reason}）` : ''}`,
          }))}
        />
      </Card>
      <PetitionActionModal
        p={p}
        action={action}
        onClose={() => setAction(null)}
        onDone={(r) => {
          if (r.document) void q.refetch();
        }}
      />
    </Space>
  );
}
