import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useOutreachStaff, usePlanVisit } from '../hooks/use-outreach';

export const TOPIC_OPTIONS = [
  '劳动合同签订',
  '工资支付',
  '工作时间与休息休假',
  '社会保险',
  '劳务派遣',
  '女职工和未成年工保护',
  '农民工工资支付',
  '劳动争议调解',
  '六有五统一建设',
].map((t) => ({ value: t, label: t }));

interface Values {
  kind: 'enterprise_visit' | 'law_session';
  jurisdictionId: string;
  employerName?: string;
  creditCode?: string;
  address: string;
  plannedOn: Dayjs;
  topics: string[];
  staffIds: string[];
}

/** 安排走访/普法: kind, where (employer and address, jurisdiction), when, topics and who goes. */
export function PlanVisitModal({
  open,
  onClose,
  jurisdictions,
}: {
  open: boolean;
  onClose: () => void;
  jurisdictions: { value: string; label: string }[];
}) {
  const [form] = Form.useForm<Values>();
  const plan = usePlanVisit();
  const staff = useOutreachStaff();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      title="安排走访或普法宣传"
      open={open}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ 'data-testid': 'visit-plan-save' } as Record<`data-${string}`, string>}
      confirmLoading={plan.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const r = await plan.mutateAsync({
          kind: v.kind,
          jurisdictionId: v.jurisdictionId,
          ...(v.employerName ? { employerName: v.employerName } : {}),
          ...(v.creditCode ? { creditCode: v.creditCode } : {}),
          address: v.address,
          plannedOn: v.plannedOn.format('YYYY-MM-DD'),
          topics: v.topics ?? [],
          staffIds: v.staffIds ?? [],
        });
        onClose();
        navigate(`/prevention/visits/${r.id}`);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'enterprise_visit',
          jurisdictionId: jurisdictions[0]?.value,
          plannedOn: dayjs(),
          topics: [],
          staffIds: [],
        }}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            options={[
              { value: 'enterprise_visit', label: '走访企业' },
              { value: 'law_session', label: '普法宣传' },
            ]}
          />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select options={jurisdictions} />
        </Form.Item>
        <Form.Item
          name="employerName"
          label="用人单位"
          rules={[{ required: kind === 'enterprise_visit', message: '请填写用人单位名称' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[{ required: kind === 'enterprise_visit', message: '请填写统一社会信用代码' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="address" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="topics" label="主题">
          <Select mode="tags" options={TOPIC_OPTIONS} placeholder="可选择或输入" />
        </Form.Item>
        <Form.Item name="staffIds" label="参加人员" extra="不选时为本人">
          <Select
            mode="multiple"
            loading={staff.isPending}
            options={(staff.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.organizationName}）`,
            }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
