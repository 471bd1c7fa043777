import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, isApiError } from '../../lib/api';
import type { ItemOf, ResponseOf } from '../../lib/api-types-helpers';
import { readyAttr } from '../../lib/ready';

type PendingList = ResponseOf<'/api/approvals/pending'>;
type Approval = ItemOf<PendingList>;

/** The case page of an approval's subject. */
function subjectLink(a: Approval): string | null {
  if (a.subjectType !== 'case') return null;
  if (a.track === 'inspection') return `/inspection/cases/${a.subjectId}`;
  if (a.track === 'arbitration') return `/arbitration/cases/${a.subjectId}`;
  return `/cases/${a.subjectId}`;
}

/** 2026-12-07 → 2026年12月7日 */
function chineseDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * 待我审批 on the 工作台: the approvals of every track this user may decide (their approving post,
 * never their own request) — arbitration 立案/结案审批 and inspection 立案, 延长办案期限, 撤销立案,
 * 结案 (one service, cases/approvals.ts). Approving issues the internal form with this user's name and
 * today's date; an inspection approval also carries out its step (issue #13).
 */
export function PendingApprovals() {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['approvals', 'pending'],
    queryFn: ({ signal }) => api.get<PendingList>('/api/approvals/pending', undefined, signal),
  });
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: { a: Approval; approve: boolean }) =>
      api.post(`/api/approvals/${v.a.id}/decide`, {
        approve: v.approve,
        // Approving without an opinion prints the kind's default opinion (e.g. 同意立案。).
        comment: comments[v.a.id]?.trim() || (v.approve ? undefined : '退回补充'),
        version: v.a.version,
      }),
    onSuccess: () => {
      setError(null);
      void client.invalidateQueries({ queryKey: ['approvals'] });
      void client.invalidateQueries({ queryKey: ['arbitration'] });
      void client.invalidateQueries({ queryKey: ['inspection'] });
      void client.invalidateQueries({ queryKey: ['work'] });
      void client.invalidateQueries({ queryKey: ['documents'] });
    },
    onError: (e) => setError(isApiError(e) ? e.message : '审批失败'),
  });
  const items = q.data?.items ?? [];
  if (q.isSuccess && items.length === 0) return null;
  return (
    <section aria-labelledby="approvals-heading" className="home-section">
      <Typography.Title level={2} id="approvals-heading" className="section-title">
        待我审批
      </Typography.Title>
      <Card size="small" data-ready={readyAttr(q)} data-testid="pending-approvals">
        {error ? <Alert type="error" message={error} style={{ marginBottom: 8 }} /> : null}
        <List
          locale={{ emptyText: <Empty description="暂无待审批事项" /> }}
          loading={q.isLoading}
          dataSource={items}
          renderItem={(a) => (
            <List.Item data-testid={`approval-${a.id}`}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>
                  {a.label}：
                  {subjectLink(a) ? <Link to={subjectLink(a)!}>{a.subjectLabel}</Link> : a.subjectLabel}
                </Typography.Text>
                <Typography.Text type="secondary">{`${a.requestedByName} 报批（${chineseDay(a.requestedOn)}）：${a.summary}`}</Typography.Text>
                <Input
                  aria-label="审批意见"
                  placeholder="审批意见（退回时必填）"
                  value={comments[a.id] ?? ''}
                  onChange={(e) => setComments({ ...comments, [a.id]: e.target.value })}
                />
                <Space>
                  <Button
                    type="primary"
                    data-testid={`approve-${a.id}`}
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ a, approve: true })}
                  >
                    批准
                  </Button>
                  <Button data-testid={`reject-${a.id}`} onClick={() => decide.mutate({ a, approve: false })}>
                    退回
                  </Button>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
