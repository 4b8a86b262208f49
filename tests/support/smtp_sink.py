"""An SMTP sink for the tests: aiosmtpd (Debian's python3-aiosmtpd) hands each message to
this handler, which saves it in a folder as <n>.eml (the bytes received) and <n>.json
(envelope: sender and recipients). Messages to an address that starts with "reject"
are refused with 550, so that tests can see a permanent failure.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.SaveToFolder FOLDER

(with this folder on PYTHONPATH).
"""
import json
import os
import threading


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("SaveToFolder takes one argument: the folder")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = len([f for f in os.listdir(self.folder) if f.endswith(".eml")]) + 1
            base = os.path.join(self.folder, "%05d" % n)
            # Write the envelope first and rename the message into place last, so that a
            # reader never sees half a message.
            with open(base + ".json", "w", encoding="utf-8") as f:
                json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
            with open(base + ".tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            os.rename(base + ".tmp", base + ".eml")
        return "250 Message accepted for delivery"
