import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { useCreateJurisdiction, useRenameJurisdiction } from '../hooks/use-org-structure';
import type { Jurisdiction } from '../types';

export type JurisdictionModalState =
  | { mode: 'create'; parentId: string | null }
  | { mode: 'rename'; id: string };

interface JurisdictionFormValues {
  code: string;
  name: string;
  parentId: string | null;
}

/** 行政区划代码 (GB/T 2260): 6 digits, or the 9/12-digit statistical codes that extend it. */
const CODE_PATTERN = /^\d{6}(\d{3}){0,2}$/;

export function JurisdictionFormModal({
  state,
  jurisdictions,
  onClose,
}: {
  state: JurisdictionModalState | null;
  jurisdictions: Jurisdiction[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<JurisdictionFormValues>();
  const create = useCreateJurisdiction();
  const rename = useRenameJurisdiction();
  const editing = state?.mode === 'rename' ? jurisdictions.find((j) => j.id === state.id) : undefined;
  const mutation = state?.mode === 'rename' ? rename : create;
  const cities = jurisdictions.filter((j) => j.level === 'city').map((j) => ({ value: j.id, label: j.name }));
  const createParent = state?.mode === 'create' ? state.parentId : null;

  const resetCreate = create.reset;
  const resetRename = rename.reset;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on open and when the record's version changes (409)
  useEffect(() => {
    if (!state) {
      form.resetFields();
      resetCreate();
      resetRename();
      return;
    }
    if (editing) form.setFieldsValue({ code: editing.code, name: editing.name, parentId: editing.parentId });
    else form.setFieldsValue({ parentId: createParent });
  }, [state, editing?.id, editing?.version]);

  const handleFinish = (values: JurisdictionFormValues) => {
    const done = (text: string) => () => {
      feedback.success(text);
      onClose();
    };
    if (editing) {
      rename.mutate(
        { id: editing.id, version: editing.version, name: values.name.trim() },
        { onSuccess: done('辖区名称已修改') },
      );
    } else {
      create.mutate(
        // Without a parent the API creates the city-level root (one per deployment: 409 once it exists).
        { code: values.code.trim(), name: values.name.trim(), parentId: values.parentId ?? null },
        { onSuccess: done('辖区已创建') },
      );
    }
  };

  return (
    <Modal
      open={state !== null}
      title={editing ? `重命名辖区：${editing.name}` : '新建辖区'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Form<JurisdictionFormValues> form={form} name="jurisdiction" layout="vertical" onFinish={handleFinish}>
        <FormError error={mutation.error} />
        <Form.Item
          label="行政区划代码"
          name="code"
          rules={
            editing
              ? []
              : [
                  { required: true, whitespace: true, message: '请输入行政区划代码' },
                  { pattern: CODE_PATTERN, message: '请输入6位行政区划代码，如 421321' },
                ]
          }
          extra={editing ? '代码不可修改' : undefined}
        >
          <Input
            inputMode="numeric"
            autoComplete="off"
            disabled={!!editing}
            data-testid="jurisdiction-code"
          />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入辖区名称' }]}
        >
          <Input autoComplete="off" data-testid="jurisdiction-name" />
        </Form.Item>
        <Form.Item
          label="上级辖区"
          name="parentId"
          rules={
            !editing && cities.length
              ? [{ required: true, message: '已有市级辖区，新建县级辖区请选择上级辖区' }]
              : []
          }
          extra={
            editing
              ? undefined
              : cities.length
                ? '县级辖区请选择所属的市（每个部署只设一个市级辖区）。'
                : '尚无市级辖区：不选上级即新建市级辖区。'
          }
        >
          <Select
            allowClear={!cities.length}
            disabled={!!editing}
            options={cities}
            placeholder={cities.length ? '请选择所属的市' : '无（新建市级辖区）'}
            data-testid="jurisdiction-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
