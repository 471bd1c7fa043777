import { Tag, Tooltip, Typography } from 'antd';
import type { DocumentState, OfficialDocument, ServiceSummary } from '../types';

const STATE_TAGS: Record<DocumentState, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  pending: { label: '生成中', color: 'processing' },
  rendering: { label: '生成中', color: 'processing' },
  ready: { label: '已生成', color: 'cyan' },
  failed: { label: '生成失败', color: 'error' },
  issued: { label: '已签发', color: 'success' },
  superseded: { label: '已作废', color: 'warning' },
};

const SERVICE_TAGS: Record<ServiceSummary, { label: string; color: string }> = {
  none: { label: '未送达', color: 'default' },
  pending: { label: '送达中', color: 'processing' },
  partial: { label: '部分送达', color: 'gold' },
  served: { label: '已送达', color: 'success' },
  returned: { label: '退回', color: 'error' },
};

/** The document's state as words: a numbered document whose sealed PDF is still rendering is 签发中. */
export function documentStateLabel(d: OfficialDocument): string {
  if (d.number && (d.state === 'pending' || d.state === 'rendering')) return '签发中';
  return STATE_TAGS[d.state].label;
}

export function DocumentStateTag({ d }: { d: OfficialDocument }) {
  if (d.number && (d.state === 'pending' || d.state === 'rendering'))
    return <Tag color="processing">签发中</Tag>;
  const t = STATE_TAGS[d.state];
  return (
    <Tooltip title={d.state === 'failed' ? d.renderError : undefined}>
      <Tag color={t.color} data-testid="document-state">
        {t.label}
      </Tag>
    </Tooltip>
  );
}

export function serviceLabel(d: OfficialDocument): string | null {
  if (d.state !== 'issued' && d.state !== 'superseded') return null;
  return SERVICE_TAGS[d.serviceSummary].label;
}

export function ServiceTag({ d }: { d: OfficialDocument }) {
  const label = serviceLabel(d);
  if (!label) return <Typography.Text type="secondary">—</Typography.Text>;
  const t = SERVICE_TAGS[d.serviceSummary];
  const detail = d.services.map((s) => `${s.recipient}：${s.methodLabel}·${s.stateLabel}`).join('\n');
  return (
    <Tooltip title={detail ? <span style={{ whiteSpace: 'pre-line' }}>{detail}</span> : undefined}>
      <Tag color={t.color} data-testid="document-service">
        {label}
      </Tag>
    </Tooltip>
  );
}
