"""The sample set: the seed's form filled for other departments, each varying one or two things.

Every variant is built by `consistent_spec`, so it should give no findings;
its stem says what it varies. Renditions name the LibreOffice conversions
`make_samples.py` adds beside the .docx.
"""

from __future__ import annotations

import dataclasses

from .build import Department, Org, consistent_spec
from .spec import ReportSpec, ScoreSheet

BUDGET_WORDING = (("income.fiscal", "一般公共预算拨款"), ("income.gov_fund", "政府性基金预算拨款"),
                  ("income.other", "其他收入"))
LONG_WORDING = (("income.fiscal", "一般公共预算财政\n拨款收入"), ("income.other", "其它收入"),
                ("three_public.vehicle_ops", "公务用车运行\n维护费"), ("total_row", "合  计"))
THREE_PUBLIC_WORDING = (("three_public.total", "“三公”经费合计"),
                        ("three_public.overseas", "因公出国（境）费"))

ALL = frozenset({"pdf", "doc", "lo.docx"})


def _dept(name: str, short: str, orgs: tuple[Org, ...], tasks: tuple[str, ...], **kw) -> Department:
    return Department(f"岳阳市岳阳楼区{name}", short, orgs, tasks, **kw)


def per_item_maxima(sheet: ScoreSheet) -> ScoreSheet:
    """经济/社会/生态效益 each with its own 分值 5 instead of one merged 15."""
    items = tuple(dataclasses.replace(i, max_score="5") if i.max_score in (None, "15") else i
                  for i in sheet.items)
    return dataclasses.replace(sheet, items=items)


ONE = (Org("机关", fiscal="186.40", personnel="142.35", public="44.05",
           three_public=("3.20", "2.10", None, None), in_use="35.80"),)

SEVERAL = (
    Org("机关", fiscal="320.56", personnel="210.30", public="60.26", project="50.00",
        three_public=("4.50", "6.20", "0", "0"), in_use="88.10"),
    Org("区教育事务中心", fiscal="145.20", other="4.80", personnel="120.00", public="30.00",
        three_public=("0.80", "1.20", "0", "0"), in_use="21.45"),
    Org("区教师发展中心", fiscal="98.75", personnel="80.15", public="18.60",
        three_public=("0.35", None, None, None), in_use="12.30"),
)

WITH_BALANCE = (Org("机关", fiscal="410.00", carryover="35.60", personnel="260.40", public="88.20",
                    project="80.00", three_public=("2.00", "3.50", None, "0"), in_use="60.00"),)

NEGATIVE_CURRENT = (Org("机关", fiscal="140.00", carryover="40.00", personnel="110.00",
                        public="30.00", project="20.00", three_public=("1.10", "0.90", None, None),
                        in_use="25.00"),)

LEASED = (Org("机关", fiscal="268.30", personnel="190.10", public="58.20", project="20.00",
              three_public=("1.50", "2.40", None, None), in_use="90.00", leased="10.00"),)

BIG = (
    Org("机关", fiscal="1280.45", gov_fund="350.00", personnel="820.30", public="210.15",
        project="600.00", three_public=("12.60", "18.40", "25.00", "0"), in_use="1520.80",
        other_assets="0"),
    Org("区城市管理监察大队", fiscal="2140.60", special="120.00", personnel="1510.20",
        public="300.40", project="450.00", three_public=("3.20", "22.80", None, None),
        in_use="860.25", other_assets="0"),
)


