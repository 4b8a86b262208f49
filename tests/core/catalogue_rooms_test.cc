// The messages the units' restructuring checks, the sheets' file checks and the sign-in and the
// accounts say (issue 9), each in both languages taking the same {parameters} (a few are rendered
// in catalogue_test.cc; ctest message_catalogue checks every message of src/ the same way from the
// sources, this one reads the compiled catalogue).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "auth/auth_messages.h"
#include "investment/investment_messages.h"
#include "investment/investment_parse.h"
#include "sheets/sheet_messages.h"
#include "units/unit_messages.h"
#include "users/user_messages.h"

namespace dh {
namespace {

std::set<std::string> ParamsOf(std::string_view text) {
  static const std::regex kParam(R"(\{(\w+)\})");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kParam); it != std::sregex_iterator();
       ++it)
    out.insert((*it)[1].str());
  return out;
}

const MessageText* const kNewMessages[] = {
    // units/unit_messages.h
    &units::msg::kAlreadyRestructured,
    &units::msg::kSplitWord,
    &units::msg::kMergeWord,
    &units::msg::kChooseSources,
    &units::msg::kSourceTwice,
    &units::msg::kNoUnitNumber,
    &units::msg::kNoParentNumber,
    &units::msg::kSourceNotActive,
    &units::msg::kTargetTwice,
    &units::msg::kSourceAndTarget,
    &units::msg::kTargetNotActive,
    &units::msg::kNewUnitCodeName,
    &units::msg::kNewUnitKind,
    &units::msg::kCodeTaken,
    &units::msg::kNewUnitParentNotActive,
    &units::msg::kChooseKind,
    &units::msg::kMergeOneTarget,
    &units::msg::kSplitOneSource,
    &units::msg::kSplitTwoTargets,
    &units::msg::kTargetUnderChild,
    &units::msg::kUnitNotFound,
    &units::msg::kEndFromFounding,
    &units::msg::kHasActiveChildren,
    &units::msg::kNotInDirectory,
    &units::msg::kRestructuredOn,
    &units::msg::kRestructuredOnGoTo,
    &units::msg::kLabelNotActive,
    &units::msg::kRoleCannotEdit,
    &units::msg::kParentRestructured,
    &units::msg::kParentRestructuredChoose,
    &units::msg::kOutsideScope,
    &units::msg::kNoSuchParent,
    &units::msg::kParentNotActive,
    &units::msg::kEnterCode,
    &units::msg::kEnterName,
    &units::msg::kChooseUnitKind,
    &units::msg::kEndAfterFounding,
    &units::msg::kCodeFixed,
    &units::msg::kNameEmpty,
    &units::msg::kKindInvalid,
    &units::msg::kUnderOwnChild,
    &units::msg::kEffectiveFromFounding,
    &units::msg::kNewUnitObject,
    &units::msg::kNewUnitsList,
    // sheets/sheet_messages.h
    &sheets::msg::kNoHeader,
    &sheets::msg::kTemplateHint,
    &sheets::msg::kClosestHeader,
    &sheets::msg::kSaveAsUtf8,
    &sheets::msg::kCsvUtf16,
    &sheets::msg::kCsvLegacy,
    &sheets::msg::kUnclosedQuote,
    &sheets::msg::kColumnRow,
    &sheets::msg::kAlreadyImported,
    &sheets::msg::kJustImported,
    &sheets::msg::kImportedOnce,
    &sheets::msg::kTooManyCells,
    &sheets::msg::kTooMuchText,
    &sheets::msg::kTooManyRows,
    &sheets::msg::kOutsideTable,
    &sheets::msg::kCsvNotDeclared,
    &sheets::msg::kXls,
    &sheets::msg::kNotSpreadsheet,
    &sheets::msg::kWithColumns,
    &sheets::msg::kBadCell,
    &sheets::msg::kCellSharedString,
    &sheets::msg::kCellNumber,
    &sheets::msg::kCellRowOrder,
    &sheets::msg::kCellAddress,
    &sheets::msg::kRowRef,
    &sheets::msg::kNotXlsx,
    &sheets::msg::kBadXlsx,
    &sheets::msg::kXlsxPartNotXml,
    &sheets::msg::kXlsxNoSheet,
    &sheets::msg::kXlsxSheetName,
    &sheets::msg::kXlsxMissingSheet,
    &sheets::msg::kDoctype,
    &sheets::msg::kNotXml,
    &sheets::msg::kNotZip,
    &sheets::msg::kZipPartBroken,
    &sheets::msg::kZipNoPart,
    &sheets::msg::kZipPartTooLarge,
    // auth/auth_messages.h
    &auth::msg::kBadCredentials,
    &auth::msg::kNoSession,
    &auth::msg::kTooManyAttempts,
    &auth::msg::kBadToken,
    &auth::msg::kNameToken,
    &auth::msg::kTokenDays,
    &auth::msg::kTokenNotFound,
    &auth::msg::kPasswordType,
    &auth::msg::kEnterPassword,
    &auth::msg::kPasswordTooLong,
    &auth::msg::kSignIn,
    // users/user_messages.h
    &users::msg::kUserNotFound,
    &users::msg::kOnlyAdminWrites,
    &users::msg::kBadEmail,
    &users::msg::kLastAdminLocked,
    &users::msg::kLastAdminRole,
    &users::msg::kCannotList,
    &users::msg::kOneRole,
    &users::msg::kRoleNeedsUnit,
    &users::msg::kBadUsername,
    &users::msg::kEnterFullName,
    &users::msg::kEnterFirstPassword,
    &users::msg::kUsernameFixed,
    &users::msg::kFullNameEmpty,
    &users::msg::kCannotLockSelf,
    &users::msg::kRoleObject,
    &users::msg::kRolesList,
    &users::msg::kNoSuchRole,
    &users::msg::kPasswordType,
    &users::msg::kPasswordShort,
    &users::msg::kPasswordLong,
    &users::msg::kPasswordDigits,
    &users::msg::kUsernameTaken,
    // investment/investment_messages.h
    &investment::msg::kEnterField,
    &investment::msg::kChooseField,
    &investment::msg::kFieldTooLong,
    &investment::msg::kFieldMustBe,
    &investment::msg::kLevels,
    &investment::msg::kBases,
    &investment::msg::kVersionKinds,
    &investment::msg::kMovesList,
    &investment::msg::kMoveObject,
    &investment::msg::kMonthsList,
    &investment::msg::kMonthObject,
    &investment::msg::kMilestonesList,
    &investment::msg::kMilestoneObject,
    &investment::msg::kCannotRead,
    &investment::msg::kRoleCannotRead,
    &investment::msg::kCannotEditSources,
    &investment::msg::kCannotAddForInvestor,
    &investment::msg::kCannotMoveToInvestor,
    &investment::msg::kCannotManageProject,
    &investment::msg::kCannotReportProject,
    &investment::msg::kCannotSetTarget,
    &investment::msg::kCannotImport,
    &investment::msg::kCannotPlanForUnit,
    &investment::msg::kCannotAddToPlan,
    &investment::msg::kOnlyLeadRecords,
    &investment::msg::kOnlyLeadRecommends,
    &investment::msg::kProjectNotFound,
    &investment::msg::kThisProjectNotFound,
    &investment::msg::kAdjustmentNotFound,
    &investment::msg::kInspectionPlanNotFound,
    &investment::msg::kInspectionNotFound,
    &investment::msg::kNoSuchYear,
    &investment::msg::kSourceCodeTaken,
    &investment::msg::kNoParentSource,
    &investment::msg::kChildSameLevel,
    &investment::msg::kNoSource,
    &investment::msg::kEnterProjectCode,
    &investment::msg::kEnterProjectName,
    &investment::msg::kChooseInvestor,
    &investment::msg::kEnterTotalInvestment,
    &investment::msg::kEnterYears,
    &investment::msg::kGroups,
    &investment::msg::kStatuses,
    &investment::msg::kTotalAboveZero,
    &investment::msg::kStartYearRange,
    &investment::msg::kEndBeforeStart,
    &investment::msg::kPercentRange,
    &investment::msg::kNoInvestorUnit,
    &investment::msg::kNoManagingUnit,
    &investment::msg::kNoLocationUnit,
    &investment::msg::kProjectCodeTaken,
    &investment::msg::kPlanYearRange,
    &investment::msg::kYearRange,
    &investment::msg::kEnterDecision,
    &investment::msg::kPeriodForm,
    &investment::msg::kMediumTermNegative,
    &investment::msg::kAssignedAboveZero,
    &investment::msg::kAdjustedNotZero,
    &investment::msg::kAtLeastOneMove,
    &investment::msg::kTargetRateRange,
    &investment::msg::kMilestonesOrder,
    &investment::msg::kMonthRange,
    &investment::msg::kMonthsOrder,
    &investment::msg::kCommitmentNegative,
    &investment::msg::kMoveAboveZero,
    &investment::msg::kSameProject,
    &investment::msg::kSourceMismatch,
    &investment::msg::kSourceNotFound,
    &investment::msg::kLevelMismatch,
    &investment::msg::kBelowDisbursed,
    &investment::msg::kAboveTotal,
    &investment::msg::kNotInMediumTerm,
    &investment::msg::kAboveMediumTerm,
    &investment::msg::kPaidBeforeYear,
    &investment::msg::kPaidAfterRegular,
    &investment::msg::kPaidAfterLast,
    &investment::msg::kPaidAboveZero,
    &investment::msg::kNoProjectCode,
    &investment::msg::kNoSourceCode,
    &investment::msg::kReportedInFuture,
    &investment::msg::kEnterMilestoneName,
    &investment::msg::kBottleneckKinds,
    &investment::msg::kEnterInspectionPlanName,
    &investment::msg::kNoLeadUnit,
    &investment::msg::kNoInspectionPlan,
    &investment::msg::kProjectNotOfInvestor,
    &investment::msg::kInspectionStatuses,
    &investment::msg::kKeyTrueFalse,
    &investment::msg::kKeyIsTrueFalse,
    &investment::msg::kRollupGroups,
    &investment::msg::kBasisOf,
    &investment::msg::kRollupBy,
    &investment::msg::kNothingPaidYet,
    &investment::msg::kNothingPaidLately,
    &investment::msg::kAboveThePace,
    &investment::msg::kOpenBottlenecks,
    &investment::msg::kBehindTheCity,
    &investment::msg::kForecastMethod,
};

