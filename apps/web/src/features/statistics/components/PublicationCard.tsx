import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, isApiError } from '../../../lib/api';
import type { paths } from '../../../lib/api-types';

type Publication =
  paths['/api/statistics/publication']['get']['responses'][200]['content']['application/json'];

const KEY = ['statistics', 'publication'];

/** 数据公开: which figures the portal shows (last full quarter, the whole city; under 5 shown as <5). */
export function PublicationCard() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<Publication>('/api/statistics/publication', undefined, signal),
  });
  const [enabled, setEnabled] = useState(false);
  const [rows, setRows] = useState<string[]>([]);
  useEffect(() => {
    if (!q.data) return;
    setEnabled(q.data.enabled);
    setRows(q.data.rows.map((r) => `${r.table}/${r.row}`));
  }, [q.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<Publication>('/api/statistics/publication', {
        enabled,
        rows: rows.map((r) => {
          const [table = '', row = ''] = r.split('/');
          return { table, row };
        }),
        version: q.data?.version ?? 0,
      }),
    onSuccess: (data) => {
      client.setQueryData(KEY, data);
      message.success(data.enabled ? '已在门户公开所选指标' : '已停止公开');
    },
  });
  if (!q.data) return null;
  const groups = new Map<string, Publication['candidates']>();
  for (const c of q.data.candidates) groups.set(c.tableTitle, [...(groups.get(c.tableTitle) ?? []), c]);
  return (
    <Card size="small" title="门户数据公开" data-testid="stats-publication">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          公开上一完整季度的全市合计数；少于5的数字在门户显示为“&lt;5”，以免识别到个人。只能公开以件、人计的指标。
        </Typography.Text>
        <Space>
          <Switch checked={enabled} onChange={setEnabled} aria-label="在门户公开统计数据" />
          <span>{enabled ? '公开' : '不公开'}</span>
        </Space>
        <Checkbox.Group value={rows} onChange={(v) => setRows(v as string[])} style={{ width: '100%' }}>
          <Space orientation="vertical">
            {[...groups.entries()].map(([title, items]) => (
              <div key={title}>
                <Typography.Text strong>{title}</Typography.Text>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
                  {items.map((c) => (
                    <Checkbox key={`${c.table}/${c.row}`} value={`${c.table}/${c.row}`}>
                      {c.label}（{c.unit}）
                    </Checkbox>
                  ))}
                </div>
              </div>
            ))}
          </Space>
        </Checkbox.Group>
        {save.isError ? (
          <Alert type="error" title={isApiError(save.error) ? save.error.message : '保存失败，请重试'} />
        ) : null}
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="stats-publication-save"
        >
          保存
        </Button>
      </Space>
    </Card>
  );
}
