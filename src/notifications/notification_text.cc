#include "notifications/notification_text.h"

#include "core/text.h"

namespace dh::notifications {
namespace {

constexpr const char* kSubjectPrefix = "[Điều hành] ";
constexpr const char* kFooter =
    "Thư này được gửi tự động từ hệ thống theo dõi điều hành thực hiện kế hoạch. Vui lòng không "
    "trả lời thư này.";

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
  return "Kính gửi đồng chí " + (to.full_name.empty() ? to.username : to.full_name) + ",";
}

// A message assembled line by line in both forms at once.
class Body {
 public:
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
    text_ += "--\n" + std::string(kFooter) + "\n";
    const std::string html =
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + Html(subject) +
        "</title></head><body style=\"font-family:Arial,sans-serif\">\n" + html_ +
        "<hr><p style=\"color:#666;font-size:12px\">" + Html(kFooter) + "</p></body></html>\n";
    return {{to.email, to.full_name}, subject, text_, html};
  }

 private:
  std::string text_, html_;
};

constexpr size_t kMailListLimit = 30;

std::string Count(size_t n, const char* what) { return std::to_string(n) + " " + what; }

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
  const std::string t = ShortTitle(task.title);
  const std::string unit = task.unit_name.empty() ? "" : " Đơn vị chủ trì: " + task.unit_name + ".";
  const std::string days = std::to_string(r.days) + " ngày làm việc";
  switch (r.kind) {
    case ReminderKind::kDueSoon:
      return {"Sắp đến hạn: " + t,
              (r.days == 0 ? noun.capital + " đến hạn hôm nay, " + r.since.ToVietnamese() + "."
                           : noun.capital + " đến hạn ngày " + r.since.ToVietnamese() + ", còn " +
                                 days + ".") +
                  unit};
    case ReminderKind::kOverdue:
      return {"Quá hạn: " + t,
              noun.capital + " đã quá hạn " + days + " (hạn " + r.since.ToVietnamese() +
                  "). Đề nghị khẩn trương hoàn thành hoặc đề nghị gia hạn." + unit};
    case ReminderKind::kNoReport:
      return {"Chưa cập nhật tiến độ: " + t, "Đã " + days + " chưa có báo cáo tiến độ (kể từ " +
                                                 r.since.ToVietnamese() +
                                                 "). Đề nghị cập nhật tiến độ thực hiện." + unit};
    case ReminderKind::kEscalation:
      return {"Đơn vị chưa báo cáo tiến độ: " + t,
              (task.unit_name.empty() ? std::string("Đơn vị chủ trì") : task.unit_name) +
                  " chưa báo cáo tiến độ " + noun.lower + " này " + days + " (kể từ " +
                  r.since.ToVietnamese() + "), dù đã được nhắc. Đề nghị đồng chí chỉ đạo."};
  }
  return {t, ""};
}

MailMessage NotificationsMail(const Contact& to, const std::vector<Notification>& list,
                              const MailContext& ctx) {
  Body b;
  b.Paragraph(Greeting(to));
  b.Paragraph(list.size() == 1
                  ? "Hệ thống có thông báo mới cho đồng chí:"
                  : "Hệ thống có " + Count(list.size(), "thông báo mới") + " cho đồng chí:");
  b.BeginList();
  for (size_t i = 0; i < list.size() && i < kMailListLimit; ++i)
    b.Item(list[i].title, list[i].body, Link(ctx, list[i].item));
  if (list.size() > kMailListLimit)
    b.Item("… và " + Count(list.size() - kMailListLimit, "thông báo khác") + ", xem trên hệ thống",
           "", "");
  b.EndList();
  const std::string subject =
      kSubjectPrefix +
      (list.size() == 1 ? list.front().title : Count(list.size(), "thông báo mới"));
  return b.Finish(to, subject);
}

MailMessage DigestMail(const Contact& to, Date today, const DigestItems& items,
                       const std::unordered_map<int64_t, TaskLabel>& tasks,
                       const std::vector<Notification>& unread, int64_t unread_total,
                       const MailContext& ctx) {
  Body b;
  b.Paragraph(Greeting(to));
  b.Paragraph("Bản tin công việc ngày " + today.ToVietnamese() +
              " — những việc cần đồng chí quan tâm:");
  auto section = [&](const std::vector<DigestEntry>& list, const std::string& heading,
                     auto detail) {
    if (list.empty()) return;
    b.Heading(heading + " (" + std::to_string(list.size()) + ")");
    b.BeginList();
    for (size_t i = 0; i < list.size() && i < kDigestSectionLimit; ++i) {
      const auto it = tasks.find(list[i].task_id);
      const TaskLabel label = it == tasks.end()
                                  ? TaskLabel{"Nhiệm vụ #" + std::to_string(list[i].task_id), ""}
                                  : it->second;
      std::string d = detail(list[i]);
      if (!label.unit_name.empty()) d = label.unit_name + " — " + d;
      b.Item(ShortTitle(label.title), d, Link(ctx, TaskItem(list[i].task_id)));
    }
    if (list.size() > kDigestSectionLimit)
      b.Item("… và " + Count(list.size() - kDigestSectionLimit, "nhiệm vụ khác"), "", "");
    b.EndList();
  };
  section(items.overdue, "Nhiệm vụ quá hạn", [](const DigestEntry& e) {
    return "hạn " + e.date.ToVietnamese() + ", quá " + std::to_string(e.days) + " ngày làm việc";
  });
  section(items.due_soon, "Nhiệm vụ sắp đến hạn", [](const DigestEntry& e) {
    return e.days == 0 ? "đến hạn hôm nay, " + e.date.ToVietnamese()
                       : "hạn " + e.date.ToVietnamese() + ", còn " + std::to_string(e.days) +
                             " ngày làm việc";
  });
  section(items.extensions, "Đề nghị gia hạn chờ quyết định",
          [](const DigestEntry& e) { return "xin gia hạn đến " + e.date.ToVietnamese(); });
  section(items.awaiting_confirmation, "Báo cáo hoàn thành chờ xác nhận",
          [](const DigestEntry&) { return std::string("đơn vị đã báo cáo hoàn thành"); });
  if (unread_total > 0) {
    b.Heading("Thông báo chưa đọc (" + std::to_string(unread_total) + ")");
    b.BeginList();
    for (const auto& n : unread) b.Item(n.title, n.body, Link(ctx, n.item));
    if (unread_total > static_cast<int64_t>(unread.size()))
      b.Item("… và " + Count(unread_total - unread.size(), "thông báo khác"), "", "");
    b.EndList();
  }
  std::string summary;
  auto add = [&](size_t n, const char* what) {
    if (n) summary += (summary.empty() ? "" : ", ") + Count(n, what);
  };
  add(items.overdue.size(), "quá hạn");
  add(items.due_soon.size(), "sắp đến hạn");
  add(items.extensions.size() + items.awaiting_confirmation.size(), "chờ quyết định");
  return b.Finish(
      to, kSubjectPrefix + std::string("Bản tin ngày ") + today.ToVietnamese() + ": " + summary);
}

}  // namespace dh::notifications
