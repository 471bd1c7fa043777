import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../features/auth/hooks/use-session';
import type { Organization } from '../features/prevention/api/prevention.api';
import { RegisterModal } from '../features/prevention/components/RegisterModal';
import { useOrganizationsRegister } from '../features/prevention/hooks/use-prevention';
import { readyAttr } from '../lib/ready';

const STANDARD_COLORS = { never: 'default', passed: 'green', failed: 'red' } as const;

/** 调解组织建设: the register of mediation organisations in the user's jurisdictions and their 六有五统一 state. */
export default function PreventionPage() {
  const user = useCurrentUser();
  const [shortfall, setShortfall] = useState(false);
  const [open, setOpen] = useState(false);
  const q = useOrganizationsRegister(shortfall);
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.role === 'prevention_officer') for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  return (
    <>
      <PageHeader
        title="调解组织建设"
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href="/api/prevention/export/register.xlsx">
              导出名录
            </Button>
            <Button icon={<DownloadOutlined />} href="/api/prevention/export/assessments.xlsx">
              导出评估结果
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpen(true)}
              data-testid="org-new"
            >
              登记调解组织
            </Button>
          </Space>
        }
      >
        企业、乡镇（街道）、村（社区）、行业性区域性调解组织名录与六有五统一规范化建设
      </PageHeader>
      <Card size="small">
        <Checkbox
          checked={shortfall}
          onChange={(e) => setShortfall(e.target.checked)}
          style={{ marginBottom: 12 }}
        >
          只看未达标（含未评估）
        </Checkbox>
        <Table<Organization>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 800 }}
          data-ready={readyAttr(q)}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (name: string, o) => <Link to={`/prevention/organizations/${o.id}`}>{name}</Link>,
            },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '辖区', render: (_, o) => o.jurisdiction.name },
            { title: '成立日期', dataIndex: 'foundedOnText' },
            { title: '状态', dataIndex: 'statusLabel' },
            {
              title: '六有五统一',
              render: (_, o) => <Tag color={STANDARD_COLORS[o.standard.state]}>{o.standard.label}</Tag>,
            },
            { title: '复评到期日', render: (_, o) => o.standard.reassessDueText ?? '—' },
          ]}
        />
      </Card>
      <RegisterModal open={open} onClose={() => setOpen(false)} jurisdictions={jurisdictions} />
    </>
  );
}
