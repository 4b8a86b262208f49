import { useState } from 'preact/hooks';
import { takeFlash } from './flash';
import { Notice } from './ui';

export function Flash() {
  const [message] = useState(takeFlash);
  return message ? <Notice tone="success">{message}</Notice> : null;
}
