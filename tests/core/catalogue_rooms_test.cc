// The messages the units' restructuring checks, the sheets' file checks and the sign-in and the
// accounts say (issue 9), each in both languages taking the same {parameters} (a few are rendered
// in catalogue_test.cc; ctest message_catalogue checks every message of src/ the same way from the
// sources, this one reads the compiled catalogue).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "auth/auth_messages.h"
#include "conferences/conference_messages.h"
#include "petitions/petition_messages.h"
#include "sheets/sheet_messages.h"
#include "tasks/task_import_messages.h"
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

// The petitions', the conferences' and the task import's messages (issue 9, i18npc).
const MessageText* const kRoomMessages[] = {
    // petitions/petition_messages.h
    &petitions::msg::kRouteOnlyFiled,
    &petitions::msg::kForwardOnlyWithUnit,
    &petitions::msg::kReturnOnlyFiled,
    &petitions::msg::kNotAwaitingAnswer,
    &petitions::msg::kNoDraftToApprove,
    &petitions::msg::kResolveOnlyDirected,
    &petitions::msg::kRateOnlyAnswered,
    &petitions::msg::kReopenOnlyAnswered,
    &petitions::msg::kStepRefused,
    &petitions::msg::kPetitionNotFound,
    &petitions::msg::kNotAllowed,
    &petitions::msg::kEnterTitle,
    &petitions::msg::kTitleEmpty,
    &petitions::msg::kEnterContent,
    &petitions::msg::kChooseCategory,
    &petitions::msg::kCategoryNotListed,
    &petitions::msg::kUnknownCategory,
    &petitions::msg::kChannel,
    &petitions::msg::kChooseBusiness,
    &petitions::msg::kOwnBusinessOnly,
    &petitions::msg::kNoSuchSession,
    &petitions::msg::kOfficeChangesDue,
    &petitions::msg::kDueOnlyWithUnit,
    &petitions::msg::kNoAttaching,
    &petitions::msg::kEnterSessionTitle,
    &petitions::msg::kEnterHeldOn,
    &petitions::msg::kChooseHost,
    &petitions::msg::kHostOfficeOnly,
    &petitions::msg::kCannotRead,
    &petitions::msg::kSessionNotFound,
    &petitions::msg::kPeriodOrder,
    &petitions::msg::kCoordinatorTwice,
    &petitions::msg::kForwardReason,
    &petitions::msg::kForwardTooLate,
    &petitions::msg::kForwardOtherUnit,
    &petitions::msg::kReturnReason,
    &petitions::msg::kReturnNote,
    &petitions::msg::kReturnAuthority,
    &petitions::msg::kChooseDuplicate,
    &petitions::msg::kDuplicateAnswered,
    &petitions::msg::kEnterAnswer,
    &petitions::msg::kChooseOutcome,
    &petitions::msg::kChooseSatisfied,
    &petitions::msg::kUnsatisfiedReason,
    &petitions::msg::kReopenReason,
    &petitions::msg::kReopenedOnce,
    &petitions::msg::kPublishOnlyAnswered,
    &petitions::msg::kAlreadyPublished,
    &petitions::msg::kOfficeSpawnsTask,
    &petitions::msg::kHasTask,
    &petitions::msg::kRouteBeforeTask,
    &petitions::msg::kUnknownState,
    &petitions::msg::kUnknownTimeliness,
    &petitions::msg::kBucketNeedsPeriod,
    &petitions::msg::kBoardByUnit,
    // conferences/conference_messages.h
    &conferences::msg::kNotADelegateVoter,
    &conferences::msg::kOneBallotEach,
    &conferences::msg::kChooseChoice,
    &conferences::msg::kEnterVoteSubject,
    &conferences::msg::kChooseVoteRule,
    &conferences::msg::kChooseDocument,
    &conferences::msg::kBallotsOrTotals,
    &conferences::msg::kOpinionNotFound,
    &conferences::msg::kEnterOpinion,
    &conferences::msg::kOpinionTooLong,
    &conferences::msg::kChooseSection,
    &conferences::msg::kChooseRaisers,
    &conferences::msg::kNotADelegateRaiser,
    &conferences::msg::kReferActiveUnit,
    &conferences::msg::kNoDirectiveToRefer,
    &conferences::msg::kJustReferred,
    &conferences::msg::kDraftingUnitAnswers,
    &conferences::msg::kMergedAnswerThere,
    &conferences::msg::kReferredFollowTask,
    &conferences::msg::kMergeNotAllowed,
    &conferences::msg::kOpinionNotInConference,
    &conferences::msg::kNoSuchDraft,
    &conferences::msg::kNoDelegates,
    &conferences::msg::kNegativeVotes,
    &conferences::msg::kTooManyVotes,
    &conferences::msg::kRuleMajority,
    &conferences::msg::kRuleTwoThirds,
    &conferences::msg::kVoteOutcome,
    &conferences::msg::kPassed,
    &conferences::msg::kNotPassed,
    &conferences::msg::kChooseAnswerKind,
    &conferences::msg::kAnswerTooLong,
    &conferences::msg::kSayHowAccepted,
    &conferences::msg::kExplainWhy,
    &conferences::msg::kChooseReferredUnit,
    &conferences::msg::kEnterDueOn,
    &conferences::msg::kDueInPast,
    &conferences::msg::kChooseDuplicates,
    &conferences::msg::kKeptMerged,
    &conferences::msg::kSelfMerge,
    &conferences::msg::kOtherDocument,
    &conferences::msg::kAlreadyMerged,
    &conferences::msg::kAlreadyAnswered,
    &conferences::msg::kUnanswered,
    &conferences::msg::kConferenceNotFound,
    &conferences::msg::kEnterDraftTitle,
    &conferences::msg::kChooseDraftKind,
    &conferences::msg::kChooseDraftingUnit,
    &conferences::msg::kSectionEmpty,
    &conferences::msg::kEnterName,
    &conferences::msg::kChooseBody,
    &conferences::msg::kEnterStartsOn,
    &conferences::msg::kEnterEndsOn,
    &conferences::msg::kEndsBeforeStart,
    &conferences::msg::kTooManyDrafts,
    &conferences::msg::kSecretaryOnly,
    &conferences::msg::kNotForThisBody,
    &conferences::msg::kDirectiveOutOfScope,
    &conferences::msg::kEnterDelegateName,
    &conferences::msg::kChooseDelegateUnit,
    &conferences::msg::kSectionsList,
    &conferences::msg::kSectionIsName,
    &conferences::msg::kSectionTooLong,
    &conferences::msg::kDraftIsObject,
    &conferences::msg::kDraftsList,
    &conferences::msg::kBallotsList,
    &conferences::msg::kBallotShape,
    &conferences::msg::kDelegateInGroup,
    &conferences::msg::kNoDelegateNamed,
    &conferences::msg::kDelegatesNamedAlike,
    &conferences::msg::kNameTheDraft,
    &conferences::msg::kNoDraftNamed,
    &conferences::msg::kNoSectionNamed,
    // tasks/task_import_messages.h
    &tasks::msg::kImportUnitsAlike,
    &tasks::msg::kImportNoUnit,
    &tasks::msg::kImportUnitEnded,
    &tasks::msg::kImportEndedSince,
    &tasks::msg::kImportSuccessor,
    &tasks::msg::kImportTitleAdvice,
};

