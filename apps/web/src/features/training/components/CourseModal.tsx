import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Audience } from '../api/training.api';
import { useCreateCourse } from '../hooks/use-training';

export const AUDIENCE_OPTIONS: { value: Audience; label: string }[] = [
  { value: 'staff', label: '中心工作人员' },
  { value: 'part_time_inspector', label: '兼职劳动保障监察员' },
  { value: 'part_time_arbitrator', label: '兼职仲裁员' },
  { value: 'org_mediator', label: '调解组织调解员' },
];

interface Values {
  title: string;
  topic: string;
  hours: number;
  trainer: string;
  heldOn: Dayjs;
  place: string;
  audiences: Audience[];
  passMark?: number | null;
}

/** 登记培训课程: topic, hours, trainer, date, place, audience and the pass mark of its assessment. */
export function CourseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateCourse();
  return (
    <Modal
      title="登记培训课程"
      open={open}
      onCancel={onClose}
      okText="保存"
      okButtonProps={{ 'data-testid': 'course-save' } as Record<string, string>}
      confirmLoading={create.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        await create.mutateAsync({
          title: v.title,
          topic: v.topic,
          hours: v.hours,
          trainer: v.trainer,
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          place: v.place,
          audiences: v.audiences,
          ...(v.passMark === undefined || v.passMark === null ? {} : { passMark: v.passMark }),
        });
        onClose();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ heldOn: dayjs(), audiences: ['staff'] }}
      >
        <Form.Item name="title" label="课程名称" rules={[{ required: true, message: '请填写课程名称' }]}>
          <Input maxLength={200} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="topic" label="培训主题" rules={[{ required: true, message: '请填写培训主题' }]}>
          <Input maxLength={200} data-testid="course-topic" />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} data-testid="course-hours" />
        </Form.Item>
        <Form.Item name="trainer" label="授课人" rules={[{ required: true, message: '请填写授课人' }]}>
          <Input maxLength={100} data-testid="course-trainer" />
        </Form.Item>
        <Form.Item name="heldOn" label="举办日期" rules={[{ required: true, message: '请选择举办日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
          <Input maxLength={200} data-testid="course-place" />
        </Form.Item>
        <Form.Item name="audiences" label="培训对象" rules={[{ required: true, message: '请选择培训对象' }]}>
          <Select mode="multiple" options={AUDIENCE_OPTIONS} />
        </Form.Item>
        <Form.Item name="passMark" label="考核合格分数" extra="不填表示不设考核，出勤即计学时">
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
