import { UploadOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { FilePicker } from '../../../components/FilePicker';
import type { Assessment } from '../api/prevention.api';
import { useUploadEvidence } from '../hooks/use-prevention';

/** One assessment: the result per item, the evidence photos/files per item, the re-assessment date. */
export function AssessmentCard({ a }: { a: Assessment }) {
  const upload = useUploadEvidence();
  return (
    <Card
      size="small"
      data-testid="assessment-card"
      title={
        <Space wrap>
          <span>{a.assessedOnText}评估</span>
          <Tag color={a.passed ? 'green' : 'red'}>{a.resultLabel}</Tag>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="评估人">{a.assessorName}</Descriptions.Item>
        <Descriptions.Item label={a.reassessRule.name}>
          <span data-testid="reassess-due">{a.reassessDueText}</span>
          {a.clockStatusLabel ? <Tag style={{ marginLeft: 8 }}>{a.clockStatusLabel}</Tag> : null}
        </Descriptions.Item>
        {a.failedItems.length ? (
          <Descriptions.Item label="不符合项目">{a.failedItems.join('、')}</Descriptions.Item>
        ) : null}
        {a.note ? <Descriptions.Item label="评估意见">{a.note}</Descriptions.Item> : null}
        <Descriptions.Item label="期限依据">{a.reassessRule.basis}</Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        dataSource={a.items}
        renderItem={(i) => (
          <List.Item
            data-testid={`assessed-${i.code}`}
            extra={
              <FilePicker
                label={`上传${i.label}证明材料`}
                accept="image/jpeg,image/png,application/pdf"
                onFiles={(files) => upload.mutate({ assessmentId: a.id, itemCode: i.code, file: files[0]! })}
                size="small"
                icon={<UploadOutlined />}
                buttonText="上传照片"
                status={false}
              />
            }
          >
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Tag color={i.passed ? 'green' : 'red'}>{i.passed ? '符合' : '不符合'}</Tag>
                <Typography.Text>
                  {i.groupLabel}·{i.label}
                </Typography.Text>
              </Space>
              {i.note ? <Typography.Text type="secondary">{i.note}</Typography.Text> : null}
              {i.evidence.map((e) => (
                <Typography.Link key={e.id} href={`/api/prevention/evidence/${e.id}/file`} target="_blank">
                  {e.fileName}
                </Typography.Link>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
