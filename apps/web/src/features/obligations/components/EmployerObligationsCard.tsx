import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useEmployerObligations } from '../hooks/use-obligations';
import { dateText, STATUS_COLORS, yuanText } from '../types';

/** The employer record: what its agreements and awards oblige it to pay, and what it paid. */
export function EmployerObligationsCard({ partyId }: { partyId: string }) {
  const q = useEmployerObligations(partyId);
  const t = q.data?.totals;
  return (
    <Card
      size="small"
      title="履行情况（协议、裁决确定的应付款）"
      data-testid="employer-obligations"
      extra={
        t?.amountFen ? (
          <Typography.Text type={t.overdue ? 'danger' : 'secondary'}>
            应付{yuanText(t.amountFen)}，已付{yuanText(t.paidFen)}
            {t.overdue ? `，逾期${t.overdue}项` : ''}
          </Typography.Text>
        ) : null
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={q.isPending}
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '没有履行义务' }}
        columns={[
          {
            title: '事项',
            key: 'matter',
            render: (_, o) => <Link to={`/matters/${o.matterId}`}>{o.matterNumber}</Link>,
          },
          {
            title: '款项',
            key: 'item',
            render: (_, o) => `${o.item}${o.instalmentCount > 1 ? `（第${o.instalmentNo}期）` : ''}`,
          },
          { title: '应付', key: 'amount', render: (_, o) => yuanText(o.amountFen) },
          { title: '已付', key: 'paid', render: (_, o) => yuanText(o.paidFen) },
          { title: '履行期限', key: 'due', render: (_, o) => dateText(o.dueDate) },
          {
            title: '状态',
            key: 'status',
            render: (_, o) => <Tag color={STATUS_COLORS[o.status]}>{o.statusLabel}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
