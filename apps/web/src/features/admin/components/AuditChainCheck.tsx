import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useVerifyAuditChain } from '../hooks/use-audit';

/** Recomputes the audit log's hash chain on the server and reports the first broken link, if any. */
export function AuditChainCheck() {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <div className="audit-chain">
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        校验日志链
      </Button>
      <div aria-live="polite">
        {result ? (
          <Alert
            className="audit-chain-result"
            type={result.ok ? 'success' : 'error'}
            showIcon
            data-testid="audit-verify-result"
            title={
              result.ok
                ? `日志链完整，已校验 ${result.checked} 条记录`
                : `日志链异常：第 ${result.firstBadSeq ?? '?'} 号记录起校验不通过（已校验 ${result.checked} 条）`
            }
            description={result.message}
          />
        ) : null}
      </div>
    </div>
  );
}
