import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { PlanVisitModal } from '../features/prevention/components/PlanVisitModal';
import { useVisits } from '../features/prevention/hooks/use-outreach';
import { readyAttr } from '../lib/ready';

export const VISIT_STATUS_COLORS: Record<string, string> = {
  planned: 'blue',
  done: 'green',
  cancelled: 'default',
};

/** 走访与普法: planned and done visits to enterprises and 普法 sessions in the user's jurisdictions. */
export default function PreventionVisitsPage() {
  const user = useCurrentUser();
  const [status, setStatus] = useState<string>('planned');
  const [open, setOpen] = useState(false);
  const q = useVisits(status === 'all' ? undefined : status);
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.role === 'prevention_officer') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  return (
    <>
      <PageHeader
        title="走访与普法"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="visit-new"
          >
            安排走访
          </Button>
        }
      >
        走访企业、普法宣传的计划与记录；发现的问题可一步转为维权事项或劳动关系监管事项
      </PageHeader>
      <Card size="small" data-testid="visits" data-ready={readyAttr(q)}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: 'planned', label: '计划' },
            { value: 'done', label: '已完成' },
            { value: 'cancelled', label: '已取消' },
            { value: 'all', label: '全部' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          renderItem={(v) => (
            <List.Item data-testid="visit-item">
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space wrap>
                  <Link to={`/prevention/visits/${v.id}`}>
                    {v.kindLabel}：{v.employer?.name ?? v.address}
                  </Link>
                  <Tag color={VISIT_STATUS_COLORS[v.status]}>{v.statusLabel}</Tag>
                </Space>
                <Typography.Text type="secondary">
                  {v.doneOnText ?? v.plannedOnText}｜{v.jurisdiction.name}｜
                  {v.staff.map((s) => s.name).join('、')}
                </Typography.Text>
                {v.topics.length ? (
                  <Typography.Text type="secondary">主题：{v.topics.join('、')}</Typography.Text>
                ) : null}
                {v.status === 'done' ? (
                  <Typography.Text type="secondary">
                    参加{v.attendanceCount ?? 0}人，照片{v.photoCount}张，发现问题{v.issues.length}项
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <PlanVisitModal open={open} onClose={() => setOpen(false)} jurisdictions={jurisdictions} />
    </>
  );
}
