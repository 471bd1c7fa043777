import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../lib/api';
import type { ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';
import { chineseDateOrDash } from '../../../lib/time';

const ACTS = [
  { value: 'change_claims', label: '变更仲裁请求' },
  { value: 'abandon_claims', label: '放弃仲裁请求' },
  { value: 'admit_claims', label: '承认对方当事人的仲裁请求' },
  { value: 'accept_settlement', label: '接受调解、达成和解' },
  { value: 'withdraw', label: '撤回仲裁申请' },
];

/**
 * Collective dispute (办案规则第六十二条至第六十七条): the one-time notice of all key dates (《劳动人事争议仲裁办案规则》第六十三条, offered
 * once the tribunal and the first hearing are set) and the represented workers' written consents, without
 * which the representatives cannot change or abandon claims, settle or withdraw (the server refuses).
 */
export function CollectiveBox({ c }: { c: ArbitrationCase }) {
  const notice = useArbitrationAction(c.caseId);
  const consent = useArbitrationAction(c.caseId);
  const [form] = Form.useForm<{ act: string; partyIds: string[]; signedOn: Dayjs; documentRef: string }>();
  const n = c.collectiveNotice;
  if (!c.collective || !n) return null;
  return (
    <Card size="small" title="集体争议：一次性告知与被代表劳动者书面同意" data-testid="collective-box">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>一次性告知（受理后五日内，办案规则第六十三条）：</Typography.Text>
          {n.dueDate ? (
            <Tag color={n.clockStatus === 'met' ? 'green' : 'orange'}>期限 {n.dueDate}</Tag>
          ) : null}
          {n.issuedNumber ? (
            <Tag color="green" data-testid="collective-notice-issued">
              已告知 {n.issuedNumber}
            </Tag>
          ) : n.canIssue ? (
            <Button
              type="primary"
              data-testid="collective-notice-issue"
              loading={notice.isPending}
              onClick={() => notice.mutate({ path: '/collective-notice', body: { version: c.version } })}
            >
              一次性告知组庭、答辩期、举证期限和开庭时间地点
            </Button>
          ) : (
            <Typography.Text type="secondary">
              {!n.tribunalSet ? '待组成仲裁庭' : '待排期首次开庭'}后即可一次性告知
            </Typography.Text>
          )}
        </Space>
        {notice.error ? (
          <Alert type="error" message={isApiError(notice.error) ? notice.error.message : '告知失败'} />
        ) : null}
        <Typography.Text type="secondary">
          代表人变更、放弃仲裁请求，承认对方请求，接受调解（和解）或撤回申请，须经被代表的劳动者书面同意（被代表劳动者{' '}
          {c.representedWorkers.length} 名）。
        </Typography.Text>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.consents}
          locale={{ emptyText: '尚未登记书面同意' }}
          columns={[
            { title: '同意事项', dataIndex: 'actLabel', width: 140 },
            { title: '同意人', dataIndex: 'names', render: (v: string[]) => v.join('、') },
            {
              title: '签署日期',
              dataIndex: 'signedOn',
              width: 130,
              render: (v: string | null) => chineseDateOrDash(v),
            },
            { title: '书面同意书（附件）', dataIndex: 'documentRef' },
          ]}
        />
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            consent.mutate(
              {
                path: '/consents',
                body: {
                  act: v.act,
                  partyIds: v.partyIds,
                  signedOn: v.signedOn.format('YYYY-MM-DD'),
                  documentRef: v.documentRef,
                },
              },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item name="act" rules={[{ required: true, message: '请选择同意事项' }]}>
            <Select style={{ width: 190 }} placeholder="同意事项" options={ACTS} data-testid="consent-act" />
          </Form.Item>
          <Form.Item name="partyIds" rules={[{ required: true, message: '请选择同意的劳动者' }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 240 }}
              placeholder="同意的被代表劳动者"
              options={c.representedWorkers.map((w) => ({ value: w.partyId, label: w.name }))}
              data-testid="consent-workers"
            />
          </Form.Item>
          <Form.Item name="signedOn" rules={[{ required: true, message: '请选择签署日期' }]}>
            <DatePicker placeholder="签署日期" />
          </Form.Item>
          <Form.Item name="documentRef" rules={[{ required: true, message: '请填写同意书编号或附件名称' }]}>
            <Input style={{ width: 220 }} placeholder="同意书编号 / 附件名称" />
          </Form.Item>
          <Button htmlType="submit" loading={consent.isPending} data-testid="consent-submit">
            登记书面同意
          </Button>
        </Form>
        {consent.error ? (
          <Alert type="error" message={isApiError(consent.error) ? consent.error.message : '登记失败'} />
        ) : null}
      </Space>
    </Card>
  );
}
