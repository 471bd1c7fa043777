import { Table, Tag, Typography } from 'antd';
import type { PartyNoticeItem } from '../api/inspection.api';
import { usePartyNotices } from '../hooks/use-inspection';
import { hasPermission, useCurrentUser } from '../../auth/hooks/use-session';
import { chineseClockOfInstant } from '../../../lib/time';

const CHANNEL: Record<PartyNoticeItem['channel'], string> = {
  sms: '短信',
  phone: '电话',
  mail: '邮寄',
  in_person: '当面',
  none: '无',
};
const STATE: Record<PartyNoticeItem['state'], { label: string; color: string }> = {
  pending: { label: '待发送', color: 'default' },
  sending: { label: '发送中', color: 'processing' },
  sent: { label: '已发送', color: 'success' },
  logged: { label: '未送达（仅记录日志）', color: 'warning' },
  failed: { label: '发送失败', color: 'error' },
  recorded: { label: '已登记', color: 'blue' },
};

/**
 * 向当事人发出的通知, shown to inspection.work holders only: the page never asks for the list on behalf
 * of a user who may not read it (a leader approving the case saw a refusal toast).
 */
export function PartyNotices({ caseId }: { caseId: string }) {
  const user = useCurrentUser();
  const q = usePartyNotices(caseId, hasPermission(user, 'inspection.work'));
  if (q.isError || !q.data?.items.length) return null;
  return (
    <div data-testid="inspection-party-notices" style={{ marginTop: 8 }}>
      <Typography.Text strong>当事人通知</Typography.Text>
      <Table<PartyNoticeItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data.items}
        columns={[
          { title: '收件人', dataIndex: 'recipient' },
          { title: '渠道', dataIndex: 'channel', render: (v: PartyNoticeItem['channel']) => CHANNEL[v] ?? v },
          {
            title: '状态',
            dataIndex: 'state',
            render: (v: PartyNoticeItem['state']) => (
              <Tag color={STATE[v]?.color}>{STATE[v]?.label ?? v}</Tag>
            ),
          },
          {
            title: '发送时间',
            dataIndex: 'sentAt',
            render: (v: string | null) => (v ? chineseClockOfInstant(v) : '—'),
          },
        ]}
      />
    </div>
  );
}
