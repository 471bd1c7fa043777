import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { PendingApprovals } from '../features/approvals/PendingApprovals';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import { MyWorkList } from '../features/work/components/MyWorkList';
import { WaitingOnOthers } from '../features/work/components/WaitingOnOthers';
import { WorkAreaCards } from '../features/work/components/WorkAreaCards';
import { businessHour } from '../lib/time';

function greeting(hour: number): string {
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title="工作台">
        <span data-testid="welcome">
          {user.displayName}，{greeting(businessHour())}！欢迎使用一站式劳动保障维权平台。
        </span>
      </PageHeader>
      <section aria-labelledby="mywork-heading" className="home-section">
        <Typography.Title level={2} id="mywork-heading" className="section-title">
          我的待办
        </Typography.Title>
        <MyWorkList />
      </section>
      <PendingApprovals />
      {hasPermission(user, 'intake.create') ? (
        <section aria-labelledby="waiting-heading" className="home-section">
          <Typography.Title level={2} id="waiting-heading" className="section-title">
            我经办、待他人办理
          </Typography.Title>
          <WaitingOnOthers />
        </section>
      ) : null}
      <section aria-labelledby="workareas-heading" className="home-section">
        <Typography.Title level={2} id="workareas-heading" className="section-title">
          我的工作区
        </Typography.Title>
        <WorkAreaCards user={user} />
      </section>
      <section aria-labelledby="shortcuts-heading" className="home-section">
        <Typography.Title level={2} id="shortcuts-heading" className="section-title">
          常用工具
        </Typography.Title>
        <Card size="small">
          <ul className="shortcut-list">
            {hasPermission(user, 'intake.create') ? (
              <li>
                <Link to="/intake">窗口受理登记</Link>
              </li>
            ) : null}
            <li>
              <Link to="/tools/deadline">期限计算器</Link>：按法定期限规则计算到期日（含节假日调休）。
            </li>
          </ul>
        </Card>
      </section>
    </>
  );
}
