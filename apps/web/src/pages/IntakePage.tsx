import { Card, Empty } from 'antd';
import { PageHeader } from '../components/PageHeader';

export default function IntakePage() {
  return (
    <>
      <PageHeader title="窗口受理">一窗受理：来访、电话、网上申请与转办事项在此登记。</PageHeader>
      <Card>
        <Empty description="受理登记功能正在建设中" />
      </Card>
    </>
  );
}
