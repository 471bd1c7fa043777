import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import type { OrgCase } from '../features/prevention/api/prevention.api';
import { CaseResultModal } from '../features/prevention/components/CaseResultModal';
import { OrgCasesList } from '../features/prevention/components/OrgCasesList';
import { ReferralModal } from '../features/prevention/components/ReferralModal';
import { useMyOrganizations, useOrgCases, useRecordCase } from '../features/prevention/hooks/use-prevention';
import type { CaseInput } from '../features/prevention/api/prevention.api';
import { readyAttr } from '../lib/ready';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));

interface Values {
  applicantName: string;
  respondentName: string;
  claimType: CaseInput['claimType'];
  summary: string;
  receivedOn: Dayjs;
}

/** 调解案件台账: a mediation organisation's mediator records the cases of their own organisation. */
export default function OrgLedgerPage() {
  const mine = useMyOrganizations();
  const [chosen, setChosen] = useState<string>();
  const orgId = chosen ?? mine.data?.items[0]?.id;
  const cases = useOrgCases(orgId);
  const record = useRecordCase(orgId ?? '');
  const [closing, setClosing] = useState<OrgCase | null>(null);
  const [referring, setReferring] = useState<OrgCase | null>(null);
  const [form] = Form.useForm<Values>();
  if (mine.isPending) return <Spin />;
  const orgs = mine.data?.items ?? [];
  if (!orgId) return <Empty description="您尚未登记为任何调解组织的调解员，请联系调解组织指导员" />;
  return (
    <div data-ready={readyAttr(cases)}>
      <PageHeader title="调解案件台账">
        {orgs.length > 1 ? (
          <Select
            value={orgId}
            onChange={setChosen}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            style={{ minWidth: 240 }}
          />
        ) : (
          orgs[0]?.name
        )}
      </PageHeader>
      <Card size="small" title="登记案件" style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ receivedOn: dayjs() }}
          onFinish={async (v) => {
            await record.mutateAsync({ ...v, receivedOn: v.receivedOn.format('YYYY-MM-DD') });
            form.resetFields();
          }}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item
                name="applicantName"
                label="申请人"
                rules={[{ required: true, message: '请填写申请人' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="respondentName"
                label="被申请人"
                rules={[{ required: true, message: '请填写被申请人' }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="claimType"
                label="争议事项"
                rules={[{ required: true, message: '请选择争议事项' }]}
              >
                <Select options={CLAIM_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="summary"
                label="纠纷概要"
                rules={[{ required: true, message: '请填写纠纷概要' }]}
              >
                <Input.TextArea autoSize={{ minRows: 1 }} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="receivedOn"
                label="收到申请日期"
                rules={[{ required: true, message: '请选择日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="case-submit">
            登记
          </Button>
        </Form>
      </Card>
      <Card size="small" title="本组织案件">
        <OrgCasesList
          items={cases.data?.items ?? []}
          loading={cases.isPending}
          onClose={setClosing}
          onRefer={setReferring}
        />
      </Card>
      <CaseResultModal c={closing} onClose={() => setClosing(null)} />
      <ReferralModal c={referring} onClose={() => setReferring(null)} />
    </div>
  );
}
