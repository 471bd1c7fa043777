import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';

/** Attaches a consultation to an existing matter: search by matter number or party name. */
export function MatterPicker({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const r = await api.get<{ items: { id: string; number: string; title?: string }[] }>('/api/matters', {
      q,
    });
    setOptions(r.items.map((m) => ({ value: m.id, label: `${m.number}${m.title ? ` ${m.title}` : ''}` })));
  };
  return (
    <Select
      allowClear
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      options={options}
      aria-label="关联的维权事项"
      placeholder="输入事项编号或姓名"
      style={{ width: 220 }}
      data-testid="consultation-matter"
    />
  );
}
