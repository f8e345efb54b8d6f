//! Word lists for demo data: bilingual company names, people, products. Invented; any
//! resemblance to real companies or people is accidental.

pub const CITIES: &[(&str, &str)] = &[
    ("上海", "华东"), ("杭州", "华东"), ("苏州", "华东"), ("南京", "华东"), ("北京", "华北"), ("天津", "华北"),
    ("广州", "华南"), ("深圳", "华南"), ("成都", "西南"), ("重庆", "西南"), ("武汉", "华中"), ("西安", "西北"),
    ("沈阳", "东北"), ("青岛", "华东"), ("厦门", "华南"),
];
pub const ZH_WORDS: &[&str] = &[
    "华信", "宏图", "远航", "博通", "鼎盛", "瑞丰", "恒达", "天成", "嘉禾", "星辰", "锦程", "卓越", "新锐", "众合", "同创", "开元",
    "智联", "海纳", "金桥", "长风",
];
pub const ZH_SUFFIXES: &[&str] = &["科技有限公司", "信息技术有限公司", "制造有限公司", "贸易有限公司", "医疗器械有限公司", "物流股份有限公司"];
pub const EN_WORDS: &[&str] = &[
    "Northwind", "Bluepeak", "Silverline", "Harbor", "Evergreen", "Crescent", "Summit", "Redwood", "Lighthouse", "Pioneer",
];
pub const EN_SUFFIXES: &[&str] = &["Trading Ltd.", "Technologies Inc.", "Logistics Co.", "Manufacturing GmbH", "Retail Pte. Ltd."];
pub const INDUSTRIES: &[&str] = &["制造业", "零售", "金融", "医疗", "教育", "物流", "能源", "政府", "互联网", "Manufacturing", "Retail", "Healthcare"];
pub const OWNERS: &[&str] = &["王磊", "李娜", "陈静", "赵强", "Emily Chen", "David Liu"];
pub const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "司马"];
pub const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "磊", "洋", "婷", "强", "军", "晓明", "佳怡", "子涵", "浩然"];
pub const EN_FIRST: &[&str] = &["James", "Olivia", "Michael", "Sophia", "Daniel", "Emma", "Lucas", "Grace"];
pub const EN_LAST: &[&str] = &["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clark", "Walker", "Young"];
pub const TITLES: &[&str] = &["采购经理", "IT总监", "总经理", "财务总监", "项目经理", "Procurement Manager", "CTO", "Operations Director"];
pub const COMPETITORS: &[&str] = &["", "", "金蝶", "用友", "Salesforce", "SAP", "纷享销客", "HubSpot"];

/// (product line, SKU prefix, unit, tax rate %, [(name, list price)])
pub const PRODUCT_LINES: &[(&str, &str, &str, u32, &[(&str, u32)])] = &[
    ("软件许可 Software", "SW", "套", 13, &[("CRM 标准版 Standard", 19800), ("CRM 专业版 Professional", 39800), ("CRM 旗舰版 Enterprise", 89800), ("BI 分析模块 Analytics", 25800), ("移动端插件 Mobile", 6800)]),
    ("云服务 Cloud", "CL", "用户/年", 6, &[("云订阅 标准 Cloud Standard", 1200), ("云订阅 高级 Cloud Premium", 2400), ("存储扩容 100GB", 800), ("API 调用包 API Pack", 3000)]),
    ("硬件 Hardware", "HW", "台", 13, &[("扫码枪 Barcode Scanner", 1280), ("手持终端 Handheld PDA", 3600), ("服务器 Server R740", 68000), ("标签打印机 Label Printer", 2300)]),
    ("实施服务 Services", "SV", "人天", 6, &[("实施顾问 Consultant", 2500), ("高级顾问 Senior Consultant", 4000), ("数据迁移 Data Migration", 30000), ("定制开发 Custom Dev", 3500)]),
    ("培训 Training", "TR", "场", 6, &[("管理员培训 Admin Training", 8000), ("用户培训 User Training", 5000), ("线上课程 e-Learning", 1500)]),
];
