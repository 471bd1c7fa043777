import { Button, Descriptions, Drawer, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CourseDetail } from '../api/training.api';
import { useAttend, useCourse, usePeople, useScore } from '../hooks/use-training';

type Attendance = CourseDetail['attendance'][number];

/** A course with its attendance: record who attended, and the assessment score of each. */
export function CourseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const q = useCourse(id);
  const people = usePeople(!!id);
  const attend = useAttend();
  const score = useScore();
  const [chosen, setChosen] = useState<string[]>([]);
  const [scoring, setScoring] = useState<Attendance | null>(null);
  const [form] = Form.useForm<{ score: number }>();
  const c = q.data;
  const present = new Set(c?.attendance.map((a) => `${a.person.kind}:${a.person.id}`));
  return (
    <Drawer title={c?.title ?? '培训课程'} open={!!id} onClose={onClose} size="large" destroyOnHidden>
      {c ? (
        <div data-ready="true" data-testid="course-drawer">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="主题">{c.topic}</Descriptions.Item>
            <Descriptions.Item label="学时">{c.hours}</Descriptions.Item>
            <Descriptions.Item label="授课人">{c.trainer}</Descriptions.Item>
            <Descriptions.Item label="日期">{c.heldOnText}</Descriptions.Item>
            <Descriptions.Item label="地点">{c.place}</Descriptions.Item>
            <Descriptions.Item label="考核">
              {c.passMark === null ? '不设考核' : `${c.passMark}分合格`}
            </Descriptions.Item>
            <Descriptions.Item label="培训对象" span={2}>
              {c.audienceLabels.join('、')}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ margin: '16px 0', width: '100%' }}>
            <Select
              mode="multiple"
              aria-label="出勤人员"
              placeholder="选择出勤人员"
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={chosen}
              onChange={setChosen}
              loading={people.isPending}
              optionFilterProp="label"
              data-testid="attend-people"
              options={(people.data?.items ?? [])
                .filter((p) => !present.has(`${p.kind}:${p.id}`))
                .map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name}（${p.affiliation}）` }))}
            />
            <Button
              type="primary"
              disabled={chosen.length === 0}
              loading={attend.isPending}
              data-testid="attend-save"
              onClick={async () => {
                await attend.mutateAsync({
                  id: c.id,
                  people: chosen.map((v) => {
                    const [kind, pid] = v.split(':') as ['user' | 'member', string];
                    return { kind, id: pid };
                  }),
                });
                setChosen([]);
              }}
            >
              登记出勤
            </Button>
          </Space>
          <Table<Attendance>
            rowKey="id"
            size="small"
            dataSource={c.attendance}
            pagination={false}
            scroll={{ x: 520 }}
            data-testid="attendance-table"
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '单位', dataIndex: 'affiliation' },
              { title: '成绩', render: (_, a) => (a.score === null ? '—' : `${a.score}分`) },
              {
                title: '结果',
                render: (_, a) => (
                  <Tag color={a.passed === false ? 'red' : a.passed ? 'green' : 'default'}>
                    {a.resultLabel}
                  </Tag>
                ),
              },
              { title: '计入学时', dataIndex: 'hoursCredited' },
              {
                title: '操作',
                render: (_, a) =>
                  c.passMark === null ? null : (
                    <Button size="small" onClick={() => setScoring(a)}>
                      登记成绩
                    </Button>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
      <Modal
        title={scoring ? `登记成绩：${scoring.name}` : ''}
        open={!!scoring}
        onCancel={() => setScoring(null)}
        okText="保存"
        confirmLoading={score.isPending}
        destroyOnHidden
        onOk={async () => {
          if (!scoring) return;
          const v = await form.validateFields();
          await score.mutateAsync({ id: scoring.id, version: scoring.version, score: v.score });
          setScoring(null);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="score" label="考核成绩" rules={[{ required: true, message: '请填写成绩' }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
