import { Card, Empty, List } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { ReferralCard } from '../features/legal-aid/components/ReferralCard';
import { useReferrals } from '../features/legal-aid/hooks/use-legal-aid';

/** The legal-aid desk: referrals (urgent first) with screening, decision within 7 days, lawyer within 3. */
export default function LegalAidPage() {
  const q = useReferrals();
  return (
    <>
      <PageHeader title="法律援助转介" />
      <Card size="small">
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有转介记录" /> }}
          renderItem={(r) => (
            <List.Item>
              <ReferralCard r={r} showMatter />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
