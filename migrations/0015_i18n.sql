-- Notices in their reader's language (issue 9): a notice stores the catalogue keys of its
-- title and body (core/message.h) and their parameters as a JSON object, and is rendered in
-- the reader's language when read (notifications/notice_text.h). The title and body columns
-- keep the Vietnamese text: notices written before this migration have no key and show as
-- stored. users.lang is the language a user last chose ('vi' / 'en'; NULL: none), which the
-- e-mails and the digest are written in.
ALTER TABLE notifications ADD COLUMN title_key TEXT;
ALTER TABLE notifications ADD COLUMN body_key TEXT;
ALTER TABLE notifications ADD COLUMN params TEXT;
ALTER TABLE users ADD COLUMN lang TEXT;
