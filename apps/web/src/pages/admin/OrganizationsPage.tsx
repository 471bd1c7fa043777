import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import {
  OrganizationFormModal,
  type OrganizationModalState,
} from '../../features/admin/components/OrganizationFormModal';
import { OrganizationsTable } from '../../features/admin/components/OrganizationsTable';
import { useOrganizations } from '../../features/admin/hooks/use-org-structure';

export default function OrganizationsPage() {
  const organizations = useOrganizations();
  const [modal, setModal] = useState<OrganizationModalState | null>(null);

  return (
    <>
      <PageHeader
        title="机构"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create' })}
            data-testid="org-new"
          >
            新建机构
          </Button>
        }
      >
        中心的牵头单位与协作单位（1+X），以及各自的下级机构。
      </PageHeader>
      <Card size="small">
        {/* defaultExpandAllRows applies on first render only: remount once the data is there. */}
        <OrganizationsTable
          key={organizations.data ? 'loaded' : 'loading'}
          organizations={organizations.data ?? []}
          loading={organizations.isFetching}
          onEdit={(org) => setModal({ mode: 'edit', id: org.id })}
          onAddChild={(org) => setModal({ mode: 'create', parentId: org.id })}
        />
      </Card>
      <OrganizationFormModal
        state={modal}
        organizations={organizations.data ?? []}
        onClose={() => setModal(null)}
      />
    </>
  );
}
