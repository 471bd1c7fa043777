import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Descriptions, Result, Typography } from 'antd';
import type { Verification } from '../types';
import { chineseDateOrDash } from '../../../lib/time';

const formatDate = chineseDateOrDash;

/** The answer of a verification by code or by file: genuine, superseded, or not found. */
export function VerifyResult({ result }: { result: Verification }) {
  if (!result.found || !result.issued) {
    return (
      <Result
        status="error"
        icon={<CloseCircleFilled />}
        title={result.found ? '文书尚未完成签发' : '未能核验通过'}
        subTitle={result.message}
        data-testid="verify-result"
      />
    );
  }
  const superseded = Boolean(result.superseded);
  return (
    <div data-testid="verify-result">
      <Result
        status={superseded ? 'warning' : 'success'}
        icon={superseded ? <ExclamationCircleFilled /> : <CheckCircleFilled />}
        title={superseded ? '文书已被更正' : '文书真实有效'}
        subTitle={result.message}
        style={{ padding: '24px 0 8px' }}
      />
      <Descriptions column={1} bordered size="small" labelStyle={{ width: 104 }}>
        <Descriptions.Item label="文书名称">{result.title}</Descriptions.Item>
        <Descriptions.Item label="文号">{result.number}</Descriptions.Item>
        {result.caseNumber ? <Descriptions.Item label="案号">{result.caseNumber}</Descriptions.Item> : null}
        <Descriptions.Item label="发文机关">{result.issuerName}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{formatDate(result.issuedDate)}</Descriptions.Item>
        {result.shortCode ? <Descriptions.Item label="验证码">{result.shortCode}</Descriptions.Item> : null}
        {result.amounts?.map((a) => (
          <Descriptions.Item key={a.label} label={a.label}>
            {a.amount}
          </Descriptions.Item>
        ))}
        {result.corrects ? (
          <Descriptions.Item label="更正的文书">
            {result.corrects.number}（{formatDate(result.corrects.issuedDate)}，已作废）
          </Descriptions.Item>
        ) : null}
        {superseded && result.supersededBy ? (
          <Descriptions.Item label="更正文书">
            {result.supersededBy.number}（{formatDate(result.supersededBy.issuedDate)}）
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="文件指纹">
          <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {result.sha256}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        请逐项核对纸质文书上的文号、案号、日期和金额：任何一项不一致，说明文书被改动过。文件指纹为签发原件 PDF
        的 SHA-256 值。收到电子文件的，可在下方上传文件，核对是否与签发原件完全一致。
      </Typography.Paragraph>
    </div>
  );
}