TEST(CatalogueRooms, PetitionsConferencesAndTheTaskImportSayEachMessageInBothLanguages) {
  std::set<std::string_view> keys;
  for (const MessageText* m : kNewMessages) keys.insert(m->key);
  for (const MessageText* m : kRoomMessages) {
    SCOPED_TRACE(std::string(m->key));
    EXPECT_TRUE(keys.insert(m->key).second) << "key declared twice";
    EXPECT_FALSE(m->vi.empty());
    EXPECT_FALSE(m->en.empty());
    EXPECT_NE(m->vi, m->en) << "English left as the Vietnamese";
    EXPECT_EQ(ParamsOf(m->vi), ParamsOf(m->en));
  }
}

// Numbers said as parameters: grouped per language; labels and nested messages in the reader's.
TEST(CatalogueRooms, PetitionsConferencesAndTheTaskImportRenderTheirParameters) {
  struct Case {
    const MessageText& text;
    MessageArgs args;
    std::string vi, en;
  };
  const Case cases[] = {
      {petitions::msg::kForwardTooLate,
       {{"days", int64_t{5}}},
       "Đã quá 5 ngày làm việc kể từ khi nhận kiến nghị: đơn vị phải trả lời hoặc báo văn phòng.",
       "More than 5 working days have passed since the petition was received: the unit must "
       "answer it or tell the office."},
      {conferences::msg::kTooManyVotes,
       {{"cast", int64_t{1501}}, {"delegates", int64_t{1500}}},
       "Tổng số phiếu tán thành, không tán thành và không biểu quyết (1.501) vượt quá tổng số "
       "đại biểu (1.500). Kiểm tra lại số phiếu.",
       "The votes in favour, against and abstaining (1,501) are more than all the delegates "
       "(1,500). Check the numbers of votes."},
      {conferences::msg::kVoteOutcome,
       {{"verdict", &conferences::msg::kNotPassed},
        {"in_favour", int64_t{999}},
        {"delegates", int64_t{1500}},
        {"percent", std::string("66,6 %")},
        {"against", int64_t{0}},
        {"abstain", int64_t{0}},
        {"needed", int64_t{1000}}},
       "Không thông qua: 999/1.500 đại biểu tán thành (66,6 %); không tán thành 0, không biểu "
       "quyết 0; cần ít nhất 1.000.",
       "Not passed: 999/1,500 delegates in favour (66,6 %); against 0, abstaining 0; at least "
       "1,000 needed."},
      {tasks::msg::kImportUnitsAlike,
       {{"n", int64_t{2}}, {"name", std::string("“Sở Xây dựng”")}, {"code", std::string("MA.SXD")}},
       "Có 2 đơn vị cùng tên “Sở Xây dựng”; ghi mã đơn vị (ví dụ MA.SXD) để phân biệt.",
       "2 units are named “Sở Xây dựng”; write the unit code (for example MA.SXD) to tell them "
       "apart."},
      {conferences::msg::kUnanswered,
       {{"n", int64_t{1200}}, {"round", int64_t{1}}, {"next", int64_t{2}}},
       "Còn 1.200 ý kiến của vòng 1 chưa được trả lời; trả lời hết trước khi mở vòng 2.",
       "1,200 opinions of round 1 are not answered yet; answer them all before opening round 2."},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(std::string(k.text.key));
    EXPECT_EQ(Render(k.text, k.args, Lang::kVi), k.vi);
    EXPECT_EQ(Render(k.text, k.args, Lang::kEn), k.en);
  }
}

}  // namespace
}  // namespace dh
