"""What the clerk asks the server to do, and what the pad says when it is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hallq.caller.pad.session import PadSession


def typed_number(text: str) -> str:
    """A ticket number as a clerk types it: "c1" and "C01" mean C001 (numbers are padded to
    three digits, as the server prints them)."""
    text = text.strip().upper()
    letters = text.rstrip("0123456789")
    digits = text[len(letters):]
    if letters.isalpha() and digits:
        return f"{letters}{int(digits):03d}"
    return text


class PadCommands:
    def __init__(self, session: PadSession) -> None:
        self.s = session
        self.t = session.t
        self.last_skipped = ""  # the no-show that "撤销过号" would undo

    def _info(self, key: str, **values: object) -> None:
        self.s.said.emit("info", self.t(key, **values))

    # ---- the shift -----------------------------------------------------------------------
    def login(self, clerk: str, pin: str) -> None:
        if not clerk.strip() or not pin:
            self.s.said.emit("error", self.t("fill_login"))
            return

        def done(window: dict[str, Any]) -> None:
            self.s.set_window(window)
            self._info("logged_in", clerk=(window.get("clerk") or {}).get("name", clerk))
            self.s.refresh_today()
            self.s.refresh_missed()
        self.s.command("login", {"clerk": clerk.strip(), "pin": pin}, done)

    def logout(self) -> None:
        self._window_command("logout", None, "logged_out")

    def pause(self, reason: str) -> None:
        self._window_command("pause", {"reason": reason}, "paused", reason=reason)

    def resume(self) -> None:
        self._window_command("resume", None, "resumed")

    def _window_command(self, verb: str, body: dict[str, Any] | None, said: str,
                        **values: str) -> None:
        """A command answered with the window: show its new state, then say ``said``."""
        def done(window: dict[str, Any]) -> None:
            self.s.set_window(window)
            self._info(said, **values)
        self.s.command(verb, body, done)

    # ---- tickets -------------------------------------------------------------------------
    def _called(self, key: str, previous: str = "") -> Any:
        """``previous``: the ticket being served when F1 was pressed (the server finishes it)."""
        def done(data: dict[str, Any]) -> None:
            ticket = data.get("ticket")
            self.s.set_current(ticket, ticket["id"] if ticket else None)
            if ticket is None and previous:
                self._info("finished_none", previous=previous)
            elif ticket is None:
                self.s.said.emit("error", self.t("no_waiting"))
            elif previous:
                self._info("finished_called", previous=previous, number=ticket["number"])
            else:
                self._info(key, number=ticket["number"])
        return done

    def call_next(self) -> None:
        previous = str((self.s.current or {}).get("number") or "")
        self.s.command("next", None, self._called("called", previous))

    def call_number(self, number: str) -> None:
        number = typed_number(number)
        if not number:
            self.s.said.emit("error", self.t("number_needed"))
            return
        self.s.command("call", {"number": number}, self._called("called"))

    def recall(self) -> None:
        self.s.command("recall", None, self._called("recalled"))

    def _ended(self, key: str, **more: object) -> Any:
        def done(data: dict[str, Any]) -> None:
            ticket = data.get("ticket") or {}
            self.s.set_current(None, ticket.get("id"))
            self._info(key, number=ticket.get("number", ""), **more)
        return done

    def skip(self) -> None:
        def done(data: dict[str, Any]) -> None:
            ticket = data.get("ticket") or {}
            self.last_skipped = str(ticket.get("number") or "")
            self._ended("skipped")(data)
            self.s.skipUndoable.emit(self.last_skipped)
        self.s.command("skip", None, done)

    def undo_skip(self) -> None:
        """The ticket just marked as a no-show is served here again (its citizen came)."""
        number = self.last_skipped
        if not number or self.s.current is not None:
            return
        self.last_skipped = ""
        self.s.skipUndoable.emit("")

        def done(data: dict[str, Any]) -> None:
            ticket = data.get("ticket")
            self.s.set_current(ticket, ticket["id"] if ticket else None)
            self._info("skip_undone", number=number)
        self.s.command("call", {"number": number}, done)

    def finish(self) -> None:
        self.s.command("finish", None, self._ended("finished"))

    def transfer(self, service: str) -> None:
        self.s.command("transfer", {"service": service},
                       self._ended("transferred", service=self.s.service_name(service)))

    def change_pin(self, old: str, new: str, again: str, then: Callable[[], None]) -> None:
        """Ask the server to change the logged-in clerk's PIN; ``then`` once it is changed."""
        if not old or not new:
            self.s.said.emit("error", self.t("error_bad_new_pin"))
            return
        if new != again:
            self.s.said.emit("error", self.t("pin_mismatch"))
            return

        def done(_window: dict[str, Any]) -> None:
            self._info("pin_changed")
            then()
        self.s.command("pin", {"pin": old, "new_pin": new}, done)

    def restore(self, number: str) -> None:
        number = typed_number(number)
        ticket = next((t for t in self.s.missed if t["number"] == number), None)
        if ticket is None:
            self.s.said.emit("error", self.t("not_in_missed", number=number))
            return

        def done(data: dict[str, Any]) -> None:
            self._info("restored", number=data.get("number", number))
            self.s.refresh_missed()
        self.s.command("restore", None, done, path=f"/api/tickets/{ticket['id']}/restore")
