import { Button, Drawer, Form, Input, Select, Space, Switch, Tabs } from 'antd';
import { useEffect, useMemo } from 'react';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { toTreeOptions } from '../../../lib/tree';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { useCreateUser, useUpdateUser } from '../hooks/use-admin-users';
import { useJurisdictions, useOrganizations } from '../hooks/use-org-structure';
import type { AdminUser, RoleGrantInput } from '../types';
import { CertificatesPanel } from './CertificatesPanel';
import { RoleGrantsField } from './RoleGrantsField';

interface UserFormValues {
  username: string;
  displayName: string;
  organizationId: string;
  password?: string;
  phone?: string;
  active?: boolean;
  roles?: Partial<RoleGrantInput>[];
}

const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

function valuesOf(user: AdminUser): UserFormValues {
  return {
    username: user.username,
    displayName: user.displayName,
    organizationId: user.organization.id,
    active: user.active,
    roles: user.roles.map((r) => ({ role: r.role, jurisdictionIds: r.jurisdictions.map((j) => j.id) })),
  };
}

function grants(values: UserFormValues): RoleGrantInput[] {
  return (values.roles ?? [])
    .filter((g): g is RoleGrantInput => !!g.role)
    .map((g) => ({ role: g.role, jurisdictionIds: g.jurisdictionIds ?? [] }));
}

export type UserDrawerState =
  | { mode: 'create' }
  | { mode: 'edit'; userId: string; tab?: 'profile' | 'certificates' };

/**
 * Create a user, or edit one. In edit mode the record comes from the (refetched) list, so after a 409 the
 * form shows the latest version and saving again works.
 */
export function UserFormDrawer({
  state,
  users,
  onClose,
}: {
  state: UserDrawerState | null;
  users: AdminUser[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const mobile = useIsMobile();
  const organizations = useOrganizations();
  const jurisdictions = useJurisdictions();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = state?.mode === 'edit' ? users.find((u) => u.id === state.userId) : undefined;
  const mutation = state?.mode === 'edit' ? update : create;

  const organizationOptions = useMemo(
    () => (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
    [organizations.data],
  );
  const jurisdictionTree = useMemo(
    () => toTreeOptions(jurisdictions.data ?? [], (j) => j.name),
    [jurisdictions.data],
  );

  const resetCreate = create.reset;
  const resetUpdate = update.reset;
  // Load the record when the drawer opens and again whenever its version changes (a save, or a 409 refetch).
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on id and version on purpose
  useEffect(() => {
    if (!state) return;
    if (editing) form.setFieldsValue(valuesOf(editing));
  }, [state, editing?.id, editing?.version]);

  useEffect(() => {
    if (state) return;
    form.resetFields();
    resetCreate();
    resetUpdate();
  }, [state, form, resetCreate, resetUpdate]);

  const handleFinish = (values: UserFormValues) => {
    if (state?.mode === 'edit') {
      if (!editing) return;
      update.mutate(
        {
          id: editing.id,
          input: {
            version: editing.version,
            displayName: values.displayName.trim(),
            organizationId: values.organizationId,
            active: values.active ?? true,
            roles: grants(values),
          },
        },
        {
          onSuccess: () => {
            feedback.success('用户信息已保存');
            onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        organizationId: values.organizationId,
        password: values.password ?? '',
        phone: values.phone?.trim() || undefined,
        roles: grants(values),
      },
      {
        onSuccess: () => {
          feedback.success('用户已创建');
          onClose();
        },
      },
    );
  };

  const isEdit = state?.mode === 'edit';
  const title = isEdit ? `编辑用户：${editing?.displayName ?? ''}` : '新建用户';

  const profileForm = (
    <Form<UserFormValues>
      form={form}
      name="user"
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ active: true, roles: [{ jurisdictionIds: [] }] }}
      scrollToFirstError
    >
      <FormError error={mutation.error} />
      <Form.Item
        label="登录名"
        name="username"
        rules={[
          { required: true, whitespace: true, message: '请输入登录名' },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: '登录名只能包含字母、数字、下划线、点和短横线' },
        ]}
        extra={isEdit ? '登录名创建后不可修改' : undefined}
      >
        <Input autoComplete="off" disabled={isEdit} data-testid="user-username" />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input autoComplete="off" data-testid="user-displayName" />
      </Form.Item>
      <Form.Item
        label="所属机构"
        name="organizationId"
        rules={[{ required: true, message: '请选择所属机构' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择机构"
          options={organizationOptions}
          loading={organizations.isPending}
          notFoundContent={organizations.isPending ? '正在加载…' : '暂无机构'}
          data-testid="user-organization"
        />
      </Form.Item>
      {isEdit ? (
        <Form.Item label="账号状态" name="active" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="user-active" />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            label="初始密码"
            name="password"
            rules={[{ required: true, message: '请输入初始密码' }]}
            extra="请通过安全渠道告知用户初始密码。"
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
          <Form.Item
            label="联系电话（选填）"
            name="phone"
            rules={[{ pattern: PHONE_PATTERN, message: '请输入11位手机号或带区号的固定电话' }]}
          >
            <Input inputMode="tel" autoComplete="off" data-testid="user-phone" />
          </Form.Item>
        </>
      )}
      <RoleGrantsField jurisdictionTree={jurisdictionTree} />
    </Form>
  );

  return (
    <Drawer
      open={state !== null}
      onClose={onClose}
      title={title}
      size={mobile ? '100%' : 640}
      forceRender
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            onClick={() => form.submit()}
            data-testid="user-submit"
          >
            {isEdit ? '保存' : '创建用户'}
          </Button>
        </Space>
      }
    >
      {isEdit && editing ? (
        <Tabs
          defaultActiveKey={state.tab ?? 'profile'}
          items={[
            { key: 'profile', label: '基本信息与岗位', children: profileForm, forceRender: true },
            {
              key: 'certificates',
              label: '证件',
              children: <CertificatesPanel userId={editing.id} />,
            },
          ]}
        />
      ) : (
        profileForm
      )}
    </Drawer>
  );
}
