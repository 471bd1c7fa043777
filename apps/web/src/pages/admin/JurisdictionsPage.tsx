import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import {
  JurisdictionFormModal,
  type JurisdictionModalState,
} from '../../features/admin/components/JurisdictionFormModal';
import { JurisdictionsTable } from '../../features/admin/components/JurisdictionsTable';
import { useJurisdictions } from '../../features/admin/hooks/use-org-structure';

export default function JurisdictionsPage() {
  const jurisdictions = useJurisdictions();
  const [modal, setModal] = useState<JurisdictionModalState | null>(null);
  const cityId = jurisdictions.data?.find((j) => j.level === 'city')?.id ?? null;

  return (
    <>
      <PageHeader
        title="辖区"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create', parentId: cityId })}
            data-testid="jurisdiction-new"
          >
            新建辖区
          </Button>
        }
      >
        市及所辖县级行政区；岗位和机构按辖区划分。
      </PageHeader>
      <Card size="small">
        <JurisdictionsTable
          key={jurisdictions.data ? 'loaded' : 'loading'}
          jurisdictions={jurisdictions.data ?? []}
          loading={jurisdictions.isFetching}
          onRename={(j) => setModal({ mode: 'rename', id: j.id })}
          onAddChild={(j) => setModal({ mode: 'create', parentId: j.id })}
        />
      </Card>
      <JurisdictionFormModal
        state={modal}
        jurisdictions={jurisdictions.data ?? []}
        onClose={() => setModal(null)}
      />
    </>
  );
}
