import { chineseDate } from '@onestop/domain/time';
import { formatYuan } from '@onestop/domain/claims/money';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Timeline,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isApiError, request } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';

type Listing = Schema<'DefaulterListing'>;
type Rules = Schema<'DefaulterRules'>;
type ListItems = Schema<'DefaulterListingList'>;

const errorOf = (e: unknown) => (e ? (isApiError(e) ? e.message : '操作没有成功，请稍后再试') : null);

function useListing(id: string) {
  return useQuery({
    queryKey: ['defaulter', id],
    queryFn: ({ signal }) => request<Listing>(`/api/defaulters/${id}`, { signal }),
  });
}

function useStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body: Record<string, unknown> }) =>
      request<Listing>(`/api/defaulters/${id}/${v.path}`, { method: 'POST', body: v.body }),
    onSuccess: (l) => {
      client.setQueryData(['defaulter', id], l);
      void client.invalidateQueries({ queryKey: ['defaulters'] });
    },
  });
}

const today = () => dayjs().format('YYYY-MM-DD');

/** One procedure: its state, each step with its document, its clocks, and the step open now. */
function ListingCard({ id }: { id: string }) {
  const q = useListing(id);
  const step = useStep(id);
  const [text, setText] = useState('');
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  if (!q.data) return null;
  const l = q.data;
  const go = (path: string, body: Record<string, unknown>) =>
    step.mutate({ path, body: { ...body, version: l.version } }, { onSuccess: () => setText('') });
  return (
    <Card
      size="small"
      type="inner"
      title={`失信名单程序：${l.employerName}`}
      data-testid="defaulter-listing"
      data-state={l.state}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="状态">
          <Tag color={l.state === 'published' ? 'red' : 'blue'}>{l.stateLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="列入事由">{l.groundLabel}</Descriptions.Item>
        <Descriptions.Item label="依据">{l.groundBasis}</Descriptions.Item>
        <Descriptions.Item label="拖欠工资">{formatYuan(l.owedFen)}</Descriptions.Item>
        {l.decidedOn ? (
          <Descriptions.Item label="列入期限">
            {chineseDate(l.decidedOn)}至{l.endsOn ? chineseDate(l.endsOn) : '—'}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Timeline
        items={l.steps.map((s) => ({
          children: (
            <span>
              {s.label}（{s.actorName}）{s.document ? `：${s.document.title} ${s.document.number ?? ''}` : ''}
            </span>
          ),
        }))}
      />
      <ul>
        {l.clocks.map((c) => (
          <li key={c.id}>
            {c.name}：{chineseDate(c.dueDate)}
            {c.provisional ? '（暂定）' : ''}　
            {c.status === 'met' ? '已完成' : c.status === 'missed' ? '已逾期' : '计时中'}
          </li>
        ))}
      </ul>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {l.actions.statement || l.actions.decide || l.actions.remove || l.actions.requestRemoval ? (
          <Input.TextArea
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={
              l.actions.requestRemoval
                ? '守信承诺'
                : l.actions.statement
                  ? '陈述、申辩意见或复核意见'
                  : '意见'
            }
          />
        ) : null}
        <Space wrap>
          {l.actions.statement ? (
            <Button onClick={() => go('statement', { statement: text, receivedOn: today() })}>
              记录陈述、申辩
            </Button>
          ) : null}
          {l.actions.decide ? (
            <>
              <Button type="primary" onClick={() => go('decision', { list: true, reviewOpinion: text })}>
                决定列入
              </Button>
              <Button onClick={() => go('decision', { list: false, reviewOpinion: text })}>不予列入</Button>
            </>
          ) : null}
          {l.actions.publish ? (
            <Button type="primary" onClick={() => go('publication', {})}>
              公开名单
            </Button>
          ) : null}
          {l.actions.requestRemoval ? (
            <>
              <DatePicker placeholder="足额支付日期" value={date} onChange={setDate} />
              <Button
                onClick={() =>
                  go('removal-application', {
                    paidOn: date?.format('YYYY-MM-DD') ?? '',
                    appliedOn: today(),
                    commitment: text,
                  })
                }
              >
                受理提前移出申请
              </Button>
            </>
          ) : null}
          {l.actions.remove ? (
            <>
              <Button type="primary" onClick={() => go('removal', { approve: true, opinion: text })}>
                同意提前移出
              </Button>
              <Button onClick={() => go('removal', { approve: false, opinion: text })}>不同意</Button>
            </>
          ) : null}
        </Space>
        {step.error ? <Alert type="error" title={errorOf(step.error)} /> : null}
      </Space>
    </Card>
  );
}

/** The defaulter list procedure on an inspection case: the proposal and every procedure of the case. */
export function DefaulterPanel({ caseId, canPropose }: { caseId: string; canPropose: boolean }) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['defaulters', caseId],
    queryFn: ({ signal }) => request<ListItems>('/api/defaulters', { query: { caseId }, signal }),
  });
  const rules = useQuery({
    queryKey: ['defaulters', 'rules'],
    queryFn: ({ signal }) => request<Rules>('/api/defaulters/rules', { signal }),
  });
  const propose = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      request<Listing>(`/api/inspection/cases/${caseId}/defaulter-proposals`, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['defaulters'] }),
  });
  const items = list.data?.items ?? [];
  if (!canPropose && !items.length) return null;
  return (
    <Card size="small" title="拖欠农民工工资失信联合惩戒名单" data-testid="defaulter-panel">
      {items.map((x) => (
        <ListingCard key={x.id} id={x.id} />
      ))}
      {canPropose &&
      rules.data &&
      !items.some((x) => !['decided_not_listed', 'removed', 'expired'].includes(x.state)) ? (
        <Form layout="vertical" onFinish={(v) => propose.mutate(v)}>
          <p>
            前提：{rules.data.precondition.label}（{rules.data.precondition.basis}）
          </p>
          <Form.Item name="ground" label="列入事由" rules={[{ required: true, message: '请选择列入事由' }]}>
            <Select options={rules.data.grounds.map((g) => ({ value: g.code, label: g.label }))} />
          </Form.Item>
          <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name="responsiblePersons"
            label="一并列入的有关责任人员"
            rules={[{ required: true, message: '请填写法定代表人或主要负责人等' }]}
          >
            <Input />
          </Form.Item>
          <Button htmlType="submit" loading={propose.isPending}>
            提出拟列入并签发告知书
          </Button>
          {propose.error ? <Alert type="error" title={errorOf(propose.error)} /> : null}
        </Form>
      ) : null}
    </Card>
  );
}
