import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ClockAction, useClockAction } from '../hooks/use-clocks';
import type { Clock } from '../types';

export type ClockActionKind = ClockAction['kind'];

const TITLES: Record<ClockActionKind, string> = {
  suspend: '中止计时',
  resume: '恢复计时',
  extend: '批准延长期限',
  restart: '重新起算',
};

interface Values {
  reason?: string;
  approver?: string;
  date?: Dayjs;
}

/** One small form per clock action; the server re-checks everything and its message is shown inline. */
export function ClockActionModal({
  clock,
  kind,
  onClose,
}: {
  clock: Clock | null;
  kind: ClockActionKind | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const action = useClockAction();
  const open = clock !== null && kind !== null;

  const submit = async (v: Values) => {
    if (!clock || !kind) return;
    const date = v.date?.format('YYYY-MM-DD');
    const reason = v.reason?.trim() ?? '';
    const a: ClockAction =
      kind === 'suspend'
        ? { kind, id: clock.id, body: { reason, ...(date ? { date } : {}) } }
        : kind === 'resume'
          ? { kind, id: clock.id, body: { ...(reason ? { reason } : {}), ...(date ? { date } : {}) } }
          : kind === 'extend'
            ? { kind, id: clock.id, body: { approver: v.approver?.trim() ?? '', reason } }
            : { kind, id: clock.id, body: { triggerDate: date ?? '', reason } };
    await action.mutateAsync(a);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={kind ? `${TITLES[kind]}：${clock?.name ?? ''}` : ''}
      okText="确定"
      cancelText="取消"
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        action.reset();
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {action.error ? (
        <Alert type="error" showIcon title={action.error.message} className="clocks-form-error" />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
        {kind === 'extend' ? (
          <Form.Item
            label="批准人"
            name="approver"
            rules={[{ required: true, whitespace: true, message: '请填写批准人（如仲裁委员会主任）' }]}
            extra={clock?.basis}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {kind === 'restart' || kind === 'suspend' || kind === 'resume' ? (
          <Form.Item
            label={
              kind === 'restart'
                ? '新的起算日期'
                : kind === 'suspend'
                  ? '中止日期（默认今天）'
                  : '恢复日期（默认今天）'
            }
            name="date"
            rules={kind === 'restart' ? [{ required: true, message: '请选择新的起算日期' }] : []}
          >
            <DatePicker className="full-width" />
          </Form.Item>
        ) : null}
        <Form.Item
          label={kind === 'extend' ? '延长理由' : '理由'}
          name="reason"
          rules={kind === 'resume' ? [] : [{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
