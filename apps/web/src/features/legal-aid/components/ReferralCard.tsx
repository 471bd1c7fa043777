import { Button, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentFileUrl } from '../../documents/api/documents.api';
import { DocumentServiceCard } from '../../documents/components/DocumentServiceCard';
import type { Referral } from '../api/legal-aid.api';
import { useReferralAction } from '../hooks/use-legal-aid';
import { chineseDateOrDash } from '../../../lib/time';

type Action = 'decision' | 'lawyer' | 'confirm' | 'result';
const LABELS: Record<string, string> = {
  decide: '审查决定',
  lawyer: '指派律师',
  confirm: '补办手续确认',
  result: '援助结果',
};

/** One referral: screening flags, the 转介函, decision, lawyer, result, and the allowed actions only. */
export function ReferralCard({ r, showMatter }: { r: Referral; showMatter?: boolean }) {
  const [action, setAction] = useState<string | null>(null);
  const [form] = Form.useForm();
  const act = useReferralAction();
  const target: Action = action === 'decide' ? 'decision' : (action as Action);
  return (
    <div data-testid="legal-aid-referral">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{r.case.number}</span>
        <Tag color={r.case.closed ? 'default' : 'processing'}>{r.case.stateLabel}</Tag>
        {r.meansTestExempt ? <Tag color="blue">免予核查经济困难</Tag> : null}
        {r.urgent ? <Tag color="red">紧急（剩余{r.daysLeft ?? '—'}日）</Tag> : null}
        {showMatter ? <Link to={`/matters/${r.matter.id}`}>事项 {r.matter.number}</Link> : null}
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          { label: '申请人', children: r.applicantName },
          { label: '转介理由', children: r.reason },
          ...(r.exemptionReason ? [{ label: '免予核查依据', children: r.exemptionReason }] : []),
          {
            label: '转介函',
            children: r.referralDocument ? (
              <Button
                size="small"
                type="link"
                disabled={r.referralDocument.state !== 'issued'}
                onClick={() =>
                  window.open(documentFileUrl(r.referralDocument!.id, 'pdf'), '_blank', 'noopener')
                }
              >
                {r.referralDocument.number ?? '生成中'}
              </Button>
            ) : (
              '—'
            ),
          },
          {
            label: '审查期限',
            children: r.decisionDue
              ? `${r.decisionDue} 前作出决定`
              : r.decidedOn
                ? `已于${chineseDateOrDash(r.decidedOn)}决定`
                : '—',
          },
          ...(r.refusalReason ? [{ label: '不予援助理由', children: r.refusalReason }] : []),
          ...(r.lawyerName
            ? [
                {
                  label: '援助律师',
                  children: `${r.lawyerName}（${r.lawFirm ?? ''}）${r.assignedLate ? ' 超过三日指派' : ''}`,
                },
              ]
            : []),
          ...(r.result ? [{ label: '援助结果', children: r.result }] : []),
        ]}
      />
      <DocumentServiceCard
        bare
        subjects={[
          { type: 'matter', id: r.matter.id },
          { type: 'case', id: r.case.id },
        ]}
        filter={(d) => d.subjectType === 'case' || d.id === r.referralDocument?.id}
        printTestIdPrefix="legal-aid-print-"
        testId="legal-aid-documents"
      />
      {r.actions.length ? (
        <Space wrap>
          {r.actions.map((a) => (
            <Button key={a} size="small" onClick={() => setAction(a)} data-testid={`legal-aid-action-${a}`}>
              {LABELS[a] ?? a}
            </Button>
          ))}
        </Space>
      ) : null}
      <Modal
        title={action ? LABELS[action] : ''}
        open={action !== null}
        onCancel={() => setAction(null)}
        confirmLoading={act.isPending}
        destroyOnHidden
        onOk={async () => {
          const body = await form.validateFields();
          await act.mutateAsync({ r, action: target, body });
          setAction(null);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'decide' ? (
            <>
              <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择决定' }]}>
                <Select
                  options={[
                    { value: 'grant', label: '给予法律援助' },
                    { value: 'refuse', label: '不予法律援助' },
                    ...(r.urgent ? [{ value: 'provisional', label: '先行提供法律援助' }] : []),
                  ]}
                />
              </Form.Item>
              {r.meansTestExempt ? null : (
                <Form.Item name="economicHardship" valuePropName="checked">
                  <Checkbox>已核实经济困难</Checkbox>
                </Form.Item>
              )}
              <Form.Item name="refusalReason" label="不予援助理由（不予时必填）">
                <Input.TextArea autoSize />
              </Form.Item>
            </>
          ) : action === 'lawyer' ? (
            <>
              <Form.Item
                name="lawyerName"
                label="律师"
                rules={[{ required: true, message: '请填写律师姓名' }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="lawFirm"
                label="律师事务所"
                rules={[{ required: true, message: '请填写律师事务所' }]}
              >
                <Input />
              </Form.Item>
            </>
          ) : action === 'result' ? (
            <Form.Item name="result" label="援助结果" rules={[{ required: true, message: '请填写援助结果' }]}>
              <Input.TextArea autoSize />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </div>
  );
}
