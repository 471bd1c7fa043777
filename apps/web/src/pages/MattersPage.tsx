import { Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMatterList } from '../features/matters/hooks/use-matters';
import {
  CHANNEL_OPTIONS,
  type MatterListItem,
  PRIORITY_LABELS,
  STATUS_OPTIONS,
} from '../features/matters/types';
import { chineseClockOfInstant } from '../lib/time';

const SEARCHED_BY: Record<string, string> = {
  name: '按姓名/单位名称模糊查询',
  identity: '按证件号码/电话/信用代码精确查询',
  number: '按事项编号查询',
  none: '',
};

/** Matter search: fuzzy by worker or employer name, exact by ID number / phone / credit code, or by number. */
export default function MattersPage() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const query = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    channel: params.get('channel') ?? undefined,
    priority: params.get('priority') ?? undefined,
    page,
    pageSize: 20,
  };
  const list = useMatterList(query);
  const apply = (v: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, val] of Object.entries(v)) if (val) next.set(k, val);
    setPage(1);
    setParams(next);
  };
  return (
    <>
      <PageHeader title="维权事项">检索本人辖区内的维权事项。</PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" initialValues={query} onFinish={apply} style={{ rowGap: 8 }}>
          <Form.Item name="q">
            <Input.Search
              allowClear
              autoFocus
              placeholder="姓名、单位名称、证件号码、电话或事项编号"
              style={{ width: 320, maxWidth: '100%' }}
              data-testid="matters-search"
              enterButton="检索"
              onSearch={(q) => apply({ ...Object.fromEntries(params), q })}
            />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              aria-label="状态"
              placeholder="状态"
              options={STATUS_OPTIONS}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item name="channel">
            <Select
              allowClear
              aria-label="来源渠道"
              placeholder="来源渠道"
              options={CHANNEL_OPTIONS}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item name="priority">
            <Select
              allowClear
              aria-label="优先类别"
              placeholder="优先类别"
              options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">筛选</Button>
          </Form.Item>
        </Form>
        {list.data?.searchedBy && list.data.searchedBy !== 'none' ? (
          <div className="muted" style={{ marginTop: 8 }}>
            {SEARCHED_BY[list.data.searchedBy]}
          </div>
        ) : null}
      </Card>
      <Card size="small">
        <Table<MatterListItem>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 860 }}
          pagination={false}
          columns={[
            {
              title: '事项编号',
              dataIndex: 'number',
              width: 170,
              render: (v: string, r) => <Link to={`/matters/${r.id}`}>{v}</Link>,
            },
            { title: '劳动者', dataIndex: 'workers', width: 160 },
            { title: '用人单位', dataIndex: 'employers' },
            { title: '渠道', dataIndex: 'channelLabel', width: 100 },
            { title: '辖区', dataIndex: 'jurisdictionName', width: 100 },
            {
              title: '状态',
              width: 180,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag>{r.statusLabel}</Tag>
                  {r.priorityFlags.slice(0, 2).map((f) => (
                    <Tag color="red" key={f}>
                      {PRIORITY_LABELS[f] ?? f}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '登记时间',
              dataIndex: 'receivedAt',
              width: 160,
              render: (v: string) => chineseClockOfInstant(v),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
            上一页
          </Button>
          <span>第 {page} 页</span>
          <Button disabled={!list.data?.hasMore} onClick={() => setPage((p) => p + 1)}>
            下一页
          </Button>
        </Space>
      </Card>
    </>
  );
}
