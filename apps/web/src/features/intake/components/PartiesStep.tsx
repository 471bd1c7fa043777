import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import type { Party } from '../../matters/types';
import { intakeApi } from '../api/intake.api';
import type { EmployerDraft, IntakeDraft, LookupResult, WorkerDraft } from '../types';

export const ID_TYPE_OPTIONS = [
  { value: 'resident_id', label: '居民身份证' },
  { value: 'passport', label: '护照' },
  { value: 'hmt_residence_permit', label: '港澳台居民居住证' },
  { value: 'foreign_permanent_residence', label: '外国人永久居留身份证' },
];
const SIZE_OPTIONS = [
  { value: 'micro', label: '微型' },
  { value: 'small', label: '小型' },
  { value: 'medium', label: '中型' },
  { value: 'large', label: '大型' },
];
const EMPLOYER_STATUS = [
  { value: 'normal', label: '正常经营' },
  { value: 'bankrupt', label: '破产' },
  { value: 'restructuring', label: '重整/改制' },
  { value: 'closed', label: '停业/注销' },
];

export interface PartiesValues {
  channel: IntakeDraft['channel'];
  requestKind: IntakeDraft['requestKind'];
  jurisdictionId: string;
  worker: WorkerDraft;
  others: WorkerDraft[];
  employer: EmployerDraft;
}

/**
 * The parties section of the window's intake: find-or-create the worker by ID number and the employer
 * by credit code or name. A complete 18-character number is looked up as soon as it is typed.
 */
