import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { arbitrationApi, type ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';

interface Item {
  text: string;
  claimType: string;
  amountYuan?: number;
}

/** 裁决书 editor: per-item final / non-final (12 × local monthly minimum wage), separate documents if both. */
export function AwardEditor({ c }: { c: ArbitrationCase }) {
  const act = useArbitrationAction(c.caseId);
  const [items, setItems] = useState<Item[]>(
    c.claims.map((x) => ({
      text: `被申请人支付申请人${x.label}`,
      claimType: x.type,
      ...(x.amountFen ? { amountYuan: x.amountFen / 100 } : {}),
    })),
  );
  const [finality, setFinality] = useState<{ finality: string; why: string }[]>([]);
  const [form] = Form.useForm<{ facts: string; reasons: string; mediationAttempted: boolean }>();
  const body = () =>
    items.map((i) => ({
      text: i.text,
      claimType: i.claimType,
      ...(i.amountYuan !== undefined ? { amountFen: Math.round(i.amountYuan * 100) } : {}),
    }));
  const set = (n: number, patch: Partial<Item>) =>
    setItems(items.map((x, i) => (i === n ? { ...x, ...patch } : x)));
  return (
    <Card size="small" title="裁决（逐项终局/非终局）">
      <Table
        size="small"
        rowKey={(_r, i) => String(i)}
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: '裁决内容',
            render: (_v, r, i) => <Input value={r.text} onChange={(e) => set(i, { text: e.target.value })} />,
          },
          {
            title: '请求类别',
            width: 180,
            render: (_v, r, i) => (
              <Select
                style={{ width: '100%' }}
                value={r.claimType}
                onChange={(v) => set(i, { claimType: v })}
                options={c.claims.map((x) => ({ value: x.type, label: x.label }))}
              />
            ),
          },
          {
            title: '金额（元）',
            width: 140,
            render: (_v, r, i) => (
              <InputNumber
                min={0}
                value={r.amountYuan}
                onChange={(v) => set(i, { amountYuan: v ?? undefined })}
              />
            ),
          },
          {
            title: '终局性',
            width: 120,
            render: (_v, _r, i) =>
              finality[i] ? (
                <Tag color={finality[i].finality === 'final' ? 'green' : 'orange'} title={finality[i].why}>
                  {finality[i].finality === 'final' ? '终局' : '非终局'}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Space style={{ margin: '8px 0' }}>
        <Button onClick={() => setItems([...items, { text: '', claimType: c.claims[0]?.type ?? 'other' }])}>
          增加一项
        </Button>
        <Button onClick={() => void arbitrationApi.determine(body()).then((r) => setFinality(r.items))}>
          判断终局性
        </Button>
      </Space>
      {finality.some((f) => f.finality === 'final') && finality.some((f) => f.finality === 'non_final') ? (
        <Alert
          type="info"
          showIcon
          message="终局与非终局事项并存：将分别制作两份裁决书（办案规则第五十条第二款）"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ mediationAttempted: true }}
        onFinish={(v) => act.mutate({ path: '/award', body: { ...v, items: body() } })}
      >
        <Form.Item name="facts" label="本委查明" rules={[{ required: true, message: '请填写查明事实' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="reasons" label="本委认为" rules={[{ required: true, message: '请填写裁决理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="mediationAttempted" label="裁决前已先行调解" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={act.isPending} disabled={c.state !== 'hearing'}>
          作出裁决
        </Button>
      </Form>
    </Card>
  );
}
