import { Alert, Button, Checkbox, Form, Input, InputNumber, List, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import type { ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';
import { money } from '../../../lib/money';

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
  const [open, setOpen] = useState<'apply' | 'convert' | 'notice' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const o = c.simplifiedOptions;
  if (!o || (!o.canApply && !o.canConvert && !c.simplified)) return null;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await act.mutateAsync(
        open === 'notice'
          ? {
              path: '/simplified-notice',
              body: {
                channel: v.channel,
                defenceDays: v.defenceDays,
                ...(v.consentRef ? { respondentConsentRef: v.consentRef } : {}),
                version: c.version,
              },
            }
          : {
              path: '/simplified',
              body: {
                apply: open === 'apply',
                reason: v.reason,
                grounds: v.grounds,
                exclusions: v.exclusions,
              },
            },
      );
      setOpen(null);
      form.resetFields();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    }
  };
  const noticeSent = c.documents.some((d) => d.type === 'simplified_notice' && d.number);
  const notices = c.partyNotices.filter((n) => n.body.includes('简易处理'));
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
      {c.simplified && !noticeSent ? (
        <Button data-testid="simplified-notice" onClick={() => setOpen('notice')}>
          发出简易处理通知（短信/电话）
        </Button>
      ) : null}
      {notices.length ? (
        <List
          size="small"
          data-testid="simplified-notices"
          dataSource={notices}
          renderItem={(n) => (
            <List.Item>
              <Tag>{n.channel === 'sms' ? '短信' : '电话'}</Tag>
              {n.recipient}
              <Tag
                color={n.state === 'sent' || n.state === 'recorded' ? 'green' : 'orange'}
                style={{ marginLeft: 8 }}
              >
                {{
                  pending: '待发送',
                  sending: '发送中',
                  sent: '已发送',
                  logged: '未送达（仅记录日志）',
                  failed: '发送失败',
                  recorded: '已记录',
                }[n.state] ?? n.state}
              </Tag>
            </List.Item>
          )}
        />
      ) : null}
      <Modal
        title={
          open === 'notice'
            ? '简易处理通知（除调解书、裁决书外可以电话、短信等简便方式送达）'
            : open === 'apply'
              ? '决定简易处理'
              : '转为普通程序（审理期限仍自受理之日起计算）'
        }
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
                  message={`标的额 ${money(o.totalFen)} 不超过本省上年度职工年平均工资 ${money(o.capFen)}`}
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
          {open === 'notice' ? (
            <>
              <Form.Item name="channel" label="送达方式" initialValue="sms">
                <Radio.Group
                  options={[
                    { value: 'sms', label: '短信' },
                    { value: 'phone', label: '电话（记录）' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="defenceDays"
                label="答辩期（日）：少于十日须经被申请人同意（办案规则第五十八条）"
                initialValue={10}
              >
                <InputNumber min={0} max={10} data-testid="simplified-defence-days" />
              </Form.Item>
              <Form.Item name="consentRef" label="被申请人同意缩短或取消答辩期的依据（同意书或电话记录）">
                <Input data-testid="simplified-consent-ref" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea rows={2} data-testid="simplified-reason" />
            </Form.Item>
          )}
        </Form>
        {error ? <Alert type="error" message={error} data-testid="simplified-error" /> : null}
      </Modal>
    </Space>
  );
}
