import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditFilters } from '../types';

interface FilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function AuditFiltersForm({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const [form] = Form.useForm<FilterValues>();

  const handleFinish = (values: FilterValues) => {
    onChange({
      actor: clean(values.actor),
      action: clean(values.action),
      entity: clean(values.entity),
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
    });
  };

  return (
    <Form<FilterValues>
      form={form}
      name="audit-filters"
      layout="vertical"
      className="filter-form"
      onFinish={handleFinish}
    >
      <div className="filter-grid">
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名或登录名" data-testid="audit-actor" />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Input allowClear placeholder="如 user.create" data-testid="audit-action" />
        </Form.Item>
        <Form.Item label="对象类型" name="entity">
          <Input allowClear placeholder="如 user、matter" data-testid="audit-entity" />
        </Form.Item>
        <Form.Item label="时间范围" name="range">
          <DatePicker.RangePicker
            className="full-width"
            allowEmpty={[true, true]}
            data-testid="audit-range"
          />
        </Form.Item>
      </div>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          查询
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
