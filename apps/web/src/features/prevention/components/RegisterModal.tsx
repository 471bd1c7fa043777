import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MEDIATION_ORG_KIND_INFO,
  MEDIATION_ORG_KINDS,
  ORG_MEMBER_POSITION_LABELS,
  ORG_MEMBER_POSITIONS,
} from '@onestop/domain/prevention/organizations';
import { Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useRegisterOrganization } from '../hooks/use-prevention';
import type { RegisterInput } from '../api/prevention.api';

const KIND_OPTIONS = MEDIATION_ORG_KINDS.map((k) => ({ value: k, label: MEDIATION_ORG_KIND_INFO[k].label }));
const POSITION_OPTIONS = ORG_MEMBER_POSITIONS.map((p) => ({
  value: p,
  label: ORG_MEMBER_POSITION_LABELS[p],
}));

interface Values {
  name: string;
  kind: RegisterInput['kind'];
  jurisdictionId: string;
  foundedOn: Dayjs;
  address: string;
  contactPerson?: string;
  creditCode?: string;
  members?: {
    name: string;
    position: NonNullable<RegisterInput['members']>[number]['position'];
    username?: string;
  }[];
}

/** 登记调解组织: the organisation, its jurisdiction and founding date, the employer's credit code, its members. */
export function RegisterModal({
  open,
  onClose,
  jurisdictions,
}: {
  open: boolean;
  onClose: () => void;
  jurisdictions: { value: string; label: string }[];
}) {
  const [form] = Form.useForm<Values>();
  const register = useRegisterOrganization();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      title="登记调解组织"
      open={open}
      width={720}
      onCancel={onClose}
      okText="登记"
      confirmLoading={register.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const created = await register.mutateAsync({
          name: v.name,
          kind: v.kind,
          jurisdictionId: v.jurisdictionId,
          foundedOn: v.foundedOn.format('YYYY-MM-DD'),
          address: v.address,
          contactPerson: v.contactPerson || undefined,
          creditCode: v.creditCode || undefined,
          members: (v.members ?? []).map((m) => ({ ...m, username: m.username || undefined })),
        });
        onClose();
        void navigate(`/prevention/organizations/${created.id}`);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ jurisdictionId: jurisdictions[0]?.value, members: [] }}
      >
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label="组织名称" rules={[{ required: true, message: '请填写组织名称' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="jurisdictionId"
              label="所属辖区"
              rules={[{ required: true, message: '请选择辖区' }]}
            >
              <Select options={jurisdictions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="foundedOn"
              label="成立日期"
              rules={[{ required: true, message: '请选择成立日期' }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactPerson" label="联系人">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="creditCode"
              label="所在企业统一社会信用代码"
              extra="企业劳动争议调解委员会必填，用于关联用人单位画像"
              rules={[
                {
                  required: kind === 'enterprise_committee',
                  message: '企业劳动争议调解委员会须填写所在企业的统一社会信用代码',
                },
              ]}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={i === 0 ? '成员姓名' : undefined}
                    rules={[{ required: true, message: '请填写姓名' }]}
                  >
                    <Input aria-label={`成员${i + 1}姓名`} maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'position']}
                    label={i === 0 ? '职务' : undefined}
                    rules={[{ required: true, message: '请选择职务' }]}
                  >
                    <Select
                      aria-label={`成员${i + 1}职务`}
                      options={POSITION_OPTIONS}
                      style={{ width: 100 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'username']} label={i === 0 ? '登录账号（可选）' : undefined}>
                    <Input aria-label={`成员${i + 1}登录账号`} maxLength={32} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除成员" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ position: 'mediator' })}
                data-testid="member-add"
              >
                增加成员
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
