"""Messages kept in memory, shaped as Mailpit's API shapes them."""
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _new_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(22))


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _addresses(values) -> list[dict]:
    return [{"Name": name, "Address": addr} for name, addr in getaddresses(values) if addr]


def _content(part) -> str:
    """A text part's content; one in a charset Python does not know (a name a mailer made up)
    is read as UTF-8, its faults replaced. The message is kept, as a mail catcher keeps what it
    receives: it was refused at the SMTP exchange (500), and the target saw its mail fail."""
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        return (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
              "ol", "blockquote", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.links, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.out.append("\n")
        elif tag == "a":
            self.links.append((len(self.out), dict(attrs).get("href") or ""))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.out.append("\n")
        elif tag == "a" and self.links:
            start, href = self.links.pop()
            label = " ".join("".join(self.out[start:]).split())
            if href and not href.startswith("#") and label != href:
                self.out.append(f" ( {href} )")
            elif href and not label:
                self.out.append(href)

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(data)


def html_as_text(html: str) -> str:
    """The text of an HTML mail, its links' addresses after their labels, one line per block."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass
class StoredMessage:
    raw: bytes
    envelope_to: list[str]
    received: datetime
    id: str = field(default_factory=_new_id)
    read: bool = False

    def __post_init__(self):
        """Parsed once: a message never changes (but for `read`), and the email package parses a
        header again at each access (28 ms for one search among 300 messages, every search and
        listing of a run reading every message's headers)."""
        self.msg = BytesParser(policy=policy.default).parsebytes(self.raw)
        text = self.msg.get_body(preferencelist=("plain",))
        html = self.msg.get_body(preferencelist=("html",))
        self.html = _content(html)
        # A mail without a text part: its HTML as text, as Mailpit gives it (enmime turns the
        # HTML into text with html2text, a link written « label ( address ) »).
        self.text = _content(text) if text is not None or not self.html else html_as_text(self.html)
        self.subject = str(self.msg["Subject"] or "")
        self._addresses = {name: _addresses(self.msg.get_all(name, []))
                           for name in ("From", "To", "Cc", "Reply-To")}
        sender = self._from()
        hay = {  # what each kind of search term is looked for in (matches)
            "to": " ".join(f"{a['Name']} {a['Address']}" for a in self._addresses["To"])
                  + " " + " ".join(self.envelope_to),
            "from": f"{sender['Name']} {sender['Address']}",
            "subject": self.subject,
            "": f"{self.msg['Subject']} {self.text} {self.html} {self.msg['To']} {self.msg['From']}",
        }
        self._hay = {key: text.lower() for key, text in hay.items()}
        self._summary = self._summary_of()

    def _header_addresses(self, name):
        return list(self._addresses[name])

    def _from(self):
        found = self._header_addresses("From")
        return found[0] if found else {"Name": "", "Address": ""}

    def _date(self):
        try:
            return parsedate_to_datetime(self.msg["Date"])
        except (TypeError, ValueError):
            return self.received

    def summary(self) -> dict:
        return {**self._summary, "Read": self.read}

    def _summary_of(self) -> dict:
        snippet = " ".join(self.text.split())[:250]
        return {
            "ID": self.id,
            "MessageID": (self.msg["Message-ID"] or "").strip("<>"),
            "Read": self.read,
            "From": self._from(),
            "To": self._header_addresses("To"),
            "Cc": self._header_addresses("Cc"),
            "Bcc": [],
            "ReplyTo": self._header_addresses("Reply-To"),
            "Subject": self.subject,
            "Created": _rfc3339(self.received),
            "Username": "",
            "Tags": [],
            "Size": len(self.raw),
            "Attachments": 0,
            "Snippet": snippet,
        }

    def detail(self) -> dict:
        return {
            "ID": self.id,
            "MessageID": (self.msg["Message-ID"] or "").strip("<>"),
            "From": self._from(),
            "To": self._header_addresses("To"),
            "Cc": self._header_addresses("Cc"),
            "Bcc": [],
            "ReplyTo": self._header_addresses("Reply-To"),
            "ReturnPath": str(self.msg["Return-Path"] or "").strip("<>"),
            "Subject": self.subject,
            "ListUnsubscribe": {"Header": "", "Links": [], "Errors": "", "HeaderPost": ""},
            "Date": _rfc3339(self._date()),
            "Tags": [],
            "Username": "",
            "Text": self.text,
            "HTML": self.html,
            "Size": len(self.raw),
            "Inline": [],
            "Attachments": [],
        }

    def headers(self) -> dict:
        out: dict[str, list[str]] = {}
        for name, value in self.msg.items():
            out.setdefault(name, []).append(str(value))
        return out

    def matches(self, query: str) -> bool:
        """Mailpit's search, the part the harness uses: `to:`, `from:`, `subject:` and free
        words, each a case-insensitive substring; all terms must match."""
        for term in _terms(query):
            key, sep, value = term.partition(":")
            value = value.lower()
            if not (sep and key in ("to", "from", "subject")):
                key, value = "", term.lower()
            if value not in self._hay[key]:
                return False
        return True


def _terms(query: str) -> list[str]:
    terms, current, quoted = [], "", False
    for ch in query:
        if ch == '"':
            quoted = not quoted
        elif ch.isspace() and not quoted:
            if current:
                terms.append(current)
            current = ""
        else:
            current += ch
    if current:
        terms.append(current)
    return terms


class Store:
    def __init__(self):
        self._lock = threading.Lock()
        self._messages: list[StoredMessage] = []  # oldest first

    def add(self, raw: bytes, envelope_to: list[str]) -> StoredMessage:
        message = StoredMessage(raw, envelope_to, datetime.now(timezone.utc))
        with self._lock:
            self._messages.append(message)
        return message

    def newest_first(self, query: str | None = None) -> list[StoredMessage]:
        with self._lock:
            found = list(reversed(self._messages))
        if query:
            found = [m for m in found if m.matches(query)]
        return found

    def get(self, message_id: str) -> StoredMessage | None:
        with self._lock:
            for m in self._messages:
                if m.id == message_id:
                    return m
        return None

    def delete(self, ids: list[str] | None = None) -> None:
        with self._lock:
            if ids is None:
                self._messages.clear()
            else:
                wanted = set(ids)
                self._messages = [m for m in self._messages if m.id not in wanted]

    def count(self) -> tuple[int, int]:
        with self._lock:
            return len(self._messages), sum(1 for m in self._messages if not m.read)
