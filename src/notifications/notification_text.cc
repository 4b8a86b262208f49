#include "notifications/notification_text.h"

#include "core/text.h"
#include "notifications/notice_text.h"

namespace dh::notifications {
namespace msg {

inline constexpr MessageText kDueSoonTitle{
    "notifications.due_soon_title",
    "Sắp đến hạn: {title}",
    "Due soon: {title}",
};
inline constexpr MessageText kDueTodayBody{
    "notifications.due_today_body",
    "{noun} đến hạn hôm nay, {date}.{unit}",
    "{noun} due today, {date}.{unit}",
};
inline constexpr MessageText kDueLaterBody{
    "notifications.due_later_body",
    "{noun} đến hạn ngày {date}, còn {days}.{unit}",
    "{noun} due on {date}, {days} left.{unit}",
};
inline constexpr MessageText kOverdueTitle{
    "notifications.overdue_title",
    "Quá hạn: {title}",
    "Overdue: {title}",
};
inline constexpr MessageText kOverdueBody{
    "notifications.overdue_body",
    "{noun} đã quá hạn {days} (hạn {date}). Đề nghị khẩn trương hoàn thành hoặc đề nghị gia "
    "hạn.{unit}",
    "{noun} overdue by {days} (due {date}). Please complete it promptly or request an "
    "extension.{unit}",
};
inline constexpr MessageText kNoReportTitle{
    "notifications.no_report_title",
    "Chưa cập nhật tiến độ: {title}",
    "No progress update: {title}",
};
inline constexpr MessageText kNoReportBody{
    "notifications.no_report_body",
    "Đã {days} chưa có báo cáo tiến độ (kể từ {date}). Đề nghị cập nhật tiến độ thực hiện.{unit}",
    "No progress report for {days} (since {date}). Please update the progress.{unit}",
};
inline constexpr MessageText kEscalationTitle{
    "notifications.escalation_title",
    "Đơn vị chưa báo cáo tiến độ: {title}",
    "A unit has not reported progress: {title}",
};
inline constexpr MessageText kEscalationBody{
    "notifications.escalation_body",
    "{unit_name} chưa báo cáo tiến độ {noun_lower} này {days} (kể từ {date}), dù đã được nhắc. Đề "
    "nghị đồng chí chỉ đạo.",
    "{unit_name} has not reported progress for {days} (since {date}), despite reminders. Please "
    "give directions.",
};

// The e-mails' own sentences, in the language they are built in (the job sets its
// recipient's: ScopedLang).
inline constexpr MessageText kFooter{
    "notifications.mail_footer",
    "Thư này được gửi tự động từ hệ thống theo dõi điều hành thực hiện kế hoạch. Vui lòng không "
    "trả lời thư này.",
    "This e-mail was sent automatically by the plan implementation tracking system. Please do not "
    "reply to it.",
};
inline constexpr MessageText kGreeting{
    "notifications.mail_greeting",
    "Kính gửi đồng chí {name},",
    "Dear {name},",
};
inline constexpr MessageText kOneNew{
    "notifications.mail_one_new",
    "Hệ thống có thông báo mới cho đồng chí:",
    "You have a new notification:",
};
inline constexpr MessageText kManyNew{
    "notifications.mail_many_new",
    "Hệ thống có {n} thông báo mới cho đồng chí:",
    "You have {n} new notifications:",
};
inline constexpr MessageText kNewCount{
    "notifications.mail_new_count",
    "{n} thông báo mới",
    "{n} new notifications",
};
inline constexpr MessageText kMoreNotices{
    "notifications.mail_more_notices",
    "… và {n} thông báo khác, xem trên hệ thống",
    "… and {n} more notifications, see them in the system",
};
inline constexpr MessageText kMoreShort{
    "notifications.mail_more_short",
    "… và {n} thông báo khác",
    "… and {n} more notifications",
};
inline constexpr MessageText kMoreTasks{
    "notifications.mail_more_tasks",
    "… và {n} nhiệm vụ khác",
    "… and {n} more tasks",
};
inline constexpr MessageText kTaskNumber{
    "notifications.mail_task_number",
    "Nhiệm vụ #{id}",
    "Task #{id}",
};
inline constexpr MessageText kDigestIntro{
    "notifications.digest_intro",
    "Bản tin công việc ngày {date} — những việc cần đồng chí quan tâm:",
    "Work digest for {date} — what needs your attention:",
};
inline constexpr MessageText kOverdueTasks{
    "notifications.digest_overdue",
    "Nhiệm vụ quá hạn",
    "Overdue tasks",
};
inline constexpr MessageText kDueSoonTasks{
    "notifications.digest_due_soon",
    "Nhiệm vụ sắp đến hạn",
    "Tasks due soon",
};
inline constexpr MessageText kExtensions{
    "notifications.digest_extensions",
    "Đề nghị gia hạn chờ quyết định",
    "Extension requests awaiting a decision",
};
inline constexpr MessageText kAwaiting{
    "notifications.digest_awaiting",
    "Báo cáo hoàn thành chờ xác nhận",
    "Completion reports awaiting confirmation",
};
inline constexpr MessageText kUnread{
    "notifications.digest_unread",
    "Thông báo chưa đọc",
    "Unread notifications",
};
inline constexpr MessageText kOverdueDetail{
    "notifications.digest_overdue_detail",
    "hạn {date}, quá {days}",
    "due {date}, {days} overdue",
};
inline constexpr MessageText kDueTodayDetail{
    "notifications.digest_due_today_detail",
    "đến hạn hôm nay, {date}",
    "due today, {date}",
};
inline constexpr MessageText kDueLaterDetail{
    "notifications.digest_due_later_detail",
    "hạn {date}, còn {days}",
    "due {date}, {days} left",
};
inline constexpr MessageText kExtensionDetail{
    "notifications.digest_extension_detail",
    "xin gia hạn đến {date}",
    "extension requested to {date}",
};
inline constexpr MessageText kAwaitingDetail{
    "notifications.digest_awaiting_detail",
    "đơn vị đã báo cáo hoàn thành",
    "the unit reported completion",
};
inline constexpr MessageText kOverdueCount{
    "notifications.digest_overdue_count",
    "{n} quá hạn",
    "{n} overdue",
};
inline constexpr MessageText kDueSoonCount{
    "notifications.digest_due_soon_count",
    "{n} sắp đến hạn",
    "{n} due soon",
};
inline constexpr MessageText kDecideCount{
    "notifications.digest_decide_count",
    "{n} chờ quyết định",
    "{n} awaiting a decision",
};
inline constexpr MessageText kDigestSubject{
    "notifications.digest_subject",
    "Bản tin ngày {date}: {summary}",
    "Digest for {date}: {summary}",
};

const NoticeTexts kRegistered{&kDueSoonTitle, &kDueTodayBody,    &kDueLaterBody,
                              &kOverdueTitle, &kOverdueBody,     &kNoReportTitle,
                              &kNoReportBody, &kEscalationTitle, &kEscalationBody};

}  // namespace msg

namespace {

// "3 ngày làm việc" / "3 working days".
Label WorkingDays(int64_t n) {
  return {FormatInt(n, Lang::kVi) + " ngày làm việc",
          FormatInt(n, Lang::kEn) + (n == 1 ? " working day" : " working days")};
}

constexpr const char* kSubjectPrefix = "[Điều hành] ";  // the system's name, in every language

std::string Html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Link(const MailContext& ctx, const ItemRef& item) {
  if (ctx.public_url.empty() || item.empty()) return "";
  const std::string path = ctx.kinds                ? ctx.kinds->PathOf(item)
                           : item.kind == kTaskItem ? "/tasks/" + std::to_string(item.id)
                                                    : "";
  if (path.empty()) return "";
  std::string base = ctx.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path;
}

std::string Greeting(const Contact& to) {
  return Say(msg::kGreeting, {{"name", to.full_name.empty() ? to.username : to.full_name}});
}

// A message assembled line by line in both forms at once, in its recipient's language.
class Body {
 public:
  explicit Body(Lang lang) : lang_(lang) {}
  std::string Say(const MessageText& text, const MessageArgs& args = {}) const {
    return Render(text, args, lang_);
  }
  void Paragraph(const std::string& s) {
    text_ += s + "\n\n";
    html_ += "<p>" + Html(s) + "</p>\n";
  }
  void Heading(const std::string& s) {
    text_ += s + "\n";
    html_ += "<h3 style=\"margin:16px 0 4px\">" + Html(s) + "</h3>\n";
  }
  void BeginList() { html_ += "<ul>\n"; }
  void Item(const std::string& title, const std::string& detail, const std::string& link) {
    text_ += "  • " + title + (detail.empty() ? "" : "\n    " + detail) +
             (link.empty() ? "" : "\n    " + link) + "\n";
    html_ +=
        "<li>" + (link.empty() ? "<b>" + Html(title) + "</b>"
                               : "<a href=\"" + Html(link) + "\"><b>" + Html(title) + "</b></a>");
    if (!detail.empty()) html_ += "<br>" + Html(detail);
    html_ += "</li>\n";
  }
  void EndList() {
    text_ += "\n";
    html_ += "</ul>\n";
  }
  MailMessage Finish(const Contact& to, const std::string& subject) {
    const std::string footer = Say(msg::kFooter);
    text_ += "--\n" + footer + "\n";
    const std::string html =
        "<!DOCTYPE html><html lang=\"" + std::string(lang_ == Lang::kEn ? "en" : "vi") +
        "\"><head><meta charset=\"utf-8\"><title>" + Html(subject) +
        "</title></head><body style=\"font-family:Arial,sans-serif\">\n" + html_ +
        "<hr><p style=\"color:#666;font-size:12px\">" + Html(footer) + "</p></body></html>\n";
    return {{to.email, to.full_name}, subject, text_, html};
  }

