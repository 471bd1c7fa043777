import { Button, Card, DatePicker, Divider, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMatterLegalAid, useRefer } from '../hooks/use-legal-aid';
import { ReferralCard } from './ReferralCard';
import { ScreeningResult } from './ScreeningResult';

/** Legal aid on the matter page: the 《法律援助法》第三十一条、第四十二条、第四十四条 screening, the referral step, the referrals' progress. */
export function LegalAidPanel({ matterId }: { matterId: string }) {
  const q = useMatterLegalAid(matterId);
  const refer = useRefer(matterId);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  if (!q.data) return null;
  const { screening, referrals, canRefer } = q.data;
  if (!screening.eligible && !referrals.length) return null;
  return (
    <Card size="small" title="法律援助" data-testid="legal-aid-panel">
      <ScreeningResult s={screening} />
      {canRefer && (screening.eligible || screening.urgent) ? (
        <Space wrap style={{ marginTop: 8 }}>
          <DatePicker placeholder="期限届满日（可选）" value={deadline} onChange={setDeadline} />
          <Button
            type="primary"
            size="small"
            loading={refer.isPending}
            data-testid="legal-aid-refer"
            onClick={() => refer.mutate(deadline ? { deadline: deadline.format('YYYY-MM-DD') } : {})}
          >
            转介法律援助中心
          </Button>
        </Space>
      ) : null}
      {referrals.map((r) => (
        <div key={r.id}>
          <Divider style={{ margin: '12px 0' }} />
          <ReferralCard r={r} />
        </div>
      ))}
    </Card>
  );
}
