import { Alert, Button, Checkbox, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import type { ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';

const GROUNDS = [
  { value: 'clear_facts', label: '事实清楚、权利义务关系明确、争议不大' },
  { value: 'parties_agree', label: '双方当事人同意简易处理' },
];
const EXCLUSIONS = [
  { value: 'public_interest', label: '涉及国家利益、社会公共利益' },
  { value: 'major_social_impact', label: '有重大社会影响' },
  { value: 'respondent_missing', label: '被申请人下落不明' },
  { value: 'unsuitable', label: '仲裁委员会认为不宜简易处理' },
];

/**
 * 简易处理 (办案规则第五十六条至第六十一条): the button shows only when the server says it is allowed
 * (accepted, not closed); the server checks the grounds and exclusions and answers 422 with the reason.
 */
export function SimplifiedBox({ c }: { c: ArbitrationCase }) {
  const act = useArbitrationAction(c.caseId);
  const [open, setOpen] = useState<'apply' | 'convert' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const o = c.simplifiedOptions;
  if (!o || (!o.canApply && !o.canConvert && !c.simplified)) return null;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await act.mutateAsync({
        path: '/simplified',
        body: { apply: open === 'apply', reason: v.reason, grounds: v.grounds, exclusions: v.exclusions },
      });
      setOpen(null);
      form.resetFields();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    }
  };
  return (
    <Space wrap data-testid="simplified-box">
      {c.simplified ? <Tag color="cyan">简易处理</Tag> : null}
      {o.canApply ? (
        <Button data-testid="simplified-apply" onClick={() => setOpen('apply')}>
          决定简易处理
        </Button>
      ) : null}
      {o.canConvert ? (
        <Button data-testid="simplified-convert" onClick={() => setOpen('convert')}>
          转为普通程序
        </Button>
      ) : null}
      <Modal
        title={open === 'apply' ? '决定简易处理' : '转为普通程序（审理期限仍自受理之日起计算）'}
        open={open !== null}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okButtonProps={{ loading: act.isPending, ...{ 'data-testid': 'simplified-submit' } }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {open === 'apply' ? (
            <>
              {o.amountWithinCap ? (
                <Alert
                  type="info"
                  style={{ marginBottom: 8 }}
                  message={`标的额 ¥${(o.totalFen / 100).toFixed(2)} 不超过本省上年度职工年平均工资 ¥${(o.capFen / 100).toFixed(2)}`}
                />
              ) : null}
              <Form.Item name="grounds" label="适用情形（第五十六条，符合任一即可）">
                <Checkbox.Group options={GROUNDS} />
              </Form.Item>
              <Form.Item name="exclusions" label="排除情形（第五十七条）">
                <Checkbox.Group options={EXCLUSIONS} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={2} data-testid="simplified-reason" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" message={error} data-testid="simplified-error" /> : null}
      </Modal>
    </Space>
  );
}
