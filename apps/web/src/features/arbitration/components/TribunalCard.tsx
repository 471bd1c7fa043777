import { Alert, Button, Card, DatePicker, Form, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import type { BodyOf } from '../../../lib/api-types-helpers';
import type { ArbitrationCase } from '../api/arbitration.api';
import { useArbitrationAction, useArbitrators, useHearingCalendar } from '../hooks/use-arbitration';
import { businessToday, chineseClockOfInstant, PICKER_MINUTE_FORMATS } from '../../../lib/time';

/** Tripartite sides of a collective-contract tribunal (劳动行政部门、工会、企业方面). */
type TribunalSide = NonNullable<BodyOf<'/api/arbitration/cases/{caseId}/tribunal', 'post'>['sides']>[string];

const SIDES: { value: TribunalSide; label: string }[] = [
  { value: 'labour_administration', label: '劳动行政部门代表' },
  { value: 'trade_union', label: '工会代表' },
  { value: 'enterprise', label: '企业方面代表' },
];

/** 组庭 (one or three arbitrators with a valid certificate; 回避 shown) and 排期开庭 on the room calendar. */
export function TribunalCard({ c }: { c: ArbitrationCase }) {
  const people = useArbitrators(c.caseId, !c.closed);
  const act = useArbitrationAction(c.caseId);
  const [ids, setIds] = useState<string[]>([]);
  const [clerk, setClerk] = useState<string>();
  const [sides, setSides] = useState<Record<string, TribunalSide>>({});
  const nameOf = (id: string) => people.data?.find((p) => p.userId === id)?.name ?? id;
  const today = businessToday();
  const cal = useHearingCalendar(today, 14);
  const [form] = Form.useForm<{ roomId: string; range: [Dayjs, Dayjs] }>();
  const options = (people.data ?? []).map((p) => ({
    value: p.userId,
    disabled: !p.arbitrator || p.barred !== null,
    label: `${p.name}${p.certificateInvalid ? '（仲裁员证已过期）' : ''}${p.barred ? '（应回避）' : ''}`,
  }));
  return (
    <Card size="small" title="仲裁庭与开庭">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {c.tribunal.map((t) => (
            <Tag key={t.userId} color={t.role === 'clerk' ? 'default' : 'blue'}>
              {{ sole: '独任仲裁员', presiding: '首席仲裁员', member: '仲裁员', clerk: '书记员' }[t.role]}：
              {t.name}
              {t.side ? `（${SIDES.find((s) => s.value === t.side)?.label ?? t.side}）` : ''}
            </Tag>
          ))}
        </Space>
        <Space wrap>
          <Select
            mode="multiple"
            style={{ minWidth: 280 }}
            placeholder={
              c.collective
                ? '集体争议：选择三名仲裁员（第一位为首席）'
                : '选择一名或三名仲裁员（第一位为首席）'
            }
            options={options}
            value={ids}
            onChange={setIds}
            data-testid="tribunal-select"
          />
          <Select
            style={{ minWidth: 140 }}
            placeholder="书记员"
            allowClear
            options={(people.data ?? [])
              .filter((p) => p.clerk)
              .map((p) => ({ value: p.userId, label: p.name }))}
            value={clerk}
            onChange={setClerk}
          />
          <Button
            onClick={() =>
              act.mutate({
                path: '/tribunal',
                body: {
                  arbitratorIds: ids,
                  presidingId: ids[0],
                  ...(clerk ? { clerkId: clerk } : {}),
                  ...(c.collectiveContract
                    ? {
                        sides: Object.fromEntries(
                          ids.flatMap((id) => (sides[id] ? [[id, sides[id]] as const] : [])),
                        ),
                      }
                    : {}),
                },
              })
            }
            loading={act.isPending}
          >
            组成仲裁庭
          </Button>
        </Space>
        {c.collectiveContract ? (
          <Space wrap data-testid="tripartite-sides">
            <Tag color="volcano">集体合同争议：按三方原则组庭</Tag>
            {ids.map((id) => (
              <Select
                key={id}
                style={{ minWidth: 220 }}
                placeholder={`${nameOf(id)}的代表身份`}
                options={SIDES.map((s) => ({ value: s.value, label: `${nameOf(id)}：${s.label}` }))}
                value={sides[id]}
                onChange={(v) => setSides({ ...sides, [id]: v })}
                data-testid={`tribunal-side-${id}`}
              />
            ))}
          </Space>
        ) : null}
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            act.mutate({
              path: '/hearings',
              body: { roomId: v.roomId, startsAt: v.range[0].format(), endsAt: v.range[1].format() },
            })
          }
        >
          <Form.Item name="roomId" rules={[{ required: true, message: '请选择庭室' }]}>
            <Select
              style={{ width: 180 }}
              placeholder="庭室"
              options={(cal.data?.rooms ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="range" rules={[{ required: true, message: '请选择开庭时间' }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={PICKER_MINUTE_FORMATS} />
          </Form.Item>
          <Button htmlType="submit" loading={act.isPending}>
            排期开庭（开庭五日前通知）
          </Button>
        </Form>
        {act.error ? (
          <Alert
            type="error"
            data-testid="tribunal-error"
            message={isApiError(act.error) ? act.error.message : '提交失败'}
          />
        ) : null}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.hearings}
          columns={[
            { title: '庭室', dataIndex: 'room' },
            {
              title: '开始',
              dataIndex: 'startsAt',
              render: (v: string) => chineseClockOfInstant(v),
            },
            {
              title: '结束',
              dataIndex: 'endsAt',
              render: (v: string) => chineseClockOfInstant(v),
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (v: string) =>
                ({ scheduled: '待开庭', held: '已开庭', postponed: '已延期', cancelled: '已取消' })[v] ?? v,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
