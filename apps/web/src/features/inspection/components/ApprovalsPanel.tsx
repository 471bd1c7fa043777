import { chineseDate } from '@onestop/domain/time';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { feedback } from '../../../lib/feedback';
import { useInspectionAction } from '../hooks/use-inspection';
import type { ApprovalView, InspectionCase } from '../types';
import { PrintButtons } from './PrintButtons';

const STATE_COLOR: Record<ApprovalView['state'], string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

/**
 * 报批 and the 负责人's decisions (issue #13): the approver approves or refuses here by his own action;
 * the 审批表 then prints his name and the date of that action. Everyone else sees the status.
 */
export function ApprovalsPanel({ c }: { c: InspectionCase }) {
  const action = useInspectionAction(c.id);
  const [opinions, setOpinions] = useState<Record<string, string>>({});
  const approvals = c.approvals ?? [];
  if (!approvals.length) return null;
  const decide = (a: ApprovalView, approve: boolean) => {
    const opinion = opinions[a.id]?.trim();
    if (!approve && !opinion) {
      feedback.error('不同意的，请填写审批意见');
      return;
    }
    action.mutate(
      {
        path: `/approvals/${a.id}/decision`,
        body: { approve, ...(opinion ? { opinion } : {}), version: a.version },
      },
      {
        onSuccess: (r) =>
          feedback.success(approve ? `已批准${a.label}：${r.case.stateLabel}` : `已退回${a.label}报批`),
      },
    );
  };
  return (
    <div style={{ marginTop: 12 }} data-testid="inspection-approvals">
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        报批与审批
      </Typography.Text>
      <List
        size="small"
        bordered
        dataSource={approvals}
        renderItem={(a) => {
          const form = c.documents.filter((d) => d.id === a.documentId);
          return (
            <List.Item data-testid={`approval-${a.kind}-${a.state}`}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={STATE_COLOR[a.state]}>{a.stateLabel}</Tag>
                  <Typography.Text strong>{a.label}</Typography.Text>
                  <Typography.Text type="secondary">
                    {a.requestedBy}于{chineseDate(a.requestedOn)}报批
                    {a.decidedBy
                      ? `；${a.decidedBy}于${a.decidedOn ? chineseDate(a.decidedOn) : ''}${a.state === 'approved' ? '批准' : '不同意'}`
                      : ''}
                  </Typography.Text>
                </Space>
                {a.opinion ? <Typography.Text>审批意见：{a.opinion}</Typography.Text> : null}
                {a.canDecide ? (
                  <Space wrap style={{ width: '100%' }}>
                    <Input
                      placeholder="审批意见（不同意时必填）"
                      style={{ minWidth: 220, maxWidth: 420 }}
                      value={opinions[a.id] ?? ''}
                      onChange={(e) => setOpinions({ ...opinions, [a.id]: e.target.value })}
                      data-testid={`approval-opinion-${a.kind}`}
                    />
                    <Button
                      type="primary"
                      loading={action.isPending}
                      onClick={() => decide(a, true)}
                      data-testid={`approve-${a.kind}`}
                    >
                      同意（本人审批）
                    </Button>
                    <Button danger loading={action.isPending} onClick={() => decide(a, false)}>
                      不同意
                    </Button>
                  </Space>
                ) : a.state === 'pending' ? (
                  <Typography.Text type="secondary">待负责人审批（{a.basis}）</Typography.Text>
                ) : null}
                <PrintButtons docs={form} />
              </Space>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
