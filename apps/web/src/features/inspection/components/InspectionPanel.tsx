import { Alert, Card, Space, Spin } from 'antd';
import { useMatterInspection } from '../hooks/use-inspection';
import { InspectionCaseView } from './InspectionCaseView';

/** The matter page's inspection section: each inspection case with its allowed steps (reporter confidential). */
export function InspectionPanel({ matterId }: { matterId: string }) {
  const q = useMatterInspection(matterId);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data?.length) return null;
  return (
    <Card size="small" title="劳动保障监察" data-testid="inspection-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {q.data.map((c) => (
          <InspectionCaseView key={c.id} c={c} compact />
        ))}
      </Space>
    </Card>
  );
}
