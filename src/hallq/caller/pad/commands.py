"""What the clerk asks the server to do, and what the pad says when it is done."""

from __future__ import annotations

from typing import Any

from hallq.caller.pad.session import PadSession


class PadCommands:
    def __init__(self, session: PadSession) -> None:
        self.s = session
        self.t = session.t

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
    def _called(self, key: str) -> Any:
        def done(data: dict[str, Any]) -> None:
            ticket = data.get("ticket")
            self.s.set_current(ticket, ticket["id"] if ticket else None)
            if ticket is None:
                self.s.said.emit("error", self.t("no_waiting"))
            else:
                self._info(key, number=ticket["number"])
        return done

    def call_next(self) -> None:
        self.s.command("next", None, self._called("called"))

    def call_number(self, number: str) -> None:
        number = number.strip().upper()
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
        self.s.command("skip", None, self._ended("skipped"))

    def finish(self) -> None:
        self.s.command("finish", None, self._ended("finished"))

    def transfer(self, service: str) -> None:
        self.s.command("transfer", {"service": service},
                       self._ended("transferred", service=self.s.service_name(service)))

    def restore(self, number: str) -> None:
        number = number.strip().upper()
        ticket = next((t for t in self.s.missed if t["number"] == number), None)
        if ticket is None:
            self.s.said.emit("error", self.t("not_in_missed", number=number))
            return

        def done(data: dict[str, Any]) -> None:
            self._info("restored", number=data.get("number", number))
            self.s.refresh_missed()
        self.s.command("restore", None, done, path=f"/api/tickets/{ticket['id']}/restore")
