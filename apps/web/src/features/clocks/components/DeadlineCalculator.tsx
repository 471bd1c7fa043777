import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type DeadlineParams, useClockRules, useDeadline } from '../hooks/use-clocks';
import type { ClockRule } from '../types';
import { chineseDatesIn } from '../../../lib/time';

interface CalculatorValues {
  rule: string;
  from: Dayjs;
}

function ruleLabel(rule: ClockRule): string {
  const period = rule.unit === 'same_day' ? rule.unitLabel : `${rule.duration}${rule.unitLabel}`;
  return `${rule.trackLabel}｜${rule.name}（${period}）`;
}

function formatDue(value: string): string {
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日 dddd') : value;
}

export function DeadlineCalculator() {
  const rules = useClockRules();
  const [params, setParams] = useState<DeadlineParams | null>(null);
  const result = useDeadline(params);
  const [form] = Form.useForm<CalculatorValues>();
  const selectedId = Form.useWatch('rule', form);
  const selectedRule = rules.data?.find((r) => r.id === selectedId);

  const handleFinish = (values: CalculatorValues) => {
    setParams({ rule: values.rule, from: values.from.format('YYYY-MM-DD') });
  };

  return (
    <div className="deadline-calculator">
      <Card size="small">
        <Form<CalculatorValues>
          form={form}
          name="deadline"
          layout="vertical"
          initialValues={{ from: dayjs() }}
          onFinish={handleFinish}
          onValuesChange={() => setParams(null)}
        >
          <Form.Item
            label="期限规则"
            name="rule"
            rules={[{ required: true, message: '请选择期限规则' }]}
            extra={selectedRule ? `依据：${selectedRule.basis}` : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="请选择或输入关键字搜索"
              loading={rules.isPending}
              options={(rules.data ?? []).map((r) => ({ value: r.id, label: ruleLabel(r) }))}
              notFoundContent={rules.isPending ? '正在加载…' : '暂无期限规则'}
              data-testid="deadline-rule"
            />
          </Form.Item>
          <Form.Item label="起算日期" name="from" rules={[{ required: true, message: '请选择起算日期' }]}>
            <DatePicker className="full-width" data-testid="deadline-from" inputReadOnly={false} />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<CalculatorOutlined />}
              loading={result.isFetching}
              data-testid="deadline-submit"
            >
              计算到期日
            </Button>
          </Form.Item>
        </Form>
      </Card>

      <div aria-live="polite" className="deadline-result">
        {params && result.error ? (
          <Alert
            type="error"
            showIcon
            title="无法计算"
            description={result.error.message}
            data-testid="deadline-error"
          />
        ) : null}
        {params && result.data ? (
          <Card size="small" title="计算结果" data-testid="deadline-result">
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                {
                  key: 'due',
                  label: '到期日',
                  children: (
                    <Typography.Text strong className="deadline-due">
                      {formatDue(result.data.due)}
                    </Typography.Text>
                  ),
                },
                { key: 'basis', label: '法律依据', children: result.data.basis },
                { key: 'explanation', label: '计算说明', children: chineseDatesIn(result.data.explanation) },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
