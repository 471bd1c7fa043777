import { Button, Empty, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AvailableEvent, CaseDetail } from '../types';
import { TransitionModal } from './TransitionModal';

/** Where a track's acts are done (their forms issue the documents). */
function formPage(c: CaseDetail): string | null {
  if (c.track === 'arbitration') return `/arbitration/cases/${c.id}`;
  if (c.track === 'mediation') return `/matters/${c.matterId}`;
  return null;
}

/**
 * ONLY the steps this user may take now (availableEvents from the server; it checks again). A legal act
 * (a document with its contents) is never offered as a bare status change: it links to its form.
 */
export function CaseActions({ c }: { c: CaseDetail }) {
  const [action, setAction] = useState<AvailableEvent | null>(null);
  if (c.closed) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="案件已办结" />;
  if (!c.availableEvents.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您在本案当前状态下没有可执行的操作" />;
  }
  const steps = c.availableEvents.filter((a) => !a.actForm);
  const acts = c.availableEvents.filter((a) => a.actForm);
  const page = formPage(c);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {steps.length > 0 && (
        <Space wrap data-testid="case-actions">
          {steps.map((a) => (
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
      )}
      {acts.length > 0 && (
        <div data-testid="case-acts">
          <Typography.Text type="secondary">
            以下办案行为须出具文书，请在办理页面通过相应表单办理：
          </Typography.Text>
          <Space wrap style={{ marginTop: 4 }}>
            {acts.map((a) =>
              page ? (
                <Link key={a.event} to={page} data-testid={`case-act-${a.event}`}>
                  {a.label}：在“{a.actForm}”中办理
                </Link>
              ) : (
                <Typography.Text key={a.event} data-testid={`case-act-${a.event}`}>
                  {a.label}：在“{a.actForm}”中办理
                </Typography.Text>
              ),
            )}
          </Space>
        </div>
      )}
      <TransitionModal c={c} action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
