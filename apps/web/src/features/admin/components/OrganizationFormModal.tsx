import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { subtreeIds, toTreeOptions } from '../../../lib/tree';
import { useJurisdictions, useSaveOrganization } from '../hooks/use-org-structure';
import {
  AGENCIES,
  type Agency,
  type Organization,
  type OrganizationInput,
  PARTNER_ROLES,
  type PartnerRole,
} from '../types';

const AGENCY_OPTIONS = (Object.keys(AGENCIES) as Agency[]).map((a) => ({ value: a, label: AGENCIES[a] }));
const PARTNER_OPTIONS = (Object.keys(PARTNER_ROLES) as PartnerRole[]).map((p) => ({
  value: p,
  label: PARTNER_ROLES[p],
}));

interface OrganizationFormValues {
  name: string;
  shortName: string;
  agency: Agency;
  partnerRole: PartnerRole;
  parentId?: string | null;
  jurisdictionId: string;
  address?: string;
  phone?: string;
}

export type OrganizationModalState = { mode: 'create'; parentId?: string } | { mode: 'edit'; id: string };

function blankToNull(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export function OrganizationFormModal({
  state,
  organizations,
  onClose,
}: {
  state: OrganizationModalState | null;
  organizations: Organization[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<OrganizationFormValues>();
  const jurisdictions = useJurisdictions();
  const save = useSaveOrganization();
  const editing = state?.mode === 'edit' ? organizations.find((o) => o.id === state.id) : undefined;
  const createParent = state?.mode === 'create' ? state.parentId : undefined;

  // An organisation cannot sit under itself or under one of its own branches.
  const parentTree = useMemo(() => {
    const blocked = editing ? subtreeIds(organizations, editing.id) : new Set<string>();
    return toTreeOptions(
      organizations,
      (o) => o.name,
      (o) => blocked.has(o.id),
    );
  }, [organizations, editing]);
  const jurisdictionTree = useMemo(
    () => toTreeOptions(jurisdictions.data ?? [], (j) => j.name),
    [jurisdictions.data],
  );

  const resetSave = save.reset;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on open and when the record's version changes (409)
  useEffect(() => {
    if (!state) {
      form.resetFields();
      resetSave();
      return;
    }
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        shortName: editing.shortName,
        agency: editing.agency,
        partnerRole: editing.partnerRole,
        parentId: editing.parentId,
        jurisdictionId: editing.jurisdictionId,
        address: editing.address ?? undefined,
        phone: editing.phone ?? undefined,
      });
    } else {
      form.setFieldsValue({ parentId: createParent ?? null, partnerRole: 'partner' });
    }
  }, [state, editing?.id, editing?.version]);

  const handleFinish = (values: OrganizationFormValues) => {
    const input: OrganizationInput = {
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      agency: values.agency,
      partnerRole: values.partnerRole,
      parentId: values.parentId ?? null,
      jurisdictionId: values.jurisdictionId,
      address: blankToNull(values.address),
      phone: blankToNull(values.phone),
    };
    save.mutate(
      { id: editing?.id, version: editing?.version, input },
      {
        onSuccess: () => {
          feedback.success(editing ? '机构信息已保存' : '机构已创建');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={state !== null}
      title={editing ? `编辑机构：${editing.name}` : '新建机构'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={save.isPending}
      forceRender
      width={600}
    >
      <Form<OrganizationFormValues> form={form} name="organization" layout="vertical" onFinish={handleFinish}>
        <FormError error={save.error} />
        <Form.Item
          label="机构名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
        >
          <Input autoComplete="off" data-testid="org-name" />
        </Form.Item>
        <Form.Item
          label="简称"
          name="shortName"
          rules={[{ required: true, whitespace: true, message: '请输入简称' }]}
        >
          <Input autoComplete="off" data-testid="org-shortName" />
        </Form.Item>
        <Form.Item label="机构类别" name="agency" rules={[{ required: true, message: '请选择机构类别' }]}>
          <Select options={AGENCY_OPTIONS} placeholder="选择机构类别" data-testid="org-agency" />
        </Form.Item>
        <Form.Item
          label="中心内角色"
          name="partnerRole"
          rules={[{ required: true, message: '请选择中心内角色' }]}
          extra="1+X：人社部门牵头，司法、工会、法院等单位协作。"
        >
          <Select options={PARTNER_OPTIONS} data-testid="org-partnerRole" />
        </Form.Item>
        <Form.Item label="上级机构（选填）" name="parentId">
          <TreeSelect
            allowClear
            treeData={parentTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="无上级机构"
            data-testid="org-parent"
          />
        </Form.Item>
        <Form.Item
          label="所属辖区"
          name="jurisdictionId"
          rules={[{ required: true, message: '请选择所属辖区' }]}
        >
          <TreeSelect
            treeData={jurisdictionTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="选择辖区"
            data-testid="org-jurisdiction"
          />
        </Form.Item>
        <Form.Item label="地址（选填）" name="address">
          <Input autoComplete="off" data-testid="org-address" />
        </Form.Item>
        <Form.Item label="电话（选填）" name="phone">
          <Input inputMode="tel" autoComplete="off" data-testid="org-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
