import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import type { ItemOf, ResponseOf } from '../../lib/api-types-helpers';
import { feedback } from '../../lib/feedback';
import { chineseClockOfInstant } from '../../lib/time';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
type JobsOverview = ResponseOf<'/api/admin/jobs/'>;
type JobItem = ItemOf<JobsOverview>;
type JobState = JobItem['state'];

const STATE_OPTIONS: { value: JobState; label: string }[] = [
  { value: 'failed', label: '失败' },
  { value: 'pending', label: '待执行' },
  { value: 'running', label: '执行中' },
  { value: 'done', label: '已完成' },
];
const STATE_COLOR: Record<JobState, string> = {
  pending: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};
const KEY = ['admin', 'jobs'] as const;
const time = (s: string | null) => (s ? chineseClockOfInstant(s) : '—');

/** 后台任务: the one job queue — counts, dead letters (failed jobs) with retry, periodic tasks. */
export default function JobsPage() {
  const [state, setState] = useState<JobState>('failed');
  const qc = useQueryClient();
  const jobs = useQuery({
    queryKey: [...KEY, state],
    queryFn: ({ signal }) => api.get<JobsOverview>('/api/admin/jobs', { state, limit: 100 }, signal),
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: (id: number) =>
      api.post<ResponseOf<'/api/admin/jobs/{id}/retry', 'post'>>(`/api/admin/jobs/${id}/retry`, {}),
    onSuccess: (job) => {
      feedback.success(`已重新排队：${job.kindLabel}（#${job.id}）`);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const counts = jobs.data?.counts;

  return (
    <>
      <PageHeader title="后台任务">
        {
          '文书生成、期限提醒、短信发送与定时巡检都在同一任务队列中执行；失败的任务自动按退避间隔重试，重试用尽后列在此处，可在排除原因后手动重试。'
        }
      </PageHeader>
      {counts?.failed ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`有 ${counts.failed} 个任务失败且已停止重试`}
          description="请查看失败原因（如短信网关不可用、文书模板错误），排除后点击“重试”。"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Segmented<JobState>
            value={state}
            onChange={setState}
            options={STATE_OPTIONS.map((o) => ({
              value: o.value,
              label: `${o.label} ${counts ? counts[o.value] : ''}`.trim(),
            }))}
          />
        </Space>
      </Card>
      <Card size="small" style={{ marginBottom: 16 }} data-testid="jobs-table">
        <Table<JobItem>
          size="small"
          rowKey="id"
          loading={jobs.isFetching}
          dataSource={jobs.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: state === 'failed' ? '没有失败的任务' : '暂无任务' }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            { title: '任务', dataIndex: 'kindLabel', width: 200 },
            {
              title: '状态',
              dataIndex: 'state',
              width: 150,
              render: (_, j) => <Tag color={STATE_COLOR[j.state]}>{j.stateLabel}</Tag>,
            },
            { title: '尝试', width: 80, render: (_, j) => `${j.attempts}/${j.maxAttempts}` },
            {
              title: '原因',
              dataIndex: 'lastError',
              width: 240,
              render: (v: string | null) =>
                v ? (
                  <Typography.Text type="danger">{v}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: state === 'pending' ? '计划时间' : '时间',
              width: 170,
              render: (_, j) => time(j.finishedAt ?? j.runAt),
            },
            {
              title: '操作',
              width: 90,
              render: (_, j) =>
                j.state === 'failed' ? (
                  <Button
                    size="small"
                    loading={retry.isPending && retry.variables === j.id}
                    onClick={() => retry.mutate(j.id)}
                  >
                    重试
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title="定时任务（多台服务器只运行一次）">
        {jobs.data && !jobs.data.schedules.length ? (
          <Typography.Text type="secondary">尚无定时任务运行记录</Typography.Text>
        ) : (
          <Descriptions size="small" column={1} bordered>
            {(jobs.data?.schedules ?? []).map((s) => (
              <Descriptions.Item key={s.name} label={s.label}>
                最近运行：{time(s.lastRunAt)}
                {s.lastError ? (
                  <Typography.Text type="danger" style={{ marginLeft: 8 }}>
                    失败：{s.lastError}
                  </Typography.Text>
                ) : null}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
    </>
  );
}
