import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { StepResult } from '../api/arbitration.api';
import { useArbitrationAction, useArbitrationCase } from '../hooks/use-arbitration';
import { DocButtons } from './DocButtons';
import { ReviewForm } from './ReviewForm';

const REJECT_REASONS = [
  { value: 'out_of_scope', label: '不属于劳动人事争议处理范围（第三十条第一项）' },
  { value: 'no_clear_claim', label: '没有明确的仲裁请求和事实、理由（第三十条第二项）' },
  { value: 'no_standing', label: '申请人无直接利害关系或没有明确的被申请人（第三十条第三项）' },
];

/** 受理 / 不予受理 / 告知管辖 for a received application, with the same-day banner. */
export function AcceptanceBox({ caseId, onDone }: { caseId: string; onDone?: (r: StepResult) => void }) {
  const q = useArbitrationCase(caseId);
  const act = useArbitrationAction(caseId);
  const [reject, setReject] = useState(false);
  const [redirect, setRedirect] = useState(false);
  const [form] = Form.useForm();
  const c = q.data;
  if (!c) return null;
  const run = async (path: string, body: unknown) => {
    const r = await act.mutateAsync({ path, body });
    onDone?.(r);
    setReject(false);
    setRedirect(false);
  };
  const acceptance = c.documents.filter((d) => d.type === 'acceptance_notice' && d.number);
  const receipt = c.documents.some((d) => d.type === 'receipt' && d.number);
  const outside = c.checklist.find((x) => x.code === 'jurisdiction')?.status === 'redirect';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.sameDayCategory && c.state === 'received' ? (
        <Alert
          type="error"
          showIcon
          data-testid="same-day-banner"
          message={`${c.sameDayLabel}：符合受理条件的，应当日出具并送达《受理通知书》（随人社函〔2023〕36号）`}
        />
      ) : null}
      {c.state === 'received' && !receipt ? <ReviewForm c={c} {...(onDone && { onDone })} /> : null}
      {c.state === 'received' && receipt ? (
        <Space wrap>
          <Button
            type="primary"
            disabled={outside}
            loading={act.isPending}
            data-testid="arbitration-accept"
            onClick={() => void run('/accept', {})}
          >
            受理并出具受理通知书
          </Button>
          <Button danger onClick={() => setReject(true)}>
            不予受理
          </Button>
          <Button onClick={() => setRedirect(true)}>告知向有管辖权的仲裁委申请</Button>
        </Space>
      ) : null}
      {acceptance.length ? <DocButtons docs={acceptance} /> : null}
      {c.redirectExplanation ? (
        <Alert type="info" message="管辖告知（非不予受理）" description={c.redirectExplanation} />
      ) : null}
      <Modal
        title="不予受理"
        open={reject}
        onCancel={() => setReject(false)}
        onOk={() => void form.validateFields().then((v) => run('/reject', v))}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reasonCode"
            label="理由类别"
            rules={[{ required: true, message: '请选择理由类别' }]}
          >
            <Select options={REJECT_REASONS} />
          </Form.Item>
          <Form.Item name="reasons" label="具体理由" rules={[{ required: true, message: '请填写具体理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="不属本委管辖：书面告知"
        open={redirect}
        onCancel={() => setRedirect(false)}
        onOk={() => void form.validateFields(['competentCommission']).then((v) => run('/redirect', v))}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="competentCommission"
            label="有管辖权的仲裁委员会"
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
