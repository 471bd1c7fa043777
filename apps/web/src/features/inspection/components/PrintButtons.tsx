import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { documentFileUrl } from '../../documents/api/documents.api';
import type { InspectionCase } from '../types';

type Doc = InspectionCase['documents'][number];

/** One print button per issued document: opens the PDF the server renders shortly after issue. */
export function PrintButtons({ docs, testId }: { docs: Doc[]; testId?: string }) {
  if (!docs.length) return null;
  return (
    <Space wrap size={[8, 8]} data-testid={testId}>
      {docs.map((d) => (
        <Button
          key={d.id}
          size="small"
          icon={<PrinterOutlined />}
          data-testid={`print-${d.type}`}
          title={d.number ?? undefined}
          style={{ height: 'auto', minHeight: 24, whiteSpace: 'normal', textAlign: 'left', maxWidth: '100%' }}
          onClick={() => window.open(documentFileUrl(d.id, 'pdf'), '_blank', 'noopener')}
        >
          打印{d.title}
          {d.number ? (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {d.number}
            </Typography.Text>
          ) : null}
        </Button>
      ))}
    </Space>
  );
}
