import { Alert, Button, Card, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormError } from '../../../components/FormError';
import { useAssign, useAssignees } from '../hooks/use-cases';
import type { CaseDetail } from '../types';

/** 承办人 and 回避: who handles the case, who may not (with the reason and its basis). */
export function AssignCard({ c }: { c: CaseDetail }) {
  const [userId, setUserId] = useState<string | undefined>();
  const candidates = useAssignees(c.id, c.canAssign);
  const assign = useAssign(c);
  return (
    <Card size="small" title="承办人与回避" data-testid="assign-card">
      <Typography.Paragraph>
        当前承办人：<Typography.Text strong>{c.assignee?.name ?? '未分配'}</Typography.Text>
      </Typography.Paragraph>
      {c.canAssign ? (
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Select
            style={{ width: '100%' }}
            placeholder="选择承办人"
            value={userId}
            onChange={setUserId}
            loading={candidates.isPending}
            data-testid="assign-select"
            options={(candidates.data?.items ?? []).map((u) => ({
              value: u.id,
              disabled: u.barred !== null,
              label: u.barred ? `${u.name}（应回避）` : `${u.name}（${u.roles}）`,
            }))}
          />
          <Button
            type="primary"
            disabled={!userId}
            loading={assign.isPending}
            onClick={() => userId && assign.mutate(userId, { onSuccess: () => setUserId(undefined) })}
            data-testid="assign-submit"
          >
            分配
          </Button>
        </Space.Compact>
      ) : null}
      <FormError error={assign.error} />
      {c.barred.length ? (
        <List
          size="small"
          header={<Typography.Text type="secondary">应当回避的人员</Typography.Text>}
          dataSource={c.barred}
          data-testid="barred-list"
          renderItem={(b) => (
            <List.Item>
              <List.Item.Meta
                title={b.name}
                description={
                  <>
                    <div>{b.reason}</div>
                    <div className="muted">依据：{b.basis}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Alert type="success" showIcon title="暂无应当回避的人员" />
      )}
    </Card>
  );
}
