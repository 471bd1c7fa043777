import { CLAIM_CATALOGUE, CLAIM_TYPES } from '@onestop/domain/claims/catalogue';
import { Checkbox, Divider, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useCurrentUser } from '../../auth/hooks/use-session';
import type { RegisterInput } from '../api/petitions.api';
import { useRegisterPetition } from '../hooks/use-petitions';

const CLAIM_OPTIONS = CLAIM_TYPES.map((t) => ({ value: t, label: CLAIM_CATALOGUE[t].label }));

/** 信访登记: petitioner, request, facts, reasons; a new matter through the single window unless one is given. */
export function RegisterPetitionModal({
  open,
  matterId,
  onClose,
  onCreated,
}: {
  open: boolean;
  matterId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const user = useCurrentUser();
  const jurisdictions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user.roles)
      if (r.role === 'petition_officer' && r.active) for (const j of r.jurisdictions) seen.set(j.id, j.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  const [form] = Form.useForm<RegisterInput>();
  const register = useRegisterPetition();
  return (
    <Modal
      title="信访登记"
      open={open}
      onCancel={onClose}
      okText="登记"
      width={760}
      confirmLoading={register.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'petition-register-ok' } as never}
      onOk={async () => {
        const v = await form.validateFields();
        const p = await register.mutateAsync({ ...v, ...(matterId && { matterId }) });
        onClose();
        onCreated(p.id);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          form: 'visit',
          jurisdictionId: jurisdictions[0]?.value,
          claimType: 'unpaid_wages',
          migrantWorker: false,
        }}
      >
        <Space wrap>
          <Form.Item name="form" label="信访形式">
            <Select
              style={{ width: 140 }}
              options={[
                { value: 'visit', label: '来访' },
                { value: 'letter', label: '来信' },
                { value: 'call', label: '来电' },
                { value: 'online', label: '网上信访' },
              ]}
            />
          </Form.Item>
          {matterId ? null : (
            <Form.Item name="jurisdictionId" label="辖区" rules={[{ required: true, message: '请选择辖区' }]}>
              <Select style={{ width: 160 }} options={jurisdictions} />
            </Form.Item>
          )}
        </Space>
        {matterId ? null : (
          <>
            <Divider titlePlacement="start" plain>
              信访人与用人单位
            </Divider>
            <Space wrap>
              <Form.Item
                name="workerName"
                label="信访人（劳动者）"
                rules={[{ required: true, message: '请填写信访人姓名' }]}
              >
                <Input data-testid="petition-worker" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label="身份证号码"
                rules={[{ required: true, message: '请填写身份证号码' }]}
              >
                <Input data-testid="petition-id" style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="phone" label="联系电话">
                <Input />
              </Form.Item>
              <Form.Item name="migrantWorker" label=" " valuePropName="checked">
                <Checkbox>农民工</Checkbox>
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item
                name="employerName"
                label="用人单位"
                rules={[{ required: true, message: '请填写用人单位' }]}
              >
                <Input data-testid="petition-employer" style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="claimType" label="诉求">
                <Select options={CLAIM_OPTIONS} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item
                name="amountYuan"
                label="金额（元）"
                dependencies={['claimType']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      v === undefined &&
                      CLAIM_CATALOGUE[getFieldValue('claimType') as keyof typeof CLAIM_CATALOGUE]?.monetary
                        ? Promise.reject(new Error('请填写金额'))
                        : Promise.resolve(),
                  }),
                ]}
              >
                <InputNumber min={0} />
              </Form.Item>
            </Space>
          </>
        )}
        <Divider titlePlacement="start" plain>
          信访内容
        </Divider>
        <Form.Item name="request" label="信访请求" rules={[{ required: true, message: '请填写信访请求' }]}>
          <Input.TextArea autoSize data-testid="petition-request" />
        </Form.Item>
        <Form.Item name="facts" label="事实" rules={[{ required: true, message: '请填写事实' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="petition-facts" />
        </Form.Item>
        <Form.Item name="reasons" label="理由">
          <Input.TextArea autoSize />
        </Form.Item>
        <Space wrap>
          <Form.Item name="disputedConclusion" label="不服的处理结论">
            <Select
              allowClear
              style={{ width: 200 }}
              data-testid="petition-disputed"
              options={[
                { value: 'arbitration', label: '仲裁裁决' },
                { value: 'inspection', label: '监察处理决定' },
              ]}
            />
          </Form.Item>
          <Form.Item name="conclusionRef" label="结论文号">
            <Input style={{ width: 260 }} data-testid="petition-conclusion-ref" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
