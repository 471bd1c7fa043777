import { Button, Input, Modal, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/FormError';
import { useDecideTransfer } from '../hooks/use-transfers';
import type { Transfer } from '../types';
import { TransferStateTag } from './TransferStateTag';
import { chineseDateOrDash } from '../../../lib/time';

/** Transfers to (inbox) or from (outbox) my organisation; the receiver accepts or returns with a reason. */
export function TransferInbox({ items, loading }: { items: Transfer[]; loading: boolean }) {
  const decide = useDecideTransfer();
  const [returning, setReturning] = useState<Transfer | null>(null);
  const [reason, setReason] = useState('');
  const columns: TableProps<Transfer>['columns'] = [
    {
      title: '事项',
      key: 'matter',
      width: 170,
      render: (_, t) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/matters/${t.matterId}`}>{t.matterNumber}</Link>
          <Typography.Text type="secondary">{t.matterTitle}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '转出 → 承办',
      key: 'route',
      render: (_, t) => `${t.fromOrg.name} → ${t.toOrg.name}${t.toTrackLabel ? `（${t.toTrackLabel}）` : ''}`,
    },
    { title: '理由', dataIndex: 'reason', key: 'reason', ellipsis: true },
    { title: '状态', key: 'state', width: 170, render: (_, t) => <TransferStateTag t={t} /> },
    {
      title: '应接收日',
      dataIndex: 'acceptBy',
      key: 'acceptBy',
      width: 130,
      render: (v: string | null) => chineseDateOrDash(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 132,
      // Kept in view on phones, where the table scrolls sideways.
      fixed: 'right',
      render: (_, t) =>
        t.canDecide ? (
          <Space>
            <Button
              size="small"
              type="primary"
              loading={decide.isPending}
              onClick={() => decide.mutate({ t, action: 'accept' })}
              data-testid={`transfer-accept-${t.id}`}
            >
              接收
            </Button>
            <Button
              size="small"
              danger
              onClick={() => setReturning(t)}
              data-testid={`transfer-return-${t.id}`}
            >
              退回
            </Button>
          </Space>
        ) : t.openedCaseId ? (
          <Link to={`/cases/${t.openedCaseId}`}>{t.openedCaseNumber}</Link>
        ) : (
          (t.returnReason ?? '—')
        ),
    },
  ];
  return (
    <>
      <FormError error={returning ? null : decide.error} />
      <Table<Transfer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无转办' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="transfer-table"
      />
      <Modal
        open={returning !== null}
        title="退回转办"
        okText="退回"
        cancelText="取消"
        okButtonProps={{
          danger: true,
          disabled: reason.trim() === '',
          ...({ 'data-testid': 'transfer-return-confirm' } as Record<string, string>),
        }}
        confirmLoading={decide.isPending}
        onCancel={() => setReturning(null)}
        onOk={() =>
          returning &&
          decide.mutate(
            { t: returning, action: 'return', reason },
            {
              onSuccess: () => {
                setReturning(null);
                setReason('');
              },
            },
          )
        }
      >
        <FormError error={decide.error} />
        <Typography.Paragraph>退回须说明理由，理由将记入事项时间线并告知转出单位。</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="transfer-return-reason"
        />
      </Modal>
    </>
  );
}
