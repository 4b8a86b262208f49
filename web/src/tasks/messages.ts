// Messages issue 9 adds to the tasks pages, Vietnamese (the source) and English (typed
// against it); spread into i18n/vi.ts and i18n/en.ts.
export const tasks9Vi = {
  'notificationKind.coordination_answered': 'Đã trả lời phối hợp',
} as const;

export const tasks9En: Record<keyof typeof tasks9Vi, string> = {
  'notificationKind.coordination_answered': 'Coordination answered',
};
