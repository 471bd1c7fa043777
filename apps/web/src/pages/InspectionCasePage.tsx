import { Result, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { InspectionCaseView } from '../features/inspection/components/InspectionCaseView';
import { useInspectionCase } from '../features/inspection/hooks/use-inspection';
import { isApiError } from '../lib/api';
import { DefaulterPanel } from '../features/defaulters/components/DefaulterPanel';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import { readyAttr } from '../lib/ready';

export default function InspectionCasePage() {
  const { id = '' } = useParams();
  const q = useInspectionCase(id);
  const user = useCurrentUser();
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    return (
      <Result
        status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'}
        title={q.error?.message ?? '无法加载'}
      />
    );
  }
  const c = q.data;
  // data-ready: the case query has settled (loaded or failed) and no refetch is under way (browser tests wait for it).
  return (
    <div data-testid="inspection-case-page" data-ready={readyAttr(q)}>
      <PageHeader title={`监察案件 ${c.number}`}>
        维权事项 <Link to={`/matters/${c.matterId}`}>{c.matterNumber}</Link>
      </PageHeader>
      <InspectionCaseView c={c} />
      <DefaulterPanel caseId={c.id} canPropose={hasPermission(user, 'inspection.work') && !c.closed} />
    </div>
  );
}
