import { PageHeader } from '../../components/PageHeader';
import { ClocksOverviewView } from '../../features/clocks/components/ClocksOverviewView';

export default function LeaderClocksPage() {
  return (
    <>
      <PageHeader title="期限督办">
        辖区内已逾期和两个工作日内到期的法定期限，按机构和责任人汇总；逾期时系统已自动提醒领导。
      </PageHeader>
      <ClocksOverviewView />
    </>
  );
}
