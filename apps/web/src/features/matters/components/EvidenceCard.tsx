import { UploadOutlined } from '@ant-design/icons';
import { Card, List } from 'antd';
import { FilePicker } from '../../../components/FilePicker';
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
          <FilePicker
            label="证据材料"
            multiple
            accept=".pdf,.jpg,.jpeg,.png"
            onFiles={(files) => {
              for (const f of files.filter((x) => x.size > 10 * 1024 * 1024)) {
                feedback.error(`文件“${f.name}”超过10 MB`);
              }
              const ok = files.filter((x) => x.size <= 10 * 1024 * 1024);
              if (ok.length) upload.mutate(ok, { onSuccess: () => feedback.success('证据已上传') });
            }}
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            buttonText="上传证据"
            status={false}
          />
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
