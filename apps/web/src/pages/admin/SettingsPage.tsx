import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import type { Schema } from '../../lib/api-types';
import { feedback } from '../../lib/feedback';
import { money } from '../../lib/money';
import { readyAttr } from '../../lib/ready';

type Setting = Schema<'Setting'>;

const KEY = ['admin', 'settings'] as const;

/** Structured values are edited where they are used (their own page shows them as tables). */
const EDITED_ELSEWHERE: Record<string, string> = {
  'calc.minimum_wage': '在“权益计算”页面的本地数据中维护。',
  'statistics.publication': '在“统计分析”页面的公开设置中维护。',
};

/** Number patterns are shown with Chinese placeholders ({年份}, {序号:5}) and stored as {year}, {seq:5}. */
const isPattern = (s: Setting) =>
  s.key === 'intake.matter_number_pattern' || s.family === 'cases.number_pattern';
const patternToScreen = (p: string) =>
  p.replace(/\{year\}/g, '{年份}').replace(/\{seq(:\d+)?\}/g, (_m, d?: string) => `{序号${d ?? ''}}`);
const patternFromScreen = (p: string) =>
  p.replace(/\{年份\}/g, '{year}').replace(/\{序号(:\d+)?\}/g, (_m, d?: string) => `{seq${d ?? ''}}`);

function shown(s: Setting): string {
  const v = s.value;
  if (isPattern(s) && typeof v === 'string') return patternToScreen(v);
  if (s.input === 'boolean') return v ? '是' : '否';
  if (s.input === 'fen' && typeof v === 'number') return money(v);
  if (s.input === 'choice') return s.choices.find((c) => c.value === v)?.label ?? String(v);
  if (s.input === 'json') return EDITED_ELSEWHERE[s.key] ?? '结构化数据';
  return String(v);
}

/** One setting: its label, help, legal basis, current value and an editor chosen by its declared type. */
function SettingRow({ s }: { s: Setting }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<unknown>(s.value);
  const [basis, setBasis] = useState(s.basis ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put<Setting>(`/api/admin/settings/${encodeURIComponent(s.key)}`, {
        value: draft,
        version: s.version,
        ...(basis.trim() ? { basis: basis.trim() } : {}),
      }),
    onSuccess: () => {
      feedback.success(`已保存“${s.label}”`);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const editable = s.input !== 'json';
  const changed = JSON.stringify(draft) !== JSON.stringify(s.value) || basis.trim() !== (s.basis ?? '');
  const labelId = `setting-${s.key.replace(/[^a-z0-9]/gi, '-')}`;

  let editor: React.ReactNode = null;
  if (s.input === 'integer' || s.input === 'decimal') {
    editor = (
      <InputNumber
        aria-labelledby={labelId}
        value={typeof draft === 'number' ? draft : null}
        precision={s.input === 'integer' ? 0 : 2}
        onChange={(v) => setDraft(v)}
      />
    );
  } else if (s.input === 'fen') {
    editor = (
      <InputNumber
        aria-labelledby={labelId}
        value={typeof draft === 'number' ? draft / 100 : null}
        precision={2}
        min={0}
        addonAfter="元"
        onChange={(v) => setDraft(typeof v === 'number' ? Math.round(v * 100) : v)}
      />
    );
  } else if (s.input === 'boolean') {
    editor = (
      <Switch
        aria-labelledby={labelId}
        checked={draft === true}
        checkedChildren="是"
        unCheckedChildren="否"
        onChange={(v) => setDraft(v)}
      />
    );
  } else if (s.input === 'choice') {
    editor = (
      <Select
        aria-labelledby={labelId}
        style={{ minWidth: 160 }}
        value={typeof draft === 'string' ? draft : undefined}
        options={s.choices}
        onChange={(v) => setDraft(v)}
      />
    );
  } else if (s.input === 'text') {
    editor = (
      <Input
        aria-labelledby={labelId}
        style={{ maxWidth: 360 }}
        value={typeof draft === 'string' ? (isPattern(s) ? patternToScreen(draft) : draft) : ''}
        onChange={(e) => setDraft(isPattern(s) ? patternFromScreen(e.target.value) : e.target.value)}
      />
    );
  }

  return (
    <div data-testid="setting-row" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Typography.Text strong id={labelId}>
        {s.label}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">{s.help}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">依据：{s.basis ?? s.declaredBasis}</Typography.Text>
      </div>
      <div style={{ margin: '4px 0' }}>
        当前：{shown(s)}
        {s.version === 0 ? '（默认值，尚未保存）' : ''}
      </div>
      {editable && (
        <Space wrap>
          {editor}
          <Input
            aria-label={`修改“${s.label}”的依据`}
            placeholder="依据（可不改）"
            style={{ width: 260, maxWidth: '100%' }}
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
          />
          <Button type="primary" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
            保存
          </Button>
        </Space>
      )}
    </div>
  );
}

/** 系统设置: generated from the server's settings registry, grouped, each with its legal basis. */
export default function SettingsPage() {
  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: Setting[] }>('/api/admin/settings', undefined, signal),
  });
  const groups = new Map<string, Setting[]>();
  for (const s of list.data?.items ?? []) groups.set(s.groupLabel, [...(groups.get(s.groupLabel) ?? []), s]);
  return (
    <div data-ready={readyAttr(list)}>
      <PageHeader title="系统设置" />
      {list.isError && <Alert type="error" showIcon message="系统设置加载失败，请刷新重试" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {[...groups].map(([label, items]) => (
          <Card key={label} title={label} size="small">
            {items.map((s) => (
              <SettingRow key={`${s.key}:${s.version}`} s={s} />
            ))}
          </Card>
        ))}
      </Space>
    </div>
  );
}
