import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { hasPermission, rolesOf } from '../../auth/hooks/use-session';
import type { SessionUser } from '../../auth/types';
import { WORK_AREAS } from '../work-areas';
import { JurisdictionList } from './JurisdictionList';

/** One card per work area the user may open, each naming the jurisdictions they serve there. */
export function WorkAreaCards({ user }: { user: SessionUser }) {
  const areas = WORK_AREAS.filter((a) => hasPermission(user, a.permission));
  if (areas.length === 0) {
    return <Empty description="您的岗位不承办案件，没有案件工作区；窗口受理、维权事项等请从左侧菜单进入" />;
  }
  return (
    <Row gutter={[16, 16]}>
      {areas.map((area) => {
        const jurisdictions = rolesOf(user, area.roles)
          .filter((r) => r.active)
          .flatMap((r) => r.jurisdictions);
        return (
          <Col key={area.track} xs={24} sm={12} xl={8}>
            <Link
              to={`/work/${area.track}`}
              className="workarea-card-link"
              data-testid={`workarea-card-${area.track}`}
            >
              <Card hoverable className="workarea-card">
                <Typography.Title level={2} className="workarea-card-title">
                  {area.title}
                  <ArrowRightOutlined aria-hidden className="workarea-card-arrow" />
                </Typography.Title>
                <JurisdictionList jurisdictions={jurisdictions} />
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
