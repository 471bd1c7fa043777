import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { FormError } from '../../../components/FormError';
import { api } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import { feedback } from '../../../lib/feedback';
import { DocumentServiceCard } from '../../documents/components/DocumentServiceCard';
import { useDocuments } from '../../documents/hooks/use-documents';
import type { MatterDetail } from '../../matters/types';

/**
 * The intake's jurisdiction warning on the matter page, and the 管辖告知书 issued from it: numbered and
 * sealed, served electronically to the worker's portal when the worker consents (never pre-ticked).
 */
export function JurisdictionNoticeCard({ matter }: { matter: MatterDetail }) {
  const [form] = Form.useForm();
  const client = useQueryClient();
  const docs = useDocuments('matter', matter.id);
  const issue = useMutation({
    mutationFn: (v: { competentCommission: string; electronicConsent?: boolean }) =>
      api.post<ResponseOf<'/api/matters/{id}/jurisdiction-notice', 'post'>>(
        `/api/matters/${matter.id}/jurisdiction-notice`,
        { competentCommission: v.competentCommission, electronicConsent: v.electronicConsent === true },
      ),
    meta: { inlineErrors: true },
    onSuccess: (r) => {
      feedback.success(`已出具管辖告知书 ${r.number}${r.servedElectronically ? '，已电子送达劳动者' : ''}`);
      void client.invalidateQueries({ queryKey: ['documents'] });
      void client.invalidateQueries({ queryKey: ['matter'] });
    },
  });
  const warnings = matter.triage.result?.warnings ?? [];
  const warning = warnings.find((w) => w.code === 'OUTSIDE_JURISDICTION');
  if (!warning) return null;
  const issued = docs.data?.some((d) => d.type === 'jurisdiction_notice');
  const canIssue = matter.allowedActions.includes('edit') && warning.conclusive === true;
  return (
    <Card size="small" title="管辖" data-testid="jurisdiction-card">
      <Alert type="warning" showIcon title={warning.message} description={warning.basis} />
      {issued ? (
        <DocumentServiceCard
          bare
          subjects={[{ type: 'matter', id: matter.id }]}
          types={['jurisdiction_notice']}
          testId="jurisdiction-documents"
        />
      ) : canIssue && docs.isSuccess ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ competentCommission: warning.competentBodies?.[0] }}
          onFinish={(v) => issue.mutate(v)}
          data-testid="jurisdiction-form"
        >
          <FormError error={issue.error} />
          <Form.Item
            name="competentCommission"
            label="有管辖权的仲裁委员会"
            rules={[{ required: true, message: '请填写有管辖权的仲裁委员会' }]}
          >
            <Input
              data-testid="jurisdiction-commission"
              placeholder="如：武汉市东西湖区劳动人事争议仲裁委员会"
            />
          </Form.Item>
          <Form.Item name="electronicConsent" valuePropName="checked">
            <Checkbox data-testid="jurisdiction-consent">
              劳动者已在送达地址确认书上签字，同意电子送达（告知书发送到其网上服务页面，首次打开即为送达）
            </Checkbox>
          </Form.Item>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={issue.isPending}
              data-testid="jurisdiction-issue"
            >
              出具管辖告知书
            </Button>
            <Typography.Text type="secondary">告知书编号、盖章，不是不予受理决定</Typography.Text>
          </Space>
        </Form>
      ) : !warning.conclusive ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          工作地点（劳动合同履行地）尚未核实：核实后仍不在辖区的，方可出具管辖告知书。
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
