/**
 * Save and return: the application form is kept on this phone while it is being filled, so a worker who
 * leaves (to fetch a contract, or because the network dropped) finds it again. The identity number is
 * never stored (personal data stays on the server, encrypted); it is asked again.
 */
const PREFIX = 'onestop.apply.draft.';

export function loadDraft<T>(kind: string): Partial<T> | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + kind);
    return raw ? (JSON.parse(raw) as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function saveDraft(kind: string, draft: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + kind, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the form still works, only without the saved draft.
  }
}

export function clearDraft(kind: string): void {
  try {
    window.localStorage.removeItem(PREFIX + kind);
  } catch {
    // nothing to clear
  }
}
