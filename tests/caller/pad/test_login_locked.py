"""The clerk sees plainly, in Chinese or English, that log-in is locked after wrong PINs and
for how long (issue 15, point 2)."""

from __future__ import annotations

from hallq.server.domain.lockout import LockPolicy
from tests.caller.pad.conftest import Pad


def test_the_pad_says_the_log_in_is_locked_and_for_how_long(pad: Pad) -> None:
    pad.server.server.service.login_guard.policy = LockPolicy(attempts=3, first_lock_s=150)
    for pin in ("0000", "1111"):
        pad.idle()
        pad.log_in(pin=pin)
        pad.qtbot.waitUntil(lambda: pad.window.login.message.text() == "工号或密码错误")
        pad.window.login.message.setText("")
    pad.idle()
    pad.log_in(pin="2222")  # the third wrong PIN locks
    pad.qtbot.waitUntil(lambda: "登录已锁定" in pad.window.login.message.text())
    assert pad.window.login.message.text() == "密码错误次数过多，登录已锁定，请 3 分钟后再试"
    pad.session.t.set_language("en")
    pad.idle()
    pad.log_in(pin="3456")  # the right PIN, still locked
    pad.qtbot.waitUntil(lambda: "locked" in pad.window.login.message.text())
    assert pad.window.login.message.text() == (
        "Too many wrong PINs: log-in is locked; try again in 3 min")
    assert pad.get("/api/windows/3")["status"] == "closed"
