import { inspectionMachine } from '@onestop/domain/workflows/inspection.machine';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { feedback } from '../../../lib/feedback';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { type CampaignBody, inspectionApi } from '../api/inspection.api';
import { useCampaign, useCampaigns, useCreateCampaign } from '../hooks/use-inspection';
import type { Campaign } from '../types';
import { chineseDateOrDash } from '../../../lib/time';

interface Values {
  name: string;
  topic: string;
  jurisdictionId: string;
  startsOn: string;
  endsOn: string;
  employers: string[];
}

/** An employer option's value: the employer input the server takes ({ name, creditCode }). */
const employerValue = (name: string, creditCode?: string | null) =>
  JSON.stringify(creditCode ? { name, creditCode } : { name });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The employers of one campaign, each with the case opened for it (依职权立案). */
export function CampaignEmployers({ id }: { id: string }) {
  const q = useCampaign(id);
  return (
    <Table
      size="small"
      rowKey="employerId"
      pagination={false}
      loading={q.isPending}
      dataSource={q.data?.employers ?? []}
      data-testid="campaign-employers"
      columns={[
        { title: '用人单位', dataIndex: 'name' },
        { title: '统一社会信用代码', dataIndex: 'creditCode', width: 200 },
        {
          title: '监察案件',
          dataIndex: 'caseNumber',
          render: (v: string | null, r) =>
            r.caseId ? (
              <Link to={`/inspection/cases/${r.caseId}`} data-testid="campaign-case">
                {v}
              </Link>
            ) : (
              '—'
            ),
        },
        {
          title: '状态',
          dataIndex: 'state',
          width: 120,
          render: (v: string | null) =>
            v ? <Tag>{(inspectionMachine.states as Record<string, string>)[v] ?? v}</Tag> : '—',
        },
      ]}
    />
  );
}

function NewCampaignModal({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (id: string) => void;
}) {
  const user = useCurrentUser();
  const create = useCreateCampaign();
  const [form] = Form.useForm<Values>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles) {
      if (r.active && r.role === 'inspector') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);

  const search = async (raw: string) => {
    const q = raw.trim();
    const typed = q ? [{ value: employerValue(q), label: `${q}（按名称新增）` }] : [];
    if (!q) return setOptions([]);
    setOptions(typed);
    setSearching(true);
    try {
      const r = await inspectionApi.searchEmployers(q);
      const found = r.items.map((p) => ({
        value: employerValue(p.name, p.creditCode),
        label: p.creditCode ? `${p.name}（${p.creditCode}）` : p.name,
      }));
      setOptions(r.items.some((p) => p.name === q) ? found : [...found, ...typed]);
    } catch {
      setOptions(typed);
    } finally {
      setSearching(false);
    }
  };

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        topic: v.topic.trim(),
        jurisdictionId: v.jurisdictionId,
        startsOn: v.startsOn.trim(),
        endsOn: v.endsOn.trim(),
        employers: v.employers.map((e) => JSON.parse(e) as CampaignBody['employers'][number]),
      },
      {
        onSuccess: (r) => {
          feedback.success(`专项检查已发起：${r.cases.length}家用人单位依职权立案`);
          onCreated(r.id);
        },
      },
    );

  const start = new Date();
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return (
    <Modal
      title="新建专项检查"
      open
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText="发起"
      cancelText="取消"
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'campaign-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{
          jurisdictionId: jurisdictions.at(-1)?.value,
          startsOn: isoDay(start),
          endsOn: isoDay(end),
        }}
      >
        <Form.Item
          name="name"
          label="专项检查名称"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Form.Item
          name="topic"
          label="检查内容及依据"
          rules={[{ required: true, whitespace: true, message: '请填写检查内容' }]}
          extra="如：根治欠薪冬季专项行动，依据《保障农民工工资支付条例》"
        >
          <Input.TextArea rows={2} data-testid="campaign-topic" />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select options={jurisdictions} data-testid="campaign-jurisdiction" />
        </Form.Item>
        <Space>
          <Form.Item
            name="startsOn"
            label="开始日期"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD" data-testid="campaign-starts" />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label="结束日期"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD" data-testid="campaign-ends" />
          </Form.Item>
        </Space>
        <Form.Item
          name="employers"
          label="检查的用人单位"
          rules={[{ required: true, message: '请列明检查的用人单位' }]}
          extra="输入名称查找；查不到的可按名称新增"
        >
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            loading={searching}
            options={options}
            notFoundContent={null}
            data-testid="campaign-employers-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 专项检查: the campaigns of the inspector's jurisdictions; a new one opens a case per employer. */
export function CampaignPanel() {
  const list = useCampaigns();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="campaign-new" onClick={() => setCreating(true)}>
          新建专项检查
        </Button>
      </Space>
      {created ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          title="专项检查已发起，各用人单位已依职权立案"
          description={<CampaignEmployers id={created} />}
          style={{ marginBottom: 12 }}
          data-testid="campaign-result"
        />
      ) : null}
      <Table<Campaign>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        data-testid="campaign-list"
        expandable={{ expandedRowRender: (r) => <CampaignEmployers id={r.id} /> }}
        columns={[
          { title: '专项检查', dataIndex: 'name' },
          { title: '检查内容', dataIndex: 'topic' },
          {
            title: '期间',
            width: 210,
            render: (_: unknown, r) => `${chineseDateOrDash(r.startsOn)}至${chineseDateOrDash(r.endsOn)}`,
          },
          { title: '单位数', dataIndex: 'employers', width: 80 },
        ]}
      />
      {creating ? (
        <NewCampaignModal
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setCreated(id);
          }}
        />
      ) : null}
    </>
  );
}
