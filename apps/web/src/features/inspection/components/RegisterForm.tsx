import { Button, Card, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { feedback } from '../../../lib/feedback';
import { useRegisterInspection } from '../hooks/use-inspection';
import type { RegisterBody } from '../api/inspection.api';

/** Violation types an inspection handles (claim catalogue codes, 《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条). */
const VIOLATIONS = [
  { value: 'minimum_wage', label: '低于最低工资标准' },
  { value: 'unpaid_wages', label: '拖欠工资' },
  { value: 'overtime_pay', label: '加班费' },
  { value: 'working_hours', label: '违法延长工作时间' },
  { value: 'double_wages_no_contract', label: '未签订书面劳动合同' },
  { value: 'social_insurance', label: '未依法参加社会保险' },
  { value: 'dispatch', label: '违法劳务派遣' },
  { value: 'leave', label: '休息休假' },
  { value: 'other', label: '其他违法行为' },
];
const MONETARY = new Set(['minimum_wage', 'unpaid_wages', 'overtime_pay', 'double_wages_no_contract']);

interface Values {
  source: 'complaint' | 'report';
  anonymous?: boolean;
  jurisdictionId: string;
  reporterName?: string;
  reporterPhone?: string;
  complainantName?: string;
  complainantId?: string;
  complainantPhone?: string;
  employerName: string;
  creditCode?: string;
  type: string;
  amountYuan?: number;
  facts: string;
  violationEndedOn?: string;
  workerCount?: number;
}

/** 投诉 / 举报登记 (S3 Art. 9; S4 Art. 17): a report may be anonymous; its reporter is kept confidential. */
export function RegisterForm() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const register = useRegisterInspection();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const anonymous = Form.useWatch('anonymous', form);
  const type = Form.useWatch('type', form);
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles) {
      if (r.active && (r.role === 'intake_clerk' || r.role === 'inspector'))
        for (const j of r.jurisdictions) seen.set(j.id, j.name);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);

  const submit = (v: Values) => {
    const body: RegisterBody = {
      source: v.source,
      channel: 'window',
      jurisdictionId: v.jurisdictionId,
      ...(v.source === 'report'
        ? {
            reporter: {
              anonymous: v.anonymous === true,
              ...(v.anonymous ? {} : { name: v.reporterName, phone: v.reporterPhone || undefined }),
            },
          }
        : {
            complainant: {
              // Required by the form when the source is a complaint.
              name: v.complainantName ?? '',
              idType: 'resident_id',
              idNumber: v.complainantId ?? '',
              phone: v.complainantPhone || undefined,
            },
          }),
      employer: { name: v.employerName, ...(v.creditCode ? { creditCode: v.creditCode } : {}) },
      violations: [
        {
          type: v.type,
          facts: v.facts,
          ...(MONETARY.has(v.type) && v.amountYuan !== undefined
            ? { amountFen: Math.round(v.amountYuan * 100) }
            : {}),
        },
      ],
      ...(v.violationEndedOn ? { violationEndedOn: v.violationEndedOn } : {}),
      ...(v.workerCount ? { workerCount: v.workerCount } : {}),
      narrative: v.facts,
    };
    register.mutate(body, {
      onSuccess: (r) => {
        feedback.success(`已登记 ${r.caseNumber}，请在五个工作日内作出受理决定`);
        void navigate(`/inspection/cases/${r.caseId}`);
      },
    });
  };

  return (
    <Card size="small" title="投诉举报登记">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'report', anonymous: false, jurisdictionId: jurisdictions.at(-1)?.value }}
        onFinish={submit}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="source" label="类型">
          <Radio.Group
            options={[
              { value: 'complaint', label: '投诉（本人权益，实名）' },
              { value: 'report', label: '举报（可匿名）' },
            ]}
            data-testid="insp-source"
          />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
          <Select options={jurisdictions} />
        </Form.Item>
        {source === 'report' ? (
          <>
            <Form.Item
              name="anonymous"
              label="匿名举报"
              valuePropName="checked"
              extra="举报人身份依法保密，仅承办监察员可见（《劳动保障监察条例》第九条第三款）"
            >
              <Switch data-testid="insp-anonymous" />
            </Form.Item>
            {anonymous ? null : (
              <>
                <Form.Item
                  name="reporterName"
                  label="举报人姓名"
                  rules={[{ required: true, message: '请填写举报人姓名' }]}
                >
                  <Input data-testid="insp-reporter-name" />
                </Form.Item>
                <Form.Item name="reporterPhone" label="举报人电话">
                  <Input data-testid="insp-reporter-phone" />
                </Form.Item>
              </>
            )}
          </>
        ) : (
          <>
            <Form.Item
              name="complainantName"
              label="投诉人姓名"
              rules={[{ required: true, message: '请填写投诉人姓名' }]}
            >
              <Input data-testid="insp-complainant-name" />
            </Form.Item>
            <Form.Item
              name="complainantId"
              label="身份证号码"
              rules={[{ required: true, message: '请填写身份证号码' }]}
            >
              <Input data-testid="insp-complainant-id" />
            </Form.Item>
            <Form.Item name="complainantPhone" label="联系电话">
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="employerName"
          label="被投诉（举报）单位"
          rules={[{ required: true, message: '请填写用人单位名称' }]}
        >
          <Input data-testid="insp-employer-name" />
        </Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码">
          <Input data-testid="insp-credit-code" />
        </Form.Item>
        <Form.Item name="type" label="违法事项" rules={[{ required: true, message: '请选择违法事项' }]}>
          <Select options={VIOLATIONS} data-testid="insp-type" />
        </Form.Item>
        {type && MONETARY.has(type) ? (
          <Form.Item
            name="amountYuan"
            label="涉及金额（元）"
            rules={[{ required: true, message: '请填写金额' }]}
          >
            <InputNumber min={0} style={{ width: 200 }} data-testid="insp-amount" />
          </Form.Item>
        ) : null}
        <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }]}>
          <Input.TextArea rows={3} data-testid="insp-facts" />
        </Form.Item>
        <Form.Item
          name="violationEndedOn"
          label="违法行为终了日期（判断二年时效）"
          extra="格式 YYYY-MM-DD；持续至今的可不填"
        >
          <Input placeholder="YYYY-MM-DD" data-testid="insp-ended-on" />
        </Form.Item>
        <Form.Item name="workerCount" label="涉及劳动者人数">
          <InputNumber min={1} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="insp-submit">
          登记
        </Button>
      </Form>
    </Card>
  );
}
