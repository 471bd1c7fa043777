import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Table, Tabs, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import { supervisionApi } from '../features/supervision/api/supervision.api';
import { FilingForm } from '../features/supervision/components/FilingForm';
import { feedback } from '../lib/feedback';
import { money } from '../lib/money';
import { chineseDateOrDash } from '../lib/time';

/** 劳动关系监管 (劳动关系科): filings with their flags, campaigns (专项检查), minimum wage table. */
export default function SupervisionPage() {
  const user = useCurrentUser();
  const client = useQueryClient();
  const filings = useQuery({
    queryKey: ['supervision', 'filings'],
    queryFn: ({ signal }) => supervisionApi.filings(signal),
  });
  const wages = useQuery({
    queryKey: ['supervision', 'mw'],
    queryFn: ({ signal }) => supervisionApi.minimumWage(signal),
  });
  const campaigns = useQuery({
    queryKey: ['supervision', 'campaigns'],
    queryFn: ({ signal }) => supervisionApi.campaigns(signal),
  });
  const open = useMutation({
    mutationFn: (id: string) => supervisionApi.openCase(id),
    onSuccess: (r) => {
      feedback.success(`已依职权立案 ${r.caseNumber}`);
      void client.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.active && r.role === 'inspector') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  return (
    <>
      <PageHeader title="劳动关系监管" />
      <Tabs
        items={[
          {
            key: 'filings',
            label: '监管备案',
            children: (
              <>
                <FilingForm jurisdictions={jurisdictions} />
                <Table
                  style={{ marginTop: 16 }}
                  size="small"
                  rowKey="id"
                  loading={filings.isPending}
                  dataSource={filings.data?.items ?? []}
                  columns={[
                    { title: '类别', dataIndex: 'kindLabel', width: 140 },
                    { title: '用人单位', dataIndex: 'employerName' },
                    {
                      title: '问题',
                      dataIndex: 'flagCount',
                      width: 80,
                      render: (n: number) => (n ? <Tag color="red">{n}项</Tag> : <Tag color="green">无</Tag>),
                    },
                    {
                      title: '处理',
                      width: 160,
                      render: (_: unknown, r) =>
                        r.caseId ? (
                          <Link to={`/inspection/cases/${r.caseId}`}>已立案检查</Link>
                        ) : r.flagCount ? (
                          <Button size="small" loading={open.isPending} onClick={() => open.mutate(r.id)}>
                            依职权立案
                          </Button>
                        ) : null,
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'campaigns',
            label: '专项检查',
            children: (
              <Table
                size="small"
                rowKey="id"
                dataSource={campaigns.data?.items ?? []}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  { title: '内容', dataIndex: 'topic' },
                  {
                    title: '期间',
                    render: (_: unknown, r) =>
                      `${chineseDateOrDash(r.startsOn)}至${chineseDateOrDash(r.endsOn)}`,
                  },
                  { title: '单位数', dataIndex: 'employers', width: 80 },
                ]}
              />
            ),
          },
          {
            key: 'mw',
            label: '最低工资标准',
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.areaCode}:${r.effectiveFrom}`}
                dataSource={wages.data?.items ?? []}
                columns={[
                  { title: '地区代码', dataIndex: 'areaCode', width: 100 },
                  { title: '档次', dataIndex: 'tier', width: 70, render: (t: number) => `${t}类` },
                  { title: '月最低工资', dataIndex: 'monthlyFen', render: (f: number) => money(f) },
                  { title: '小时最低工资', dataIndex: 'hourlyFen', render: (f: number) => money(f) },
                  { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                  { title: '依据', dataIndex: 'basis' },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
