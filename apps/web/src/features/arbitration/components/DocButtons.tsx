import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Tag } from 'antd';
import { documentFileUrl } from '../../documents/api/documents.api';

const TITLES: Record<string, string> = {
  receipt: '收件回执',
  correction_notice: '补正通知书',
  acceptance_notice: '受理通知书',
  notice_to_respond: '应诉通知书',
  rejection_notice: '不予受理通知书',
  hearing_notice: '开庭通知书',
  arbitral_mediation_statement: '仲裁调解书',
  award: '裁决书',
  suspension_decision: '中止审理决定书',
  resumption_notice: '恢复审理通知书',
  extension_notice: '延长审理期限通知书',
  withdrawal_decision: '准予撤回仲裁申请决定书',
  deemed_withdrawal_decision: '按撤回仲裁申请处理决定书',
  collective_notice: '集体争议一次性告知书',
  simplified_notice: '简易处理通知书',
};

/** Print buttons: each opens the issued PDF (rendered by the server shortly after issue). */
export function DocButtons({ docs }: { docs: { id: string; type: string; number: string | null }[] }) {
  if (!docs.length) return null;
  return (
    <Space wrap>
      {docs.map((d) => (
        <Button
          key={d.id}
          size="small"
          icon={<PrinterOutlined />}
          data-testid={`print-${d.type}`}
          onClick={() => window.open(documentFileUrl(d.id, 'pdf'), '_blank', 'noopener')}
        >
          打印{TITLES[d.type] ?? d.type}
          {d.number ? <Tag style={{ marginLeft: 6 }}>{d.number}</Tag> : null}
        </Button>
      ))}
    </Space>
  );
}
