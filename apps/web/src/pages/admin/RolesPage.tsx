import {
  CERTIFICATE_TYPES,
  PERMISSIONS,
  type Permission,
  ROLE_CODES,
  ROLES,
} from '@onestop/domain/access/roles-catalog';
import { Card, Table, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';

interface Row {
  code: string;
  label: string;
  permissions: readonly Permission[];
  certificate: string | null;
}

const rows: Row[] = ROLE_CODES.map((code) => {
  const needed = ROLES[code].requiresCertificate;
  return {
    code,
    label: ROLES[code].label,
    permissions: ROLES[code].permissions,
    certificate: needed ? CERTIFICATE_TYPES[needed].label : null,
  };
});

/**
 * 岗位（角色）目录: which permissions each post grants and which certificate licenses it. Posts are
 * data in the domain package; a user holds any number of them, each scoped to jurisdictions.
 */
export default function RolesPage() {
  return (
    <>
      <PageHeader title="岗位与权限">
        一人多岗：每个用户可同时担任多个岗位，每个岗位限定辖区；兼职监察员、兼职仲裁员岗位须持有效证件，证件过期则该岗位权限暂停。
      </PageHeader>
      <Card size="small">
        <Table<Row>
          rowKey="code"
          size="middle"
          pagination={false}
          dataSource={rows}
          data-testid="roles-table"
          columns={[
            { title: '岗位', dataIndex: 'label', key: 'label', width: 140 },
            {
              title: '权限',
              key: 'permissions',
              render: (_v, r) =>
                r.permissions.map((p) => (
                  <Tag key={p} style={{ marginBottom: 4 }}>
                    {PERMISSIONS[p]}
                  </Tag>
                )),
            },
            {
              title: '须持证件',
              key: 'certificate',
              width: 200,
              render: (_v, r) =>
                r.certificate ? (
                  <Tag color="orange">{r.certificate}</Tag>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