 private:
  Lang lang_;
  std::string text_, html_;
};

constexpr size_t kMailListLimit = 30;

// The item's title in a reminder, after what of it falls due where that is not the item.
MessageValue TitleOf(const TaskLabel& task, const ItemNoun& noun) {
  std::string title = ShortTitle(task.title);
  if (noun.due_part.empty()) return title;
  return Label{noun.due_part + " " + title, LabelIn(noun.due_part, Lang::kEn) + " " + title};
}

// {n} as a count.
MessageArgs Count(size_t n) { return {{"n", static_cast<int64_t>(n)}}; }

}  // namespace

std::string ShortTitle(const std::string& title) {
  if (text::CodePointCount(title) <= 80) return title;
  // Cut at a space after about 70 characters, on a character boundary.
  size_t cut = 0, chars = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80) ++chars;
    if (chars > 70 && title[i] == ' ') {
      cut = i;
      break;
    }
    if (chars > 80) {
      cut = i;
      break;
    }
  }
  if (cut == 0) return title;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return title.substr(0, cut) + "…";
}

ReminderText TextOf(const Reminder& r, const TaskLabel& task, const ItemNoun& noun) {
  const NoticeText n = ReminderNotice(r, task, noun);
  return {Render(*n.title, n.args, Lang::kVi), Render(*n.body, n.args, Lang::kVi)};
}

