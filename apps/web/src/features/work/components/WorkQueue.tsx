import { Button, DatePicker, Input, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { NamedRef } from '../../auth/types';
import { useWorkList } from '../hooks/use-work-list';
import type { QueueKind, WorkFilters } from '../types';
import type { WorkTrack } from '../work-areas';
import { WorkTable } from './WorkTable';

const PRIORITIES = [
  { value: 'any', label: '全部优先' },
  { value: 'wage_arrears', label: '欠薪' },
  { value: 'work_injury', label: '工伤' },
  { value: 'collective', label: '集体争议' },
  { value: 'migrant_worker', label: '农民工' },
  { value: 'pregnant_or_nursing', label: '三期女职工' },
  { value: 'disabled', label: '残疾人' },
];

/** A work area's queue with its filters: who (all / mine / organisation / unassigned), priority, due date, place, search. */
export function WorkQueue({ track, jurisdictions }: { track: WorkTrack; jurisdictions: NamedRef[] }) {
  const [filters, setFilters] = useState<WorkFilters>({ queue: 'all', page: 1 });
  const [text, setText] = useState('');
  const list = useWorkList(track, filters);
  const set = (patch: Partial<WorkFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<QueueKind>
        value={filters.queue ?? 'all'}
        onChange={(queue) => set({ queue })}
        data-testid="queue-switch"
        options={[
          { value: 'all', label: '辖区全部' },
          { value: 'mine', label: '我承办的' },
          { value: 'org', label: '本单位' },
          { value: 'unassigned', label: '待分配' },
        ]}
      />
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="姓名/单位名称、证件号码、电话、案号"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="queue-search"
        />
        <Select
          allowClear
          aria-label="优先标识"
          placeholder="优先标识"
          options={PRIORITIES}
          style={{ width: 130 }}
          value={filters.priority}
          onChange={(priority?: string) => set({ priority })}
          data-testid="queue-priority"
        />
        <DatePicker
          aria-label="期限不晚于"
          placeholder="期限不晚于"
          onChange={(d: Dayjs | null) => set({ dueBefore: d ? d.format('YYYY-MM-DD') : undefined })}
          data-testid="queue-due"
        />
        {jurisdictions.length > 1 ? (
          <Select
            allowClear
            aria-label="辖区"
            placeholder="辖区"
            style={{ width: 140 }}
            options={jurisdictions.map((j) => ({ value: j.id, label: j.name }))}
            value={filters.jurisdictionId}
            onChange={(jurisdictionId?: string) => set({ jurisdictionId })}
          />
        ) : null}
        <Button onClick={() => void list.refetch()} loading={list.isFetching}>
          刷新
        </Button>
      </Space>
      <WorkTable
        items={list.data?.items ?? []}
        loading={list.isPending}
        pagination={{
          current: filters.page ?? 1,
          pageSize: list.data?.pageSize ?? 50,
          total:
            ((filters.page ?? 1) - 1) * (list.data?.pageSize ?? 50) +
            (list.data?.items.length ?? 0) +
            (list.data?.hasMore ? 1 : 0),
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (page) => set({ page }),
        }}
      />
    </Space>
  );
}
