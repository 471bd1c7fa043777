import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import type { Certificate, Course, HoursRow, Requirement } from '../features/training/api/training.api';
import { CourseDrawer } from '../features/training/components/CourseDrawer';
import { CourseModal } from '../features/training/components/CourseModal';
import { PersonDrawer } from '../features/training/components/PersonDrawer';
import { RenewModal } from '../features/training/components/RenewModal';
import { readyAttr } from '../lib/ready';
import {
  useCertificates,
  useCourses,
  useHours,
  useRequirements,
} from '../features/training/hooks/use-training';

const CERT_COLORS = { valid: 'green', expiring: 'orange', expired: 'red', revoked: 'default' } as const;

/** 培训与持证: courses, attendance, hours per person against the minimum, certificates with expiry. */
export default function TrainingPage() {
  const user = useCurrentUser();
  const canCerts = user.permissions.includes('admin.users');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [courseOpen, setCourseOpen] = useState(false);
  const [courseId, setCourseId] = useState<string | null>(null);
  const [person, setPerson] = useState<{ kind: 'user' | 'member'; id: string } | null>(null);
  const [renewing, setRenewing] = useState<Certificate | null>(null);
  const courses = useCourses(year);
  const hours = useHours(year);
  const certs = useCertificates(canCerts);
  const reqs = useRequirements();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
    value: y,
    label: `${y}年度`,
  }));

  const coursesTab = (
    <Table<Course>
      rowKey="id"
      size="small"
      loading={courses.isPending}
      dataSource={courses.data?.items ?? []}
      data-ready={readyAttr(courses)}
      data-testid="courses-table"
      scroll={{ x: 760 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '课程',
          dataIndex: 'title',
          render: (t: string, c) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => setCourseId(c.id)}
            >
              {t}
            </Button>
          ),
        },
        { title: '主题', dataIndex: 'topic' },
        { title: '日期', dataIndex: 'heldOnText' },
        { title: '学时', dataIndex: 'hours' },
        { title: '授课人', dataIndex: 'trainer' },
        { title: '培训对象', render: (_, c) => c.audienceLabels.join('、') },
        { title: '出勤', render: (_, c) => `${c.attendeeCount}人` },
      ]}
    />
  );

  const hoursTab = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={`/api/training/export/hours.xlsx?year=${year}`}>
          导出学时统计表（Excel）
        </Button>
      </Space>
      <Table<HoursRow>
        rowKey={(r) => `${r.kind}:${r.id}`}
        size="small"
        loading={hours.isPending}
        dataSource={hours.data?.items ?? []}
        data-ready={readyAttr(hours)}
        data-testid="hours-table"
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (n: string, r) => (
              <Button
                type="link"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => setPerson({ kind: r.kind, id: r.id })}
              >
                {n}
              </Button>
            ),
          },
          { title: '单位', dataIndex: 'affiliation' },
          { title: '培训对象类别', render: (_, r) => r.audienceLabels.join('、') },
          { title: '应完成', render: (_, r) => `${r.required}学时` },
          { title: '已完成', render: (_, r) => `${r.done}学时` },
          {
            title: '完成情况',
            render: (_, r) => <Tag color={r.met ? 'green' : 'orange'}>{r.statusLabel}</Tag>,
          },
        ]}
      />
    </>
  );

  const certsTab = (
    <Table<Certificate>
      rowKey="id"
      size="small"
      loading={certs.isPending}
      dataSource={certs.data?.items ?? []}
      data-ready={readyAttr(certs)}
      data-testid="certs-table"
      scroll={{ x: 900 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '持证人', dataIndex: 'holderName' },
        { title: '证件', dataIndex: 'typeLabel' },
        { title: '编号', dataIndex: 'number' },
        { title: '有效期至', dataIndex: 'validToText' },
        { title: '状态', render: (_, c) => <Tag color={CERT_COLORS[c.status]}>{c.statusLabel}</Tag> },
        { title: `本年度学时`, render: (_, c) => `${c.hours.done}／${c.hours.required}` },
        { title: '换证提醒', render: (_, c) => c.reminderDueText ?? '—' },
        {
          title: '操作',
          render: (_, c) =>
            c.status === 'revoked' ? null : (
              <Button size="small" onClick={() => setRenewing(c)} data-testid={`renew-${c.number}`}>
                换证
              </Button>
            ),
        },
      ]}
    />
  );

  const reqTab = (
    <Table<Requirement>
      rowKey="audience"
      size="small"
      dataSource={reqs.data?.items ?? []}
      loading={reqs.isPending}
      pagination={false}
      scroll={{ x: 600 }}
      columns={[
        { title: '培训对象', dataIndex: 'audienceLabel' },
        { title: '每年不少于', render: (_, r) => `${r.minHours}学时` },
        { title: '依据', dataIndex: 'basis' },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title="培训与持证"
        extra={
          <Space wrap>
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={years}
              style={{ width: 120 }}
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCourseOpen(true)}
              data-testid="course-new"
            >
              登记培训课程
            </Button>
          </Space>
        }
      >
        工作人员、兼职监察员和仲裁员、调解组织调解员的培训、学时与证件
      </PageHeader>
      <Card size="small">
        <Tabs
          items={[
            { key: 'courses', label: '培训课程', children: coursesTab },
            { key: 'hours', label: '学时统计', children: hoursTab },
            ...(canCerts ? [{ key: 'certs', label: '证件与换证', children: certsTab }] : []),
            { key: 'requirements', label: '学时要求', children: reqTab },
          ]}
        />
      </Card>
      <CourseModal open={courseOpen} onClose={() => setCourseOpen(false)} />
      <CourseDrawer id={courseId} onClose={() => setCourseId(null)} />
      <PersonDrawer person={person} year={year} onClose={() => setPerson(null)} />
      <RenewModal cert={renewing} onClose={() => setRenewing(null)} />
    </>
  );
}
