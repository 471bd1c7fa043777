import '../clocks.css';
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useJurisdictions } from '../../admin/hooks/use-org-structure';
import { useCalendarOverrides, useDeleteOverride, useSaveOverride } from '../hooks/use-calendar';
import type { CalendarOverride, DayType } from '../types';
import { chineseDateOrDash } from '../../../lib/time';

const TYPES = [
  { value: 'holiday', label: '放假（地方节日）' },
  { value: 'workday', label: '工作日' },
  { value: 'makeup_workday', label: '调休上班日（周末）' },
  { value: 'weekend', label: '休息日（周末）' },
];

interface Values {
  region: string;
  date: Dayjs;
  type: DayType;
  name?: string;
}

/** Regional overrides (《全国年节及纪念日放假办法》第四条: local ethnic-minority holidays). */
export function OverridesCard() {
  const overrides = useCalendarOverrides();
  const jurisdictions = useJurisdictions();
  const save = useSaveOverride();
  const remove = useDeleteOverride();
  const [form] = Form.useForm<Values>();

  return (
    <Card size="small" title="地方调整" data-testid="calendar-overrides">
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) =>
          save.mutate(
            {
              region: v.region,
              date: v.date.format('YYYY-MM-DD'),
              type: v.type,
              name: v.name?.trim() || null,
            },
            { onSuccess: () => form.resetFields() },
          )
        }
        className="override-form"
      >
        <Form.Item name="region" rules={[{ required: true, message: '请选择地区' }]}>
          <Select
            aria-label="地区"
            placeholder="地区"
            style={{ width: 200 }}
            options={(jurisdictions.data ?? []).map((j) => ({ value: j.code, label: j.name }))}
          />
        </Form.Item>
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="日期" placeholder="日期" />
        </Form.Item>
        <Form.Item name="type" rules={[{ required: true, message: '请选择类型' }]}>
          <Select aria-label="类型" placeholder="类型" style={{ width: 180 }} options={TYPES} />
        </Form.Item>
        <Form.Item name="name">
          <Input aria-label="名称（如节日名称）" placeholder="名称（如节日名称）" maxLength={40} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
      {save.error ? (
        <Alert type="error" showIcon title={save.error.message} className="clocks-form-error" />
      ) : null}
      <Table<CalendarOverride>
        size="small"
        rowKey={(r) => `${r.region}:${r.date}`}
        loading={overrides.isPending}
        dataSource={overrides.data ?? []}
        pagination={false}
        columns={[
          { title: '地区', key: 'region', render: (_, r) => r.regionName ?? r.region },
          {
            title: '日期',
            dataIndex: 'date',
            key: 'date',
            render: (v: string | null) => chineseDateOrDash(v),
          },
          { title: '类型', dataIndex: 'typeLabel', key: 'type' },
          { title: '名称', dataIndex: 'name', key: 'name' },
          {
            title: '操作',
            key: 'ops',
            render: (_, r) => (
              <Space>
                <Popconfirm
                  title="删除后该日恢复为全国日历，确定？"
                  onConfirm={() => remove.mutate({ region: r.region, date: r.date })}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
