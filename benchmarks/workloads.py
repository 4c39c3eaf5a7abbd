"""The benchmark workloads, generated procedurally (same seed → same text).

* ``speech``: a ~6,000-character speech of ~45 paragraphs (title block, opening, three
  numbered sections with run-in level-2 items, points, closing);
* ``report``: a ~64,000-character report-like document of ~355 paragraphs, written as a
  speech with sections four levels deep (一、 （一） 1. （1）);
* ``batch``: 100 different speeches of the ``speech`` shape.

The Chinese text is assembled at random from generic office-prose phrases written for this
script; no sentence comes from any real document.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

OPENERS = ["从全局出发", "立足当前", "着眼长远", "结合本地实际", "对照年度目标", "在新的起点上",
           "面对新形势新任务", "围绕中心工作", "按照统一部署", "针对短板弱项"]
SUBJECTS = ["各级各部门", "我们", "全系统", "各单位", "广大干部职工", "相关部门", "基层一线",
            "领导班子", "牵头单位", "各工作专班"]
VERBS = ["要坚持", "必须把握", "要着力推进", "要统筹抓好", "要持续深化", "要切实加强", "要扎实做好",
         "要不断完善", "要加快健全", "要认真落实"]
OBJECTS = ["规划引领", "制度建设", "作风建设", "风险防控", "服务保障", "资源配置", "数据共享",
           "队伍建设", "基础设施", "公共服务", "审批改革", "监督检查", "项目管理", "要素保障",
           "应急处置", "绩效考核", "信息公开", "协同联动"]
TAILS = ["确保各项任务落到实处", "形成上下联动的工作格局", "不断提升群众满意度", "推动工作取得新成效",
         "为高质量发展提供有力支撑", "切实把好事办好、实事办实", "做到底数清、情况明", "以钉钉子精神抓好落实",
         "把制度优势转化为治理效能", "让改革成果更多惠及群众"]
HEAD_VERBS = ["突出", "强化", "深化", "聚焦", "健全", "优化", "狠抓", "提升"]
HEAD_GOALS = ["水平", "能力", "机制", "成效", "质量", "体系"]
NAMES = ["王平", "李明", "张华", "刘洋", "陈静", "杨帆", "赵磊", "周敏"]


def sentence(rng: random.Random) -> str:
    """One sentence of generic office prose."""
    a, b = rng.sample(OBJECTS, 2)
    return f"{rng.choice(OPENERS)}，{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{a}和{b}，{rng.choice(TAILS)}。"


def paragraph(rng: random.Random, chars: int) -> str:
    """A paragraph of about ``chars`` characters."""
    text = ""
    while len(text) < chars:
        text += sentence(rng)
    return text


def heading(rng: random.Random) -> str:
    """A two-clause heading such as 突出规划引领，提升公共服务水平."""
    a, b = rng.sample(OBJECTS, 2)
    first, second = rng.sample(HEAD_VERBS, 2)
    return f"{first}{a}，{second}{b}{rng.choice(HEAD_GOALS)}"


def short_heading(rng: random.Random) -> str:
    """A one-clause heading."""
    return f"{rng.choice(HEAD_VERBS)}{rng.choice(OBJECTS)}{rng.choice(HEAD_GOALS)}"


def _front(rng: random.Random, number: int) -> dict[str, Any]:
    return {
        "kind": "speech",
        "title": f"{heading(rng)}（第{number}号）",
        "subtitle": f"在全市{rng.choice(OBJECTS)}工作会议上的讲话",
        "speaker": rng.choice(NAMES),
        "date": dt.date(2025, 1 + number % 12, 1 + number % 28),
        "salutation": "同志们",
    }


def speech(number: int = 1) -> dict[str, Any]:
    """A ~6,000-character speech of ~45 paragraphs (outline data for ``kind: speech``)."""
    rng = random.Random(number)
    outline = _front(rng, number)
    outline["opening"] = [paragraph(rng, 200), paragraph(rng, 150)]
    sections = []
    for index in range(3):
        subsections = []
        for sub in range(3):
            item: dict[str, Any] = {"heading": short_heading(rng),
                                    "paragraphs": [paragraph(rng, 165) for _ in range(3)]}
            if sub == 1 and index != 1:
                item["points"] = [f"{rng.choice(VERBS)[1:]}{o}" for o in rng.sample(OBJECTS, 3)]
            subsections.append(item)
        sections.append({"heading": heading(rng), "paragraphs": [paragraph(rng, 150)],
                         "sections": subsections})
    outline["sections"] = sections
    outline["closing"] = [paragraph(rng, 90), "谢谢大家！"]
    return outline


def report(number: int = 1) -> dict[str, Any]:
    """A ~64,000-character report-like document of ~355 paragraphs, sections four levels deep."""
    rng = random.Random(10_000 + number)
    outline = _front(rng, number)
    outline["opening"] = [paragraph(rng, 220) for _ in range(5)]
    sections = []
    for _level1 in range(4):
        level2 = []
        for _ in range(4):
            level3 = []
            for _ in range(3):
                level4 = [{"heading": short_heading(rng), "inline": True,
                           "paragraphs": [paragraph(rng, 200) for _ in range(2)]} for _ in range(2)]
                level3.append({"heading": short_heading(rng), "paragraphs": [paragraph(rng, 200)],
                               "sections": level4})
            level2.append({"heading": heading(rng), "inline": False,
                           "paragraphs": [paragraph(rng, 200) for _ in range(2)], "sections": level3})
        sections.append({"heading": heading(rng), "paragraphs": [paragraph(rng, 200)], "sections": level2})
    outline["sections"] = sections
    outline["closing"] = [paragraph(rng, 160), "谢谢大家！"]
    return outline


def batch(count: int = 100) -> list[dict[str, Any]]:
    """``count`` different speeches."""
    return [speech(1000 + n) for n in range(count)]
