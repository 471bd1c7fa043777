import { Alert, Form, Input, Modal, Select, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FormError } from '../../../components/FormError';
import { feedback } from '../../../lib/feedback';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { documentsApi } from '../api/documents.api';
import { useDocument, useDocumentMutation, useDocumentTypes } from '../hooks/use-documents';
import type { OfficialDocument, SubjectType } from '../types';
import { FieldsForm, fromFormValues, toFormValues } from './FieldsForm';

export type EditorState =
  | { mode: 'create' }
  | { mode: 'edit'; doc: OfficialDocument }
  | { mode: 'correct'; doc: OfficialDocument };

interface Props {
  state: EditorState | null;
  subjectType: SubjectType;
  subjectId: string;
  onClose: () => void;
}

const TITLES = { create: '新建文书', edit: '修改草稿', correct: '更正文书' } as const;

/** New document (type → issuer → generated form), draft edit, or correction of an issued document. */
export function DocumentEditorModal({ state, subjectType, subjectId, onClose }: Props) {
  const isMobile = useIsMobile();
  const [form] = Form.useForm();
  const types = useDocumentTypes();
  const existing = useDocument(state && state.mode !== 'create' ? state.doc.id : null);
  const [type, setType] = useState<string | undefined>();
  const info = useMemo(() => types.data?.find((t) => t.type === type), [types.data, type]);

  const save = useDocumentMutation(async (values: Record<string, unknown>) => {
    if (!state || !info) throw new Error('no type');
    const base = state.mode === 'create' ? {} : (existing.data?.fields ?? {});
    const fields = fromFormValues(info.required, values, base);
    if (state.mode === 'create') {
      return documentsApi.create({
        subjectType,
        subjectId,
        type: info.type,
        fields,
        ...(values.issuerOrgId ? { issuerOrgId: values.issuerOrgId as string } : {}),
      });
    }
    if (state.mode === 'edit')
      return documentsApi.update(state.doc.id, { fields, rowVersion: state.doc.rowVersion });
    return documentsApi.correct(state.doc.id, { reason: values.reason as string, fields });
  }, true);

  useEffect(() => {
    if (!state) return;
    save.reset();
    form.resetFields();
    setType(state.mode === 'create' ? undefined : state.doc.type);
  }, [state, form, save.reset]);

  useEffect(() => {
    if (state && state.mode !== 'create' && info && existing.data?.fields) {
      form.setFieldsValue(toFormValues(info.required, existing.data.fields));
    }
  }, [state, info, existing.data, form]);

  const submit = async () => {
    const values = await form.validateFields();
    await save.mutateAsync(values);
    feedback.success(
      state?.mode === 'correct' ? '已生成更正文书草稿，签发后原文书作废' : '草稿已保存，正在生成预览',
    );
    onClose();
  };

  const loading = types.isLoading || (state?.mode !== 'create' && existing.isLoading);
  return (
    <Modal
      open={state !== null}
      title={state ? TITLES[state.mode] : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={state?.mode === 'correct' ? '生成更正草稿' : '保存草稿'}
      confirmLoading={save.isPending}
      width={isMobile ? '100%' : 720}
      destroyOnHidden
      maskClosable={false}
    >
      <FormError error={save.error} />
      {loading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" requiredMark>
          {state?.mode === 'create' ? (
            <>
              <Form.Item label="文书类型" required>
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder="请选择文书类型"
                  value={type}
                  onChange={(t: string) => {
                    setType(t);
                    const first = types.data?.find((x) => x.type === t)?.issuers[0];
                    form.setFieldsValue({ issuerOrgId: first?.id });
                  }}
                  // Act documents come from their flows; only free-standing types are drafted here.
                  options={(types.data ?? [])
                    .filter((t) => t.freeStanding)
                    .map((t) => ({ value: t.type, label: t.title }))}
                  data-testid="doc-type"
                />
              </Form.Item>
              {info ? (
                <Form.Item name="issuerOrgId" label="发文机关" extra="文号按发文机关的文号格式在签发时生成">
                  <Select
                    placeholder="本人所在机构"
                    allowClear
                    options={info.issuers.map((i) => ({ value: i.id, label: `${i.name}（${i.pattern}）` }))}
                  />
                </Form.Item>
              ) : null}
            </>
          ) : null}
          {state?.mode === 'correct' ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={`更正 ${state.doc.title} ${state.doc.number ?? ''}`}
                description="更正文书签发后，原文书标记为已作废，扫码验证时会提示以更正文书为准。"
              />
              <Form.Item
                name="reason"
                label="更正理由"
                rules={[{ required: true, message: '请填写更正理由' }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {info ? <FieldsForm specs={info.required} /> : null}
        </Form>
      )}
    </Modal>
  );
}
