// The messages the units' restructuring checks, the sheets' file checks and the sign-in and the
// accounts say (issue 9), each in both languages taking the same {parameters} (a few are rendered
// in catalogue_test.cc; ctest message_catalogue checks every message of src/ the same way from the
// sources, this one reads the compiled catalogue).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "auth/auth_messages.h"
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

}  // namespace
}  // namespace dh
