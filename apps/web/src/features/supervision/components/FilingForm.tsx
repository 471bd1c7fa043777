import { Alert, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { feedback } from '../../../lib/feedback';
import { type FilingDetail, type FilingInput, supervisionApi } from '../api/supervision.api';

/** Layoff report or dispatch filing, validated and flagged by the server (《劳动保障监察条例》第二十三条至第三十三条, labor-relations numeric rules). */
export function FilingForm({ jurisdictions }: { jurisdictions: { value: string; label: string }[] }) {
  const client = useQueryClient();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as 'layoff' | 'dispatch' | undefined;
  const [last, setLast] = useState<FilingDetail | null>(null);
  const file = useMutation({
    mutationFn: (body: FilingInput) => supervisionApi.file(body),
    onSuccess: (r) => {
      setLast(r);
      feedback.success(r.flags.length ? `已登记，发现${r.flags.length}项问题` : '已登记，未发现问题');
      void client.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  const submit = (v: Record<string, unknown>) => {
    const employer = { name: v.employerName, ...(v.creditCode ? { creditCode: v.creditCode } : {}) };
    const data =
      v.kind === 'layoff'
        ? {
            totalEmployees: v.totalEmployees,
            layoffCount: v.layoffCount,
            noticeDate: v.noticeDate,
            plannedDate: v.plannedDate,
            unionOpinionHeard: v.unionOpinionHeard === true,
          }
        : {
            contractEmployees: v.contractEmployees,
            dispatchedWorkers: v.dispatchedWorkers,
            agencyName: v.agencyName,
            ...(v.agencyLicenceNo ? { agencyLicenceNo: v.agencyLicenceNo } : {}),
          };
    // The form's values, checked by the server's body schema (filingBody).
    file.mutate({ kind: v.kind, employer, jurisdictionId: v.jurisdictionId, data } as FilingInput);
  };
  return (
    <Card size="small" title="登记监管备案">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'layoff', jurisdictionId: jurisdictions[0]?.value }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="kind" label="类别">
          <Select
            options={[
              { value: 'layoff', label: '经济性裁员报告' },
              { value: 'dispatch', label: '劳务派遣用工备案' },
            ]}
          />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="辖区" rules={[{ required: true }]}>
          <Select options={jurisdictions} />
        </Form.Item>
        <Form.Item
          name="employerName"
          label="用人单位"
          rules={[{ required: true, message: '请填写用人单位' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码">
          <Input />
        </Form.Item>
        {kind === 'dispatch' ? (
          <>
            <Form.Item name="contractEmployees" label="订立劳动合同人数" rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="dispatchedWorkers" label="被派遣劳动者人数" rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="agencyName" label="派遣单位" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="agencyLicenceNo" label="劳务派遣经营许可证号">
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="totalEmployees" label="职工总数" rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="layoffCount" label="裁减人数" rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="noticeDate" label="向工会或全体职工说明情况日期" rules={[{ required: true }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="plannedDate" label="计划实施日期" rules={[{ required: true }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="unionOpinionHeard" label="已听取工会或职工意见" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          登记并校验
        </Button>
      </Form>
      {last?.flags.map((f) => (
        <Alert
          key={f.code}
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={f.message}
          description={f.basis}
        />
      ))}
    </Card>
  );
}
