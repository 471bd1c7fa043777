import { FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { feedback } from '../../../lib/feedback';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { documentFileUrl, documentsApi } from '../api/documents.api';
import { useDocumentMutation, useDocuments } from '../hooks/use-documents';
import type { OfficialDocument, SubjectType } from '../types';
import { DocumentStateTag, ServiceTag } from './DocumentTags';
import { DocumentEditorModal, type EditorState } from './DocumentEditorModal';
import { ServiceModal } from './ServiceModal';

const stateTag = (d: OfficialDocument) => <DocumentStateTag d={d} />;
const serviceTag = (d: OfficialDocument) => <ServiceTag d={d} />;

interface Props {
  subjectType: SubjectType;
  subjectId: string;
  /** Hide the create/issue/serve buttons (e.g. for read-only viewers). */
  readOnly?: boolean;
  /** On the matter page: also the documents of every case opened on the matter. */
  includeCases?: boolean;
}

/** The documents of a matter or case: state, 文号, service; preview/print, Word, issue, serve, correct. */
export function DocumentsPanel({ subjectType, subjectId, readOnly = false, includeCases = false }: Props) {
  const isMobile = useIsMobile();
  const { modal } = App.useApp();
  const docs = useDocuments(subjectType, subjectId, includeCases);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [serving, setServing] = useState<string | null>(null);
  const issue = useDocumentMutation((d: OfficialDocument) => documentsApi.issue(d.id, d.rowVersion));
  const retry = useDocumentMutation((d: OfficialDocument) => documentsApi.retry(d.id));
  const servingDoc = docs.data?.find((d) => d.id === serving) ?? null;

  const confirmIssue = (d: OfficialDocument) =>
    modal.confirm({
      title: `签发${d.title}？`,
      content: `将由“${d.issuer.name}”按文号格式生成文号并加盖电子印章；签发后文书不可修改，如有错误只能制作更正文书。`,
      okText: '签发',
      cancelText: '取消',
      onOk: async () => {
        const r = await issue.mutateAsync(d);
        feedback.success(`已签发，文号 ${r.number ?? ''}，正在生成正式文书`);
      },
    });

  const actions = (d: OfficialDocument) => {
    const issuedOrOld = d.state === 'issued' || d.state === 'superseded';
    const draft = d.number === null;
    const buttons = [
      <Button
        key="pdf"
        size="small"
        disabled={!d.hasPdf}
        onClick={() => window.open(documentFileUrl(d.id, 'pdf'), '_blank', 'noopener')}
      >
        预览/打印
      </Button>,
      <Button
        key="docx"
        size="small"
        disabled={!d.hasDocx}
        href={d.hasDocx ? documentFileUrl(d.id, 'docx') : undefined}
      >
        下载 Word
      </Button>,
    ];
    if (!readOnly && draft) {
      buttons.push(
        <Button key="edit" size="small" onClick={() => setEditor({ mode: 'edit', doc: d })}>
          修改
        </Button>,
        <Button key="issue" size="small" type="primary" onClick={() => confirmIssue(d)}>
          签发
        </Button>,
      );
    }
    if (!readOnly && d.state === 'issued') {
      buttons.push(
        <Button
          key="serve"
          size="small"
          type="primary"
          ghost
          data-testid={`serve-${d.type}`}
          onClick={() => setServing(d.id)}
        >
          送达
        </Button>,
      );
      if (!d.supersededById) {
        buttons.push(
          <Button key="correct" size="small" onClick={() => setEditor({ mode: 'correct', doc: d })}>
            更正
          </Button>,
        );
      }
    }
    if (!readOnly && d.state === 'failed') {
      buttons.push(
        <Button key="retry" size="small" icon={<ReloadOutlined />} onClick={() => retry.mutate(d)}>
          重新生成
        </Button>,
      );
    }
    if (issuedOrOld && d.state === 'superseded' && d.services.length && !readOnly) {
      buttons.push(
        <Button key="history" size="small" onClick={() => setServing(d.id)}>
          送达记录
        </Button>,
      );
    }
    return (
      <Space wrap size={4}>
        {buttons}
      </Space>
    );
  };

  const title = (d: OfficialDocument) => (
    <Space size={4} wrap>
      <Typography.Text strong>{d.title}</Typography.Text>
      {d.version > 1 ? <Tag color="blue">第{d.version}版（更正）</Tag> : null}
      {d.source?.type === 'case' ? <Tag data-testid="document-source">{d.source.label}</Tag> : null}
    </Space>
  );

  const columns: ColumnsType<OfficialDocument> = [
    { title: '文书', key: 'title', render: (_, d) => title(d) },
    {
      title: '文号',
      dataIndex: 'number',
      width: 240,
      render: (n: string | null, d) =>
        n ? (
          <Space direction="vertical" size={0}>
            <span>{n}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              验证码 {d.shortCode}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">签发时生成</Typography.Text>
        ),
    },
    { title: '发文机关', key: 'issuer', render: (_, d) => d.issuer.name, responsive: ['lg'] },
    { title: '状态', key: 'state', render: (_, d) => stateTag(d), width: 110 },
    { title: '送达', key: 'service', render: (_, d) => serviceTag(d), width: 100 },
    { title: '操作', key: 'actions', render: (_, d) => actions(d) },
  ];

  return (
    <Card
      size="small"
      title="文书"
      extra={
        readOnly ? null : (
          <Button
            type="primary"
            size="small"
            icon={<FileAddOutlined />}
            onClick={() => setEditor({ mode: 'create' })}
            data-testid="doc-new"
          >
            新建文书
          </Button>
        )
      }
    >
      {isMobile ? (
        <List
          loading={docs.isLoading}
          dataSource={docs.data ?? []}
          locale={{ emptyText: '暂无文书' }}
          renderItem={(d) => (
            <List.Item style={{ display: 'block' }} data-testid={`doc-${d.type}`} data-state={d.state}>
              <Space direction="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  {title(d)}
                  {stateTag(d)}
                  {serviceTag(d)}
                </Space>
                <Typography.Text type="secondary">{d.number ?? '文号签发时生成'}</Typography.Text>
                {actions(d)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={docs.isLoading}
          columns={columns}
          dataSource={docs.data ?? []}
          pagination={false}
          onRow={(d) => ({ 'data-testid': `doc-${d.type}`, 'data-state': d.state }) as object}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无文书' }}
        />
      )}
      <DocumentEditorModal
        state={editor}
        subjectType={subjectType}
        subjectId={subjectId}
        onClose={() => setEditor(null)}
      />
      <ServiceModal doc={servingDoc} onClose={() => setServing(null)} />
    </Card>
  );
}
