"""The live hall's alarms on the console: the ``alarms`` part of the live panels (shown by
``live_alarms.html`` in their marked section, highlighted until each clears) and its words.
The alarms themselves are the service's (``service/alarm_watch.py``); ``alarm.raised`` and
``alarm.cleared`` events re-render the panels like any other event."""

from __future__ import annotations

from starlette.datastructures import State

from hallq import contract
from hallq.server.console import live, texts

texts.add({
    "zh": {"alarm.long_wait": "等候过久", "alarm.window_idle": "空窗",
           "alarm.long_service": "办理超时", "alarm.device_silent": "设备离线",
           "alarm.printer": "打印机", "alarm.for": "已持续", "alarm.count": "{n} 条告警"},
    "en": {"alarm.long_wait": "Long wait", "alarm.window_idle": "Idle window",
           "alarm.long_service": "Long service", "alarm.device_silent": "Device silent",
           "alarm.printer": "Printer", "alarm.for": "for", "alarm.count": "{n} alarms"},
})


def alarms_now(state: State) -> list[contract.Alarm]:
    """The raised alarms, the oldest first (blocking: the panels are built in the thread pool)."""
    found: list[contract.Alarm] = state.service.watch.alarms()
    return found


live.add_part("alarms", alarms_now)
