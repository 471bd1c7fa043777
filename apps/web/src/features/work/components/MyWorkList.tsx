import { Card } from 'antd';
import { Link } from 'react-router';
import { useMyWork } from '../hooks/use-work-list';
import { WorkTable } from './WorkTable';

/** 我的待办: every role in one list — cases assigned to me and transfers awaiting my organisation. */
export function MyWorkList() {
  const q = useMyWork();
  return (
    <Card size="small" data-testid="my-work" extra={<Link to="/transfers">转办收件箱</Link>}>
      <WorkTable items={q.data?.items ?? []} loading={q.isPending} showTrack />
    </Card>
  );
}
