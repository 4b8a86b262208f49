// The task importer's cells (tasks::ParseTaskSheet in src/tasks/task_import.h): header
// detection, STT headings, units by code or name, deadlines as dd/mm/yyyy or Excel serial
// numbers, progress as numbers or percentages — and the date parsers under them
// (Date::Parse, Date::ParseVietnamese). The input is a sheet as text — a line a row, a tab
// between cells, "#" before a number cell (see Cell) — so that its cells may carry any
// number (NaN and infinities too) with the percent and date formats, as the XLSX reader
// hands them over; the seeds are rows as officials write them.
//
// Checks: a date parsed reads back the same; every task the importer accepts has a title
// within 1.000 characters, an active lead unit, distinct active coordinators other than
// the lead, a deadline from 1990 to 2100 and progress from 0 to 100; a heading's parent
// comes before it; every message is UTF-8 and names a row of the sheet.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "tasks/task_import.h"

namespace {

using dh::Date;
namespace tasks = dh::tasks;
namespace sheets = dh::sheets;
namespace units = dh::units;
namespace text = dh::text;

const Date kToday = *Date::FromYmd(2026, 1, 15);

// Two active departments, one that ended on 2025-06-30 with a successor, and two wards
// with the same name.
const units::UnitGraph& Graph() {
  static const units::UnitGraph g = [] {
    auto day = [](int y, int m, int d) { return *Date::FromYmd(y, m, d); };
    std::vector<units::Unit> u = {
        {1, "MA.STC", "Sở Tài chính", "department", day(2020, 1, 1), std::nullopt},
        {2, "MA.SXD", "Sở Xây dựng", "department", day(2020, 1, 1), std::nullopt},
        {3, "MA.SKH", "Sở Kế hoạch và Đầu tư", "department", day(2020, 1, 1), day(2025, 6, 30)},
        {4, "MA.BS1", "UBND phường Bắc Sơn", "ward", day(2020, 1, 1), std::nullopt},
        {5, "MA.BS2", "UBND phường Bắc Sơn", "ward", day(2020, 1, 1), std::nullopt},
    };
    std::vector<units::Succession> s = {{1, 3, 1, true, day(2025, 7, 1), "merge"}};
    return units::UnitGraph(std::move(u), {}, std::move(s));
  }();
  return g;
}

void CheckDates(std::string_view s) {
  if (auto d = Date::Parse(s)) FUZZ_CHECK(d->ToString() == s);
  if (auto d = Date::ParseVietnamese(s)) {
    FUZZ_CHECK(Date::ParseVietnamese(d->ToVietnamese()) == d);
    FUZZ_CHECK(Date::FromYmd(d->year(), d->month(), d->day()) == d);
  }
}

// A cell as the input writes it: its text, or "#" and a number read by strtod ("nan",
// "inf" and hexadecimal floats included), followed by "%" for a percentage format or "d"
// for a date format.
sheets::SheetCell Cell(std::string_view raw) {
  sheets::SheetCell c;
  c.text = text::IsValidUtf8(raw) ? std::string(raw) : "";  // the readers hand over UTF-8
  if (raw.empty() || raw.front() != '#') return c;
  std::string number(raw.substr(1));
  if (!number.empty() && number.back() == 'd') c.date = true, number.pop_back();
  if (!number.empty() && number.back() == '%') c.percent = true, number.pop_back();
  char* end = nullptr;
  const double v = std::strtod(number.c_str(), &end);
  if (number.empty() || end != number.c_str() + number.size()) return c;
  c.number = v;
  c.text = number;
  return c;
}

// Lines are rows (numbered from 1), tabs separate cells.
sheets::Sheet DecodeSheet(std::string_view in) {
  sheets::Sheet sheet;
  int number = 0;
  while (!in.empty() && sheet.rows.size() < 200) {
    const size_t eol = std::min(in.find('\n'), in.size());
    std::string_view line = in.substr(0, eol);
    in.remove_prefix(std::min(eol + 1, in.size()));
    sheets::SheetRow row{++number, {}};
    for (size_t tab; (tab = line.find('\t')) != std::string_view::npos; line.remove_prefix(tab + 1))
      row.cells.push_back(Cell(line.substr(0, tab)));
    row.cells.push_back(Cell(line));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

bool ActiveUnit(int64_t id) {
  const units::Unit* u = Graph().Find(id);
  return u && u->ActiveOn(kToday);
}

void CheckParsed(const tasks::ParsedSheet& parsed, const sheets::Sheet& sheet) {
  std::set<int> rows;
  for (const auto& r : sheet.rows) rows.insert(r.number);
  const auto& headings = parsed.batch.headings;
  for (size_t i = 0; i < headings.size(); ++i) FUZZ_CHECK(headings[i].parent < static_cast<int>(i));
  for (const auto& item : parsed.batch.items) {
    FUZZ_CHECK(rows.count(item.row));
    FUZZ_CHECK(item.heading < static_cast<int>(headings.size()));
    const auto& in = item.input;
    FUZZ_CHECK(in.title && !in.title->empty() && text::CodePointCount(*in.title) <= 1000);
    FUZZ_CHECK(in.lead_unit_id && ActiveUnit(*in.lead_unit_id));
    std::set<int64_t> seen;
    for (int64_t id : in.coordinator_ids.value_or(std::vector<int64_t>{})) {
      FUZZ_CHECK(ActiveUnit(id) && id != *in.lead_unit_id && seen.insert(id).second);
    }
    if (in.deadline) FUZZ_CHECK(in.deadline->year() >= 1990 && in.deadline->year() <= 2100);
    FUZZ_CHECK(item.progress_percent >= 0 && item.progress_percent <= 100);
  }
  for (const auto& e : parsed.errors) {
    FUZZ_CHECK(rows.count(e.row));
    FUZZ_CHECK(!e.message.empty() && text::IsValidUtf8(e.message));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The first line is also read as a date, both ways.
  std::string_view in = dh::fuzz::Bytes(data, size);
  CheckDates(in.substr(0, in.find('\n')));
  const sheets::Sheet sheet = DecodeSheet(in);
  auto parsed = tasks::ParseTaskSheet(sheet, Graph(), kToday);
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.status().error_code() == "no_header_row" ||
               parsed.status().code() == dh::StatusCode::kPayloadTooLarge);
    return 0;
  }
  CheckParsed(*parsed, sheet);
  return 0;
}