export function PartiesStep({
  form,
  initial,
  jurisdictions,
  onChange,
}: {
  form: FormInstance<PartiesValues>;
  initial: Partial<PartiesValues>;
  jurisdictions: { value: string; label: string }[];
  onChange?: () => void;
}) {
  const [worker, setWorker] = useState<LookupResult | null>(null);
  const [employer, setEmployer] = useState<Party | null>(null);
  const [options, setOptions] = useState<{ value: string; label: string; party: Party }[]>([]);

  const lookupWorker = async () => {
    const idType = form.getFieldValue(['worker', 'idType']) as string;
    const idNumber = (form.getFieldValue(['worker', 'idNumber']) as string | undefined)?.trim();
    if (!idNumber) return;
    try {
      const r = await intakeApi.lookupWorker(idType, idNumber);
      setWorker(r);
      form.setFields([{ name: ['worker', 'idNumber'], errors: [] }]);
      if (r.derived?.minor) form.setFieldValue(['worker', 'minor'], true);
      if (r.party) {
        form.setFieldsValue({
          worker: {
            name: r.party.name,
            migrantWorker: r.party.migrantWorker,
            disabled: r.party.disabled,
            pregnantOrNursing: r.party.pregnantOrNursing,
            minor: r.party.minor || r.derived?.minor,
          },
        });
      }
      onChange?.();
    } catch (e) {
      setWorker(null);
      if (isApiError(e)) form.setFields([{ name: ['worker', 'idNumber'], errors: [e.message] }]);
    }
  };

  const lookupEmployer = async () => {
    const code = (form.getFieldValue(['employer', 'creditCode']) as string | undefined)?.trim();
    if (!code) return;
    try {
      const r = await intakeApi.lookupEmployer(code);
      form.setFields([{ name: ['employer', 'creditCode'], errors: [] }]);
      if (r.party) pickEmployer(r.party);
      else setEmployer(null);
    } catch (e) {
      if (isApiError(e)) form.setFields([{ name: ['employer', 'creditCode'], errors: [e.message] }]);
    }
  };

  const pickEmployer = (p: Party) => {
    setEmployer(p);
    form.setFieldsValue({
      employer: {
        name: p.name,
        creditCode: p.creditCode ?? undefined,
        legalRepresentative: p.legalRepresentative ?? undefined,
        industry: p.industry ?? undefined,
        size: p.size ?? undefined,
        status: p.status,
      },
    });
    onChange?.();
  };

  const searchEmployers = async (q: string) => {
    if (q.trim().length < 2) return setOptions([]);
    const r = await intakeApi.searchEmployers(q.trim());
    setOptions(
      r.items.map((p) => ({
        value: p.id,
        label: `${p.name}${p.creditCode ? `（${p.creditCode}）` : ''}`,
        party: p,
      })),
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        channel: 'window',
        requestKind: 'application',
        worker: { idType: 'resident_id' },
        ...initial,
      }}
      onValuesChange={(changed: Partial<PartiesValues>) => {
        // A complete ID number or credit code is looked up at once (no Enter needed at the window).
        const id = changed.worker?.idNumber?.trim();
        if (id && id.length === 18) void lookupWorker();
        const code = changed.employer?.creditCode?.trim();
        if (code && code.length === 18) void lookupEmployer();
        onChange?.();
      }}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'window', label: '窗口来访' },
                { value: 'online', label: '网上申请' },
                { value: 'hotline_12333', label: '12333热线' },
                { value: 'petition_transfer', label: '信访转入' },
                { value: 'inspection_transfer', label: '监察转入' },
                { value: 'court_delegated', label: '法院委派' },
                { value: 'union_transfer', label: '工会转入' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="requestKind" label="请求类型" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'application', label: '申请（调解/仲裁）' },
                { value: 'complaint', label: '投诉' },
                { value: 'report', label: '举报' },
                { value: 'petition', label: '信访' },
                { value: 'question', label: '咨询' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="jurisdictionId"
            label="受理辖区"
            rules={[{ required: true, message: '请选择辖区' }]}
          >
            <Select options={jurisdictions} />
          </Form.Item>
        </Col>
      </Row>

      <Card size="small" title="劳动者（按证件号码查找）" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['worker', 'idType']} label="证件类型" rules={[{ required: true }]}>
              <Select options={ID_TYPE_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name={['worker', 'idNumber']}
              label="证件号码"
              rules={[{ required: true, message: '请输入证件号码' }]}
            >
              <Input
                autoFocus
                data-testid="intake-id-number"
                autoComplete="off"
                maxLength={30}
                onBlur={lookupWorker}
                onPressEnter={(e) => {
                  e.preventDefault();
                  void lookupWorker();
                  form.getFieldInstance(['worker', 'name'])?.focus?.();
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['worker', 'name']}
              label="姓名"
              rules={[{ required: true, message: '请输入姓名' }]}
            >
              <Input data-testid="intake-worker-name" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        {worker?.derived ? (
          <Space wrap style={{ marginBottom: 12 }} data-testid="intake-derived">
            {worker.found ? (
              <Tag color="blue">已登记当事人，将沿用原记录</Tag>
            ) : (
              <Tag color="green">新当事人</Tag>
            )}
            {worker.derived.sex ? <Tag>性别：{worker.derived.sex === 'male' ? '男' : '女'}</Tag> : null}
            {worker.derived.birthDate ? <Tag>出生日期：{worker.derived.birthDate}</Tag> : null}
            {worker.derived.minor ? <Tag color="red">未成年人</Tag> : null}
            {worker.party?.phoneMasked ? <Tag>电话：{worker.party.phoneMasked}</Tag> : null}
          </Space>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['worker', 'phone']}
              label="联系电话"
              extra={worker?.found ? '留空则沿用已登记的电话' : undefined}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['worker', 'address']} label="住址 / 送达地址">
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Form.Item name={['worker', 'migrantWorker']} valuePropName="checked" noStyle>
            <Checkbox>农民工</Checkbox>
          </Form.Item>
          <Form.Item name={['worker', 'disabled']} valuePropName="checked" noStyle>
            <Checkbox>残疾人</Checkbox>
          </Form.Item>
          <Form.Item name={['worker', 'pregnantOrNursing']} valuePropName="checked" noStyle>
            <Checkbox>“三期”女职工</Checkbox>
          </Form.Item>
          <Form.Item name={['worker', 'minor']} valuePropName="checked" noStyle>
            <Checkbox>未成年人</Checkbox>
          </Form.Item>
        </Space>
        <Form.List name="others">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 16 }}>
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="middle">
                  <Col xs={24} md={5}>
                    <Form.Item name={[f.name, 'idType']} initialValue="resident_id">
                      <Select options={ID_TYPE_OPTIONS} aria-label="证件类型" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[f.name, 'idNumber']}
                      rules={[{ required: true, message: '请输入证件号码' }]}
                    >
                      <Input placeholder="证件号码" />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={6}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请输入姓名' }]}>
                      <Input placeholder="姓名" />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={5}>
                    <Space>
                      <Form.Item name={[f.name, 'representative']} valuePropName="checked" noStyle>
                        <Checkbox>代表</Checkbox>
                      </Form.Item>
                      <Button type="link" danger onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    </Space>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add()}>添加其他劳动者（集体争议10人以上）</Button>
            </div>
          )}
        </Form.List>
      </Card>

      <Card size="small" title="用人单位（按信用代码或名称查找）" style={{ marginBottom: 16 }}>
        {employer ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已登记单位：${employer.name}（${employer.statusLabel}），将沿用原记录`}
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name={['employer', 'creditCode']} label="统一社会信用代码">
              <Input
                maxLength={18}
                autoComplete="off"
                data-testid="intake-credit-code"
                onBlur={lookupEmployer}
                onPressEnter={(e) => {
                  e.preventDefault();
                  void lookupEmployer();
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name={['employer', 'name']}
              label="单位名称"
              rules={[{ required: true, message: '请输入单位名称' }]}
            >
              <AutoComplete
                options={options}
                onSearch={(q) => void searchEmployers(q)}
                onSelect={(_, o) => pickEmployer((o as { party: Party }).party)}
              >
                <Input data-testid="intake-employer-name" maxLength={200} />
              </AutoComplete>
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['employer', 'legalRepresentative']} label="法定代表人">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['employer', 'contactPhone']} label="联系电话">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['employer', 'address']}
              label="住所地"
              extra={employer?.addressMasked ? `已登记：${employer.addressMasked}（留空则沿用）` : undefined}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['employer', 'industry']} label="行业">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['employer', 'size']} label="规模">
              <Select allowClear options={SIZE_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['employer', 'status']} label="经营状态">
              <Select allowClear options={EMPLOYER_STATUS} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Typography.Paragraph type="secondary">
        个人信息处理告知：为依法处理您的维权事项（《个人信息保护法》第十三条第一款第三项），中心收集证件号码、联系方式和住址，加密保存，仅经授权的工作人员可查看完整信息。
      </Typography.Paragraph>
    </Form>
  );
}
