import { chineseDateOrDash } from '../../../lib/time';
import { Alert, Button, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { DocumentServiceCard } from '../../documents/components/DocumentServiceCard';
import type { ArbitrationStepBody, StepResult } from '../api/arbitration.api';
import { useArbitrationAction, useArbitrationCase } from '../hooks/use-arbitration';
import { DocButtons } from './DocButtons';
import { ReviewForm } from './ReviewForm';

const REJECT_REASONS = [
  { value: 'out_of_scope', label: '不属于劳动人事争议处理范围（第三十条第一项）' },
  { value: 'no_clear_claim', label: '没有明确的仲裁请求和事实、理由（第三十条第二项）' },
  { value: 'no_standing', label: '申请人无直接利害关系或没有明确的被申请人（第三十条第三项）' },
];

/** 受理 / 不予受理 / 告知管辖 for a received application, with the same-day banner. */
export function AcceptanceBox({
  caseId,
  onDone,
  serveHere = false,
}: {
  caseId: string;
  onDone?: (r: StepResult) => void;
  /** On the matter page: the 受理通知书 is printed and served right here (the case page has its own card). */
  serveHere?: boolean;
}) {
  const q = useArbitrationCase(caseId);
  const act = useArbitrationAction(caseId);
  const [reject, setReject] = useState(false);
  const [redirect, setRedirect] = useState(false);
  const [form] = Form.useForm();
  const c = q.data;
  if (!c) return null;
  const run = async (path: string, body: ArbitrationStepBody) => {
    const r = await act.mutateAsync({ path, body });
    onDone?.(r);
    setReject(false);
    setRedirect(false);
  };
  const acceptance = c.documents.filter((d) => d.type === 'acceptance_notice' && d.number);
  const receipt = c.documents.some((d) => d.type === 'receipt' && d.number);
  const outside = c.checklist.find((x) => x.code === 'jurisdiction')?.status === 'redirect';
  // Only the acts the user's posts allow are live; the others say why (the server checks again).
  const may = (event: string) => c.availableEvents.some((e) => e.event === event);
  const NO_POST = '受理、不予受理和管辖告知由仲裁员（持有效仲裁员证）或领导决定，您当前的岗位不能办理';
  const notices = c.documents.filter((d) => d.type === 'correction_notice' && d.number);
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
      {c.state === 'needs_correction' ? (
        <>
          <Alert
            type="warning"
            showIcon
            data-testid="correction-pending"
            title={`待补正：已出具补正通知书，补正期限 ${chineseDateOrDash(c.correctionDeadline)}，须补正以下全部事项`}
            description={
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {c.missingItems.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ol>
            }
          />
          {notices.length ? <DocButtons docs={notices} /> : null}
          <ReviewForm c={c} correcting {...(onDone && { onDone })} />
        </>
      ) : null}
      {c.state === 'received' && receipt ? (
        <Space wrap>
          <Tooltip title={may('accept') ? (outside ? '不属本委管辖，不能受理' : '') : NO_POST}>
            <Button
              type="primary"
              disabled={outside || !may('accept')}
              loading={act.isPending}
              data-testid="arbitration-accept"
              onClick={() => void run('/accept', {})}
            >
              受理并出具受理通知书
            </Button>
          </Tooltip>
          <Tooltip title={may('reject') ? '' : NO_POST}>
            <Button danger disabled={!may('reject')} onClick={() => setReject(true)}>
              不予受理
            </Button>
          </Tooltip>
          <Tooltip title={may('redirect') ? '' : NO_POST}>
            <Button disabled={!may('redirect')} onClick={() => setRedirect(true)}>
              告知向有管辖权的仲裁委申请
            </Button>
          </Tooltip>
          {!may('accept') ? (
            <Alert type="info" showIcon data-testid="accept-not-allowed" title={NO_POST} />
          ) : null}
        </Space>
      ) : null}
      {acceptance.length && serveHere ? (
        <DocumentServiceCard
          bare
          subjects={[{ type: 'case', id: c.caseId }]}
          types={['acceptance_notice']}
          testId="acceptance-service"
        />
      ) : acceptance.length ? (
        <DocButtons docs={acceptance} />
      ) : null}
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
