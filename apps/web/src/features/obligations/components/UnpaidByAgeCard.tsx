import { Card, Table, Typography } from 'antd';
import { useUnpaidByAge } from '../hooks/use-obligations';
import { type UnpaidObligationsByAge, yuanText } from '../types';
import { readyAttr } from '../../../lib/ready';

type Cell = UnpaidObligationsByAge['total']['total'];
const cellText = (c: Cell) => (c.count ? `${c.count}项 ${yuanText(c.unpaidFen)}` : '—');

/** Leader page: unpaid obligations (agreements, awards) by days past due and by responsible unit. */
export function UnpaidByAgeCard() {
  const q = useUnpaidByAge();
  const d = q.data;
  const bands = d?.bands ?? [];
  const rows = d
    ? [
        ...d.units.map((u) => ({ key: u.unit, unit: u.unit, cells: u.cells, total: u.total })),
        { key: '__total', unit: '合计', cells: d.total.cells, total: d.total.total },
      ]
    : [];
  return (
    <Card
      size="small"
      title="未履行的协议、裁决款项（按逾期时长和责任单位）"
      data-testid="leader-unpaid-obligations"
      data-ready={readyAttr(q)}
    >
      {d && d.total.total.count === 0 ? (
        <Typography.Text type="secondary">没有未履行的款项</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          loading={q.isPending}
          scroll={{ x: 720 }}
          dataSource={rows}
          columns={[
            { title: '责任单位', dataIndex: 'unit', fixed: 'left', width: 180 },
            ...bands.map((b, i) => ({
              title: b.label,
              key: b.id,
              render: (_: unknown, r: (typeof rows)[number]) => (
                <Typography.Text type={i >= 2 && r.cells[i]!.count ? 'danger' : undefined}>
                  {cellText(r.cells[i]!)}
                </Typography.Text>
              ),
            })),
            {
              title: '合计',
              key: 'total',
              render: (_: unknown, r: (typeof rows)[number]) => cellText(r.total),
            },
          ]}
        />
      )}
    </Card>
  );
}
