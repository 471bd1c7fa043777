import { Descriptions, Drawer, Empty, Progress, Table, Typography } from 'antd';
import { usePerson } from '../hooks/use-training';

/** A person's training record for the year, and beside it their outcomes as a mediator. */
export function PersonDrawer({
  person,
  year,
  onClose,
}: {
  person: { kind: 'user' | 'member'; id: string } | null;
  year: number;
  onClose: () => void;
}) {
  const q = usePerson(person, year);
  const r = q.data;
  const o = r?.outcomes;
  return (
    <Drawer
      title={r ? `${r.name}的培训档案` : '培训档案'}
      open={!!person}
      onClose={onClose}
      size="large"
      destroyOnHidden
    >
      {r && o ? (
        <div data-ready="true" data-testid="person-drawer">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="单位">{r.affiliation}</Descriptions.Item>
            <Descriptions.Item label="培训对象类别">{r.audienceLabels.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={`${r.year}年度学时`} span={2}>
              <Progress
                percent={
                  r.hours.required ? Math.min(100, Math.round((r.hours.done / r.hours.required) * 100)) : 100
                }
                format={() => `${r.hours.done}／${r.hours.required}`}
                status={r.hours.met ? 'success' : 'normal'}
              />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} className="section-title" style={{ marginTop: 16 }}>
            调解成效（{o.year}年）
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="办结案件">{o.casesClosed}件</Descriptions.Item>
            <Descriptions.Item label="达成协议">{o.agreements}件</Descriptions.Item>
            <Descriptions.Item label="调解成功率">
              {o.successRate === null ? '—' : `${o.successRate}%`}
            </Descriptions.Item>
            <Descriptions.Item label="协议履行率">
              {o.performanceRate === null
                ? '无履行跟踪记录'
                : `${o.performanceRate}%（${o.agreementsPerformed}／${o.agreementsFollowed}）`}
            </Descriptions.Item>
            <Descriptions.Item label="平均办结用时">
              {o.avgDaysToClose === null ? '—' : `${o.avgDaysToClose}日`}
            </Descriptions.Item>
            <Descriptions.Item label="数据来源">{o.sources.join('，') || '无'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={2} className="section-title" style={{ marginTop: 16 }}>
            参加的培训
          </Typography.Title>
          {r.courses.length ? (
            <Table
              rowKey="courseId"
              size="small"
              pagination={false}
              dataSource={r.courses}
              scroll={{ x: 480 }}
              columns={[
                { title: '课程', dataIndex: 'title' },
                { title: '日期', dataIndex: 'heldOnText' },
                { title: '学时', dataIndex: 'hours' },
                { title: '考核', dataIndex: 'resultLabel' },
                { title: '计入学时', dataIndex: 'hoursCredited' },
              ]}
            />
          ) : (
            <Empty description="本年度尚无培训记录" />
          )}
        </div>
      ) : null}
    </Drawer>
  );
}
