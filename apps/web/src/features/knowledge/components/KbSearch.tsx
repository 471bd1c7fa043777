import { Button, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { KbEntry } from '../api/knowledge.api';
import { useKbSearch } from '../hooks/use-knowledge';

/** Knowledge-base search at the window: Chinese fuzzy search, each answer with its legal basis. */
export function KbSearch({ onPick }: { onPick?: (e: KbEntry) => void }) {
  const [q, setQ] = useState('');
  const r = useKbSearch(q);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder="检索知识库，如：欠薪、加班费、仲裁时效"
        onSearch={setQ}
        data-testid="kb-search"
        aria-label="检索知识库"
      />
      <List
        size="small"
        loading={r.isFetching}
        dataSource={r.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的条目" /> }}
        renderItem={(e) => (
          <List.Item
            data-testid="kb-item"
            actions={
              onPick
                ? [
                    <Button key="use" size="small" onClick={() => onPick(e)}>
                      引用
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag color="blue">{e.topic}</Tag>
                  <span>{e.question}</span>
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                    {e.answer}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">依据：{e.basis}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
