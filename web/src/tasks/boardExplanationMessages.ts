// Messages of the explanation requests about tasks on the task boards and on a task's page
// (issue 11), Vietnamese (the source) and English (typed against it); spread into the tasks
// messages.
export const boardExplanationsVi = {
  'board.explanations': 'Giải trình về nhiệm vụ',
  'board.explanationsOpen': '{n} đang chờ giải trình',
  'board.explanationsLate': '{n} quá hạn giải trình',
  'taskExplain.title': 'Giải trình',
  'taskExplain.ask': 'Yêu cầu giải trình',
  'taskExplain.none': 'Chưa có yêu cầu giải trình nào về nhiệm vụ này.',
  'taskExplain.failed': 'Chưa tải được các yêu cầu giải trình; tải lại trang để thử lại.',
  'taskExplain.question': 'Nội dung yêu cầu',
  'taskExplain.unit': 'Đơn vị giải trình',
  'taskExplain.due': 'Hạn trả lời',
  'taskExplain.status': 'Tình trạng',
  'taskExplain.state.open': 'Chờ giải trình',
  'taskExplain.state.answered': 'Đã giải trình, chờ xem xét',
  'taskExplain.state.accepted': 'Đã chấp nhận',
  'taskExplain.late': 'Quá hạn {n} ngày làm việc',
} as const;

export const boardExplanationsEn: Record<keyof typeof boardExplanationsVi, string> = {
  'board.explanations': 'Explanations about tasks',
  'board.explanationsOpen': '{n} awaiting an explanation',
  'board.explanationsLate': '{n} explanations overdue',
  'taskExplain.title': 'Explanations',
  'taskExplain.ask': 'Ask for an explanation',
  'taskExplain.none': 'No explanation has been asked about this task.',
  'taskExplain.failed': 'The explanation requests could not be loaded; reload the page to try again.',
  'taskExplain.question': 'What to explain',
  'taskExplain.unit': 'Unit to explain',
  'taskExplain.due': 'Answer by',
  'taskExplain.status': 'Status',
  'taskExplain.state.open': 'Awaiting an answer',
  'taskExplain.state.answered': 'Answered, awaiting review',
  'taskExplain.state.accepted': 'Accepted',
  'taskExplain.late': '{n} working days late',
};
