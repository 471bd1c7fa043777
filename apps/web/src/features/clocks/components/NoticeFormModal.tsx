import '../clocks.css';
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { useSaveCalendarYear } from '../hooks/use-calendar';
import type { CalendarYearDetail, NoticeEntry } from '../types';

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至]\s*(\d{4}-\d{2}-\d{2}))?\s+(\S.*)$/;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD 名称' or 'YYYY-MM-DD~YYYY-MM-DD 名称' per line → entries; errors in Chinese by line. */
export function parseEntries(text: string, label: string): { entries: NoticeEntry[]; errors: string[] } {
  const entries: NoticeEntry[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) {
      errors.push(`${label}第${i + 1}行格式不正确，应为“2027-02-05 春节”或“2027-02-05~2027-02-13 春节”`);
      return;
    }
    const [, from, to, name] = m as unknown as [string, string, string | undefined, string];
    if (to && to < from) {
      errors.push(`${label}第${i + 1}行：结束日期早于开始日期`);
      return;
    }
    let guard = 0;
    for (let d = from; d <= (to ?? from) && guard < 60; d = nextDay(d), guard++)
      entries.push({ date: d, name: name.trim() });
  });
  return { entries, errors };
}

function toLines(entries: NoticeEntry[]): string {
  return entries.map((e) => `${e.date} ${e.name}`).join('\n');
}

interface Values {
  year: number;
  source: string;
  holidays: string;
  makeupWorkdays: string;
}

/** Enter a new year's notice, or replace an existing one (the current version is sent). */
export function NoticeFormModal({
  open,
  existing,
  onClose,
}: {
  open: boolean;
  existing: CalendarYearDetail['notice'] | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarYear();
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    setProblems([]);
    save.reset();
    form.setFieldsValue(
      existing
        ? {
            year: existing.year,
            source: existing.source,
            holidays: toLines(existing.holidays),
            makeupWorkdays: toLines(existing.makeupWorkdays),
          }
        : { year: new Date().getFullYear() + 1, source: '', holidays: '', makeupWorkdays: '' },
    );
  }, [open, existing, form, save.reset]);

  const submit = (v: Values) => {
    const h = parseEntries(v.holidays ?? '', '放假安排');
    const m = parseEntries(v.makeupWorkdays ?? '', '调休上班');
    const errs = [...h.errors, ...m.errors];
    setProblems(errs);
    if (errs.length) return;
    save.mutate(
      {
        year: v.year,
        source: v.source.trim(),
        holidays: h.entries,
        makeupWorkdays: m.entries,
        ...(existing ? { version: existing.version } : {}),
      },
      { onSuccess: onClose },
    );
  };

  const serverProblems =
    save.error && isApiError(save.error)
      ? ((save.error.details as { errors?: string[] } | undefined)?.errors ?? [save.error.message])
      : [];
  const all = [...problems, ...serverProblems];

  return (
    <Modal
      open={open}
      width={720}
      title={existing ? `替换${existing.year}年放假安排` : '录入年度放假安排'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        按国务院办公厅当年《关于部分节假日安排的通知》逐项录入：放假日（含补假和调休放假）与调休上班日（只能是周六或周日）。
        每行一项，格式“2027-02-05 春节”或“2027-02-05~2027-02-13 春节”。
      </Typography.Paragraph>
      {all.length ? (
        <Alert
          type="error"
          showIcon
          title="录入内容有误"
          description={
            <ul className="clocks-plain-list">
              {all.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="notice-errors"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} disabled={!!existing} />
        </Form.Item>
        <Form.Item
          label="通知来源"
          name="source"
          rules={[{ required: true, whitespace: true, message: '请填写通知名称及发布日期' }]}
        >
          <Input placeholder="国务院办公厅关于2027年部分节假日安排的通知（2026-11-xx）" maxLength={200} />
        </Form.Item>
        <Form.Item label="放假日" name="holidays" rules={[{ required: true, message: '请录入放假日' }]}>
          <Input.TextArea
            rows={8}
            placeholder={'2027-01-01 元旦\n2027-02-05~2027-02-13 春节'}
            data-testid="notice-holidays"
          />
        </Form.Item>
        <Form.Item label="调休上班日" name="makeupWorkdays">
          <Input.TextArea rows={4} placeholder="2027-02-20 春节调休上班" data-testid="notice-makeups" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
