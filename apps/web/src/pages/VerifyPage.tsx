import { InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Input, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { verifyApi } from '../features/documents/api/documents.api';
import { VerifyResult } from '../features/documents/components/VerifyResult';
import { useVerification } from '../features/documents/hooks/use-documents';
import '../features/documents/verify.css';

/**
 * Public page (no sign-in), opened from the QR code on an issued document: /verify/<code>. Shows
 * whether the document was issued, by whom and when, its 文号, 案号 and amounts (so altered figures on
 * a paper copy are caught) — never the parties — whether it was corrected, and checks an uploaded
 * PDF against the issued original's SHA-256. Internal forms (审批表) are not verifiable here.
 */
export default function VerifyPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const byCode = useVerification(code);
  const byFile = useMutation({
    mutationFn: (file: File) => verifyApi.byFile(file),
    meta: { inlineErrors: true },
  });

  return (
    <div className="verify-page">
      <header className="verify-header">
        <SafetyCertificateOutlined className="verify-logo" />
        <div>
          <Typography.Title level={1} className="verify-title">
            文书真伪核验
          </Typography.Title>
          <Typography.Text type="secondary">随州市一站式劳动保障维权中心</Typography.Text>
        </div>
      </header>

      <Card size="small" className="verify-card">
        <Space.Compact block>
          <Input
            size="large"
            placeholder="输入验证码，如 K7QP-4M9X"
            value={input}
            maxLength={12}
            onChange={(e) => setInput(e.target.value.toUpperCase())}
            onPressEnter={() => input.trim() && navigate(`/verify/${input.trim()}`)}
            aria-label="验证码"
          />
          <Button
            size="large"
            type="primary"
            onClick={() => input.trim() && navigate(`/verify/${input.trim()}`)}
          >
            核验
          </Button>
        </Space.Compact>
        {code ? (
          <div className="verify-answer">
            {byCode.isLoading ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
            {byCode.error ? <Alert type="error" showIcon title={byCode.error.message} /> : null}
            {byCode.data ? <VerifyResult result={byCode.data} /> : null}
          </div>
        ) : null}
      </Card>

      <Card size="small" className="verify-card" title="核对电子文件">
        <Upload.Dragger
          accept="application/pdf,.pdf"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            byFile.mutate(file);
            return false;
          }}
          data-testid="verify-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入 PDF 文件</p>
          <p className="ant-upload-hint">文件仅用于计算指纹，不会保存；不超过 10 MB</p>
        </Upload.Dragger>
        {byFile.isPending ? <Spin style={{ display: 'block', margin: 16 }} /> : null}
        {byFile.error ? (
          <Alert style={{ marginTop: 12 }} type="error" showIcon title={byFile.error.message} />
        ) : null}
        {byFile.data ? (
          <>
            <Divider plain>文件核验结果</Divider>
            <VerifyResult result={byFile.data} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              上传文件的指纹：<span style={{ wordBreak: 'break-all' }}>{byFile.data.fileSha256}</span>
            </Typography.Paragraph>
          </>
        ) : null}
      </Card>
      <Typography.Paragraph type="secondary" className="verify-footer">
        本页面仅显示文书的签发信息和载明的金额，不显示当事人个人信息；机关内部审批表不对外核验。
      </Typography.Paragraph>
    </div>
  );
}
