import { Card, Empty } from 'antd';
import { PageHeader } from '../components/PageHeader';

export default function LeaderPage() {
  return (
    <>
      <PageHeader title="领导驾驶舱">全市维权事项总览、期限预警与督办。</PageHeader>
      <Card>
        <Empty description="驾驶舱统计功能正在建设中" />
      </Card>
    </>
  );
}
