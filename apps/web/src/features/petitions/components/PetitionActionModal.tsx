import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Petition } from '../api/petitions.api';
import { usePetitionAction } from '../hooks/use-petitions';

export const ACTION_LABELS: Record<string, string> = {
  classify: '分类',
  negotiate: '记录协商调处',
  resolve: '和解办结',
  transfer: '转办导入',
  explain: '释法明理',
  accept: '受理',
  decide: '出具处理意见书',
  classify_as_suggestion: '按建议意见类办理',
  reply: '答复',
  forward_accusation: '转送检举控告',
  extend: '延长办理期限',
  request_review: '申请复查',
  issue_review: '出具复查意见',
  request_re_review: '申请复核',
  issue_re_review: '出具复核意见',
  close: '办结',
  report_upward: '报告重大紧急事项',
};

const req = (message: string) => [{ required: true, message }];
const date = (label: string, name = 'date') => (
  <Form.Item name={name} label={label} rules={req(`请选择${label}`)}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
);

/** The form of one petition action; dates are sent as YYYY-MM-DD. */
function fields(action: string, p: Petition) {
  switch (action) {
    case 'classify':
      return (
        <Form.Item name="category" label="类别" rules={req('请选择类别')}>
          <Select
            options={[
              { value: 'claim', label: '申诉求决类' },
              { value: 'suggestion', label: '建议意见类' },
              { value: 'accusation', label: '检举控告类' },
            ]}
          />
        </Form.Item>
      );
    case 'negotiate':
      return (
        <>
          {date('协商日期', 'occurredOn')}
          <Form.Item name="employerAttendee" label="用人单位参加人">
            <Input />
          </Form.Item>
          <Form.Item name="content" label="协商调处情况" rules={req('请填写协商调处情况')}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="result" label="结果" rules={req('请选择结果')}>
            <Select
              options={[
                { value: 'continuing', label: '继续协商' },
                { value: 'agreed', label: '达成一致' },
                { value: 'failed', label: '协商不成' },
              ]}
            />
          </Form.Item>
        </>
      );
    case 'resolve':
      return (
        <>
          {date('和解日期', 'occurredOn')}
          <Form.Item name="terms" label="和解协议内容" rules={req('请填写和解协议内容')}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item
            name="agreementSigned"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error('和解协议须经双方签字')),
              },
            ]}
          >
            <Checkbox>双方已签字</Checkbox>
          </Form.Item>
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="target" label="导入" rules={req('请选择转办去向')}>
            <Select
              data-testid="petition-transfer-target"
              options={[
                { value: 'inspection', label: '劳动保障监察（依法查处）' },
                { value: 'arbitration', label: '劳动人事争议仲裁' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="转办理由" rules={req('请填写转办理由')}>
            <Input.TextArea autoSize data-testid="petition-transfer-reason" />
          </Form.Item>
        </>
      );
    case 'explain':
      return (
        <>
          <Form.Item
            name="conclusionType"
            label="不服的处理结论"
            initialValue={p.disputedConclusion ?? undefined}
            rules={req('请选择处理结论')}
          >
            <Select
              options={[
                { value: 'arbitration', label: '劳动人事争议仲裁裁决' },
                { value: 'inspection', label: '劳动保障监察处理决定' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="conclusionRef"
            label="处理结论文号"
            initialValue={p.conclusionRef ?? undefined}
            rules={req('请填写处理结论文号')}
          >
            <Input />
          </Form.Item>
          <Form.Item name="explanation" label="释明内容" rules={req('请填写释明内容')}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="petition-explanation" />
          </Form.Item>
          <Form.Item
            name="court"
            label="引导的人民法院"
            initialValue="随州市曾都区人民法院"
            rules={req('请填写人民法院')}
          >
            <Input data-testid="petition-court" />
          </Form.Item>
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="facts" label="查明事实" rules={req('请填写查明事实')}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="opinion" label="处理意见" rules={req('请填写处理意见')}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="outcome" label="处理结果" rules={req('请选择处理结果')}>
            <Select
              options={[
                { value: 'support', label: '予以支持' },
                { value: 'explain', label: '解释说明' },
                { value: 'not_support', label: '不予支持' },
              ]}
            />
          </Form.Item>
          <Form.Item name="legalBasis" label="依据" rules={req('请填写依据')}>
            <Input />
          </Form.Item>
        </>
      );
    case 'forward_accusation':
      return (
        <Form.Item name="receivingOrgan" label="有权处理的机关" rules={req('请填写有权处理的机关')}>
          <Input />
        </Form.Item>
      );
    case 'extend':
      return (
        <Form.Item name="extensionReason" label="延期理由（告知信访人）" rules={req('请填写延期理由')}>
          <Input.TextArea autoSize />
        </Form.Item>
      );
    case 'request_review':
    case 'request_re_review':
    case 'close':
      return date('信访人收到书面答复之日', 'replyReceivedOn');
    case 'report_upward':
      return (
        <Form.Item name="majorOrUrgent" valuePropName="checked" initialValue>
          <Checkbox>重大、紧急信访事项</Checkbox>
        </Form.Item>
      );
    default:
      return (
        <Form.Item name="reason" label="说明">
          <Input.TextArea autoSize />
        </Form.Item>
      );
  }
}

export function PetitionActionModal({
  p,
  action,
  onClose,
  onDone,
}: {
  p: Petition;
  action: string | null;
  onClose: () => void;
  onDone?: (r: { document?: { id: string } | null }) => void;
}) {
  const [form] = Form.useForm();
  const act = usePetitionAction();
  return (
    <Modal
      title={action ? ACTION_LABELS[action] : ''}
      open={action !== null}
      onCancel={onClose}
      okText="确定"
      confirmLoading={act.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'petition-action-ok' } as never}
      onOk={async () => {
        if (!action) return;
        const raw = (await form.validateFields()) as Record<string, unknown>;
        const body = Object.fromEntries(
          Object.entries(raw)
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([k, v]) => [
              k,
              v && typeof v === 'object' && 'format' in v ? (v as Dayjs).format('YYYY-MM-DD') : v,
            ]),
        );
        const r = await act.mutateAsync({ p, action, body });
        onClose();
        onDone?.(r);
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action ? fields(action, p) : null}
      </Form>
    </Modal>
  );
}
