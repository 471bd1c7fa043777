import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import { TransferInbox } from '../features/transfers/components/TransferInbox';
import { useOverdueTransfers, useTransfers } from '../features/transfers/hooks/use-transfers';
import type { TransferBox } from '../features/transfers/types';
import { readyAttr } from '../lib/ready';

/** /transfers — transfers to my organisation (accept or return) and from it; leaders see the overdue ones. */
export default function TransfersPage() {
  const user = useCurrentUser();
  const leader = hasPermission(user, 'leader.dashboard');
  const [tab, setTab] = useState<TransferBox | 'overdue'>('inbox');
  const box = useTransfers(tab === 'outbox' ? 'outbox' : 'inbox');
  const overdue = useOverdueTransfers(leader);
  const current = tab === 'overdue' ? overdue : box;
  return (
    <div data-testid="transfers-page" data-ready={readyAttr(current)}>
      <PageHeader
        title="转办"
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void current.refetch()}
            loading={current.isFetching}
          >
            刷新
          </Button>
        }
      >
        转给本单位的事项须在一个工作日内接收或说明理由退回。
      </PageHeader>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TransferBox | 'overdue')}
          items={[
            { key: 'inbox', label: '收件箱' },
            { key: 'outbox', label: '发件箱' },
            ...(leader
              ? [
                  {
                    key: 'overdue',
                    label: `超时未接收${overdue.data ? `（${overdue.data.items.length}）` : ''}`,
                  },
                ]
              : []),
          ]}
        />
        <TransferInbox items={current.data?.items ?? []} loading={current.isPending} />
      </Card>
    </div>
  );
}
