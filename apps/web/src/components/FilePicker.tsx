import { Button, type ButtonProps, Typography } from 'antd';
import { type ChangeEvent, type ReactNode, useId, useRef, useState } from 'react';

/**
 * The one file picker of the staff pages. Chromium draws its own "Choose File / No file chosen" for a
 * native input whatever the page's language, so the native input stays hidden (it holds the files and
 * takes them from browser tests) and a real button opens it; the status says "未选择文件" or the names
 * chosen (off where the page lists the files itself). The button is reached with the keyboard like any
 * button and named by `label` for screen readers.
 */
export function FilePicker({
  label,
  onFiles,
  accept,
  multiple = false,
  buttonText = '选择文件',
  icon,
  size,
  loading,
  disabled,
  status = true,
  testId,
}: {
  /** What the files are for, read by screen readers with the button ("上传证据：选择文件"). */
  label: string;
  /** The files chosen at once (never empty). */
  onFiles: (files: File[]) => unknown;
  accept?: string;
  multiple?: boolean;
  buttonText?: ReactNode;
  icon?: ReactNode;
  size?: ButtonProps['size'];
  loading?: boolean;
  disabled?: boolean;
  status?: boolean;
  /** On the button (the hidden input is found as `input[type=file]` inside the picker). */
  testId?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Cleared so that choosing the same file again is a change too.
    e.target.value = '';
    if (!files.length) return;
    setChosen(files.map((f) => f.name));
    void onFiles(files);
  };
  return (
    <span className="file-picker">
      <input
        ref={input}
        type="file"
        hidden
        // Inline as well: a stylesheet's `display` on inputs would otherwise show Chromium's own control.
        style={{ display: 'none' }}
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        onChange={change}
        aria-label={label}
      />
      <Button
        size={size}
        icon={icon}
        loading={loading}
        disabled={disabled}
        aria-label={`${label}：${typeof buttonText === 'string' ? buttonText : '选择文件'}`}
        aria-describedby={status ? `${id}-status` : undefined}
        onClick={() => input.current?.click()}
        data-testid={testId}
      >
        {buttonText}
      </Button>
      {status ? (
        <Typography.Text
          type="secondary"
          id={`${id}-status`}
          aria-live="polite"
          className="file-picker-status"
        >
          {chosen.length ? chosen.join('、') : '未选择文件'}
        </Typography.Text>
      ) : null}
    </span>
  );
}
