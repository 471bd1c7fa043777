import { PrinterOutlined, SendOutlined } from '@ant-design/icons';
import type { Permission } from '@onestop/domain';
import { useQueries } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { hasPermission, useSession } from '../../auth/hooks/use-session';
import { documentFileUrl, documentsApi } from '../api/documents.api';
import { documentsRefetchInterval } from '../hooks/use-documents';
import type { OfficialDocument, SubjectType } from '../types';
import { DocumentStateTag, documentStateLabel, ServiceTag, serviceLabel } from './DocumentTags';
import { ServiceModal } from './ServiceModal';
import { readyAttr } from '../../../lib/ready';

/** The posts that draft, issue and serve documents (the server's DOCUMENT_WORK_PERMISSIONS). */
const SERVING_PERMISSIONS: Permission[] = [
  'intake.create',
  'mediation.work',
  'arbitration.work',
  'arbitration.clerk',
  'inspection.work',
  'petition.work',
  'legal_aid.work',
];

interface Props {
  /** Whose documents: a case, a matter, or several (e.g. a petition's matter and its case). */
  subjects: { type: SubjectType; id: string }[];
  /** Only these document types (in the order issued); all when absent. */
  types?: readonly string[];
  /** Only the documents this accepts (e.g. one referral's letter among the matter's documents). */
  filter?: (d: OfficialDocument) => boolean;
  /** Prefix of the print buttons' test ids (followed by the document type). */
  printTestIdPrefix?: string;
  title?: string;
  /** Without the card frame, for a page section that has its own. */
  bare?: boolean;
  testId?: string;
  /** Extra content after a document's line, e.g. the transfer slip's receipt. */
  extra?: (d: OfficialDocument) => ReactNode;
  emptyText?: string;
}

function serviceLine(d: OfficialDocument): string {
  return d.services
    .map(
      (s) =>
        `${s.recipient}：${s.methodLabel}·${s.stateLabel}${s.servedAt ? `（${dayjs(s.servedAt).format('YYYY-MM-DD HH:mm')}）` : ''}`,
    )
    .join('；');
}

/**
 * The documents a page shows, one reusable block: each with its 文号, state (签发中 / 已签发 / 已作废),
 * service state (未送达 / 送达中 / 已送达 …), print, and 送达 by any method (直接、邮寄、电子、公告; a
 * refusal at direct service is recorded as 留置送达). Refreshed while anything can still change.
 */
export function DocumentServiceCard({
  subjects,
  types,
  filter,
  printTestIdPrefix = 'print-',
  title = '文书与送达',
  bare = false,
  testId = 'document-service-card',
  extra,
  emptyText = '暂无文书',
}: Props) {
  const session = useSession();
  const canServe =
    hasPermission(session.data, 'matter.read') &&
    SERVING_PERMISSIONS.some((p) => hasPermission(session.data, p));
  const [serving, setServing] = useState<string | null>(null);
  const results = useQueries({
    queries: subjects.map((s) => ({
      queryKey: ['documents', 'list', s.type, s.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => documentsApi.list(s.type, s.id, signal),
      refetchInterval: (q: { state: { data?: { items: OfficialDocument[] } } }) =>
        documentsRefetchInterval(q.state.data?.items),
    })),
  });
  const ready = results.every((r) => r.isSuccess);
  const all = results
    .flatMap((r) => r.data?.items ?? [])
    .filter((d) => d.number !== null || d.state !== 'draft')
    .filter((d) => !types || types.includes(d.type))
    .filter((d) => !filter || filter(d))
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  const servingDoc = all.find((d) => d.id === serving) ?? null;

  const body = (
    <div data-testid={testId} data-ready={readyAttr(...results)}>
      <List
        size="small"
        loading={!ready && results.some((r) => r.isLoading)}
        dataSource={all}
        locale={{ emptyText }}
        renderItem={(d) => (
          <List.Item
            style={{ display: 'block' }}
            data-testid={`doc-${d.type}`}
            data-state={documentStateLabel(d)}
            data-service={serviceLabel(d) ?? ''}
          >
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Typography.Text strong>{d.title}</Typography.Text>
                {d.version > 1 ? <Tag color="blue">第{d.version}版（更正）</Tag> : null}
                <DocumentStateTag d={d} />
                <ServiceTag d={d} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.number ? `${d.number}　验证码 ${d.shortCode ?? ''}` : '文号签发时生成'}
              </Typography.Text>
              {d.services.length ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="service-line">
                  {serviceLine(d)}
                </Typography.Text>
              ) : null}
              {extra?.(d)}
              <Space wrap size={4}>
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  disabled={!d.hasPdf}
                  data-testid={`${printTestIdPrefix}${d.type}`}
                  onClick={() => window.open(documentFileUrl(d.id, 'pdf'), '_blank', 'noopener')}
                >
                  {d.hasPdf ? '打印' : '生成中'}
                </Button>
                {canServe && d.state === 'issued' ? (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<SendOutlined />}
                    data-testid={`serve-${d.type}`}
                    onClick={() => setServing(d.id)}
                  >
                    送达
                  </Button>
                ) : null}
                {canServe && d.state === 'superseded' && d.services.length ? (
                  <Button size="small" onClick={() => setServing(d.id)}>
                    送达记录
                  </Button>
                ) : null}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <ServiceModal doc={servingDoc} onClose={() => setServing(null)} />
    </div>
  );
  if (bare) return body;
  return (
    <Card size="small" title={title}>
      {body}
    </Card>
  );
}