TEST(CatalogueRooms, EachNewMessageHasBothLanguagesWithTheSameParameters) {
  std::set<std::string_view> keys;
  for (const MessageText* m : kNewMessages) {
    SCOPED_TRACE(std::string(m->key));
    EXPECT_TRUE(keys.insert(m->key).second) << "key declared twice";
    EXPECT_FALSE(m->vi.empty());
    EXPECT_FALSE(m->en.empty());
    // Only punctuation around parameters (" ({template})") reads the same in both.
    const bool words = std::regex_search(
        std::regex_replace(std::string(m->vi), std::regex(R"(\{\w+\})"), ""), std::regex("[a-z]"));
    if (words) EXPECT_NE(m->vi, m->en) << "English left as the Vietnamese";
    EXPECT_EQ(ParamsOf(m->vi), ParamsOf(m->en));
  }
}

// Investment's messages rendered as readers see them: money and counts grouped per language,
// years and dates as written, labels in the reader's language (registered by the feature).
TEST(CatalogueRooms, InvestmentMessagesInBothLanguages) {
  investment::RegisterInvestmentLabels();
  struct Case {
    const MessageText* text;
    MessageArgs args;
    std::string vi, en;
  };
  const Case cases[] = {
      {&investment::msg::kBelowDisbursed,
       {{"code", std::string("DA-1")}, {"disbursed", int64_t{1000}}, {"after", int64_t{999}}},
       "Dự án DA-1 đã giải ngân 1.000 đồng từ nguồn vốn này; kế hoạch vốn sau điều chỉnh (999 "
       "đồng) không được thấp hơn số đã giải ngân.",
       "Project DA-1 has disbursed VND 1,000 from this source; the capital plan after the "
       "adjustment (VND 999) cannot be lower than what was disbursed."},
      {&investment::msg::kPaidBeforeYear,
       {{"paid_on", std::string("01/05/2025")}, {"year", std::string("2026")}},
       "Ngày giải ngân 01/05/2025 trước năm kế hoạch 2026.",
       "The payment date 01/05/2025 is before the plan year 2026."},
      {&investment::msg::kAboveThePace,
       {{"millions", int64_t{12500}}, {"times", int64_t{3}}},
       "Phần kế hoạch còn lại cần giải ngân 12.500 triệu đồng mỗi tháng, gấp 3 lần tốc độ đã đạt.",
       "The rest of the plan needs VND 12,500 million disbursed a month, 3 times the pace "
       "reached."},
      {&investment::msg::kEnterField,
       {{"name", Label{"Mã nguồn vốn", ""}}},
       "Cần nhập Mã nguồn vốn.",
       "Source code is required."},
      {&investment::msg::kFieldMustBe,
       {{"name", Label{"Cấp ngân sách", ""}}, {"allowed", &investment::msg::kLevels}},
       "Cấp ngân sách phải là central hoặc local.",
       "Budget level must be central or local."},
      {&investment::msg::kMovesList,
       {{"max", int64_t{1000}}},
       "Các dòng điều chuyển vốn phải là một danh sách (tối đa 1.000 dòng).",
       "The capital moves must be a list (at most 1,000 rows)."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text->key));
    EXPECT_EQ(Render(*c.text, c.args, Lang::kVi), c.vi);
    EXPECT_EQ(Render(*c.text, c.args, Lang::kEn), c.en);
  }
}

}  // namespace
}  // namespace dh
