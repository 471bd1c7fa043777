import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import type { ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction } from '../hooks/use-arbitration';
import { reasonText, UnmetReasons } from './StepGuards';
import { money } from '../../../lib/money';

const GROUNDS = [
  { value: 'worker_died', label: '劳动者死亡，需等待继承人表明是否参加仲裁' },
  { value: 'worker_incapacitated', label: '劳动者丧失民事行为能力，尚未确定法定代理人' },
  { value: 'employer_terminated', label: '用人单位终止，尚未确定权利义务承继者' },
  { value: 'force_majeure', label: '一方因不可抗拒的事由不能参加仲裁' },
  { value: 'depends_on_other_case', label: '须以另一案的审理结果为依据' },
  { value: 'awaiting_injury_or_appraisal', label: '等待工伤认定、伤残等级鉴定或其他鉴定结论' },
  { value: 'other', label: '其他应当中止审理的情形' },
];

type Kind =
  | 'defence'
  | 'hold'
  | 'noshow'
  | 'advance'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'withdraw'
  | 'change'
  | 'abandon';
/** The steps posted to /steps: the machine event of each. */
const STEPS: Partial<Record<Kind, string>> = {
  defence: 'receive_defence',
  hold: 'hold_hearing',
  noshow: 'applicant_no_show',
  advance: 'order_advance_execution',
  withdraw: 'withdraw',
};
const IN_PROCEEDINGS = ['answer_period', 'hearing_scheduled', 'hearing'];
const TITLES: Record<Kind, string> = {
  defence: '收到答辩书（登记答辩要点）',
  hold: '开庭审理（登记庭审笔录要点）',
  noshow: '申请人拒不到庭，按撤回申请处理（须已证明开庭通知书送达）',
  advance: '先予执行（劳动报酬、工伤医疗费、经济补偿或赔偿金）',
  change: '变更仲裁请求（审理期限自受理变更之日起重新计算）',
  abandon: '放弃部分仲裁请求',
  suspend: '中止审理（出具中止审理决定书）',
  resume: '恢复审理（出具恢复审理通知书）',
  extend: '延长审理期限（书面通知双方当事人）',
  withdraw: '准予撤回仲裁申请（出具决定书）',
};

/**
 * 中止 / 恢复 / 延长审限 / 撤回: each step issues its decision document (printed from 文书); 变更 / 放弃
 * 仲裁请求 during the proceedings (collective cases need the represented workers' written consent first).
 */
