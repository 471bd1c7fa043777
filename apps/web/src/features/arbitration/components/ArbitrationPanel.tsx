import { chineseDateOrDash } from '../../../lib/time';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { StepResult } from '../api/arbitration.api';
import { useArbitrationCases } from '../hooks/use-arbitration';
import { AcceptanceBox } from './AcceptanceBox';
import { ApplyModal } from './ApplyModal';
import { DocButtons } from './DocButtons';

/** The matter page's arbitration panel: apply at the window, see the review result, accept on the spot. */
export function ArbitrationPanel({ matterId }: { matterId: string }) {
  const cases = useArbitrationCases({ matterId });
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<StepResult | null>(null);
  return (
    <Card
      size="small"
      title="劳动人事争议仲裁"
      data-testid="arbitration-panel"
      extra={
        <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="arbitration-apply">
          收取仲裁申请
        </Button>
      }
    >
      {last ? (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {last.complete ? (
            <Alert type="success" showIcon message={`材料齐全，已出具收件回执（${last.case.number}）`} />
          ) : (
            <Alert
              type="warning"
              showIcon
              data-testid="correction-list"
              message={`材料不全，已出具补正通知书（补正期限 ${chineseDateOrDash(last.case.correctionDeadline)}），一次性告知以下全部事项：`}
              description={
                <ol style={{ margin: 0, paddingLeft: 20 }}>
                  {(last.missingItems ?? []).map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ol>
              }
            />
          )}
          <DocButtons docs={last.documents.map((d) => ({ ...d, number: d.number }))} />
          {last.complete ? <AcceptanceBox caseId={last.case.caseId} onDone={setLast} serveHere /> : null}
        </Space>
      ) : null}
      <List
        size="small"
        loading={cases.isPending}
        dataSource={cases.data ?? []}
        locale={{ emptyText: '尚无仲裁申请' }}
        renderItem={(c) => (
          <List.Item style={{ display: 'block' }}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space wrap>
                <Typography.Text>{c.number}</Typography.Text>
                <Tag>{c.stateLabel}</Tag>
                {c.sameDayLabel ? <Tag color="red">{c.sameDayLabel}·当日受理</Tag> : null}
              </Space>
              <Link to={`/arbitration/cases/${c.caseId}`}>办理</Link>
            </Space>
            {['received', 'needs_correction', 'accepted'].includes(c.state) &&
            last?.case.caseId !== c.caseId ? (
              <div style={{ marginTop: 8 }} data-testid={`arbitration-inline-${c.caseId}`}>
                <AcceptanceBox caseId={c.caseId} serveHere />
              </div>
            ) : null}
          </List.Item>
        )}
      />
      <ApplyModal
        matterId={matterId}
        open={open}
        onClose={() => setOpen(false)}
        onDone={(r) => {
          setLast(r);
          setOpen(false);
        }}
      />
    </Card>
  );
}
