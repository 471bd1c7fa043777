import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMatter } from '../../matters/hooks/use-matters';
import { useMatterCases } from '../hooks/use-cases';
import { chineseDate } from '../../../lib/time';
import { OpenCaseModal } from './OpenCaseModal';

/** The matter's track cases (one per function), with the step to open another. For the matter page. */
export function CasesPanel({ matterId }: { matterId: string }) {
  const cases = useMatterCases(matterId);
  const matter = useMatter(matterId);
  const [opening, setOpening] = useState(false);
  const busy = useMemo(() => new Set((cases.data?.items ?? []).flatMap((c) => c.openClaimIds)), [cases.data]);
  const canOpen = (cases.data?.tracks ?? []).some((t) => t.canOpen);
  return (
    <Card
      size="small"
      title="程序案件"
      data-testid="cases-panel"
      extra={
        canOpen ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="open-case"
          >
            开立案件
          </Button>
        ) : null
      }
    >
      <List
        loading={cases.isPending}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未开立程序案件" /> }}
        renderItem={(c) => (
          <List.Item data-testid={`case-row-${c.id}`}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Tag color="blue">{c.trackLabel}</Tag>
                  <Link to={`/cases/${c.id}`}>{c.number}</Link>
                  <Tag color={c.closed ? 'default' : 'processing'}>{c.stateLabel}</Tag>
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {c.organizationName} · 承办人 {c.assigneeName ?? '未分配'}
                  {c.dueDate ? ` · 最近期限 ${chineseDate(c.dueDate)}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {opening && cases.data ? (
        <OpenCaseModal
          matterId={matterId}
          open={opening}
          onClose={() => setOpening(false)}
          tracks={cases.data.tracks}
          claims={matter.data?.claims ?? []}
          busyClaimIds={busy}
        />
      ) : null}
    </Card>
  );
}
