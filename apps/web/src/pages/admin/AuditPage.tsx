import { Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { AuditChainCheck } from '../../features/admin/components/AuditChainCheck';
import { AuditFiltersForm } from '../../features/admin/components/AuditFiltersForm';
import { AuditTable } from '../../features/admin/components/AuditTable';
import { useAuditLog } from '../../features/admin/hooks/use-audit';
import type { AuditFilters } from '../../features/admin/types';

export default function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const log = useAuditLog(filters, page, pageSize);

  return (
    <>
      <PageHeader title="审计日志" extra={<AuditChainCheck />}>
        关键操作均记录在案；日志按序号链式存证，可随时校验是否被篡改。
      </PageHeader>
      <Card size="small" className="filter-card">
        <AuditFiltersForm
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
      </Card>
      <Card size="small">
        <AuditTable
          items={log.data?.items ?? []}
          total={log.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={log.isFetching}
          onPageChange={(nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          }}
        />
      </Card>
    </>
  );
}
