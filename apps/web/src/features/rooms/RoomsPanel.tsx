import {
  ROOM_ADJUSTMENTS,
  ROOM_FORMAT_RULES,
  ROOM_FORMATS,
  type RoomFormat,
  type RoomKind,
} from '@onestop/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../lib/api';
import { feedback } from '../../lib/feedback';
import { roomsApi, type ScheduleRoomInput } from './api';

/** A party's adjustment (翻译, 无障碍, 仅音频), as the schedule route accepts it. */
type Adjustment = NonNullable<ScheduleRoomInput['invitations'][number]['adjustments']>[number];

interface FormValues {
  format: RoomFormat;
  startsAt: Dayjs;
  place?: string;
  parties: {
    partyId: string;
    name: string;
    invite: boolean;
    preference: RoomFormat;
    adjustments: Adjustment[];
    note?: string;
  }[];
}

/**
 * The rooms of a mediation session or hearing, scheduled from the case's session form: format
 * (现场 / 视频 / 电话 / 书面), each party's preferred way and adjustments; the parties get an SMS
 * with the room code and find the room on the portal.
 */
export function RoomsPanel({ caseId, matterId, kind }: { caseId: string; matterId: string; kind: RoomKind }) {
  const [open, setOpen] = useState(false);
  const rooms = useQuery({ queryKey: ['rooms', caseId], queryFn: () => roomsApi.list(caseId) });
  return (
    <div style={{ marginTop: 8 }} data-testid="rooms-panel">
      {rooms.data?.items.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rooms.data.items}
          columns={[
            { title: '方式', render: (_, r) => `${r.formatLabel}${r.kindLabel}` },
            { title: '时间', dataIndex: 'startsAtText' },
            { title: '状态', dataIndex: 'stateLabel' },
            {
              title: '',
              render: (_, r) =>
                r.online ? (
                  <Link to={`/rooms/${r.id}`} data-testid="room-open">
                    进入调解室
                  </Link>
                ) : null,
            },
          ]}
        />
      ) : null}
      <Button onClick={() => setOpen(true)} data-testid="room-schedule">
        {kind === 'mediation' ? '安排在线调解' : '安排在线开庭'}
      </Button>
      {open ? (
        <ScheduleModal caseId={caseId} matterId={matterId} kind={kind} onClose={() => setOpen(false)} />
      ) : null}
    </div>
  );
}

function ScheduleModal({
  caseId,
  matterId,
  kind,
  onClose,
}: {
  caseId: string;
  matterId: string;
  kind: RoomKind;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parties = useQuery({
    queryKey: ['room-parties', matterId],
    queryFn: () => roomsApi.parties(matterId),
  });
  const formats = ROOM_FORMATS.filter((f) => ROOM_FORMAT_RULES[f].kinds.includes(kind));
  const format = Form.useWatch('format', form) ?? 'video';
  const initialParties = parties.data
    ? [...parties.data.workers, ...parties.data.employers].map((p) => ({
        partyId: p.id,
        name: p.name,
        invite: true,
        preference: 'video' as RoomFormat,
        adjustments: [],
      }))
    : [];
  const submit = async () => {
    // Every value, also those without a field on screen (each party's id and name).
    const v = form.getFieldsValue(true) as FormValues;
    setBusy(true);
    setError(null);
    try {
      await roomsApi.schedule(caseId, {
        kind,
        format: v.format,
        startsAt: v.startsAt.toISOString(),
        ...(v.place?.trim() ? { place: v.place.trim() } : {}),
        invitations: v.parties
          .filter((p) => p.invite)
          .map((p) => ({
            partyId: p.partyId,
            preference: p.preference,
            adjustments: p.adjustments,
            ...(p.note?.trim() ? { note: p.note.trim() } : {}),
          })),
      });
      feedback.success('已安排，邀请短信已发送');
      await qc.invalidateQueries({ queryKey: ['rooms', caseId] });
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e.message : '安排没有成功，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={kind === 'mediation' ? '安排调解（在线调解室）' : '安排开庭（在线庭审）'}
      okText="安排并发送邀请"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
    >
      {parties.data ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            format: 'video',
            startsAt: dayjs().add(1, 'day').hour(9).minute(30).second(0),
            parties: initialParties,
          }}
        >
          <Space wrap align="start">
            <Form.Item name="format" label="方式">
              <Select
                style={{ width: 140 }}
                data-testid="room-format"
                options={formats.map((f) => ({ value: f, label: ROOM_FORMAT_RULES[f].label }))}
              />
            </Form.Item>
            <Form.Item name="startsAt" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
              <DatePicker showTime format="YYYY年M月D日 HH:mm" />
            </Form.Item>
            <Form.Item
              name="place"
              label={ROOM_FORMAT_RULES[format].online ? '调解室名称（可不填）' : '地点'}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">
            依据：{ROOM_FORMAT_RULES[format].basis}
          </Typography.Paragraph>
          <Form.List name="parties">
            {(fields) =>
              fields.map((f) => (
                <Space
                  key={f.key}
                  wrap
                  align="start"
                  style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
                >
                  <Form.Item name={[f.name, 'invite']} valuePropName="checked">
                    <Checkbox>邀请 {form.getFieldValue(['parties', f.name, 'name'])}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'preference']} label="本人希望的方式">
                    <Select
                      style={{ width: 110 }}
                      options={ROOM_FORMATS.map((x) => ({ value: x, label: ROOM_FORMAT_RULES[x].label }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'adjustments']} label="便利措施">
                    <Select
                      mode="multiple"
                      style={{ minWidth: 200 }}
                      options={Object.entries(ROOM_ADJUSTMENTS).map(([k, a]) => ({
                        value: k,
                        label: a.label,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} label="说明">
                    <Input style={{ width: 160 }} maxLength={200} />
                  </Form.Item>
                </Space>
              ))
            }
          </Form.List>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      ) : (
        <Typography.Text>正在加载当事人…</Typography.Text>
      )}
    </Modal>
  );
}
