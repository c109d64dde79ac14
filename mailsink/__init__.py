"""The embedded mail sink: SMTP in (aiosmtpd), the Mailpit REST API v1 subset the harness uses out.

Started in its own process by the harness when no Mailpit URL is given, so that the harness has one
client path, Mailpit's API, whatever catches the mail.
"""
