import { Checkbox, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useMatter } from '../../matters/hooks/use-matters';
import { MATERIAL_KINDS, type MaterialKind, type StepResult } from '../api/arbitration.api';
import { useCreateApplication } from '../hooks/use-arbitration';

const KINDS: MaterialKind[] = [
  'application',
  'applicant_id',
  'respondent_info',
  'evidence',
  'authorization',
  'representatives',
];

interface Values {
  claimIds: string[];
  facts: string;
  kinds: MaterialKind[];
  copiesSubmitted: number;
  applicantSigned: boolean;
  performancePlace?: string;
  employerDomicile?: string;
  evidence?: string;
}

/** 仲裁申请 at the window: pre-filled from the matter; the server's 初审 decides 收件回执 or 补正通知书. */
export function ApplyModal(props: {
  matterId: string;
  open: boolean;
  onClose: () => void;
  onDone: (r: StepResult) => void;
}) {
  const m = useMatter(props.matterId).data;
  const create = useCreateApplication();
  const [form] = Form.useForm<Values>();
  const free = (m?.claims ?? []).filter(
    (c) => c.status === 'pending' || !c.track || c.track === 'arbitration',
  );
  const submit = async () => {
    const v = await form.validateFields();
    const evidence = (v.evidence ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((title) => ({ title, source: '申请人提供' }));
    const r = await create.mutateAsync({
      matterId: props.matterId,
      claimIds: v.claimIds,
      facts: v.facts,
      evidence,
      materials: v.kinds.map((kind) => ({
        kind,
        title: MATERIAL_KINDS[kind],
        form: kind === 'application' ? '原件' : '复印件',
        pages: 1,
      })),
      copiesSubmitted: v.copiesSubmitted,
      applicantSigned: v.applicantSigned,
      ...(v.performancePlace ? { performancePlace: v.performancePlace } : {}),
      ...(v.employerDomicile ? { employerDomicile: v.employerDomicile } : {}),
    });
    props.onDone(r);
    form.resetFields();
  };
  return (
    <Modal
      title="收取仲裁申请（初审）"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="初审并出具文书"
      okButtonProps={{ loading: create.isPending, ...{ 'data-testid': 'apply-submit' } }}
      width={680}
      destroyOnHidden
    >
      {m ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            claimIds: free.map((c) => c.id),
            facts: m.narrative,
            kinds: [],
            copiesSubmitted: 0,
            applicantSigned: false,
          }}
        >
          <Form.Item
            name="claimIds"
            label="仲裁请求"
            rules={[{ required: true, message: '请至少选择一项仲裁请求' }]}
          >
            <Checkbox.Group
              options={free.map((c) => ({
                value: c.id,
                label: `${c.label}${c.amountText ? `（${c.amountText}）` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="facts" label="事实和理由">
            <Input.TextArea rows={3} data-testid="apply-facts" />
          </Form.Item>
          <Form.Item name="kinds" label="已收到的材料（未勾选的将列入补正通知书）">
            <Checkbox.Group
              data-testid="apply-materials"
              options={KINDS.map((k) => ({ value: k, label: MATERIAL_KINDS[k] }))}
            />
          </Form.Item>
          <Form.Item name="evidence" label="证据目录（每行一项）">
            <Input.TextArea rows={2} data-testid="apply-evidence" placeholder="如：考勤记录" />
          </Form.Item>
          <Form.Item name="copiesSubmitted" label="申请书副本份数（按被申请人人数）">
            <InputNumber min={0} max={20} data-testid="apply-copies" />
          </Form.Item>
          <Form.Item name="applicantSigned" label="申请人已签名（盖章或按指印）" valuePropName="checked">
            <Switch data-testid="apply-signed" />
          </Form.Item>
          <Form.Item name="performancePlace" label="劳动合同履行地">
            <Input placeholder="如：随州市曾都区某工地" />
          </Form.Item>
          <Form.Item name="employerDomicile" label="用人单位所在地">
            <Input />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
