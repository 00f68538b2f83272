"""The reports page's words, Chinese and English (added to the console's texts at import)."""

from __future__ import annotations

from hallq.server.console import texts

ZH = {
    "rep.title": "报表", "rep.period": "期间", "rep.day": "日", "rep.week": "周",
    "rep.month": "月", "rep.custom": "自定义", "rep.date": "日期", "rep.from": "从",
    "rep.to": "至", "rep.hour": "时段", "rep.show": "查询", "rep.export": "导出",
    "rep.csv": "导出 CSV",
    "rep.xlsx": "导出 Excel", "rep.days": "天", "rep.bad_period": "期间无效，已显示本月",
    "rep.issued": "取号", "rep.served": "办结", "rep.missed": "过号", "rep.cancelled": "取消",
    "rep.avg_wait": "平均等候", "rep.p90_wait": "90%等候", "rep.avg_service": "平均办理",
    "rep.target_rate": "限时办结率", "rep.rated": "评价数", "rep.satisfaction": "满意率",
    "rep.paused": "暂停", "rep.key": "编号", "rep.name": "名称",
    "rep.by_service": "按事项", "rep.by_window": "按窗口", "rep.by_clerk": "按人员",
    "rep.by_day": "按日", "rep.by_hour": "按时段", "rep.ranking": "服务之星排名",
    "rep.rank": "名次", "rep.score": "得分", "rep.formula": "计分公式",
    "rep.pauses": "暂停原因", "rep.reason": "原因", "rep.follow_ups": "差评跟进",
    "rep.fu.open": "待处理", "rep.fu.contacted": "已回访", "rep.fu.resolved": "已办结",
    "rep.fu.overdue": "已逾期", "rep.chart.hour": "各时段取号与平均等候",
    "rep.chart.trend": "每日趋势", "rep.chart.ratings": "评价分布",
    "rep.minutes": "分钟", "rep.none": "本期无数据", "rep.target_note":
        "限时办结率：办结件中窗口办理时间不超过该事项目标时长（target_minutes）的比例（6.1.3）",
    "rep.level5": "非常满意", "rep.level4": "满意", "rep.level3": "基本满意",
    "rep.level2": "不满意", "rep.level1": "非常不满意",
}
EN = {
    "rep.title": "Reports", "rep.period": "Period", "rep.day": "Day", "rep.week": "Week",
    "rep.month": "Month", "rep.custom": "Custom", "rep.date": "Date", "rep.from": "From",
    "rep.to": "To", "rep.hour": "Hour", "rep.show": "Show", "rep.export": "Export",
    "rep.csv": "Export CSV",
    "rep.xlsx": "Export Excel", "rep.days": "days",
    "rep.bad_period": "That period cannot be shown; this month instead",
    "rep.issued": "Issued", "rep.served": "Served", "rep.missed": "Missed",
    "rep.cancelled": "Cancelled", "rep.avg_wait": "Avg wait", "rep.p90_wait": "90% wait",
    "rep.avg_service": "Avg service", "rep.target_rate": "Within target",
    "rep.rated": "Ratings", "rep.satisfaction": "Satisfaction", "rep.paused": "Paused",
    "rep.key": "Id", "rep.name": "Name", "rep.by_service": "By service",
    "rep.by_window": "By window", "rep.by_clerk": "By clerk", "rep.by_day": "By day",
    "rep.by_hour": "By hour", "rep.ranking": "Service star ranking", "rep.rank": "Rank",
    "rep.score": "Score", "rep.formula": "Formula", "rep.pauses": "Pauses by reason",
    "rep.reason": "Reason", "rep.follow_ups": "Bad ratings' follow-up",
    "rep.fu.open": "Open", "rep.fu.contacted": "Contacted", "rep.fu.resolved": "Resolved",
    "rep.fu.overdue": "Overdue", "rep.chart.hour": "Arrivals and average wait by hour",
    "rep.chart.trend": "Daily trend", "rep.chart.ratings": "Ratings",
    "rep.minutes": "min", "rep.none": "Nothing in this period", "rep.target_note":
        "Within target: share of served tickets whose time at the window was within the "
        "service's target (target_minutes, 6.1.3)",
    "rep.level5": "Very satisfied", "rep.level4": "Satisfied", "rep.level3": "Fair",
    "rep.level2": "Dissatisfied", "rep.level1": "Very dissatisfied",
}
texts.add({"zh": ZH, "en": EN})
