import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import type { OrgCase } from '../api/prevention.api';

const RESULT_COLORS: Record<string, string> = {
  pending: 'blue',
  agreement: 'green',
  no_agreement: 'orange',
  withdrawn: 'default',
  referred: 'purple',
};

/** The case ledger (案件台账) of an organisation; `onClose` lets the organisation's mediator record a result. */
export function OrgCasesList({
  items,
  loading,
  onClose,
  onRefer,
}: {
  items: OrgCase[];
  loading?: boolean;
  onClose?: (c: OrgCase) => void;
  /** The organisation's mediator refers a pending case, or an agreement, to the center. */
  onRefer?: (c: OrgCase) => void;
}) {
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="台账中还没有案件" /> }}
      renderItem={(c) => (
        <List.Item
          data-testid="org-case"
          extra={
            <Space wrap>
              {onClose && c.result === 'pending' ? (
                <Button size="small" onClick={() => onClose(c)}>
                  登记调解结果
                </Button>
              ) : null}
              {onRefer && !c.referral && (c.result === 'pending' || c.result === 'agreement') ? (
                <Button size="small" onClick={() => onRefer(c)} data-testid="org-case-refer">
                  {c.result === 'agreement' ? '申请确认' : '转送中心'}
                </Button>
              ) : null}
            </Space>
          }
        >
          <Space direction="vertical" size={0}>
            <Space wrap>
              <Typography.Text strong>{c.number}</Typography.Text>
              <Tag color={RESULT_COLORS[c.result]}>{c.resultLabel}</Tag>
              <Typography.Text>
                {c.applicantName} 与 {c.respondentName}
              </Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {c.claimTypeLabel}：{c.summary}
            </Typography.Text>
            <Typography.Text type="secondary">
              收到申请：{c.receivedOnText}
              {c.closedOnText ? `；结案：${c.closedOnText}` : ''}
              {c.result === 'agreement' ? `；协议金额：${c.amountText}` : ''}
            </Typography.Text>
            {c.referral ? (
              <Typography.Text type="secondary" data-testid="org-case-referral">
                已转送中心（{c.referral.purposeLabel}），维权事项 {c.referral.matter.number}
              </Typography.Text>
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
