import { Card } from 'antd';
import { Link } from 'react-router';
import { useMyWork } from '../hooks/use-work-list';
import { WorkTable } from './WorkTable';
import { readyAttr } from '../../../lib/ready';

/**
 * 我的待办: every role in one list — cases assigned to me and transfers awaiting my organisation.
 * Approvals are listed once on the 工作台, under 待我审批 (PendingApprovals), not here again.
 */
export function MyWorkList() {
  const q = useMyWork();
  const items = (q.data?.items ?? []).filter((i) => i.kind !== 'approval');
  return (
    <Card
      size="small"
      data-testid="my-work"
      data-ready={readyAttr(q)}
      extra={<Link to="/transfers">转办收件箱</Link>}
    >
      <WorkTable items={items} loading={q.isPending} showTrack />
    </Card>
  );
}
