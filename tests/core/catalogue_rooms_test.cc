// The messages the units' restructuring checks, the sheets' file checks and the sign-in and the
// accounts say (issue 9), each in both languages taking the same {parameters} (a few are rendered
// in catalogue_test.cc; ctest message_catalogue checks every message of src/ the same way from the
// sources, this one reads the compiled catalogue).
#include <gtest/gtest.h>

#include <functional>
#include <regex>
#include <set>
#include <string>

#include "auth/auth_messages.h"
#include "documents/document_messages.h"
#include "documents/docx_package.h"
#include "files/attachment.h"
#include "files/file_messages.h"
#include "sheets/sheet_messages.h"
#include "targets/period.h"
#include "targets/target_expression.h"
#include "targets/target_messages.h"
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
    // targets/target_messages.h
    &targets::msg::kOneOf,
    &targets::msg::kNotNumber,
    &targets::msg::kNumberTooLarge,
    &targets::msg::kFillIn,
    &targets::msg::kExpressionOrComparator,
    &targets::msg::kValuesArray,
    &targets::msg::kSplitList,
    &targets::msg::kSplitItem,
    &targets::msg::kSplitShareOrValue,
    &targets::msg::kTargetOrTask,
    &targets::msg::kExpectedValueOrDate,
    &targets::msg::kBadPeriod,
    &targets::msg::kExamples,
    &targets::msg::kExprBadNumber,
    &targets::msg::kExprNumberTooLarge,
    &targets::msg::kExprTail,
    &targets::msg::kExprUnitTooLong,
    &targets::msg::kExprComparedNeedsChange,
    &targets::msg::kExprPrefix,
    &targets::msg::kExprTwoComparisons,
    &targets::msg::kExprConnector,
    &targets::msg::kExprRangeAlone,
    &targets::msg::kExprRangeOrder,
    &targets::msg::kExprEmpty,
    &targets::msg::kExprTooLong,
    &targets::msg::kExprNoNumber,
    &targets::msg::kExprTooManyNumbers,
    &targets::msg::kExprBadUtf8,
    &targets::msg::kExprTwoValues,
    &targets::msg::kExprOneValue,
    &targets::msg::kExprBadValue,
    &targets::msg::kExprSmallFirst,
    &targets::msg::kExprBothWays,
    &targets::msg::kUnitTooLong,
    &targets::msg::kUnknownUnit,
    &targets::msg::kCannotSeeCatalogue,
    &targets::msg::kIndicatorNotFound,
    &targets::msg::kNoSuchComputation,
    &targets::msg::kOnlyOfficeAddsIndicator,
    &targets::msg::kOnlyOfficeEditsIndicator,
    &targets::msg::kSplitOutside,
    &targets::msg::kSplitShareRange,
    &targets::msg::kSplitOver,
    &targets::msg::kUnknownIndicator,
    &targets::msg::kOnlyOfficeSetsTarget,
    &targets::msg::kTargetNotFound,
    &targets::msg::kDuplicateIndicatorCode,
    &targets::msg::kDuplicateTarget,
    &targets::msg::kComputedIndicator,
    &targets::msg::kUnitNotInScope,
    &targets::msg::kReturnReason,
    &targets::msg::kValueNotFound,
    &targets::msg::kOnlyOfficeDecidesValue,
    &targets::msg::kValueAlreadyDecided,
    &targets::msg::kApprovedWord,
    &targets::msg::kReturnedWord,
    &targets::msg::kImportUnknownCode,
    &targets::msg::kImportComputed,
    &targets::msg::kImportBadValue,
    &targets::msg::kImportBadKind,
    &targets::msg::kDueDaysRange,
    &targets::msg::kDueOnOrDays,
    &targets::msg::kDuePassed,
    &targets::msg::kNoTaskExplanations,
    &targets::msg::kOnlyLeaderAsks,
    &targets::msg::kExplanationNotFound,
    &targets::msg::kOnlyAskedUnitAnswers,
    &targets::msg::kAlreadyAnswered,
    &targets::msg::kOnlyLeaderAccepts,
    &targets::msg::kAcceptOnlyAnswered,
    &targets::msg::kOnlyLeaderAsksAgain,
    &targets::msg::kAskAgainOnlyAnswered,
    &targets::msg::kStatusFilter,
    &targets::msg::kValueStateFilter,
    &targets::msg::kExplanationStateFilter,
    &targets::msg::kAboutFilter,
    &targets::msg::kWithinRange,
    &targets::msg::kReasonAchieved,
    &targets::msg::kReasonNotAchieved,
    &targets::msg::kReasonEstimateAchieved,
    &targets::msg::kReasonEstimateAtRisk,
    &targets::msg::kEstimateMark,
    &targets::msg::kReasonOnTrack,
    &targets::msg::kReasonAtRisk,
    &targets::msg::kPartAchieved,
    &targets::msg::kPartOverLimit,
    &targets::msg::kPartUsedCeiling,
    &targets::msg::kPartReachedPlan,
    &targets::msg::kWithinLimit,
    &targets::msg::kNeeded,
    &targets::msg::kOverLimit,
    &targets::msg::kNoValuesYet,
    &targets::msg::kNoPreviousOfficial,
    &targets::msg::kReadingRange,
    &targets::msg::kReadingCompare,
    &targets::msg::kWordGreater,
    &targets::msg::kWordAtLeast,
    &targets::msg::kWordLess,
    &targets::msg::kWordAtMost,
    &targets::msg::kWordEqual,
    &targets::msg::kReadingChange,
    &targets::msg::kIncrease,
    &targets::msg::kDecrease,
    &targets::msg::kChangeFromTo,
    &targets::msg::kChangeBy,
    &targets::msg::kChangeMore,
    &targets::msg::kChangeAtLeast,
    &targets::msg::kChangeLess,
    &targets::msg::kChangeAtMost,
    &targets::msg::kChangeExactly,
    // files/file_messages.h
    &files::msg::kNotAcceptedType,
    &files::msg::kZipRefused,
    &files::msg::kZipEntryUnreadable,
    &files::msg::kZipEncrypted,
    &files::msg::kZipProgram,
    &files::msg::kZipMacro,
    &files::msg::kZipEntryBroken,
    &files::msg::kZipBroken,
    &files::msg::kZipEmpty,
    &files::msg::kZipTooManyEntries,
    &files::msg::kZipNotDocument,
    &files::msg::kZipWhichDocument,
    &files::msg::kOwnerKind,
    &files::msg::kChooseOwner,
    &files::msg::kOwnerIdMissing,
    &files::msg::kEmptyFile,
    &files::msg::kFileTooLarge,
    &files::msg::kAttachmentNotFound,
    // documents/document_messages.h
    &documents::msg::kBadTemplate,
    &documents::msg::kTemplateTooLarge,
    &documents::msg::kTemplateNotDocx,
    &documents::msg::kTemplateMissingPart,
    &documents::msg::kTemplatePartTooLarge,
    &documents::msg::kTemplateTotalTooLarge,
    &documents::msg::kTemplateUnknownField,
    &documents::msg::kTemplateMarkerOutsideRow,
    &documents::msg::kTemplateTwoMarkers,
    &documents::msg::kTemplateUnknownList,
    &documents::msg::kTemplateDoctype,
    &documents::msg::kTemplateNotXml,
    &documents::msg::kTemplateUnreadable,
    &documents::msg::kTemplateFileTooLarge,
    &documents::msg::kNoTemplate,
    &documents::msg::kCannotReread,
    &documents::msg::kCannotMakePart,
    &documents::msg::kCannotAddPart,
    &documents::msg::kCannotMakeDocx,
    &documents::msg::kCannotWriteDocx,
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

