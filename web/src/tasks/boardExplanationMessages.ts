// Messages of the explanation requests about tasks on the task boards (issue 11), Vietnamese
// (the source) and English (typed against it); spread into the tasks messages.
export const boardExplanationsVi = {
  'board.explanations': 'Giải trình về nhiệm vụ',
  'board.explanationsOpen': '{n} đang chờ giải trình',
  'board.explanationsLate': '{n} quá hạn giải trình',
} as const;

export const boardExplanationsEn: Record<keyof typeof boardExplanationsVi, string> = {
  'board.explanations': 'Explanations about tasks',
  'board.explanationsOpen': '{n} awaiting an explanation',
  'board.explanationsLate': '{n} explanations overdue',
};
