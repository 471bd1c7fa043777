import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CERTIFICATE_TYPES, ROLE_CODES, ROLES, type RoleCode } from '@onestop/domain/access/roles';
import { Button, Form, Select, TreeSelect } from 'antd';
import type { TreeOption } from '../../../lib/tree';

interface GrantRow {
  role?: RoleCode;
  jurisdictionIds?: string[];
}

const ROLE_OPTIONS = ROLE_CODES.map((code) => ({ value: code, label: ROLES[code].label }));

function certificateHint(role: RoleCode | undefined): string | undefined {
  const needed = role ? ROLES[role].requiresCertificate : undefined;
  return needed ? `该岗位须持有效的${CERTIFICATE_TYPES[needed].label}，证件过期则岗位权限暂停。` : undefined;
}

/**
 * 一人多岗: any number of posts, each scoped to jurisdictions. Rows are a Form.List under `roles`;
 * each field has a visible label (岗位 n / 辖区 n) bound to its input, so keyboard and tests reach it.
 */
export function RoleGrantsField({ jurisdictionTree }: { jurisdictionTree: TreeOption[] }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <fieldset className="grant-list">
          <legend className="grant-legend">岗位与辖区</legend>
          {fields.length === 0 ? <p className="muted">尚未分配岗位。</p> : null}
          {fields.map((field, i) => (
            <div key={field.key} className="grant-row" data-testid={`grant-row-${i}`}>
              <Form.Item
                noStyle
                shouldUpdate={(prev, next) =>
                  prev.roles?.[field.name]?.role !== next.roles?.[field.name]?.role
                }
              >
                {() => (
                  <Form.Item
                    className="grant-role"
                    label={`岗位 ${i + 1}`}
                    name={[field.name, 'role']}
                    dependencies={[['roles', field.name, 'jurisdictionIds']]}
                    extra={certificateHint(form.getFieldValue(['roles', field.name, 'role']))}
                    rules={[
                      {
                        // An untouched empty row is ignored on save; a row with jurisdictions needs its post.
                        validator: (_rule, value: RoleCode | undefined) => {
                          const all: (GrantRow | undefined)[] = form.getFieldValue('roles') ?? [];
                          if (!value) {
                            const jurisdictions = all[field.name]?.jurisdictionIds ?? [];
                            return jurisdictions.length > 0
                              ? Promise.reject(new Error('请选择岗位'))
                              : Promise.resolve();
                          }
                          const same = all.filter((g) => g?.role === value).length;
                          return same > 1
                            ? Promise.reject(new Error('同一岗位只能分配一次'))
                            : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder="选择岗位"
                      options={ROLE_OPTIONS}
                      data-testid={`grant-role-${i}`}
                    />
                  </Form.Item>
                )}
              </Form.Item>
              <Form.Item
                className="grant-jurisdictions"
                label={`辖区 ${i + 1}`}
                name={[field.name, 'jurisdictionIds']}
              >
                <TreeSelect
                  multiple
                  treeData={jurisdictionTree}
                  treeDefaultExpandAll
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder="选择辖区（可多选）"
                  data-testid={`grant-jurisdictions-${i}`}
                />
              </Form.Item>
              <Button
                className="grant-remove"
                icon={<DeleteOutlined />}
                aria-label={`删除第 ${i + 1} 行`}
                onClick={() => remove(field.name)}
                data-testid={`grant-remove-${i}`}
              />
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ role: undefined, jurisdictionIds: [] })}
            data-testid="grant-add"
          >
            添加岗位
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
