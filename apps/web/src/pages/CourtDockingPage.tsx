import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, List, Modal } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { hasPermission, useCurrentUser } from '../features/auth/hooks/use-session';
import { ConfirmationModal } from '../features/court/components/ConfirmationModal';
import { DockingCard } from '../features/court/components/DockingCard';
import { useDelegate, useDockings } from '../features/court/hooks/use-court';

/** 诉调对接 (人社+工会+法院): court-delegated mediation and judicial confirmation, results by the court liaison. */
export default function CourtDockingPage() {
  const user = useCurrentUser();
  const q = useDockings();
  const delegate = useDelegate();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [form] = Form.useForm();
  return (
    <>
      <PageHeader title="诉调对接">
        {hasPermission(user, 'mediation.work') ? (
          <Button
            onClick={() => setConfirming(true)}
            data-testid="confirmation-new"
            style={{ marginRight: 8 }}
          >
            申请司法确认
          </Button>
        ) : null}
        {hasPermission(user, 'court.work') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="docking-new"
          >
            登记委派调解
          </Button>
        ) : null}
      </PageHeader>
      <Card size="small">
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有诉调对接案件" />,
          }}
          renderItem={(d) => (
            <List.Item>
              <DockingCard d={d} />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        title="登记法院委派调解"
        open={open}
        onCancel={() => setOpen(false)}
        confirmLoading={delegate.isPending}
        destroyOnHidden
        onOk={async () => {
          await delegate.mutateAsync(await form.validateFields());
          setOpen(false);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="courtCaseNo" label="法院案号">
            <Input />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label="申请人"
            rules={[{ required: true, message: '请填写申请人' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="respondentName"
            label="被申请人"
            rules={[{ required: true, message: '请填写被申请人' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="summary" label="纠纷概要" rules={[{ required: true, message: '请填写纠纷概要' }]}>
            <Input.TextArea autoSize />
          </Form.Item>
        </Form>
      </Modal>
      <ConfirmationModal open={confirming} onClose={() => setConfirming(false)} />
    </>
  );
}
