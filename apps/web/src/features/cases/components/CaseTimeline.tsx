import { Tag, Timeline, Typography } from 'antd';
import type { CaseEvent } from '../types';
import { chineseClockOfInstant } from '../../../lib/time';

function detail(e: CaseEvent): string | null {
  const p = e.payload ?? {};
  if (typeof p.referTo === 'string') return `告知前往：${p.referTo}`;
  if (typeof p.approver === 'string') return `批准人：${p.approver}`;
  return null;
}

/** The case's append-only events, oldest first. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => ({
        key: e.seq,
        content: (
          <div>
            <Typography.Text strong>{e.eventLabel}</Typography.Text>{' '}
            {e.fromLabel && e.fromState !== e.toState ? (
              <Tag>
                {e.fromLabel} → {e.toLabel}
              </Tag>
            ) : (
              <Tag>{e.toLabel}</Tag>
            )}
            <div className="muted">
              {chineseClockOfInstant(e.at)} · {e.actorName}
            </div>
            {e.reason ? <div>说明：{e.reason}</div> : null}
            {detail(e) ? <div>{detail(e)}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
