import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, isApiError } from '../../lib/api';
import { chineseDateOfInstant } from '../../lib/time';

interface Approval {
  id: string;
  kind: string;
  label: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  summary: string;
  requestedByName: string;
  requestedAt: string;
  version: number;
}

/**
 * 待我审批 on the 工作台: the approvals this user may decide (their approving post, never their own
 * request). Approving issues the internal form with this user's name and today's date (issue #13).
 */
export function PendingApprovals() {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['approvals', 'pending'],
    queryFn: ({ signal }) => api.get<{ items: Approval[] }>('/api/approvals/pending', undefined, signal),
  });
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (v: { a: Approval; approve: boolean }) =>
      api.post(`/api/approvals/${v.a.id}/decide`, {
        approve: v.approve,
        comment: comments[v.a.id]?.trim() || (v.approve ? '同意' : '退回补充'),
        version: v.a.version,
      }),
    onSuccess: () => {
      setError(null);
      void client.invalidateQueries({ queryKey: ['approvals'] });
      void client.invalidateQueries({ queryKey: ['arbitration'] });
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
      <Card size="small" data-ready={q.isSuccess ? 'true' : 'false'} data-testid="pending-approvals">
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
                  {a.subjectType === 'case' ? (
                    <Link to={`/arbitration/cases/${a.subjectId}`}>{a.subjectLabel}</Link>
                  ) : (
                    a.subjectLabel
                  )}
                </Typography.Text>
                <Typography.Text type="secondary">{`${a.requestedByName} 报批（${chineseDateOfInstant(a.requestedAt)}）：${a.summary}`}</Typography.Text>
                <Input
                  aria-label="审批意见"
                  placeholder="审批意见（如：同意受理）"
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
