import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { roomsApi, type StaffRoom } from '../features/rooms/api';
import { DeviceCheck } from '../features/rooms/DeviceCheck';
import { RoomStage } from '../features/rooms/RoomStage';
import { isApiError } from '../lib/api';
import { feedback } from '../lib/feedback';

/** /rooms/:id — the presiding mediator's (or arbitrator's) room: admit, the live record, signatures, issue. */
export default function RoomPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['room', id],
    queryFn: () => roomsApi.get(id),
    // While the parties sign on their phones, their signatures appear here without a reload.
    refetchInterval: (query) => (query.state.data?.record.state === 'signing' ? 3000 : false),
  });
  const [media, setMedia] = useState<{ stream: MediaStream; audioOnly: boolean } | null>(null);
  const reload = useCallback(() => void qc.invalidateQueries({ queryKey: ['room', id] }), [qc, id]);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    return (
      <Result
        status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'}
        title={isApiError(q.error) ? q.error.message : '无法加载调解室'}
      />
    );
  }
  const room = q.data;
  return (
    <>
      <PageHeader title={`在线${room.kindLabel}室`}>
        <Space wrap>
          <Tag color={room.state === 'open' ? 'processing' : 'default'}>{room.stateLabel}</Tag>
          <Link to={`/cases/${room.caseId}`}>案件 {room.caseNumber}</Link>
        </Space>
      </PageHeader>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="时间">{room.startsAtText}</Descriptions.Item>
        <Descriptions.Item label="方式">
          {room.formatLabel}
          {room.kindLabel}
        </Descriptions.Item>
        <Descriptions.Item label="依据">{room.formatBasis}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        style={{ marginBottom: 12 }}
        dataSource={room.invitations}
        scroll={{ x: true }}
        columns={[
          { title: '当事人', render: (_, i) => `${i.role === 'worker' ? '劳动者' : '用人单位'} ${i.name}` },
          { title: '希望方式', dataIndex: 'preferenceLabel' },
          {
            title: '便利措施',
            render: (_, i) => [...i.adjustments, i.note].filter(Boolean).join('；') || '—',
          },
          { title: '邀请短信', render: (_, i) => SMS_LABELS[i.smsState] ?? '—' },
          { title: '已验证进入', render: (_, i) => (i.entered ? '是' : '否') },
          ...(room.recordingOptIn
            ? [
                {
                  title: '录音录像告知',
                  render: (_: unknown, i: StaffRoom['invitations'][number]) =>
                    i.recordingAcknowledged ? '已确认' : '未确认',
                },
              ]
            : []),
          {
            title: '笔录签名',
            render: (_, i) =>
              i.signature ? (
                i.signature.outcome === 'signed' ? (
                  <Tag color="green" data-testid={`signed-${i.name}`}>
                    已签名
                  </Tag>
                ) : (
                  <Tag color="orange">拒签：{i.signature.reason}</Tag>
                )
              ) : (
                '未签'
              ),
          },
        ]}
      />
      {room.record.state === 'drafting' ? (
        media ? (
          <Card size="small" title="视频画面">
            <RoomStage
              roomId={id}
              iceServers={room.iceServers}
              stream={media.stream}
              audioOnly={media.audioOnly}
              host={room.me.host}
              onRoomChanged={(w) => {
                if (w.reload) reload();
              }}
              exhibitUrl={(x) => `/api/rooms/${id}/exhibits/${x}/file`}
              dialInText={room.dialIn.text}
              evidence={room.evidence}
              onShowExhibit={async (evidenceId, note) => {
                qc.setQueryData(
                  ['room', id],
                  await roomsApi.exhibit(id, { evidenceId, ...(note && { note }) }),
                );
              }}
              recordingOptIn={room.recordingOptIn}
              onRecordingStored={reload}
            />
          </Card>
        ) : (
          <Card size="small">
            <DeviceCheck onReady={(stream, audioOnly) => setMedia({ stream, audioOnly })} />
          </Card>
        )
      ) : null}
      {room.recordings.length ? (
        <Card size="small" title="录音录像" style={{ marginTop: 12 }} data-testid="recordings">
          {room.recordings.map((r) => (
            <Typography.Paragraph key={r.id} style={{ overflowWrap: 'anywhere' }}>
              {r.startedBy}录制，
              {r.state === 'stored'
                ? `已保存（${(r.sizeBytes / 1024 / 1024).toFixed(1)}兆字节），文件摘要值：${r.sha256}`
                : '正在录制'}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : null}
      <RecordCard room={room} onChanged={(r) => qc.setQueryData(['room', id], r)} reload={reload} />
    </>
  );
}

const SMS_LABELS: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  logged: '未送达（未配置短信服务）',
  failed: '发送失败',
  no_phone: '无手机号，请电话通知',
};

function RecordCard({
  room,
  onChanged,
  reload,
}: {
  room: StaffRoom;
  onChanged: (r: StaffRoom) => void;
  reload: () => void;
}) {
  const [text, setText] = useState(room.record.text);
  const [version, setVersion] = useState(room.version);
  const [saved, setSaved] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setVersion(room.version), [room.version]);
  const save = async (value = text) => {
    try {
      const r = await roomsApi.saveRecord(room.id, { version, text: value });
      setVersion(r.version);
      setSaved(true);
      setError(null);
    } catch (e) {
      setError(isApiError(e) ? e.message : '保存没有成功，请稍后再试');
    }
  };
  const act = async (work: () => Promise<StaffRoom>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
      feedback.success(done);
    } catch (e) {
      setError(isApiError(e) ? e.message : '操作没有成功，请稍后再试');
      reload();
    } finally {
      setBusy(false);
    }
  };
  const drafting = room.record.state === 'drafting';
  const staffSigned = room.staffSignatures.some((s) => s.name === room.me.name);
  return (
    <Card
      size="small"
      title={`${room.record.documentTitle}（${room.record.stateLabel}）`}
      style={{ marginTop: 12 }}
    >
      {drafting ? (
        <>
          <Input.TextArea
            aria-label="笔录内容"
            data-testid="record-editor"
            value={text}
            autoSize={{ minRows: 6 }}
            maxLength={20_000}
            onChange={(e) => {
              const v = e.target.value;
              setText(v);
              setSaved(false);
              if (timer.current) clearTimeout(timer.current);
              // Shown live to the parties: saved a moment after the clerk stops typing.
              timer.current = setTimeout(() => void save(v), 1500);
            }}
          />
          <Space style={{ marginTop: 8 }} wrap>
            <Button onClick={() => void save()} data-testid="record-save">
              保存笔录
            </Button>
            <Typography.Text type="secondary" data-testid="record-saved">
              {saved ? '已保存，当事人可实时看到' : '正在输入…'}
            </Typography.Text>
            <Button
              type="primary"
              disabled={busy || !saved || text.trim().length < 2}
              data-testid="record-finish"
              onClick={() => act(() => roomsApi.finish(room.id, version), '笔录已交各方签名')}
            >
              记录完毕，交各方签名
            </Button>
          </Space>
        </>
      ) : (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{room.record.text}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" data-testid="record-hash">
            笔录摘要值（SHA-256）：{room.record.sha256}
          </Typography.Paragraph>
        </>
      )}
      {room.record.state === 'signing' ? (
        <Space wrap>
          <Button
            disabled={busy || staffSigned}
            data-testid="record-staff-sign"
            onClick={() => act(() => roomsApi.sign(room.id), '已签名')}
          >
            {staffSigned ? '本人已签名' : '本人签名确认'}
          </Button>
          <Button
            type="primary"
            disabled={busy}
            data-testid="record-issue"
            onClick={() =>
              act(() => roomsApi.issue(room.id, room.version), `已出具${room.record.documentTitle}`)
            }
          >
            出具{room.record.documentTitle}
          </Button>
        </Space>
      ) : null}
      {room.record.state === 'issued' ? (
        <Alert
          type="success"
          showIcon
          data-testid="record-issued"
          title={`已出具${room.record.documentTitle} ${room.record.documentNumber ?? ''}`}
          description={
            <>
              <div>笔录摘要值：{room.record.sha256}</div>
              <div data-testid="document-hash">
                文书文件摘要值：{room.record.documentSha256 ?? '正在生成文书文件，稍后刷新可见'}
              </div>
              {room.record.documentId ? <Link to={`/documents/case/${room.caseId}`}>查看文书</Link> : null}
            </>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
