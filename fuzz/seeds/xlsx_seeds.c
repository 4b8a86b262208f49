/* Real workbooks for the fuzz seeds (fuzz/corpus/xlsx), written with libxlsxwriter as the
 * export does: the officials' task table with a title block, Vietnamese text, dates in a
 * date format, progress as percentages, a group heading, an empty column between.
 * Built and run by fuzz/seeds/make_seeds.sh. */
#include <xlsxwriter.h>

static void table(lxw_workbook* wb, lxw_worksheet* ws, int with_title) {
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0%");
  int r = 0;
  if (with_title) {
    worksheet_write_string(ws, r++, 0, "ỦY BAN NHÂN DÂN THÀNH PHỐ MINH AN", NULL);
    worksheet_write_string(ws, r++, 0, "DANH MỤC NHIỆM VỤ", NULL);
  }
  const char* head[] = {"STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
                        "Thời hạn", "Tiến độ (%)", "Tình trạng", "Ghi chú"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(ws, r, c, head[c], NULL);
  ++r;
  if (with_title) {
    for (int c = 0; c < 8; ++c) {
      char n[8];
      lxw_snprintf(n, sizeof n, "(%d)", c + 1);
      worksheet_write_string(ws, r, c, n, NULL);
    }
    ++r;
  }
  worksheet_write_string(ws, r, 0, "I", NULL);
  worksheet_write_string(ws, r++, 1, "Tăng cường giải ngân vốn đầu tư công", NULL);
  worksheet_write_number(ws, r, 0, 1, NULL);
  worksheet_write_string(ws, r, 1, "Báo cáo quyết toán vốn đầu tư năm 2025", NULL);
  worksheet_write_string(ws, r, 2, "MA.STC", NULL);
  worksheet_write_string(ws, r, 3, "Sở Xây dựng; MA.SKH", NULL);
  lxw_datetime d = {2026, 7, 31, 0, 0, 0};
  worksheet_write_datetime(ws, r, 4, &d, date);
  worksheet_write_number(ws, r++, 5, 0.45, pct);
  worksheet_write_number(ws, r, 0, 2, NULL);
  worksheet_write_string(ws, r, 1, "Rà soát hồ sơ giải phóng mặt bằng", NULL);
  worksheet_write_string(ws, r, 2, "UBND phường Bắc Sơn", NULL);
  worksheet_write_string(ws, r, 4, "15/06/2026", NULL);
  worksheet_write_string(ws, r++, 5, "100%", NULL);
  worksheet_write_number(ws, r, 0, 3, NULL);
  worksheet_write_string(ws, r, 1, "Thường xuyên theo dõi", NULL);
  worksheet_write_string(ws, r, 2, "Sở Tài chính", NULL);
  worksheet_write_string(ws, r, 4, "Thường xuyên", NULL);
  worksheet_write_formula_num(ws, r, 5, "=10*2", NULL, 20);
}

int main(void) {
  lxw_workbook* wb = workbook_new("tasks.xlsx");
  table(wb, workbook_add_worksheet(wb, "Nhiệm vụ"), 1);
  workbook_close(wb);
  wb = workbook_new("plain.xlsx");
  table(wb, workbook_add_worksheet(wb, NULL), 0);
  workbook_close(wb);
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE};  /* inline strings */
  wb = workbook_new_opt("inline.xlsx", &opt);
  table(wb, workbook_add_worksheet(wb, "Sheet1"), 1);
  workbook_close(wb);
  return 0;
}
