import { Button, Card, List, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../auth/hooks/use-session';
import { useMatterPetitions } from '../hooks/use-petitions';
import { RegisterPetitionModal } from './RegisterPetitionModal';

/** The matter's petitions (信访), for the matter page. */
export function PetitionsPanel({ matterId }: { matterId: string }) {
  const user = useCurrentUser();
  const q = useMatterPetitions(matterId);
  const [open, setOpen] = useState(false);
  const items = q.data?.items ?? [];
  const canRegister = hasPermission(user, 'petition.work');
  if (!items.length && !canRegister) return null;
  return (
    <Card
      size="small"
      title="信访"
      data-testid="petitions-panel"
      extra={
        canRegister ? (
          <Button size="small" onClick={() => setOpen(true)}>
            登记信访
          </Button>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '没有信访记录' }}
        renderItem={(p) => (
          <List.Item>
            <Link to={`/petitions?id=${p.id}`}>{p.caseNumber}</Link>
            <span>{p.request}</span>
            <Tag>{p.stateLabel}</Tag>
          </List.Item>
        )}
      />
      <RegisterPetitionModal
        open={open}
        matterId={matterId}
        onClose={() => setOpen(false)}
        onCreated={() => void q.refetch()}
      />
    </Card>
  );
}
