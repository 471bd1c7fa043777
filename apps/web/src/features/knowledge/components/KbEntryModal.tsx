import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import type { KbEntry, KbInput } from '../api/knowledge.api';
import { useSaveKb } from '../hooks/use-knowledge';

/** New or edited knowledge-base entry: topic, question, answer, legal basis, tags, published. */
export function KbEntryModal({
  entry,
  open,
  onClose,
}: {
  entry: KbEntry | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<KbInput>();
  const save = useSaveKb();
  useEffect(() => {
    if (open)
      form.setFieldsValue(
        entry ?? { topic: '', question: '', answer: '', basis: '', tags: [], published: false },
      );
  }, [open, entry, form]);
  return (
    <Modal
      title={entry ? '修改知识库条目' : '新增知识库条目'}
      open={open}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={async () => {
        const body = await form.validateFields();
        await save.mutateAsync({ ...(entry && { id: entry.id, version: entry.version }), body });
        onClose();
      }}
      okText="保存"
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="topic" label="主题" rules={[{ required: true, message: '请填写主题' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="question" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item name="answer" label="解答" rules={[{ required: true, message: '请填写解答' }]}>
          <Input.TextArea autoSize={{ minRows: 4 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="basis" label="法律依据" rules={[{ required: true, message: '请填写法律依据' }]}>
          <Input.TextArea autoSize maxLength={1000} />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="published" label="对外公开" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
