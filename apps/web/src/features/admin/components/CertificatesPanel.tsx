import { PlusOutlined } from '@ant-design/icons';
import { CERTIFICATE_TYPES, type CertificateType } from '@onestop/domain/access/roles';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { useAddCertificate, useCertificates, useRevokeCertificate } from '../hooks/use-admin-users';
import type { Certificate, CertificateStatus } from '../types';

const STATUS: Record<CertificateStatus, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  expired: { label: '已过期', color: 'red' },
  revoked: { label: '已撤销', color: 'default' },
  not_yet_valid: { label: '未生效', color: 'blue' },
};

const TYPE_OPTIONS = (Object.keys(CERTIFICATE_TYPES) as CertificateType[]).map((type) => ({
  value: type,
  label: CERTIFICATE_TYPES[type].label,
}));

interface CertificateFormValues {
  type: CertificateType;
  number: string;
  issuer: string;
  validity: [Dayjs, Dayjs];
}

/** 兼职监察员证 / 兼职仲裁员证: an expired or revoked certificate suspends the post it licenses. */
export function CertificatesPanel({ userId }: { userId: string }) {
  const certificates = useCertificates(userId);
  const add = useAddCertificate(userId);
  const revoke = useRevokeCertificate();
  const [form] = Form.useForm<CertificateFormValues>();

  const columns: TableProps<Certificate>['columns'] = [
    { title: '证件类型', dataIndex: 'typeLabel', key: 'type' },
    { title: '证号', dataIndex: 'number', key: 'number' },
    { title: '发证机关', dataIndex: 'issuer', key: 'issuer', responsive: ['md'] },
    {
      title: '有效期',
      key: 'validity',
      render: (_value, c) => `${c.validFrom} 至 ${c.validTo}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (status: CertificateStatus) => <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_value, c) =>
        c.revoked ? null : (
          <Popconfirm
            title="撤销证件"
            description="撤销后，该证件对应的岗位权限将暂停。确定撤销吗？"
            okText="撤销"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(c.id).then(() => {
                feedback.success('证件已撤销');
              })
            }
          >
            <Button type="link" danger size="small" data-testid={`cert-revoke-${c.number}`}>
              撤销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const handleFinish = (values: CertificateFormValues) => {
    add.mutate(
      {
        type: values.type,
        number: values.number.trim(),
        issuer: values.issuer.trim(),
        validFrom: values.validity[0].format('YYYY-MM-DD'),
        validTo: values.validity[1].format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          feedback.success('证件已登记');
          form.resetFields();
        },
      },
    );
  };

  return (
    <div className="certificates-panel">
      <Table<Certificate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={certificates.data ?? []}
        loading={certificates.isPending}
        locale={{ emptyText: '暂无证件' }}
        pagination={false}
        scroll={{ x: 520 }}
        data-testid="cert-table"
      />
      <Card size="small" title="登记新证件" className="certificates-add">
        <Form<CertificateFormValues> form={form} name="certificate" layout="vertical" onFinish={handleFinish}>
          <FormError error={add.error} />
          <Form.Item label="证件类型" name="type" rules={[{ required: true, message: '请选择证件类型' }]}>
            <Select options={TYPE_OPTIONS} placeholder="选择证件类型" data-testid="cert-type" />
          </Form.Item>
          <Form.Item
            label="证号"
            name="number"
            rules={[{ required: true, whitespace: true, message: '请输入证号' }]}
          >
            <Input autoComplete="off" data-testid="cert-number" />
          </Form.Item>
          <Form.Item
            label="发证机关"
            name="issuer"
            rules={[{ required: true, whitespace: true, message: '请输入发证机关' }]}
          >
            <Input autoComplete="off" data-testid="cert-issuer" />
          </Form.Item>
          <Form.Item label="有效期" name="validity" rules={[{ required: true, message: '请选择有效期' }]}>
            <DatePicker.RangePicker className="full-width" data-testid="cert-validity" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="cert-submit"
          >
            登记证件
          </Button>
        </Form>
      </Card>
    </div>
  );
}
