import { Segmented, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import { CampaignPanel } from '../features/inspection/components/CampaignPanel';
import { RegisterForm } from '../features/inspection/components/RegisterForm';
import { useInspectionList } from '../features/inspection/hooks/use-inspection';
import { chineseDateOrDash } from '../lib/time';

/** 劳动保障监察: the case queue and the complaint / report register. */
export default function InspectionPage() {
  const user = useCurrentUser();
  const [mine, setMine] = useState<'all' | 'mine'>('all');
  const list = useInspectionList(mine === 'mine' ? { mine: 'true' } : {});
  const canWork = hasPermission(user, 'inspection.work');
  const canRegister = hasPermission(user, 'inspection.work') || hasPermission(user, 'intake.create');
  const queue = (
    <>
      <Segmented
        value={mine}
        onChange={(v) => setMine(v as 'all' | 'mine')}
        options={[
          { value: 'all', label: '辖区全部' },
          { value: 'mine', label: '本人承办' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        data-testid="inspection-queue"
        columns={[
          {
            title: '案件编号',
            dataIndex: 'number',
            render: (v: string, r) => <Link to={`/inspection/cases/${r.id}`}>{v}</Link>,
          },
          { title: '来源', dataIndex: 'sourceLabel', width: 90 },
          { title: '用人单位', dataIndex: 'employerName' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            width: 110,
            render: (v: string, r) => <Tag color={r.closed ? 'default' : 'blue'}>{v}</Tag>,
          },
          {
            title: '收到日期',
            dataIndex: 'receivedOn',
            width: 130,
            render: (v: string | null) => chineseDateOrDash(v),
          },
          {
            title: '最近期限',
            dataIndex: 'nextDue',
            width: 130,
            render: (v: string | null) => chineseDateOrDash(v),
          },
        ]}
      />
    </>
  );
  return (
    <>
      <PageHeader title="劳动保障监察" />
      <Tabs
        items={[
          { key: 'queue', label: '监察案件', children: queue },
          ...(canWork ? [{ key: 'campaigns', label: '专项检查', children: <CampaignPanel /> }] : []),
          ...(canRegister ? [{ key: 'register', label: '投诉举报登记', children: <RegisterForm /> }] : []),
        ]}
      />
    </>
  );
}
