import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useParams } from 'react-router';
import { NotFound } from '../components/NotFound';
import { PageHeader } from '../components/PageHeader';
import { rolesOf, useCurrentUser } from '../features/auth/hooks/use-session';
import { JurisdictionList } from '../features/work/components/JurisdictionList';
import { WorkQueue } from '../features/work/components/WorkQueue';
import { useWorkList } from '../features/work/hooks/use-work-list';
import { findWorkArea, type WorkArea } from '../features/work/work-areas';

function WorkAreaView({ area }: { area: WorkArea }) {
  const user = useCurrentUser();
  const list = useWorkList(area.track);
  // Until the server answers, the session says which jurisdictions this post covers.
  const jurisdictions =
    list.data?.scope.jurisdictions ??
    rolesOf(user, area.roles)
      .filter((r) => r.active)
      .flatMap((r) => r.jurisdictions);

  return (
    <>
      <PageHeader
        title={area.title}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
            刷新
          </Button>
        }
      >
        <JurisdictionList jurisdictions={jurisdictions} />
      </PageHeader>
      <Card title="待办案件" size="small">
        <WorkQueue track={area.track} jurisdictions={jurisdictions} />
      </Card>
    </>
  );
}

/** /work/:track — access is checked by the layout (menu.ts); an unknown track is a 404. */
export default function WorkAreaPage() {
  const { track } = useParams();
  const area = findWorkArea(track);
  if (!area) return <NotFound />;
  return <WorkAreaView key={area.track} area={area} />;
}