// What the targets, the attachments and the documents answer, said in each language: the
// rooms' own refusals, with their parameters filled in (numbers as each language writes them).
struct SaidCase {
  const char* what;
  std::function<Status()> refuse;
  const char* vi;
  const char* en;
};

TEST(CatalogueRooms, TargetsFilesAndDocumentsSayTheirRefusalsInTheReadersLanguage) {
  const SaidCase kCases[] = {
      {"an expression without a number",
       [] { return targets::ReadTargetExpression("cao nhất").status(); },
       "Chỉ tiêu chưa có con số: hãy ghi như \"trên 95%\", \"7,5 – 8%\" hoặc \"≥ 1.000 căn\".",
       "The target has no number yet: write it as “trên 95%”, “7,5 – 8%” or “≥ 1.000 căn”."},
      {"a unit too long",
       [] {
         return targets::MakeTargetExpression(targets::Comparator::kGreater, {1},
                                              std::string(41, 'x'), false)
             .status();
       },
       "Đơn vị dài quá 40 ký tự.", "The unit is longer than 40 characters."},
      {"a period written wrong", [] { return targets::Period::Parse("Q2-2025").status(); },
       "Kỳ \"Q2-2025\" không đúng cách ghi: năm ghi 2024, quý ghi 2024-Q2, tháng ghi 2024-06.",
       "The period “Q2-2025” is not written correctly: a year is written 2024, a quarter 2024-Q2, "
       "a "
       "month 2024-06."},
      {"a broken zip", [] { return files::SniffMime("PK\x03\x04 broken").status(); },
       "Tệp nén này không được nhận: tệp nén bị hỏng hoặc không đúng cấu trúc ZIP. Chỉ nhận tài "
       "liệu "
       "Word, Excel, PowerPoint (.docx, .xlsx, .pptx) hoặc OpenDocument (.odt, .ods, .odp); hãy "
       "gửi "
       "riêng từng tài liệu.",
       "This compressed file is not accepted: the compressed file is damaged or not a ZIP file. "
       "Only "
       "Word, Excel, PowerPoint (.docx, .xlsx, .pptx) or OpenDocument (.odt, .ods, .odp) documents "
       "are accepted; send each document on its own."},
      {"a template too large",
       [] {
         return documents::BadTemplate(documents::msg::kTemplatePartTooLarge,
                                       {{"part", "word/document.xml"}, {"max", int64_t{2048}}});
       },
       "Mẫu văn bản (.docx) không dùng được: phần word/document.xml hỏng hoặc lớn hơn 2.048 MiB "
       "khi "
       "giải nén.",
       "The document template (.docx) cannot be used: the part word/document.xml is damaged or "
       "larger than 2,048 MiB uncompressed."},
  };
  for (const SaidCase& c : kCases) {
    SCOPED_TRACE(c.what);
    for (const auto& [lang, want] : {std::pair{Lang::kVi, c.vi}, std::pair{Lang::kEn, c.en}}) {
      ScopedLang in(lang);
      EXPECT_EQ(c.refuse().message(), want);
    }
  }
}

}  // namespace
}  // namespace dh
