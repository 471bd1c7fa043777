import { CREDENTIAL_RULES } from '@onestop/domain/access/credentials';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isApiError, request } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import { useSession } from '../../auth/hooks/use-session';
import { chineseDateOfInstant } from '../../../lib/time';

type IssuedCode = ResponseOf<'/api/portal/staff/matters/{id}/representative-code', 'post'>;

const rule = CREDENTIAL_RULES.representativeCode;

/**
 * 出具单位代表码: issues a one-time code for an employer of the matter and shows it ONCE (only its
 * hash is kept; closing the dialog loses it). A new code supersedes any earlier unused one, also the
 * one printed on an earlier 应诉通知书. Shown only to posts that may issue it.
 */
export function RepresentativeCodeButton({ matterId, partyId }: { matterId: string; partyId: string }) {
  const { data: user } = useSession();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!user || !rule.permissions.some((p) => user.permissions.includes(p))) return null;
  const issue = () =>
    Modal.confirm({
      title: '出具单位代表码',
      content:
        '代表码是用人单位在当事人门户网上应诉的凭证，只显示这一次。出具新代表码后，此前未使用的代表码（包括已打印在应诉通知书上的）即作废。确定出具？',
      okText: '出具',
      cancelText: '取消',
      onOk: async () => {
        setLoading(true);
        setError(null);
        try {
          setIssued(
            await request<IssuedCode>(`/api/portal/staff/matters/${matterId}/representative-code`, {
              method: 'POST',
              body: { partyId },
            }),
          );
        } catch (err) {
          setError(isApiError(err) ? err.message : '出具失败，请稍后重试');
        } finally {
          setLoading(false);
        }
      },
    });
  return (
    <>
      <Button size="small" onClick={issue} loading={loading} data-testid="issue-representative-code">
        出具单位代表码
      </Button>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <Modal
        open={!!issued}
        title={`单位代表码：${issued?.partyName ?? ''}`}
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        okText="已告知单位"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Title level={2} copyable style={{ letterSpacing: 4 }} data-testid="representative-code">
          {issued ? `${issued.code.slice(0, 4)}-${issued.code.slice(4)}` : ''}
        </Typography.Title>
        <p>
          有效期至 {issued ? chineseDateOfInstant(issued.expiresAt) : ''}，使用一次后失效。
          请当面或通过已核实的单位联系方式告知；单位代表用本人手机号登录当事人门户，在“我的事项”页输入此码。
        </p>
        <p className="muted">此码只显示这一次，系统仅保存其校验值；关闭后无法再查看，需要时请重新出具。</p>
      </Modal>
    </>
  );
}
