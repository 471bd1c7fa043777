import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMatterTransfers } from '../hooks/use-transfers';
import { NewTransferModal } from './NewTransferModal';
import { TransferStateTag } from './TransferStateTag';
import { chineseClockOfInstant, chineseDateOrDash } from '../../../lib/time';

/** The matter's transfer chain (转办), with the step to send it on. For the matter page. */
export function TransfersPanel({ matterId }: { matterId: string }) {
  const q = useMatterTransfers(matterId);
  const [open, setOpen] = useState(false);
  const pending = (q.data?.items ?? []).some((t) => t.state === 'pending');
  return (
    <Card
      size="small"
      title="转办"
      data-testid="transfers-panel"
      extra={
        <Button
          size="small"
          icon={<SendOutlined />}
          disabled={pending}
          onClick={() => setOpen(true)}
          data-testid="new-transfer"
        >
          转办
        </Button>
      }
    >
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有转办记录" /> }}
        renderItem={(t) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>
                    {t.fromOrg.name} → {t.toOrg.name}
                    {t.toTrackLabel ? `（${t.toTrackLabel}）` : ''}
                  </span>
                  <TransferStateTag t={t} />
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Text>理由：{t.reason}</Typography.Text>
                  {t.returnReason ? (
                    <Typography.Text type="danger">退回理由：{t.returnReason}</Typography.Text>
                  ) : null}
                  {t.openedCaseId ? (
                    <span>
                      已开立案件 <Link to={`/cases/${t.openedCaseId}`}>{t.openedCaseNumber}</Link>
                    </span>
                  ) : null}
                  <Typography.Text type="secondary">
                    {chineseClockOfInstant(t.createdAt)} · {t.fromUser.name}
                    {t.acceptBy && t.state === 'pending'
                      ? ` · 应于${chineseDateOrDash(t.acceptBy)}前接收`
                      : ''}
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <NewTransferModal matterId={matterId} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
