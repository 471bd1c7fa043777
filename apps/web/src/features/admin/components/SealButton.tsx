import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { FilePicker } from '../../../components/FilePicker';
import { isApiError, upload } from '../../../lib/api';
import type { Organization } from '../types';

/**
 * The organisation's seal (印章) placed over the date of every document it issues (GB/T 9704).
 * PNG only (checked by its bytes on the server), at most 2 MB; every upload is audited.
 */
export function SealButton({ org }: { org: Organization }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [stamp, setStamp] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const src = `/api/admin/organizations/${org.id}/seal?v=${stamp}`;

  const send = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      await upload(`/api/admin/organizations/${org.id}/seal`, form);
      message.success('印章已更新，之后签发的文书将使用新印章');
      setMissing(false);
      setStamp(Date.now());
    } catch (e) {
      message.error(isApiError(e) ? e.message : '上传失败，请重试');
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid={`org-seal-${org.id}`}>
        印章
      </Button>
      <Modal
        title={`${org.name} · 印章`}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {missing ? (
            <Typography.Text type="secondary">尚未上传印章；签发的文书将不加盖印章图片。</Typography.Text>
          ) : (
            <Image
              src={src}
              alt={`${org.name}印章`}
              width={160}
              preview={false}
              onError={() => setMissing(true)}
            />
          )}
          <FilePicker
            label="印章图片"
            accept="image/png"
            onFiles={(files) => send(files[0]!)}
            icon={<UploadOutlined />}
            loading={busy}
            buttonText="上传印章（PNG，≤2 MB）"
            testId="org-seal-upload"
          />
          <Typography.Text type="secondary">
            按 GB/T 9704 盖于成文日期上方；更换后只影响之后签发的文书。
          </Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
