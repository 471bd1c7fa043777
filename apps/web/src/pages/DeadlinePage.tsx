import { PageHeader } from '../components/PageHeader';
import { DeadlineCalculator } from '../features/clocks/components/DeadlineCalculator';

export default function DeadlinePage() {
  return (
    <>
      <PageHeader title="期限计算器">
        按法定期限规则与工作日历（含节假日调休）计算到期日，结果附法律依据。
      </PageHeader>
      <DeadlineCalculator />
    </>
  );
}
