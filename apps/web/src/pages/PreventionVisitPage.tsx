import { CameraOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { FilePicker } from '../components/FilePicker';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import type { VisitIssue } from '../features/prevention/api/outreach.api';
import { IssueMatterModal } from '../features/prevention/components/IssueMatterModal';
import { VisitRecordForm } from '../features/prevention/components/VisitRecordForm';
import {
  useCancelVisit,
  useIssueToSupervision,
  useUploadVisitPhotos,
  useVisit,
} from '../features/prevention/hooks/use-outreach';
import { VISIT_STATUS_COLORS } from './PreventionVisitsPage';
import { readyAttr } from '../lib/ready';

const ISSUE_COLORS = { open: 'orange', matter: 'blue', supervision: 'purple' } as const;

/** One visit or 普法 session: particulars, the field record form, photos, and the issues found. */
export default function PreventionVisitPage() {
  const { id = '' } = useParams();
  const q = useVisit(id);
  const upload = useUploadVisitPhotos(id);
  const cancel = useCancelVisit(id);
  const supervise = useIssueToSupervision();
  const [converting, setConverting] = useState<VisitIssue | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const v = q.data;
  if (!v) return <Spin />;
  return (
    <div data-ready={readyAttr(q)}>
      <PageHeader
        title={`${v.kindLabel}：${v.employer?.name ?? v.address}`}
        extra={
          v.status === 'planned' ? (
            <Button danger onClick={() => setCancelling(true)}>
              取消计划
            </Button>
          ) : null
        }
      >
        <Tag color={VISIT_STATUS_COLORS[v.status]} data-testid="visit-status">
          {v.statusLabel}
        </Tag>
      </PageHeader>
      <Card size="small" title="基本情况" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="辖区">{v.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label="地点">{v.address}</Descriptions.Item>
          {v.employer ? (
            <Descriptions.Item label="用人单位">
              {v.employer.name}
              {v.employer.creditCode ? `（${v.employer.creditCode}）` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="计划日期">{v.plannedOnText}</Descriptions.Item>
          {v.doneOnText ? <Descriptions.Item label="完成日期">{v.doneOnText}</Descriptions.Item> : null}
          <Descriptions.Item label="参加人员">{v.staff.map((s) => s.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="主题">{v.topics.join('、') || '—'}</Descriptions.Item>
          {v.status === 'done' ? (
            <Descriptions.Item label="参加人数">{v.attendanceCount ?? 0}人</Descriptions.Item>
          ) : null}
          {v.summary ? <Descriptions.Item label="情况记录">{v.summary}</Descriptions.Item> : null}
          {v.cancelReason ? <Descriptions.Item label="取消原因">{v.cancelReason}</Descriptions.Item> : null}
        </Descriptions>
        {v.attendees.length ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            参加名单：
            {v.attendees.map((a) => (a.position ? `${a.name}（${a.position}）` : a.name)).join('、')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {v.status === 'planned' ? (
        <Card size="small" title="登记走访情况" style={{ marginBottom: 12 }}>
          <VisitRecordForm visit={v} />
        </Card>
      ) : null}
      {v.status !== 'cancelled' ? (
        <Card
          size="small"
          title="照片"
          style={{ marginBottom: 12 }}
          extra={
            <FilePicker
              label="走访照片"
              accept="image/jpeg,image/png,application/pdf"
              multiple
              onFiles={(files) => upload.mutate(files)}
              icon={<CameraOutlined />}
              loading={upload.isPending}
              buttonText="拍照或上传"
              status={false}
              testId="visit-photo-upload"
            />
          }
        >
          {v.photos.length ? (
            <Space wrap>
              {v.photos.map((p) => (
                <a
                  key={p.id}
                  href={`/api/prevention/visit-photos/${p.id}/file`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {p.fileName}
                </a>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">尚未上传照片</Typography.Text>
          )}
        </Card>
      ) : null}
      {v.status === 'done' ? (
        <Card size="small" title="发现的问题">
          <List
            dataSource={v.issues}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" /> }}
            renderItem={(i) => (
              <List.Item data-testid="visit-issue">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>问题{i.seq}</Typography.Text>
                    <Tag color={ISSUE_COLORS[i.state]}>{i.stateLabel}</Tag>
                    {i.claimTypeLabel ? <Tag>{i.claimTypeLabel}</Tag> : null}
                    {i.workerCount ? (
                      <Typography.Text type="secondary">涉及{i.workerCount}人</Typography.Text>
                    ) : null}
                  </Space>
                  <Typography.Text>{i.description}</Typography.Text>
                  {i.matter ? (
                    <Typography.Text type="secondary">
                      维权事项 <Link to={`/matters/${i.matter.id}`}>{i.matter.number}</Link>（待窗口分流）
                    </Typography.Text>
                  ) : null}
                  {i.state === 'open' ? (
                    <Space wrap>
                      <Button size="small" onClick={() => setConverting(i)} data-testid="issue-to-matter">
                        转为维权事项
                      </Button>
                      {v.employer ? (
                        <Button
                          size="small"
                          loading={supervise.isPending}
                          data-testid="issue-to-supervision"
                          onClick={() =>
                            Modal.confirm({
                              title: `问题${i.seq}转为劳动关系监管事项`,
                              content: `${v.employer?.name}：${i.description}`,
                              okText: '转办',
                              onOk: () =>
                                supervise.mutateAsync({ issueId: i.id, body: { version: i.version } }),
                            })
                          }
                        >
                          转劳动关系监管
                        </Button>
                      ) : null}
                    </Space>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <IssueMatterModal issue={converting} onClose={() => setConverting(null)} />
      <Modal
        title="取消计划"
        open={cancelling}
        onCancel={() => setCancelling(false)}
        okText="确认取消"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
        destroyOnHidden
        onOk={async () => {
          await cancel.mutateAsync({ version: v.version, reason: reason.trim() });
          setCancelling(false);
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="取消原因"
          aria-label="取消原因"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
