import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import type { KbEntry } from '../features/knowledge/api/knowledge.api';
import { KbEntryModal } from '../features/knowledge/components/KbEntryModal';
import { useKbSearch, useSaveKb } from '../features/knowledge/hooks/use-knowledge';

/** Knowledge base (咨询知识库): search for everyone; the window and the leaders maintain it. */
export default function KnowledgePage() {
  const user = useCurrentUser();
  const canEdit = hasPermission(user, 'intake.create') || hasPermission(user, 'leader.dashboard');
  const [q, setQ] = useState('');
  const r = useKbSearch(q, { includeDrafts: canEdit });
  const save = useSaveKb();
  const [editing, setEditing] = useState<KbEntry | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (e: KbEntry | null) => {
    setEditing(e);
    setOpen(true);
  };
  return (
    <>
      <PageHeader title="咨询知识库">
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="kb-new">
            新增条目
          </Button>
        ) : null}
      </PageHeader>
      <Card size="small">
        <Input.Search
          allowClear
          placeholder="检索问题、解答、依据或标签"
          onSearch={setQ}
          style={{ maxWidth: 420, marginBottom: 12 }}
        />
        <Table<KbEntry>
          rowKey="id"
          size="small"
          loading={r.isFetching}
          dataSource={r.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          expandable={{
            expandedRowRender: (e) => (
              <Space orientation="vertical">
                <Typography.Paragraph style={{ marginBottom: 0 }}>{e.answer}</Typography.Paragraph>
                <Typography.Text type="secondary">依据：{e.basis}</Typography.Text>
              </Space>
            ),
          }}
          columns={[
            {
              title: '主题',
              dataIndex: 'topic',
              width: 100,
              render: (t: string) => <Tag color="blue">{t}</Tag>,
            },
            { title: '问题', dataIndex: 'question' },
            {
              title: '标签',
              dataIndex: 'tags',
              width: 200,
              render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>),
            },
            {
              title: '公开',
              dataIndex: 'published',
              width: 80,
              render: (v: boolean, e) =>
                canEdit ? (
                  <Switch
                    size="small"
                    checked={v}
                    loading={save.isPending}
                    onChange={(published) =>
                      save.mutate({ id: e.id, version: e.version, body: { published } })
                    }
                    aria-label="对外公开"
                  />
                ) : v ? (
                  '是'
                ) : (
                  '否'
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    width: 80,
                    render: (_: unknown, e: KbEntry) => (
                      <Button size="small" type="link" onClick={() => edit(e)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <KbEntryModal entry={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
