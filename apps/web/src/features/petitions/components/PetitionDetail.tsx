import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentFileUrl } from '../../documents/api/documents.api';
import type { Petition } from '../api/petitions.api';
import { usePetition } from '../hooks/use-petitions';
import { ACTION_LABELS, PetitionActionModal } from './PetitionActionModal';

const RECORD_LABELS = { negotiation: '协商调处', settlement: '和解协议', explanation: '释法明理' } as const;

function openPdf(id: string) {
  window.open(documentFileUrl(id, 'pdf'), '_blank', 'noopener');
}

/** One petition: the request, what was done, the documents to print, and only the actions allowed now. */
export function PetitionDetail({ id }: { id: string }) {
  const q = usePetition(id);
  const [action, setAction] = useState<string | null>(null);
  if (q.isPending) return <Spin />;
  if (!q.data) return null;
  const p: Petition = q.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="petition-detail">
      <Card
        size="small"
        title={
          <Space wrap>
            <span>信访事项 {p.case.number}</span>
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
          title={`已转办至${p.transfer.toOrgName}：${p.transfer.state === 'pending' ? '待接收' : p.transfer.state === 'accepted' ? '已接收' : '已退回'}${p.transfer.openedCaseNumber ? `，开立案件 ${p.transfer.openedCaseNumber}` : ''}`}
        />
      ) : null}
      {p.clocks.length ? (
        <Card size="small" title="期限">
          {p.clocks.map((c) => (
            <div key={c.ruleId}>
              {c.name}：{c.dueDate} 前
            </div>
          ))}
        </Card>
      ) : null}
      <Card size="small" title="文书">
        <List
          size="small"
          dataSource={p.documents}
          locale={{ emptyText: '暂无文书' }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="pdf"
                  size="small"
                  icon={<PrinterOutlined />}
                  disabled={d.state !== 'issued'}
                  onClick={() => openPdf(d.id)}
                  data-testid={`petition-print-${d.type}`}
                >
                  {d.state === 'issued' ? '打印' : '生成中'}
                </Button>,
              ]}
            >
              {d.title} {d.number ?? '（草稿）'}
            </List.Item>
          )}
        />
      </Card>
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
            content: `${new Date(e.at).toLocaleString('zh-CN')} ${e.actorName}：${e.label} → ${e.toState}${e.reason ? `（${e.reason}）` : ''}`,
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
