// The attachments' messages in both languages (core/message.h): what uploading, listing and
// reading a file answers when it cannot be done.
#pragma once

#include "core/message.h"

namespace dh::files::msg {

inline constexpr MessageText kNotAcceptedType{
    "files.not_accepted_type",
    "Chỉ nhận tệp PDF, Word, Excel, PowerPoint, OpenDocument, ảnh PNG/JPEG hoặc văn bản UTF-8; tệp "
    "này không thuộc loại nào trong số đó (kiểm tra theo nội dung, không theo tên tệp).",
    "Only PDF, Word, Excel, PowerPoint, OpenDocument files, PNG/JPEG images or UTF-8 text are "
    "accepted; this file is none of them (judged by its content, not by its name).",
};
// {why}: one of the k…Zip reasons below.
inline constexpr MessageText kZipRefused{
    "files.zip_refused",
    "Tệp nén này không được nhận: {why}. Chỉ nhận tài liệu Word, Excel, PowerPoint (.docx, .xlsx, "
    ".pptx) hoặc OpenDocument (.odt, .ods, .odp); hãy gửi riêng từng tài liệu.",
    "This compressed file is not accepted: {why}. Only Word, Excel, PowerPoint (.docx, .xlsx, "
    ".pptx) or OpenDocument (.odt, .ods, .odp) documents are accepted; send each document on its "
    "own.",
};
inline constexpr MessageText kZipEntryUnreadable{
    "files.zip_entry_unreadable",
    "một mục trong tệp nén không đọc được",
    "an entry of the compressed file cannot be read",
};
// {name}: the entry's name inside the compressed file.
inline constexpr MessageText kZipEncrypted{
    "files.zip_encrypted",
    "tệp nén có mục được mã hóa ({name})",
    "the compressed file has an encrypted entry ({name})",
};
inline constexpr MessageText kZipProgram{
    "files.zip_program",
    "tệp nén chứa chương trình {name}",
    "the compressed file holds the program {name}",
};
inline constexpr MessageText kZipMacro{
    "files.zip_macro",
    "tài liệu có macro ({name})",
    "the document has macros ({name})",
};
inline constexpr MessageText kZipEntryBroken{
    "files.zip_entry_broken",
    "mục {name} bị hỏng",
    "the entry {name} is damaged",
};
inline constexpr MessageText kZipBroken{
    "files.zip_broken",
    "tệp nén bị hỏng hoặc không đúng cấu trúc ZIP",
    "the compressed file is damaged or not a ZIP file",
};
inline constexpr MessageText kZipEmpty{
    "files.zip_empty",
    "tệp nén rỗng",
    "the compressed file is empty",
};
// {max}: the most entries a document may have.
inline constexpr MessageText kZipTooManyEntries{
    "files.zip_too_many_entries",
    "tệp nén có quá {max} mục",
    "the compressed file has more than {max} entries",
};
inline constexpr MessageText kZipNotDocument{
    "files.zip_not_document",
    "đây không phải tài liệu Office hay OpenDocument",
    "this is not an Office or OpenDocument document",
};
inline constexpr MessageText kZipWhichDocument{
    "files.zip_which_document",
    "không rõ đây là tài liệu Word, Excel hay PowerPoint",
    "it is not clear whether this is a Word, Excel or PowerPoint document",
};
inline constexpr MessageText kOwnerKind{
    "files.owner_kind",
    "owner_kind là directive hoặc task.",
    "owner_kind is directive or task.",
};
inline constexpr MessageText kChooseOwner{
    "files.choose_owner",
    "Chọn đối tượng đính kèm: owner_kind=directive hoặc task.",
    "Choose what the file is attached to: owner_kind=directive or task.",
};
inline constexpr MessageText kOwnerIdMissing{
    "files.owner_id_missing",
    "Thiếu owner_id của đối tượng đính kèm.",
    "The owner_id of what the file is attached to is missing.",
};
inline constexpr MessageText kEmptyFile{
    "files.empty_file",
    "Tệp rỗng; chọn lại tệp cần đính kèm.",
    "The file is empty; choose the file to attach again.",
};
// {max}: megabytes.
inline constexpr MessageText kFileTooLarge{
    "files.file_too_large",
    "Tệp lớn quá {max} MB.",
    "The file is larger than {max} MB.",
};
inline constexpr MessageText kAttachmentNotFound{
    "files.attachment_not_found",
    "Không tìm thấy tệp đính kèm.",
    "Attachment not found.",
};

}  // namespace dh::files::msg
