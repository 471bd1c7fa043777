import { type ChangeEvent, useId, useRef, useState } from 'react';

/**
 * A file input in Chinese. Chromium draws its own "Choose File / No file chosen" whatever the page's
 * language, so the native input stays hidden (it still holds the files and takes them from tests) and a
 * real button opens it; a status line says what was chosen ("未选择文件" or the file names). The button
 * is named by the field's label for screen readers and reached with the keyboard like any button.
 */
export function FilePicker({
  label,
  accept,
  multiple = false,
  capture,
  onFiles,
  testId,
  buttonText = '选择文件',
}: {
  label: string;
  accept?: string;
  multiple?: boolean;
  capture?: 'user' | 'environment';
  onFiles: (files: File[]) => void;
  /** On the hidden input itself (what browser tests hand the files to). */
  testId?: string;
  buttonText?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Cleared so that choosing the same file again is a change too.
    e.target.value = '';
    setChosen(files.map((f) => f.name));
    if (files.length) onFiles(files);
  };
  return (
    <div className="file-picker">
      <label id={`${id}-label`} htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="file"
        hidden
        // Inline as well: a stylesheet's `display` on inputs would otherwise show Chromium's own control.
        style={{ display: 'none' }}
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        capture={capture}
        onChange={change}
        data-testid={testId}
      />
      <div className="row">
        <button
          type="button"
          className="secondary"
          id={`${id}-button`}
          aria-labelledby={`${id}-label ${id}-button`}
          aria-describedby={`${id}-status`}
          onClick={() => input.current?.click()}
          data-testid={testId ? `${testId}-button` : undefined}
        >
          {buttonText}
        </button>
        <span id={`${id}-status`} className="hint file-picker-status" aria-live="polite">
          {chosen.length ? chosen.join('、') : '未选择文件'}
        </span>
      </div>
    </div>
  );
}
