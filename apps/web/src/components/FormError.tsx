import { Alert } from 'antd';
import { isApiError } from '../lib/api';

/** Field-level problems a 400 may carry in `details`: [{ path, message }] or { field: message }. */
function detailLines(details: unknown): string[] {
  if (Array.isArray(details)) {
    return details
      .map((d) => (typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : null))
      .filter((m): m is string => !!m);
  }
  if (typeof details === 'object' && details !== null) {
    return Object.values(details).filter((v): v is string => typeof v === 'string');
  }
  return [];
}

/** A form's server error, shown above its fields. A version conflict reads as "reloaded, check and save again". */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  if (isApiError(error) && error.isConflict) {
    return (
      <Alert
        className="form-alert"
        type="warning"
        showIcon
        role="alert"
        title="数据已被他人修改，已刷新为最新内容"
        description="请核对最新内容后重新保存。"
      />
    );
  }
  const lines = isApiError(error) ? detailLines(error.details) : [];
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      role="alert"
      title={error.message}
      description={
        lines.length > 0 ? (
          <ul className="form-alert-list">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
