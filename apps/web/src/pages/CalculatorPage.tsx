import { PageHeader } from '../components/PageHeader';
import { EntitlementCalculator } from '../features/mediation/components/EntitlementCalculator';

/** The entitlement calculator on its own (also used inside the 调解建议书 editor). */
export default function CalculatorPage() {
  return (
    <>
      <PageHeader title="权益计算器">
        按《劳动合同法》《劳动法》等计算拖欠工资、加班费、经济补偿（N / N+1 /
        2N）与二倍工资，结果附计算过程与法律依据；本地社平工资、最低工资标准由管理员维护。
      </PageHeader>
      <div style={{ maxWidth: 760 }}>
        <EntitlementCalculator />
      </div>
    </>
  );
}
