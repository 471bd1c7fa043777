import { formatYuan } from '@onestop/domain/claims/money';
import { chineseDate } from '@onestop/domain/time';
import { WAGE_GROUP_KINDS, WAGE_PAYERS } from '@onestop/domain/wage-groups/ledger';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { FilePicker } from '../../../components/FilePicker';
import { useState } from 'react';
import { hasPermission, useCurrentUser } from '../../auth/hooks/use-session';
import { isApiError } from '../../../lib/api';
import type { WageGroup, WageLine } from '../api/wage-groups.api';
import {
  useCreateWageGroup,
  useImportLedger,
  useMatterWageGroup,
  useRecordPayment,
} from '../hooks/use-wage-groups';

const POSITION_COLORS = { unpaid: 'red', partly_paid: 'orange', paid: 'green' } as const;

function errorOf(e: unknown): string | null {
  if (!e) return null;
  return isApiError(e) ? e.message : '操作没有成功，请稍后再试';
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function CreateForm({ matterId }: { matterId: string }) {
  const create = useCreateWageGroup(matterId);
  // On a phone the labels go above the fields (an inline row is wider than the screen).
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Form
      layout={wide ? 'inline' : 'vertical'}
      onFinish={(v: { kind: WageGroup['kind']; name: string; generalContractor?: string }) =>
        create.mutate({ matterId, ...v, generalContractor: v.generalContractor || undefined })
      }
      initialValues={{ kind: 'project' }}
    >
      <Form.Item name="kind" label="台账类型">
        <Select
          style={{ width: 120 }}
          options={Object.entries(WAGE_GROUP_KINDS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label="项目或现场名称"
        rules={[{ required: true, message: '请填写项目或现场名称' }]}
      >
        <Input style={{ width: wide ? 220 : '100%' }} />
      </Form.Item>
      <Form.Item name="generalContractor" label="施工总承包单位">
        <Input style={{ width: wide ? 220 : '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="wage-group-create">
        建立群体欠薪台账
      </Button>
      {create.error ? <Alert type="error" title={errorOf(create.error)} /> : null}
    </Form>
  );
}

function ImportBox({ group, matterId }: { group: WageGroup; matterId: string }) {
  const imp = useImportLedger(matterId);
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const details = isApiError(imp.error)
    ? (imp.error.details as { problems?: { message: string }[] } | undefined)
    : undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <FilePicker
          label="工资台账 Excel 文件"
          accept=".xlsx"
          onFiles={async (files) =>
            imp.mutate({ id: group.id, file: await base64Of(files[0]!), goodRowsOnly })
          }
          loading={imp.isPending}
          buttonText="从 Excel 导入"
          testId="wage-import"
        />
        <Checkbox checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)}>
          有错误时只导入无误的行
        </Checkbox>
        <a href="/api/wage-groups/template.xlsx">下载导入模板</a>
        <a href={`/api/wage-groups/${group.id}/ledger.xlsx`} data-testid="wage-export">
          导出台账
        </a>
      </Space>
      {imp.error ? (
        <Alert
          type="error"
          title={errorOf(imp.error)}
          description={
            details?.problems && details.problems.length > 1 ? (
              <ul style={{ margin: 0 }}>
                {details.problems.slice(0, 20).map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="wage-import-error"
        />
      ) : null}
      {imp.data ? (
        <Alert
          type={imp.data.skipped.length ? 'warning' : 'success'}
          title={`已导入${imp.data.imported}行${imp.data.skipped.length ? `，${imp.data.skipped.length}处错误的行未导入` : ''}`}
        />
      ) : null}
    </Space>
  );
}

function PaymentModal({
  group,
  line,
  matterId,
  onClose,
}: {
  group: WageGroup;
  line: WageLine;
  matterId: string;
  onClose: () => void;
}) {
  const pay = useRecordPayment(matterId);
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={`记录工资支付：${line.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={pay.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'wage-pay-submit' } as Record<`data-${string}`, string>}
    >
      <p>尚欠：{formatYuan(line.outstandingFen)}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          payer: 'general_contractor',
          paidOn: dayjs(),
          payerName: group.generalContractor ?? '',
        }}
        onFinish={(v: {
          amount: number;
          paidOn: dayjs.Dayjs;
          payer: string;
          payerName?: string;
          note?: string;
        }) =>
          pay.mutate(
            {
              id: group.id,
              lineId: line.id,
              body: {
                amountFen: Math.round(v.amount * 100),
                paidOn: v.paidOn.format('YYYY-MM-DD'),
                payer: v.payer,
                payerName: v.payerName?.trim() || undefined,
                note: v.note?.trim() || undefined,
                version: line.version,
              },
            },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="payer" label="支付方" rules={[{ required: true, message: '请选择支付方' }]}>
          <Select
            data-testid="wage-pay-payer"
            options={Object.entries(WAGE_PAYERS).map(([value, p]) => ({ value, label: p.label }))}
          />
        </Form.Item>
        <Form.Item name="payerName" label="支付单位名称（总包代发时为总承包单位）">
          <Input />
        </Form.Item>
        <Form.Item
          name="amount"
          label="支付金额（元）"
          rules={[{ required: true, message: '请填写支付金额' }]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="wage-pay-amount" />
        </Form.Item>
        <Form.Item name="paidOn" label="支付日期" rules={[{ required: true, message: '请选择支付日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input />
        </Form.Item>
      </Form>
      {pay.error ? <Alert type="error" title={errorOf(pay.error)} /> : null}
    </Modal>
  );
}

/** The group wage ledger on the matter page: totals, each worker's position, import, payments, export. */
export function WageGroupPanel({ matterId }: { matterId: string }) {
  const user = useCurrentUser();
  const q = useMatterWageGroup(matterId);
  const [paying, setPaying] = useState<WageLine | null>(null);
  const canWrite = hasPermission(user, 'inspection.work') || hasPermission(user, 'intake.create');
  if (q.isPending) return null;
  if (q.isError) return <Alert type="error" showIcon title={errorOf(q.error)} />;
  const g = q.data;
  if (!g) {
    return canWrite ? (
      <Card size="small" title="群体欠薪台账" data-testid="wage-group-panel">
        <CreateForm matterId={matterId} />
      </Card>
    ) : null;
  }
  const t = g.totals;
  return (
    <Card size="small" title={`群体欠薪台账：${g.name}`} data-testid="wage-group-panel" data-ready="true">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label="类型">{g.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="用人单位">{g.employerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="施工总承包单位">{g.generalContractor ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="工人数">{t.workers}人</Descriptions.Item>
        <Descriptions.Item label="申报欠薪">{formatYuan(t.claimedFen)}</Descriptions.Item>
        <Descriptions.Item label="确认欠薪">{formatYuan(t.owedFen)}</Descriptions.Item>
        <Descriptions.Item label="已支付">
          <span data-testid="wage-total-paid">{formatYuan(t.paidFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="尚欠">{formatYuan(t.outstandingFen)}</Descriptions.Item>
        <Descriptions.Item label="已付清">{t.paidInFull}人</Descriptions.Item>
      </Descriptions>
      {canWrite ? <ImportBox group={g} matterId={matterId} /> : null}
      <Table
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={g.lines}
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left' as const },
          { title: '公民身份号码', dataIndex: 'idNumberMasked' },
          {
            title: '欠薪期间',
            render: (_, l) => `${chineseDate(l.periodFrom)}至${chineseDate(l.periodTo)}`,
          },
          { title: '申报', align: 'right', render: (_, l) => formatYuan(l.claimedFen) },
          {
            title: '确认',
            align: 'right',
            render: (_, l) =>
              l.confirmedFen === null ? '—' : `${formatYuan(l.confirmedFen)}（${l.confirmedByLabel}）`,
          },
          { title: '已支付', align: 'right', render: (_, l) => formatYuan(l.paidFen) },
          { title: '尚欠', align: 'right', render: (_, l) => formatYuan(l.outstandingFen) },
          {
            title: '状态',
            render: (_, l) => <Tag color={POSITION_COLORS[l.position]}>{l.positionLabel}</Tag>,
          },
          {
            title: '支付记录',
            render: (_, l) =>
              l.payments.length
                ? l.payments
                    .map((p) => `${chineseDate(p.paidOn)} ${p.payerLabel} ${formatYuan(p.amountFen)}`)
                    .join('；')
                : '—',
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  render: (_: unknown, l: WageLine) =>
                    l.outstandingFen > 0 ? (
                      <Button size="small" onClick={() => setPaying(l)} data-testid={`wage-pay-${l.name}`}>
                        记录支付
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {paying ? (
        <PaymentModal group={g} line={paying} matterId={matterId} onClose={() => setPaying(null)} />
      ) : null}
    </Card>
  );
}
