import { Button, DatePicker, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Docking } from '../api/court.api';
import { useDockingStep } from '../hooks/use-court';
import { chineseDateOrDash } from '../../../lib/time';

/** One court-docking case with its court result and the steps the user's post allows now. */
export function DockingCard({ d }: { d: Docking }) {
  const [event, setEvent] = useState<{ event: string; label: string } | null>(null);
  const [form] = Form.useForm();
  const step = useDockingStep();
  return (
    <div data-testid="docking-card" style={{ width: '100%' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{d.kindLabel}</Tag>
        <Tag color={d.closed ? 'default' : 'processing'}>{d.stateLabel}</Tag>
        <span>{d.court.name}</span>
        {d.courtCaseNo ? <span>{d.courtCaseNo}</span> : null}
        {d.matter ? <Link to={`/matters/${d.matter.id}`}>事项 {d.matter.number}</Link> : null}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { label: '申请人', children: d.applicantName },
          { label: '被申请人', children: d.respondentName },
          { label: '纠纷概要', children: d.summary },
          ...(d.mediatorName ? [{ label: '调解员', children: d.mediatorName }] : []),
          ...(d.agreementTerms
            ? [
                {
                  label: '调解协议',
                  children: `${d.agreementTerms}（${chineseDateOrDash(d.agreementEffectiveOn)}生效）`,
                },
              ]
            : []),
          ...(d.confirmationDue ? [{ label: '申请司法确认截止', children: d.confirmationDue }] : []),
          ...(d.returnedReason ? [{ label: '退回理由', children: d.returnedReason }] : []),
          ...(d.courtRulingNo
            ? [
                {
                  label: '法院裁定',
                  children: `${d.courtRulingNo}（${chineseDateOrDash(d.courtResultOn)}）${d.courtResultNote ?? ''}`,
                },
              ]
            : []),
        ]}
      />
      <Space wrap>
        {d.actions.map((a) => (
          <Button key={a.event} size="small" onClick={() => setEvent(a)} data-testid={`docking-${a.event}`}>
            {a.label}
          </Button>
        ))}
      </Space>
      <Modal
        title={event?.label}
        open={event !== null}
        onCancel={() => setEvent(null)}
        confirmLoading={step.isPending}
        destroyOnHidden
        onOk={async () => {
          if (!event) return;
          const raw = (await form.validateFields()) as Record<string, unknown>;
          const body = Object.fromEntries(
            Object.entries(raw)
              .filter(([, v]) => v !== undefined && v !== '')
              .map(([k, v]) => [
                k,
                v && typeof v === 'object' && 'format' in v ? (v as Dayjs).format('YYYY-MM-DD') : v,
              ]),
          );
          await step.mutateAsync({ d, event: event.event, body });
          setEvent(null);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {event?.event === 'agree' ? (
            <>
              <Form.Item
                name="agreementTerms"
                label="调解协议内容"
                rules={[{ required: true, message: '请填写调解协议内容' }]}
              >
                <Input.TextArea autoSize />
              </Form.Item>
              <Form.Item name="agreementEffectiveOn" label="协议生效日期">
                <DatePicker />
              </Form.Item>
            </>
          ) : null}
          {event?.event === 'return_to_court' ? (
            <Form.Item
              name="returnedReason"
              label="退回理由"
              rules={[{ required: true, message: '请填写退回理由' }]}
            >
              <Input.TextArea autoSize />
            </Form.Item>
          ) : null}
          {event?.event === 'apply_confirmation' ? (
            <Form.Item name="appliedOn" label="申请日期">
              <DatePicker />
            </Form.Item>
          ) : null}
          {event?.event === 'confirm' || event?.event === 'reject' ? (
            <>
              <Form.Item
                name="rulingNo"
                label="裁定书文号"
                rules={[{ required: true, message: '请填写裁定书文号' }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="note" label="处理结果说明">
                <Input.TextArea autoSize />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </div>
  );
}
