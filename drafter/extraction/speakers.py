"""Speaker lines of minutes: "affiliation + position + name：topic" and "name（affiliation position）：topic"."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Position words, longest first so that 副理事长 wins over 理事长.
_POSITIONS = sorted({
    "理事长", "副理事长", "理事", "常务理事", "监事", "监事长", "秘书长", "副秘书长", "主任", "副主任", "执行主任", "执行副主任", "常务副主任",
    "院长", "副院长", "所长", "副所长", "司长", "副司长", "局长", "副局长", "处长", "副处长", "科长",
    "部长", "副部长", "厅长", "副厅长", "主席", "副主席", "会长", "副会长", "书记", "副书记", "委员",
    "常委", "市长", "副市长", "县长", "副县长", "区长", "副区长", "镇长", "乡长", "村长", "校长", "副校长",
    "馆长", "社长", "总编", "主编", "副主编", "总经理", "副总经理", "经理", "董事长", "董事", "总裁",
    "总工程师", "总规划师", "总经济师", "总师", "工程师", "高级工程师", "规划师", "建筑师", "经济师",
    "教授", "副教授", "讲师", "研究员", "副研究员", "助理研究员", "特聘研究员", "博士", "博士后", "博导",
    "院士", "学部委员", "巡视员", "一级巡视员", "二级巡视员", "调研员", "督察", "专员", "参事", "顾问",
    "首席专家", "首席科学家", "专家", "学者", "负责人", "代表", "组长", "副组长", "队长", "站长", "行长",
    "主管", "总监", "秘书", "干事", "助理", "院长助理", "主任助理", "副总",
}, key=len, reverse=True)
_POSITION = "|".join(map(re.escape, _POSITIONS))
_POSITION_START = re.compile(rf"^(?:原|前|时任|现任)?(?:[一二三四]级|常务|执行|首席|高级|资深|特聘|兼职)?(?:{_POSITION})")
_POSITION_ANY = re.compile(rf"(?:{_POSITION})")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,3}·[\u4e00-\u9fff]{1,6}$")
_LINE = re.compile(r"^(?P<who>[^：:。！？]{3,80})[：:](?P<topic>[^。！？]{0,80}[！？]?)$")
_NAME_FIRST = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})[（(](?P<who>[^（()）]{2,60})[）)]$")

_NOT_A_NAME = re.compile(r"会议|与会|认为|指出|强调|要求|表示|提出|介绍|汇报|说明|发言|讲话|主持|时间|地点|出席|列席|请假|缺席|记录|议题|内容|附件|主题|"
                         r"摘要|关键|来源|编辑|作者|日期|说明|备注|地址|电话|邮箱|注")


_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐"
    "易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管"
    "柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺"
    "楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸"
    "雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉"
    "植衡富尧闭由"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "长孙", "宇文",
                      "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "百里", "呼延")


def looks_like_name(name: str) -> bool:
    """A Chinese personal name: a common surname, two to four characters, not 们-plural."""
    if name.endswith("们") or not _NAME.match(name):
        return False
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES)


@dataclass(frozen=True)
class SpeakerLine:
    """The parts of a speaker line."""

    name: str
    affiliation: str | None
    position: str | None
    topic: str | None


def split_who(who: str) -> tuple[str | None, str | None]:
    """(affiliation, position) from "中国城镇化促进会副理事长、研究员" (either may be None)."""
    for index in range(len(who)):
        if index and _POSITION_START.match(who[index:]) and who[index - 1] not in "、，,":
            return who[:index].strip() or None, who[index:].strip() or None
    if _POSITION_START.match(who):
        return None, who
    return who or None, None


def parse_who(who: str) -> tuple[str, str | None, str | None] | None:
    """(name, affiliation, position) from the part before the colon, or None if it names no one."""
    who = who.strip()
    first = _NAME_FIRST.match(who)
    if first:
        if _NOT_A_NAME.search(first.group("name")) or not looks_like_name(first.group("name")):
            return None
        affiliation, position = split_who(first.group("who"))
        return first.group("name"), affiliation, position
    if _NAME.match(who):  # a bare name: it must read as one
        return None if _NOT_A_NAME.search(who) or not looks_like_name(who) else (who, None, None)
    last = None
    for found in _POSITION_ANY.finditer(who):
        last = found
    if last is None:
        return None
    name = who[last.end():].strip()
    if not _NAME.match(name) or _NOT_A_NAME.search(name):
        return None
    affiliation, position = split_who(who[:last.end()])
    return name, affiliation, position


def parse_speaker_line(text: str) -> SpeakerLine | None:
    """A minutes speaker line split into name, affiliation, position and topic; None if it is not one."""
    match = _LINE.match(text.strip())
    if not match:
        return None
    topic = match.group("topic").strip() or None
    if topic and len(topic) > 70:
        return None
    found = parse_who(match.group("who"))
    return SpeakerLine(*found, topic) if found else None


_REMARK = re.compile(r"^(?P<who>[^：:。！？，,；]{2,60})[：:](?P<rest>.+)$")


def parse_speaker_remark(text: str) -> tuple[SpeakerLine, str] | None:
    """A paragraph that opens with who spoke and runs on with the remark ("李某：我认为……。"), as a
    speaker without topic and the remark; None when the text after the colon reads as a topic."""
    match = _REMARK.match(text.strip())
    if not match or parse_speaker_line(text):
        return None
    rest = match.group("rest").strip()
    if not re.search(r"[。！？]", rest) and len(rest) <= 70:
        return None
    found = parse_who(match.group("who"))
    return (SpeakerLine(*found, None), rest) if found else None
