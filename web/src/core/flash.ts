// A one-shot message carried across a navigation ("Đã tạo đơn vị …"), shown once by
// the next page.
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