def _variants() -> list[tuple[str, ReportSpec, frozenset[str]]]:
    d = {
        "finance": _dept("财政局", "区财政局", ONE, ("组织预算编制", "推进预算绩效管理", "做好国库集中支付"),
                         feedback=(77, 73)),
        "education": _dept("教育局", "区教育局", SEVERAL, ("完成义务教育学校建设", "推进教师队伍建设", "落实学生资助政策"),
                           staff=(60, 55), total_row="last"),
        "health": _dept("卫生健康局", "区卫健局", ONE, ("开展基本公共卫生服务", "推进疫情防控", "完成家庭医生签约"),
                        feedback=(52, 50)),
        "civil": _dept("民政局", "区民政局", SEVERAL, ("落实城乡低保政策", "推进养老服务", "规范社会组织管理"),
                       staff=(48, 41), total_row="last"),
        "justice": _dept("司法局", "区司法局", ONE, ("开展普法宣传", "推进人民调解", "做好社区矫正"),
                         staff=(25, 25)),
        "stats": _dept("统计局", "区统计局", ONE, ("完成经济普查", "做好统计监测", "开展统计执法检查")),
        "housing": _dept("住房和城乡建设局", "区住建局", WITH_BALANCE, ("推进老旧小区改造", "加强建筑市场监管", "推进保障性住房建设"),
                         staff=(35, 30)),
        "agri": _dept("农业农村局", "区农业农村局", ONE, ("推进高标准农田建设", "落实耕地保护", "发展特色产业")),
        "culture": _dept("文化旅游广电体育局", "区文旅广体局", ONE, ("举办群众文化活动", "推进全域旅游", "做好文物保护")),
        "hrss": _dept("人力资源和社会保障局", "区人社局", ONE, ("开展职业技能培训", "促进高校毕业生就业", "推进社保扩面")),
        "audit": _dept("审计局", "区审计局", ONE, ("完成预算执行审计", "开展经济责任审计", "推进审计整改")),
        "market": _dept("市场监督管理局", "区市场监管局", SEVERAL, ("开展食品安全抽检", "推进商事制度改革", "加强特种设备监管"),
                        staff=(70, 66), total_row="first"),
        "city": _dept("城市管理和综合执法局", "区城管局", BIG, ("开展市容环境整治", "推进垃圾分类", "规范占道经营"),
                      staff=(150, 142)),
        "science": _dept("科学技术协会", "区科协", ONE, ("开展科普宣传", "组织科技活动周", "服务科技工作者"),
                         staff=(8, 7)),
        "archives": _dept("档案馆", "区档案馆", WITH_BALANCE, ("完成档案数字化", "接收进馆档案", "开展档案利用服务"),
                          staff=(12, 10)),
        "disabled": _dept("残疾人联合会", "区残联", NEGATIVE_CURRENT, ("落实残疾人两项补贴", "开展康复服务", "推进残疾人就业"),
                          staff=(10, 9)),
        "emergency": _dept("应急管理局", "区应急管理局", LEASED, ("开展安全生产检查", "推进应急预案演练", "做好防汛抗旱")),
        "veterans": _dept("退役军人事务局", "区退役军人事务局", ONE, ("落实优抚政策", "推进退役军人就业", "建设服务站"),
                          deductions=(("公务卡刷卡率", "1", "部分支出未使用公务卡"),
                                      ("支付进度", "1", "专项资金下达滞后"),
                                      ("推进全面小康建设指标任务完成情况", "2", "部分指标未完成"),
                                      ("社会公众或服务对象满意度", "3", "满意度90%"),
                                      ("资金使用合规性", "1", "存在不规范支出"))),
        "water": _dept("水利局", "区水利局", ONE, ("推进河长制", "完成水毁修复", "开展水土保持")),
        "women": _dept("妇女联合会", "区妇联", ONE, ("开展妇女维权", "推进家庭文明建设", "组织巾帼创业"),
                       staff=(9, 8),
                       deductions=(("公务卡刷卡率", "0", "未使用公务卡"),
                                   ("支付进度", "0", "专项资金未按进度下达"),
                                   ("推进全面小康建设指标任务完成情况", "1", "部分指标未完成"),
                                   ("建设湖南新增极目标任务完成情况", "3", "目标任务完成不足"),
                                   ("社会公众或服务对象满意度", "1", "满意度80%"),
                                   ("资金使用合规性", "0", "存在不规范支出"),
                                   ("重点支出安排率", "3", "重点支出安排率75%"),
                                   ("管理制度健全性", "2", "制度不完善"))),
        "youth": _dept("团委", "团区委", ONE, ("开展青年志愿服务", "推进青少年思想教育", "组织青年创业"),
                       staff=(6, 6)),
        "affairs": _dept("机关事务服务中心", "区机关事务中心", SEVERAL, ("保障机关运行", "推进公共机构节能", "管理公务用车"),
                         staff=(40, 38), total_row="last"),
    }
    one_sheet = dataclasses.replace(consistent_spec(d["housing"]).scores, split_before=None)
    inline = dataclasses.replace(consistent_spec(d["culture"]).scores, level1_style="inline")
    return [
        ("01-budget-wording", consistent_spec(d["finance"], labels=BUDGET_WORDING), ALL),
        ("02-several-orgs-total-last-thousands",
         consistent_spec(d["education"], number_style="thousands"), frozenset({"pdf", "lo.docx"})),
        ("03-yuan-in-title", consistent_spec(d["health"], unit="元"), frozenset({"pdf"})),
        ("04-yuan-unit-line-thousands",
         consistent_spec(d["civil"], unit="元", unit_style="line", number_style="thousands"),
         frozenset({"pdf"})),
        ("05-fullwidth-digits", consistent_spec(d["justice"], number_style="fullwidth"),
         frozenset({"pdf"})),
        ("06-separate-tables", consistent_spec(d["stats"], layout="separate_tables"), ALL),
        ("07-one-table-score-sheet", consistent_spec(d["housing"], scores=one_sheet),
         frozenset({"pdf"})),
        ("08-per-item-maxima", _with_sheet(consistent_spec(d["agri"]), per_item_maxima), frozenset()),
        ("09-level1-inline", consistent_spec(d["culture"], scores=inline), frozenset({"pdf"})),
        ("10-nested-table", consistent_spec(d["hrss"], features=frozenset({"nested_table"})), ALL),
        ("11-vertical-label", consistent_spec(d["audit"], features=frozenset({"vertical_label"})),
         frozenset({"pdf", "lo.docx"})),
        ("12-total-first-dash-blanks", consistent_spec(d["market"], blank="—"), frozenset({"pdf"})),
        ("13-several-orgs-no-total-hyphen", consistent_spec(d["city"], blank="-"), frozenset()),
        ("14-slash-blanks-three-public-wording",
         consistent_spec(d["science"], blank="/", labels=THREE_PUBLIC_WORDING), frozenset()),
        ("15-balances-stated", consistent_spec(d["archives"]), frozenset({"pdf"})),
        ("16-negative-current-balance", consistent_spec(d["disabled"]), frozenset({"pdf"})),
        ("17-leased-assets", consistent_spec(d["emergency"]), frozenset()),
        ("18-grade-good", consistent_spec(d["veterans"]), frozenset({"doc"})),
        ("19-long-wording-spaced-total", consistent_spec(d["water"], labels=LONG_WORDING),
         frozenset()),
        ("20-grade-medium", consistent_spec(d["women"]), frozenset()),
        ("21-fullwidth-thousands-yuan",
         consistent_spec(d["youth"], unit="元", number_style="fullwidth_thousands"), frozenset()),
        ("22-separate-tables-yuan-several-orgs",
         consistent_spec(d["affairs"], layout="separate_tables", unit="元", unit_style="line",
                         labels=BUDGET_WORDING + THREE_PUBLIC_WORDING),
         frozenset({"pdf", "doc"})),
    ]


def _with_sheet(spec: ReportSpec, change) -> ReportSpec:
    return dataclasses.replace(spec, scores=change(spec.scores))


VARIANTS: tuple[tuple[str, ReportSpec, frozenset[str]], ...] = tuple(_variants())
