import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/hooks/use-session';
import type { GoldRound, Nomination } from '../api/training.api';
import {
  useApprove,
  useMark,
  useNominate,
  useOrganizationChoices,
  usePeople,
  useRound,
  useStep,
} from '../hooks/use-training';

/** One yearly round: criteria, nominations with the panel's marks and the computed scores, and its steps. */
export function GoldRoundPanel({ id }: { id: string }) {
  const user = useCurrentUser();
  const isApprover = user.permissions.includes('leader.dashboard');
  const canOfficer = user.permissions.includes('prevention.work');
  const q = useRound(id);
  const step = useStep();
  const [nominating, setNominating] = useState(false);
  const [marking, setMarking] = useState<Nomination | null>(null);
  const [approving, setApproving] = useState(false);
  const r = q.data;
  if (!r) return <Card size="small" loading />;
  return (
    <Card size="small" title={`${r.title}（${r.statusLabel}）`} data-ready="true" data-testid="round-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        {r.status === 'open' ? (
          <>
            <Button type="primary" onClick={() => setNominating(true)} data-testid="nominate">
              推荐
            </Button>
            <Button
              disabled={r.nominations.length === 0}
              loading={step.isPending}
              data-testid="start-marking"
              onClick={() => step.mutate({ id: r.id, step: 'marking', version: r.version })}
            >
              停止推荐并开始评审
            </Button>
          </>
        ) : null}
        {r.status === 'marking' ? (
          <Button
            type="primary"
            loading={step.isPending}
            data-testid="score"
            onClick={() => step.mutate({ id: r.id, step: 'score', version: r.version })}
          >
            计算得分
          </Button>
        ) : null}
        {r.status === 'scored' && isApprover ? (
          <Button type="primary" onClick={() => setApproving(true)} data-testid="approve">
            审批评选结果
          </Button>
        ) : null}
        {r.status === 'scored' && !isApprover ? (
          <Alert type="info" showIcon message="已计分，待中心领导审批" />
        ) : null}
        {r.status === 'approved' && (canOfficer || isApprover) ? (
          <Button
            type="primary"
            loading={step.isPending}
            data-testid="publish"
            onClick={() => step.mutate({ id: r.id, step: 'publish', version: r.version })}
          >
            在门户公布
          </Button>
        ) : null}
      </Space>
      {r.approvedByName ? (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="审批人">{r.approvedByName}</Descriptions.Item>
          <Descriptions.Item label="审批日期">{r.approvedOnText}</Descriptions.Item>
          <Descriptions.Item label="公布日期">{r.publishedOnText ?? '未公布'}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Table<Nomination>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.nominations}
        scroll={{ x: 820 }}
        data-testid="nominations-table"
        expandable={{
          rowExpandable: (n) => !!n.parts,
          expandedRowRender: (n) => (
            <Table
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={n.parts ?? []}
              columns={[
                { title: '评选标准', dataIndex: 'label' },
                { title: '权重', dataIndex: 'weight' },
                { title: '得分', dataIndex: 'value' },
                { title: '说明', dataIndex: 'explain' },
              ]}
            />
          ),
        }}
        columns={[
          { title: '推荐对象', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '所在单位', dataIndex: 'affiliation' },
          {
            title: '评审组评分',
            render: (_, n) =>
              n.marks.length ? n.marks.map((m) => `${m.panelistName}${m.mark}分`).join('，') : '—',
          },
          { title: '得分', render: (_, n) => (n.score === null ? '—' : n.score) },
          { title: '结果', render: (_, n) => (n.awarded ? <Tag color="gold">评定</Tag> : null) },
          {
            title: '操作',
            render: (_, n) =>
              r.status === 'marking' ? (
                <Button size="small" onClick={() => setMarking(n)} data-testid={`mark-${n.name}`}>
                  评分
                </Button>
              ) : null,
          },
        ]}
      />
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={r.criteria}
        scroll={{ x: 600 }}
        columns={[
          { title: '评选标准', dataIndex: 'label' },
          { title: '权重', dataIndex: 'weight' },
          { title: '依据', dataIndex: 'basis' },
        ]}
      />
      <NominateModal round={r} open={nominating} onClose={() => setNominating(false)} />
      <MarkModal n={marking} onClose={() => setMarking(null)} />
      <ApproveModal round={r} open={approving} onClose={() => setApproving(false)} />
    </Card>
  );
}

function NominateModal({ round, open, onClose }: { round: GoldRound; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{
    kind: 'organization' | 'mediator';
    nominee: string;
    reason: string;
    complaints: number;
  }>();
  const kind = Form.useWatch('kind', form);
  const orgs = useOrganizationChoices(open);
  const people = usePeople(open);
  const nominate = useNominate();
  const options =
    kind === 'organization'
      ? (orgs.data?.items ?? []).map((o) => ({
          value: `org:${o.id}`,
          label: `${o.name}（${o.jurisdictionName}）`,
        }))
      : (people.data?.items ?? [])
          .filter((p) => p.audienceLabels.includes('调解组织调解员') || p.kind === 'user')
          .map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name}（${p.affiliation}）` }));
  return (
    <Modal
      title="推荐参评"
      open={open}
      onCancel={onClose}
      okText="推荐"
      confirmLoading={nominate.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const [k, nid] = v.nominee.split(':') as [string, string];
        await nominate.mutateAsync({
          id: round.id,
          body: {
            kind: v.kind,
            ...(k === 'org' ? { organizationId: nid } : k === 'user' ? { userId: nid } : { memberId: nid }),
            reason: v.reason,
            complaints: v.complaints ?? 0,
          },
        });
        onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'organization', complaints: 0 }}
      >
        <Form.Item name="kind" label="推荐类别" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'organization', label: '金牌调解组织' },
              { value: 'mediator', label: '金牌调解员' },
            ]}
            onChange={() => form.setFieldValue('nominee', undefined)}
          />
        </Form.Item>
        <Form.Item name="nominee" label="推荐对象" rules={[{ required: true, message: '请选择推荐对象' }]}>
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="reason" label="推荐理由" rules={[{ required: true, message: '请填写推荐理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="complaints" label="年度内经查实的投诉（件）">
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MarkModal({ n, onClose }: { n: Nomination | null; onClose: () => void }) {
  const [form] = Form.useForm<{ mark: number; comment?: string }>();
  const mark = useMark();
  return (
    <Modal
      title={n ? `评分：${n.name}` : ''}
      open={!!n}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ 'data-testid': 'mark-save' } as Record<string, string>}
      confirmLoading={mark.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!n) return;
        const v = await form.validateFields();
        await mark.mutateAsync({ id: n.id, mark: v.mark, ...(v.comment ? { comment: v.comment } : {}) });
        onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="mark" label="评分（0至100分）" rules={[{ required: true, message: '请填写评分' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="comment" label="评语">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ApproveModal({ round, open, onClose }: { round: GoldRound; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ awardedIds: string[]; note?: string }>();
  const approve = useApprove();
  return (
    <Modal
      title="审批评选结果"
      open={open}
      onCancel={onClose}
      okText="审批"
      okButtonProps={{ 'data-testid': 'approve-save' } as Record<string, string>}
      confirmLoading={approve.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        await approve.mutateAsync({
          id: round.id,
          version: round.version,
          awardedIds: v.awardedIds,
          note: v.note,
        });
        onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="awardedIds"
          label="评定对象"
          rules={[{ required: true, message: '请至少评定一个对象' }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={round.nominations.map((n) => ({
              value: n.id,
              label: `${n.name}（${n.kindLabel}，${n.score ?? '—'}分）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label="审批意见">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
