import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, List, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { GoldRoundPanel } from '../features/training/components/GoldRoundPanel';
import { useOpenRound, useRounds } from '../features/training/hooks/use-training';
import { readyAttr } from '../lib/ready';

const STATUS_COLORS = {
  open: 'blue',
  marking: 'purple',
  scored: 'orange',
  approved: 'green',
  published: 'gold',
} as const;

/** 金牌评选: the yearly rounds, their nominations, marks and scores, approval and publication. */
export default function GoldMedalPage() {
  const rounds = useRounds();
  const [selected, setSelected] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ year: number; title: string }>();
  const open = useOpenRound();
  const current = selected ?? rounds.data?.items[0]?.id ?? null;
  const year = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title="金牌评选"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            开始年度评选
          </Button>
        }
      >
        金牌调解组织和金牌调解员：推荐、评审组打分、按评选标准计分、领导审批、门户公布
      </PageHeader>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-ready={readyAttr(rounds)}>
        <Card size="small" title="年度评选">
          <List
            loading={rounds.isPending}
            dataSource={rounds.data?.items ?? []}
            locale={{ emptyText: '尚无评选' }}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    size="small"
                    type={r.id === current ? 'primary' : 'default'}
                    onClick={() => setSelected(r.id)}
                  >
                    查看
                  </Button>,
                ]}
              >
                <Space wrap>
                  <span>{r.title}</span>
                  <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
                  <span>推荐{r.nominationCount}个</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {current ? <GoldRoundPanel id={current} /> : null}
      </Space>
      <Modal
        title="开始年度评选"
        open={opening}
        onCancel={() => setOpening(false)}
        okText="开始"
        confirmLoading={open.isPending}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          const r = await open.mutateAsync(v);
          setSelected(r.id);
          setOpening(false);
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ year, title: `${year}年度金牌调解组织和金牌调解员评选` }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label="评选名称" rules={[{ required: true, message: '请填写评选名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
