"""The words of the simulated bus window, in Chinese and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "模拟串口总线（演示）",
        "bus_config": "总线配置：{path}　线路：{url}",
        "strip": "大厅条屏",
        "window": "{id}号窗口",
        "led": "窗口屏",
        "keypad": "呼叫器",
        "rating": "评价器",
        "next": "下一位", "recall": "重呼", "skip": "过号",
        "finish": "办结", "pause": "暂停", "resume": "恢复",
        "score_1": "非常不满意", "score_2": "不满意", "score_3": "基本满意",
        "score_4": "满意", "score_5": "非常满意",
        "waiting_bridge": "● 等待桥接程序（hallq bridge）连接总线……",
        "bridge_talking": "● 桥接程序正在驱动总线设备",
    },
    "en": {
        "title": "Simulated serial bus (demo)",
        "bus_config": "Bus config: {path}   line: {url}",
        "strip": "Hall strip",
        "window": "Window {id}",
        "led": "Window screen",
        "keypad": "Keypad",
        "rating": "Rating",
        "next": "Next", "recall": "Recall", "skip": "Skip",
        "finish": "Finish", "pause": "Pause", "resume": "Resume",
        "score_1": "Very dissatisfied", "score_2": "Dissatisfied", "score_3": "Acceptable",
        "score_4": "Satisfied", "score_5": "Very satisfied",
        "waiting_bridge": "● Waiting for the bridge (hallq bridge) to drive the bus…",
        "bridge_talking": "● The bridge is driving the bus devices",
    },
}


def texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["zh"])
