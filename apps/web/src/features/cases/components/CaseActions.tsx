import { Button, Empty, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { AvailableEvent, CaseDetail } from '../types';
import { TransitionModal } from './TransitionModal';

/** ONLY the steps this user may take now (availableEvents from the server; it checks again). */
export function CaseActions({ c }: { c: CaseDetail }) {
  const [action, setAction] = useState<AvailableEvent | null>(null);
  if (c.closed) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="案件已办结" />;
  if (!c.availableEvents.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您在本案当前状态下没有可执行的操作" />;
  }
  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.availableEvents.map((a) => (
          <Tooltip key={a.event} title={a.enabled ? `办理后：${a.toLabel}` : `须满足：${a.reason}`}>
            <Button
              type={a.enabled ? 'primary' : 'default'}
              onClick={() => setAction(a)}
              data-testid={`case-action-${a.event}`}
            >
              {a.label}
            </Button>
          </Tooltip>
        ))}
      </Space>
      <TransitionModal c={c} action={action} onClose={() => setAction(null)} />
    </>
  );
}
