import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Visit } from '../api/outreach.api';
import { useOutreachStaff, useRecordVisit } from '../hooks/use-outreach';
import { TOPIC_OPTIONS } from './PlanVisitModal';
import type { RecordInput } from '../api/outreach.api';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));

interface Values {
  doneOn: Dayjs;
  topics: string[];
  staffIds: string[];
  attendanceCount: number;
  attendees: { name: string; position?: string }[];
  summary?: string;
  issues: RecordInput['issues'];
}

/**
 * 登记走访情况 — the field visit form, one column so it works on a phone (360 px): date, topics, who
 * went, attendance (count and list), what was seen, and each issue found (which can then become a
 * matter or a supervision item).
 */
export function VisitRecordForm({ visit }: { visit: Visit }) {
  const [form] = Form.useForm<Values>();
  const record = useRecordVisit(visit.id);
  const staff = useOutreachStaff();
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="visit-record-form"
      initialValues={{
        doneOn: dayjs(),
        topics: visit.topics,
        staffIds: visit.staff.map((s) => s.id),
        attendees: [],
        issues: [],
      }}
      onFinish={async (v) => {
        await record.mutateAsync({
          version: visit.version,
          doneOn: v.doneOn.format('YYYY-MM-DD'),
          topics: v.topics,
          staffIds: v.staffIds,
          attendanceCount: v.attendanceCount,
          attendees: (v.attendees ?? []).map((a) => ({
            name: a.name,
            ...(a.position ? { position: a.position } : {}),
          })),
          ...(v.summary ? { summary: v.summary } : {}),
          issues: (v.issues ?? []).map((i) => ({
            description: i.description,
            ...(i.claimType ? { claimType: i.claimType } : {}),
            ...(i.workerCount ? { workerCount: i.workerCount } : {}),
          })),
        });
      }}
    >
      <Form.Item name="doneOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="topics" label="主题" rules={[{ required: true, message: '请填写至少一项主题' }]}>
        <Select mode="tags" options={TOPIC_OPTIONS} placeholder="可选择或输入" />
      </Form.Item>
      <Form.Item name="staffIds" label="参加人员">
        <Select
          mode="multiple"
          loading={staff.isPending}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item
        name="attendanceCount"
        label="参加人数"
        rules={[{ required: true, message: '请填写参加人数' }]}
      >
        <InputNumber min={0} max={100000} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <Form.Item label="参加人员名单">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%' }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    noStyle
                    rules={[{ required: true, message: '请填写姓名' }]}
                  >
                    <Input placeholder="姓名" aria-label="姓名" maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'position']} noStyle>
                    <Input placeholder="职务" aria-label="职务" maxLength={50} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除" onClick={() => remove(f.name)} />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} block>
                添加参加人员
              </Button>
            </Space>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="summary" label="情况记录">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.List name="issues">
        {(fields, { add, remove }) => (
          <Form.Item label="发现的问题">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={`问题${i + 1}`}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={`删除问题${i + 1}`}
                      onClick={() => remove(f.name)}
                    />
                  }
                >
                  <Form.Item
                    name={[f.name, 'description']}
                    label="问题描述"
                    rules={[{ required: true, message: '请填写发现的问题' }]}
                  >
                    <Input.TextArea rows={2} maxLength={1000} data-testid={`issue-${i + 1}-description`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'claimType']} label="类别">
                    <Select options={CLAIM_OPTIONS} allowClear showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workerCount']} label="涉及人数">
                    <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} block data-testid="issue-add">
                添加发现的问题
              </Button>
            </Space>
          </Form.Item>
        )}
      </Form.List>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={record.isPending}
        data-testid="visit-record-save"
      >
        保存走访情况
      </Button>
    </Form>
  );
}