NoticeText ReminderNotice(const Reminder& r, const TaskLabel& task, const ItemNoun& noun) {
  // The default noun is ours; a feature registers the English of its own (RegisterLabels).
  static const bool registered = (RegisterLabels({{"Nhiệm vụ", "Task"}}), true);
  (void)registered;
  MessageArgs args{
      {"title", TitleOf(task, noun)},
      {"date", r.since.ToVietnamese()},
      {"days", WorkingDays(r.days)},
      {"noun", Label{noun.capital, ""}},
      {"noun_lower", Label{noun.lower, ""}},
      {"unit", task.unit_name.empty() ? Label{}
                                      : Label{" Đơn vị chủ trì: " + task.unit_name + ".",
                                              " Lead unit: " + task.unit_name + "."}},
      {"unit_name", task.unit_name.empty() ? Label{"Đơn vị chủ trì", "The lead unit"}
                                           : Label{task.unit_name, task.unit_name}}};
  switch (r.kind) {
    case ReminderKind::kDueSoon:
      return {&msg::kDueSoonTitle, r.days == 0 ? &msg::kDueTodayBody : &msg::kDueLaterBody,
              std::move(args)};
    case ReminderKind::kOverdue:
      return {&msg::kOverdueTitle, &msg::kOverdueBody, std::move(args)};
    case ReminderKind::kNoReport:
      return {&msg::kNoReportTitle, &msg::kNoReportBody, std::move(args)};
    case ReminderKind::kEscalation:
      return {&msg::kEscalationTitle, &msg::kEscalationBody, std::move(args)};
  }
  return {&msg::kDueSoonTitle, nullptr, std::move(args)};
}

