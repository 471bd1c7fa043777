import {
  Alert,
  AutoComplete,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { documentsApi, proofOfServiceUrl } from '../api/documents.api';
import { chineseClockOfInstant, chineseDate, PICKER_MINUTE_FORMATS } from '../../../lib/time';
import { useDocumentMutation, useRecipients } from '../hooks/use-documents';
import type { DocumentService, OfficialDocument, ServiceInput, ServiceMethod } from '../types';
import { readyAttr } from '../../../lib/ready';

const METHODS: { value: ServiceMethod; label: string; hint: string }[] = [
  {
    value: 'in_person',
    label: '直接送达',
    hint: '打印送达回证，受送达人签名；拒收的登记为留置送达，注明事由并由见证人签名（民事诉讼法第八十七条、第八十九条）',
  },
  {
    value: 'electronic',
    label: '电子送达',
    hint: '须经受送达人同意（民事诉讼法第九十条）；受送达人首次打开文书的时间为送达时间',
  },
  { value: 'post', label: '邮寄送达', hint: '以回执上注明的收件日期为送达日期' },
  {
    value: 'public_notice',
    label: '公告送达',
    hint: '受送达人下落不明或用其他方式无法送达的，自公告之日起经过三十日视为送达（第九十五条）',
  },
];

const STATE_COLORS = {
  pending: 'processing',
  served: 'success',
  refused: 'warning',
  returned: 'error',
} as const;

function ResultForm({
  doc,
  service,
  onDone,
}: {
  doc: OfficialDocument;
  service: DocumentService;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form) as 'served' | 'refused' | 'returned' | undefined;
  const save = useDocumentMutation(
    (v: Record<string, unknown>) =>
      documentsApi.serviceResult(doc.id, service.id, {
        outcome: v.outcome as 'served',
        ...(v.servedAt ? { servedAt: (v.servedAt as dayjs.Dayjs).toISOString() } : {}),
        ...(v.signer ? { signer: v.signer as string } : {}),
        ...(v.refusalReason ? { refusalReason: v.refusalReason as string } : {}),
        ...(v.witnesses ? { witnesses: v.witnesses as string } : {}),
        rowVersion: service.rowVersion,
      }),
    true,
  );
  const outcomes =
    service.method === 'in_person'
      ? [
          { value: 'served', label: '已签收' },
          { value: 'refused', label: '拒收（留置送达）' },
        ]
      : [
          { value: 'served', label: '已妥投' },
          { value: 'returned', label: '邮件退回' },
        ];
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ outcome: 'served', servedAt: dayjs() }}
      onFinish={async (v) => {
        await save.mutateAsync(v);
        feedback.success('送达结果已登记');
        onDone();
      }}
    >
      <FormError error={save.error} />
      <Form.Item name="outcome">
        <Radio.Group options={outcomes} optionType="button" />
      </Form.Item>
      {outcome !== 'returned' ? (
        <Form.Item name="servedAt" label="送达时间" rules={[{ required: true, message: '请选择送达时间' }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={PICKER_MINUTE_FORMATS}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ) : null}
      {outcome === 'served' ? (
        <Form.Item name="signer" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
          <Input data-testid="service-signer" placeholder="受送达人或代收人（注明身份）" />
        </Form.Item>
      ) : null}
      {outcome === 'refused' ? (
        <>
          <Form.Item
            name="refusalReason"
            label="拒收事由"
            rules={[{ required: true, message: '请填写拒收事由' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="witnesses" label="见证人" rules={[{ required: true, message: '请填写见证人' }]}>
            <Input placeholder="见证人姓名及身份" />
          </Form.Item>
        </>
      ) : null}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="service-result-submit">
        登记结果
      </Button>
    </Form>
  );
}

function ServiceItem({ doc, s }: { doc: OfficialDocument; s: DocumentService }) {
  const [recording, setRecording] = useState(false);
  const detail = [
    s.recipientRole,
    s.place && `地点：${s.place}`,
    s.consentRef && `同意书：${s.consentRef}`,
    s.trackingNo && `单号：${s.trackingNo}`,
    s.noticeDate && `公告日期：${chineseDate(s.noticeDate)}`,
    s.servedAt && `送达时间：${chineseClockOfInstant(s.servedAt)}`,
    s.signer && `签收人：${s.signer}`,
    s.refusalReason && `拒收事由：${s.refusalReason}（见证人：${s.witnesses ?? ''}）`,
  ].filter(Boolean);
  const canRecord = s.state === 'pending' && (s.method === 'in_person' || s.method === 'post');
  return (
    <List.Item
      actions={[
        s.method === 'in_person' ? (
          <Typography.Link key="pos" href={proofOfServiceUrl(doc.id, s.id)} target="_blank">
            打印送达回证
          </Typography.Link>
        ) : null,
        canRecord ? (
          <Typography.Link
            key="rec"
            data-testid="service-record-result"
            onClick={() => setRecording((r) => !r)}
          >
            登记结果
          </Typography.Link>
        ) : null,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{s.recipient}</span>
            <Tag>{s.methodLabel}</Tag>
            <Tag color={STATE_COLORS[s.state]}>{s.stateLabel}</Tag>
          </Space>
        }
        description={
          <>
            <div>{detail.join('；')}</div>
            {recording ? <ResultForm doc={doc} service={s} onDone={() => setRecording(false)} /> : null}
          </>
        }
      />
    </List.Item>
  );
}

/** 送达: the records so far, and a form for a new one by one of the four methods. */
export function ServiceModal({ doc, onClose }: { doc: OfficialDocument | null; onClose: () => void }) {
  const isMobile = useIsMobile();
  const [form] = Form.useForm();
  const method = (Form.useWatch('method', form) as ServiceMethod | undefined) ?? 'in_person';
  const recipientName = Form.useWatch('recipient', form) as string | undefined;
  const recipients = useRecipients(doc?.id ?? null);
  const party = recipients.data?.find((r) => r.name === recipientName);
  const consentRef = party?.electronicConsentRef ?? null;
  // At the window the addressee is usually standing there: direct service and its signature are one
  // step (送达 recorded, then its result: signed by the recipient on the 送达回证 now).
  const save = useDocumentMutation(async (v: ServiceInput & { signer?: string; onTheSpot?: boolean }) => {
    const { signer, onTheSpot, ...input } = v;
    const after = await documentsApi.serve(doc?.id as string, input);
    if (!onTheSpot || input.method !== 'in_person' || !signer) return after;
    const created = [...after.services]
      .reverse()
      .find((s) => s.state === 'pending' && s.method === 'in_person' && s.recipient === input.recipient);
    if (!created) return after;
    return documentsApi.serviceResult(doc?.id as string, created.id, {
      outcome: 'served',
      servedAt: new Date().toISOString(),
      signer,
      rowVersion: created.rowVersion,
    });
  }, true);
  useEffect(() => {
    if (doc) {
      form.resetFields();
      save.reset();
    }
  }, [doc?.id, form, save.reset, doc]);
  // Pre-filled: the applicant (first worker) as recipient when nobody has been served yet.
  const firstWorker = recipients.data?.find((r) => r.role === 'worker');
  useEffect(() => {
    if (!doc || !firstWorker || doc.services.length || form.getFieldValue('recipient')) return;
    form.setFieldsValue({
      recipient: firstWorker.name,
      recipientRole: '申请人',
      signer: `${firstWorker.name}本人`,
    });
  }, [doc, firstWorker, form]);
  const onTheSpot = Form.useWatch('onTheSpot', form) as boolean | undefined;

  const submit = async () => {
    const v = await form.validateFields();
    const body: ServiceInput = {
      ...v,
      ...(v.noticeDate ? { noticeDate: (v.noticeDate as dayjs.Dayjs).format('YYYY-MM-DD') } : {}),
      // The consent is the party's own, on record: the server takes it from there, never typed here.
      ...(party ? { partyId: party.partyId } : {}),
    };
    await save.mutateAsync(body);
    feedback.success(v.onTheSpot && v.method === 'in_person' ? '已当场送达并签收' : '送达记录已登记');
    form.resetFields();
  };

  const electronicBlocked = method === 'electronic' && !consentRef;
  return (
    <Modal
      open={doc !== null}
      title={doc ? `送达：${doc.title} ${doc.number ?? ''}` : ''}
      onCancel={onClose}
      footer={null}
      width={isMobile ? '100%' : 680}
      destroyOnHidden
    >
      <div data-testid="service-modal" data-ready={readyAttr(recipients)}>
        {doc?.services.length ? (
          <List size="small" dataSource={doc.services} renderItem={(s) => <ServiceItem doc={doc} s={s} />} />
        ) : (
          <Typography.Paragraph type="secondary">尚无送达记录。</Typography.Paragraph>
        )}
        <Divider titlePlacement="start" plain>
          新增送达
        </Divider>
        <FormError error={save.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ method: 'in_person', place: '本中心受理窗口', onTheSpot: false }}
        >
          <Form.Item name="method" label="送达方式">
            <Radio.Group
              optionType="button"
              options={METHODS.map(({ value, label }) => ({ value, label }))}
              data-testid="service-method"
            />
          </Form.Item>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={METHODS.find((m) => m.value === method)?.hint}
          />
          <Form.Item
            name="recipient"
            label="受送达人"
            rules={[{ required: true, message: '请选择或填写受送达人' }]}
            extra="从本事项的当事人中选择；代收人、代理人可直接填写姓名"
          >
            <AutoComplete
              data-testid="service-recipient"
              options={(recipients.data ?? []).map((r) => ({
                value: r.name,
                label: `${r.name}（${r.roleLabel}${r.electronicConsentRef ? '，已同意电子送达' : ''}）`,
              }))}
              onSelect={(name: string) => {
                const r = recipients.data?.find((x) => x.name === name);
                if (r) form.setFieldValue('recipientRole', r.role === 'worker' ? '申请人' : '被申请人');
              }}
            />
          </Form.Item>
          <Form.Item name="recipientRole" label="受送达人身份">
            <Input placeholder="申请人、被申请人、代理人…" />
          </Form.Item>
          {method === 'in_person' ? (
            <Form.Item name="place" label="送达地点" rules={[{ required: true, message: '请填写送达地点' }]}>
              <Input data-testid="service-place" placeholder="如：本中心受理窗口" />
            </Form.Item>
          ) : null}
          {method === 'in_person' ? (
            <Form.Item name="onTheSpot" valuePropName="checked">
              <Checkbox data-testid="service-on-the-spot">受送达人在场，已在送达回证上签收</Checkbox>
            </Form.Item>
          ) : null}
          {method === 'in_person' && onTheSpot ? (
            <Form.Item name="signer" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
              <Input data-testid="service-spot-signer" placeholder="受送达人或代收人（注明身份）" />
            </Form.Item>
          ) : null}
          {method === 'electronic' ? (
            <Alert
              data-testid="service-consent"
              type={consentRef ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              title={
                consentRef
                  ? `${recipientName}已同意电子送达（确认编号 ${consentRef}），文书将发送到其网上服务页面，首次打开即为送达`
                  : recipientName
                    ? `${recipientName}的记录中没有同意电子送达，不能电子送达，请改用其他方式`
                    : '请先选择受送达人：电子送达以其记录中的同意为准'
              }
            />
          ) : null}
          {method === 'post' ? (
            <Form.Item
              name="trackingNo"
              label="邮件单号"
              rules={[{ required: true, message: '请填写邮件单号' }]}
            >
              <Input />
            </Form.Item>
          ) : null}
          {method === 'public_notice' ? (
            <Form.Item
              name="noticeDate"
              label="公告日期"
              rules={[{ required: true, message: '请选择公告日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Button
            type="primary"
            data-testid="service-submit"
            disabled={electronicBlocked}
            onClick={() => void submit().catch(() => undefined)}
            loading={save.isPending}
          >
            登记送达
          </Button>
        </Form>
      </div>
    </Modal>
  );
}
