import { Checkbox, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { type ArbitrationCase, MATERIAL_KINDS, type MaterialKind } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';

const KINDS: MaterialKind[] = ['application', 'applicant_id', 'respondent_info', 'evidence', 'authorization'];

/**
 * 初审 of an application that was opened for the claims left after mediation (调解仲裁法第十四条第三款):
 * claims, facts and parties are already on it; the window ticks the materials received, the evidence list
 * and the applicant's signature. The server decides 收件回执 or 补正通知书 listing every missing item.
 */
export function ReviewModal(props: { c: ArbitrationCase; open: boolean; onClose: () => void }) {
  const act = useArbitrationAction(props.c.caseId);
  const [form] = Form.useForm();
  const respondents = props.c.parties.filter((p) => p.role === 'employer').length || 1;
  const submit = async () => {
    const v = await form.validateFields();
    const evidence = String(v.evidence ?? '')
      .split('\n')
      .map((x: string) => x.trim())
      .filter(Boolean)
      .map((title: string) => ({ title, source: '申请人提供' }));
    await act.mutateAsync({
      path: '/review',
      body: {
        facts: v.facts,
        evidence,
        materials: (v.kinds as MaterialKind[]).map((kind) => ({
          kind,
          title: MATERIAL_KINDS[kind],
          form: kind === 'application' ? '原件' : '复印件',
          pages: 1,
        })),
        copiesSubmitted: v.copiesSubmitted,
        applicantSigned: v.applicantSigned,
      },
    });
    props.onClose();
  };
  return (
    <Modal
      title="收取仲裁申请材料（初审）"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText="初审并出具文书"
      okButtonProps={{ loading: act.isPending, ...{ 'data-testid': 'review-submit' } }}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          facts: props.c.facts,
          kinds: [],
          evidence: props.c.evidence.map((e) => e.title).join('\n'),
          copiesSubmitted: respondents,
          applicantSigned: false,
        }}
      >
        <Form.Item label="仲裁请求（调解未达成部分）">
          {props.c.claims
            .map((x) => `${x.label}${x.amountFen ? ` ¥${(x.amountFen / 100).toFixed(2)}` : ''}`)
            .join('；')}
        </Form.Item>
        <Form.Item name="facts" label="事实和理由">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="kinds" label="已收到的材料（未勾选的将列入补正通知书）">
          <Checkbox.Group options={KINDS.map((k) => ({ value: k, label: MATERIAL_KINDS[k] }))} />
        </Form.Item>
        <Form.Item name="evidence" label="证据目录（每行一项）">
          <Input.TextArea rows={2} data-testid="review-evidence" placeholder="如：考勤记录" />
        </Form.Item>
        <Form.Item name="copiesSubmitted" label="申请书副本份数（按被申请人人数）">
          <InputNumber min={0} max={20} />
        </Form.Item>
        <Form.Item name="applicantSigned" label="申请人已签名（盖章或按指印）" valuePropName="checked">
          <Switch data-testid="review-signed" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
