import { Button, Card, Col, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import {
  CONSULTATION_CHANNELS,
  type Consultation,
  type NewConsultation,
} from '../features/consultation/api/consultation.api';
import { ConvertModal } from '../features/consultation/components/ConvertModal';
import { MatterPicker } from '../features/consultation/components/MatterPicker';
import { useConsultations, useLogConsultation } from '../features/consultation/hooks/use-consultations';
import { KbSearch } from '../features/knowledge/components/KbSearch';
import { feedback } from '../lib/feedback';
import { chineseClockOfInstant } from '../lib/time';

/** The window's quick consultation log (中心工作规则（先咨询后立案）: every question logged) with the knowledge base beside it. */
export default function ConsultationPage() {
  const user = useCurrentUser();
  const canConvert = hasPermission(user, 'intake.create');
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles) if (r.active) for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  const [form] = Form.useForm<NewConsultation>();
  const log = useLogConsultation();
  const list = useConsultations({ mine: true });
  const [converting, setConverting] = useState<Consultation | null>(null);

  return (
    <>
      <PageHeader title="咨询登记" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title="登记咨询">
            <Form
              form={form}
              layout="vertical"
              initialValues={{ channel: 'window', jurisdictionId: jurisdictions.at(-1)?.value }}
              onFinish={async (v) => {
                await log.mutateAsync(v);
                feedback.success('咨询已登记');
                form.resetFields([
                  'topic',
                  'question',
                  'answer',
                  'legalBasis',
                  'kbEntryId',
                  'visitorName',
                  'visitorPhone',
                ]);
              }}
            >
              <Space wrap>
                <Form.Item
                  name="jurisdictionId"
                  label="辖区"
                  rules={[{ required: true, message: '请选择辖区' }]}
                >
                  <Select options={jurisdictions} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="channel" label="渠道">
                  <Select options={CONSULTATION_CHANNELS} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="visitorName" label="来访人">
                  <Input style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="visitorPhone" label="电话">
                  <Input style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name="matterId" label="所属事项（可不填）">
                  <MatterPicker />
                </Form.Item>
              </Space>
              <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写咨询主题' }]}>
                <Input data-testid="consultation-topic" />
              </Form.Item>
              <Form.Item name="question" label="问题" rules={[{ required: true, message: '请填写咨询问题' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} data-testid="consultation-question" />
              </Form.Item>
              <Form.Item name="answer" label="解答" rules={[{ required: true, message: '请填写解答内容' }]}>
                <Input.TextArea autoSize={{ minRows: 3 }} data-testid="consultation-answer" />
              </Form.Item>
              <Form.Item name="legalBasis" label="法律依据">
                <Input.TextArea autoSize />
              </Form.Item>
              <Form.Item name="kbEntryId" hidden>
                <Input />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={log.isPending}
                data-testid="consultation-submit"
              >
                登记
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title="知识库">
            <KbSearch
              onPick={(e) =>
                form.setFieldsValue({
                  topic: e.topic,
                  answer: e.answer,
                  legalBasis: e.basis,
                  kbEntryId: e.id,
                })
              }
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="我登记的咨询" style={{ marginTop: 16 }}>
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          renderItem={(c) => (
            <List.Item
              data-testid="consultation-item"
              actions={[
                c.state === 'converted' && c.convertedMatterId ? (
                  <Link key="m" to={`/matters/${c.convertedMatterId}`}>
                    查看事项
                  </Link>
                ) : canConvert ? (
                  <Button
                    key="c"
                    size="small"
                    onClick={() => setConverting(c)}
                    data-testid="consultation-convert"
                  >
                    转为维权事项
                  </Button>
                ) : null,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color="blue">{c.topic}</Tag>
                    <span>{c.question}</span>
                    {c.state === 'converted' ? <Tag color="green">已转为事项</Tag> : null}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {chineseClockOfInstant(c.createdAt)} · {c.channelLabel} · {c.staffName}
                    {c.visitorName ? ` · ${c.visitorName}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ConvertModal consultation={converting} onClose={() => setConverting(null)} />
    </>
  );
}
