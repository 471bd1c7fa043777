import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Upload } from 'antd';
import { feedback } from '../../../lib/feedback';
import { evidenceFileUrl, mattersApi } from '../api/matters.api';
import { useMatterMutation } from '../hooks/use-matters';
import type { MatterDetail } from '../types';

const kb = (n: number) =>
  n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

export function EvidenceCard({ matter }: { matter: MatterDetail }) {
  const upload = useMatterMutation(matter.id, (files: File[]) => mattersApi.uploadEvidence(matter.id, files));
  const canUpload = matter.allowedActions.includes('uploadEvidence');
  return (
    <Card
      size="small"
      data-testid="evidence-card"
      title={`证据（${matter.evidence.length}）`}
      extra={
        canUpload ? (
          <Upload
            multiple
            showUploadList={false}
            accept=".pdf,.jpg,.jpeg,.png"
            beforeUpload={(file) => {
              if (file.size > 10 * 1024 * 1024) feedback.error(`文件“${file.name}”超过10 MB`);
              else upload.mutate([file], { onSuccess: () => feedback.success('证据已上传') });
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              上传证据
            </Button>
          </Upload>
        ) : null
      }
    >
      <List
        size="small"
        locale={{ emptyText: '暂无证据' }}
        dataSource={matter.evidence}
        renderItem={(e) => (
          <List.Item>
            <a href={evidenceFileUrl(e.id)} target="_blank" rel="noreferrer">
              {e.fileName}
            </a>
            <span className="muted">
              {kb(e.sizeBytes)} · {e.uploadedBy ?? ''}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
