// Messages issue 9 adds to the tasks pages, Vietnamese (the source) and English (typed
// against it); spread into i18n/vi.ts and i18n/en.ts.
export const tasks9Vi = {
  'notificationKind.coordination_answered': 'Đã trả lời phối hợp',
  'notificationKind.coordinating': 'Phối hợp thực hiện',
  'tasks9.counter': '{used} / {max} ký tự',
  'tasks9.countRule':
    'Cách đếm: mỗi nhiệm vụ được giao tính một lần; phần việc đơn vị chủ trì giao tiếp cho đơn vị, cán bộ là một phần của nhiệm vụ đó nên không tính thêm. Tổng quan, bảng theo dõi và tệp Excel đều đếm như vậy.',
  'tasks9.includeParts': 'Tính cả phần việc đã giao tiếp (đếm riêng từng phần)',
  'tasks9.deadlinePast': 'Hạn {date} đã qua (hôm nay là {today}). Kiểm tra lại nếu không cố ý giao việc đã quá hạn.',
  'tasks9.deadlineDayOff': '{date} là ngày nghỉ; hạn được tính vào ngày làm việc tiếp theo, {effective}.',
  'tasks9.milestoneDeadline': 'Hoàn thành',
  'tasks9.quartersNone': 'Không còn quý nào trước hạn; thêm mốc bằng tay.',
} as const;

export const tasks9En: Record<keyof typeof tasks9Vi, string> = {
  'notificationKind.coordination_answered': 'Coordination answered',
  'notificationKind.coordinating': 'Coordinating',
  'tasks9.counter': '{used} / {max} characters',
  'tasks9.countRule':
    'How tasks are counted: each task given counts once; a part the lead unit passes on to a unit or an official is part of that task and is not counted again. The overview, the boards and the Excel file all count this way.',
  'tasks9.includeParts': 'Count delegated parts too (each part separately)',
  'tasks9.deadlinePast': 'The deadline {date} has already passed (today is {today}). Check it unless the task is meant to be late already.',
  'tasks9.deadlineDayOff': '{date} is a day off; the deadline falls on the next working day, {effective}.',
  'tasks9.milestoneDeadline': 'Completion',
  'tasks9.quartersNone': 'No quarter is left before the deadline; add milestones by hand.',
};
