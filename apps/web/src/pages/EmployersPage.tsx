import { useQuery } from '@tanstack/react-query';
import { Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { type EmployerProfile, employersApi } from '../features/employers/api/employers.api';
import { EmployerProfileView } from '../features/employers/components/EmployerProfileView';
import { feedback } from '../lib/feedback';

/** 用人单位画像与风险排名: where leaders and inspectors target visits. */
export default function EmployersPage() {
  const risk = useQuery({
    queryKey: ['employers', 'risk'],
    queryFn: ({ signal }) => employersApi.risk(signal),
  });
  const [profile, setProfile] = useState<EmployerProfile | null>(null);
  const show = async (p: Promise<EmployerProfile>) => {
    try {
      setProfile(await p);
    } catch (e) {
      feedback.error((e as Error).message);
    }
  };
  return (
    <>
      <PageHeader title="用人单位画像" />
      <Input.Search
        placeholder="输入统一社会信用代码"
        enterButton="查询"
        style={{ maxWidth: 420, marginBottom: 12 }}
        onSearch={(v) => v.trim() && void show(employersApi.byCode(v.trim()))}
      />
      {profile ? <EmployerProfileView p={profile} /> : null}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="id"
        loading={risk.isPending}
        dataSource={risk.data?.items ?? []}
        onRow={(r) => ({
          onClick: () => void show(employersApi.profile(r.id)),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '用人单位', dataIndex: 'name' },
          { title: '统一社会信用代码', dataIndex: 'creditCode' },
          { title: '风险分', dataIndex: 'score', width: 80 },
          {
            title: '等级',
            dataIndex: 'levelLabel',
            width: 70,
            render: (v: string) => (
              <Tag color={v === '高' ? 'red' : v === '中' ? 'orange' : 'green'}>{v}</Tag>
            ),
          },
          {
            title: '因素',
            render: (_: unknown, r) => r.factors.map((f) => `${f.label}${f.count}`).join('、'),
          },
        ]}
      />
    </>
  );
}