MailMessage NotificationsMail(const Contact& to, const std::vector<Notification>& list,
                              const MailContext& ctx) {
  Body b(CurrentLang());
  b.Paragraph(Greeting(to));
  b.Paragraph(list.size() == 1 ? b.Say(msg::kOneNew) : b.Say(msg::kManyNew, Count(list.size())));
  b.BeginList();
  for (size_t i = 0; i < list.size() && i < kMailListLimit; ++i)
    b.Item(list[i].title, list[i].body, Link(ctx, list[i].item));
  if (list.size() > kMailListLimit)
    b.Item(b.Say(msg::kMoreNotices, Count(list.size() - kMailListLimit)), "", "");
  b.EndList();
  const std::string subject =
      kSubjectPrefix +
      (list.size() == 1 ? list.front().title : b.Say(msg::kNewCount, Count(list.size())));
  return b.Finish(to, subject);
}

namespace {

// One section of a digest: its heading and count, then its first kDigestSectionLimit tasks.
template <typename Detail>
void Section(Body& b, const std::vector<DigestEntry>& list, const MessageText& heading,
             const std::unordered_map<int64_t, TaskLabel>& tasks, const MailContext& ctx,
             Detail detail) {
  if (list.empty()) return;
  b.Heading(b.Say(heading) + " (" + std::to_string(list.size()) + ")");
  b.BeginList();
  for (size_t i = 0; i < list.size() && i < kDigestSectionLimit; ++i) {
    const auto it = tasks.find(list[i].task_id);
    const TaskLabel label =
        it == tasks.end()
            ? TaskLabel{b.Say(msg::kTaskNumber, {{"id", std::to_string(list[i].task_id)}}), ""}
            : it->second;
    std::string d = detail(list[i]);
    if (!label.unit_name.empty()) d = label.unit_name + " — " + d;
    b.Item(ShortTitle(label.title), d, Link(ctx, TaskItem(list[i].task_id)));
  }
  if (list.size() > kDigestSectionLimit)
    b.Item(b.Say(msg::kMoreTasks, Count(list.size() - kDigestSectionLimit)), "", "");
  b.EndList();
}

// "2 quá hạn, 1 chờ quyết định".
std::string Summary(const Body& b, const DigestItems& items) {
  std::string summary;
  auto add = [&](size_t n, const MessageText& what) {
    if (n) summary += (summary.empty() ? "" : ", ") + b.Say(what, Count(n));
  };
  add(items.overdue.size(), msg::kOverdueCount);
  add(items.due_soon.size(), msg::kDueSoonCount);
  add(items.extensions.size() + items.awaiting_confirmation.size(), msg::kDecideCount);
  return summary;
}

}  // namespace

MailMessage DigestMail(const Contact& to, Date today, const DigestItems& items,
                       const std::unordered_map<int64_t, TaskLabel>& tasks,
                       const std::vector<Notification>& unread, int64_t unread_total,
                       const MailContext& ctx) {
  Body b(CurrentLang());
  b.Paragraph(Greeting(to));
  b.Paragraph(b.Say(msg::kDigestIntro, {{"date", today.ToVietnamese()}}));
  const auto dated = [&](const MessageText& text) {
    return [&](const DigestEntry& e) {
      return b.Say(text, {{"date", e.date.ToVietnamese()}, {"days", WorkingDays(e.days)}});
    };
  };
  Section(b, items.overdue, msg::kOverdueTasks, tasks, ctx, dated(msg::kOverdueDetail));
  Section(b, items.due_soon, msg::kDueSoonTasks, tasks, ctx, [&](const DigestEntry& e) {
    return dated(e.days == 0 ? msg::kDueTodayDetail : msg::kDueLaterDetail)(e);
  });
  Section(b, items.extensions, msg::kExtensions, tasks, ctx, dated(msg::kExtensionDetail));
  Section(b, items.awaiting_confirmation, msg::kAwaiting, tasks, ctx,
          [&](const DigestEntry&) { return b.Say(msg::kAwaitingDetail); });
  if (unread_total > 0) {
    b.Heading(b.Say(msg::kUnread) + " (" + std::to_string(unread_total) + ")");
    b.BeginList();
    for (const auto& n : unread) b.Item(n.title, n.body, Link(ctx, n.item));
    if (unread_total > static_cast<int64_t>(unread.size()))
      b.Item(b.Say(msg::kMoreShort, Count(unread_total - unread.size())), "", "");
    b.EndList();
  }
  return b.Finish(
      to, kSubjectPrefix + b.Say(msg::kDigestSubject,
                                 {{"date", today.ToVietnamese()}, {"summary", Summary(b, items)}}));
}

}  // namespace dh::notifications