export function ProceedingsBox({ c }: { c: ArbitrationCase }) {
  const act = useArbitrationAction(c.caseId);
  const [open, setOpen] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const can = new Set(c.availableEvents.map((e) => e.event));
  const stepOf = (ev: string) => c.availableEvents.find((e) => e.event === ev);
  const blockedSteps = c.availableEvents.filter((e) => e.allowed === false);
  const kinds = (
    [
      ['defence', 'receive_defence'],
      ['hold', 'hold_hearing'],
      ['noshow', 'applicant_no_show'],
      ['advance', 'order_advance_execution'],
      ['suspend', 'suspend'],
      ['resume', 'resume'],
      ['extend', 'extend_award_period'],
      ['withdraw', 'withdraw'],
    ] as const
  ).filter(([, ev]) => can.has(ev)) as [Kind, string][];
  if (IN_PROCEEDINGS.includes(c.state)) kinds.push(['change', ''], ['abandon', '']);
  if (!kinds.length) return null;
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const amounts = (v.amounts ?? {}) as Record<string, number | null>;
    // Only the amounts that differ from the request on file are changes.
    const changes = c.claims.flatMap((x) => {
      const y = amounts[x.claimId];
      if (typeof y !== 'number') return [];
      const amountFen = Math.round(y * 100);
      return amountFen === x.amountFen ? [] : [{ claimId: x.claimId, amountFen }];
    });
    const body =
      open === 'change'
        ? { action: 'change_claims', changes, reason: v.reason, version: c.version }
        : open === 'abandon'
          ? {
              action: 'abandon_claims',
              abandonClaimIds: v.abandon ?? [],
              reason: v.reason,
              version: c.version,
            }
          : open === 'suspend'
            ? { ground: v.ground, ...(v.detail ? { detail: v.detail } : {}) }
            : open === 'resume'
              ? { reason: v.reason }
              : open === 'extend'
                ? { approver: v.approver, reason: v.reason, days: v.days }
                : {
                    step: STEPS[open!]!,
                    summary: v.reason,
                    ...(open === 'withdraw' && { withdrawalApplicationFiled: true }),
                    ...(open === 'advance' && {
                      rightsClear: v.rightsClear === true,
                      seriousHardship: v.seriousHardship === true,
                      items: [{ text: v.advanceText, amountFen: Math.round((v.advanceAmount ?? 0) * 100) }],
                    }),
                    // The 庭审笔录 lists the attendees, one a line (issue #13).
                    ...(open === 'hold' &&
                      v.attendees?.trim() && {
                        attendees: String(v.attendees)
                          .split('\n')
                          .map((x: string) => x.trim())
                          .filter(Boolean),
                      }),
                  };
    try {
      const path =
        open && STEPS[open]
          ? '/steps'
          : open === 'change' || open === 'abandon'
            ? '/claims-change'
            : `/${open}`;
      await act.mutateAsync({ path, body });
      setOpen(null);
      form.resetFields();
    } catch (e) {
      setError(isApiError(e) ? e.message : '提交失败');
    }
  };
  return (
    <Card
      size="small"
      title="审理程序：答辩、开庭、按撤回处理、先予执行、中止、恢复、延长审限、撤回、变更或放弃请求"
    >
      <Space wrap data-testid="proceedings-box">
        {kinds.map(([k, ev]) => {
          const step = stepOf(ev);
          const blocked = step?.allowed === false;
          return (
            <Tooltip key={k} title={blocked ? reasonText(step) : ''}>
              <Button
                data-testid={`proceedings-${k}`}
                disabled={blocked}
                data-allowed={String(!blocked)}
                onClick={() => setOpen(k)}
              >
                {TITLES[k].split('（')[0]}
              </Button>
            </Tooltip>
          );
        })}
        <Modal
          title={open ? TITLES[open] : ''}
          open={open !== null}
          onCancel={() => setOpen(null)}
          onOk={() => void submit()}
          okButtonProps={{ loading: act.isPending, ...{ 'data-testid': 'proceedings-submit' } }}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" initialValues={{ days: 15 }}>
            {open === 'suspend' ? (
              <>
                <Form.Item
                  name="ground"
                  label="中止事由"
                  rules={[{ required: true, message: '请选择中止事由' }]}
                >
                  <Select options={GROUNDS} data-testid="proceedings-ground" />
                </Form.Item>
                <Form.Item name="detail" label="具体情况">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </>
            ) : null}
            {open === 'extend' ? (
              <>
                <Form.Item
                  name="approver"
                  label="批准人"
                  rules={[{ required: true, message: '请填写批准人' }]}
                >
                  <Input data-testid="proceedings-approver" />
                </Form.Item>
                <Form.Item name="days" label="延长天数（不超过十五日）" rules={[{ required: true }]}>
                  <InputNumber min={1} max={15} />
                </Form.Item>
              </>
            ) : null}
            {open === 'change'
              ? c.claims.map((x) => (
                  <Form.Item
                    key={x.claimId}
                    name={['amounts', x.claimId]}
                    label={`${x.label}（原请求 ${money(x.amountFen ?? 0)}）变更为（元）`}
                    initialValue={x.amountFen === null ? undefined : x.amountFen / 100}
                  >
                    <InputNumber min={0} precision={2} style={{ width: 180 }} />
                  </Form.Item>
                ))
              : null}
            {open === 'advance' ? (
              <>
                <Form.Item name="rightsClear" label="当事人之间权利义务关系明确" valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item
                  name="seriousHardship"
                  label="不先予执行将严重影响申请人的生活"
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
                <Form.Item
                  name="advanceText"
                  label="先予执行的内容（出具先予执行裁决书）"
                  rules={[{ required: true, message: '请填写先予执行的内容' }]}
                >
                  <Input placeholder="如：支付申请人拖欠工资" data-testid="proceedings-advance-text" />
                </Form.Item>
                <Form.Item
                  name="advanceAmount"
                  label="金额（元）"
                  rules={[{ required: true, message: '请填写金额' }]}
                >
                  <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
                </Form.Item>
              </>
            ) : null}
            {open === 'hold' ? (
              <Form.Item name="attendees" label="到庭人员（每行一项，写入庭审笔录）">
                <Input.TextArea rows={3} placeholder={'申请人某某到庭\n被申请人委托代理人某某到庭'} />
              </Form.Item>
            ) : null}
            {open === 'abandon' ? (
              <Form.Item
                name="abandon"
                label="放弃的请求（全部放弃的，应办理撤回）"
                rules={[{ required: true, message: '请选择放弃的请求' }]}
              >
                <Checkbox.Group options={c.claims.map((x) => ({ value: x.claimId, label: x.label }))} />
              </Form.Item>
            ) : null}
            {open && open !== 'suspend' ? (
              <Form.Item
                name="reason"
                label={
                  {
                    resume: '恢复理由',
                    extend: '延长理由',
                    withdraw: '撤回理由（申请人已提交撤回仲裁申请书）',
                    defence: '答辩要点',
                    hold: '庭审笔录要点',
                    noshow: '未到庭情况（如：经书面通知，无正当理由拒不到庭）',
                    advance: '先予执行的内容与理由',
                    change: '变更理由（申请人书面申请）',
                    abandon: '放弃理由（申请人书面申请）',
                  }[open]
                }
                rules={[{ required: true, message: '请填写理由' }]}
              >
                <Input.TextArea rows={2} data-testid="proceedings-reason" />
              </Form.Item>
            ) : null}
          </Form>
          {error ? <Alert type="error" message={error} data-testid="proceedings-error" /> : null}
        </Modal>
      </Space>
      {blockedSteps.map((e) => (
        <div key={e.event} style={{ marginTop: 8 }} data-testid={`blocked-${e.event}`}>
          <Typography.Text strong style={{ fontSize: 12 }}>{`${e.label}：`}</Typography.Text>
          <UnmetReasons unmet={e.unmet} />
        </div>
      ))}
    </Card>
  );
}
