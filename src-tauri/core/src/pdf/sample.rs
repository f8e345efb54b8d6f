//! A realistic sample quote (bilingual items, long descriptions, two tax rates) for the
//! Settings › PDF preview, the tests and the benchmarks. Amounts are consistent: each line is
//! quantity × unit price less its discount, and the totals add up (the words line is a fixed
//! example, not the spelled total).

use super::quote::{CustomerBlock, Letterhead, QuoteDocument, QuoteLine, Signatures, TaxLine, Totals};
use chrono::NaiveDate;
use rust_decimal::Decimal;

const ITEMS: &[(&str, &str, &str, i64, i64)] = &[
    ("SRV-2288H", "FusionServer 2288H V7 机架服务器（2×Xeon Gold 6430，512 GB 内存，8×1.92 TB SSD）", "台", 2, 128_000),
    ("LIC-ERP-ENT", "企业资源计划软件 企业版 年度订阅 Enterprise ERP subscription, 12 months, up to 200 named users", "套", 1, 86_000),
    ("SVC-INST", "现场安装与调试服务 On-site installation and commissioning", "人天", 6, 2_400),
    ("NET-S5735", "千兆以太网交换机 48 口 S5735-L48T4X 含 4 个万兆上行光口", "台", 4, 6_850),
    ("UPS-10K", "不间断电源 UPS 10kVA 在线式，含电池柜与 30 分钟后备电池", "台", 1, 18_600),
    ("CBL-CAT6A", "六类屏蔽网线 Cat6A S/FTP 305 m/箱", "箱", 10, 1_280),
    ("TRN-ADMIN", "系统管理员培训课程（门户、直连网关、骨干网配置）Administrator training", "人", 3, 3_500),
    ("SUP-GOLD", "金牌技术支持服务 Gold support 7×24, 4-hour response", "年", 1, 24_000),
];

fn money(yuan: i64) -> Decimal {
    Decimal::new(yuan * 100, 2)
}

/// A bilingual sample with `lines` line items (line 3 has a 10-line description).
pub fn sample_quote(lines: usize) -> QuoteDocument {
    let mut items = Vec::with_capacity(lines);
    let mut subtotal = Decimal::ZERO;
    for i in 0..lines {
        let (sku, desc, unit, qty, price) = ITEMS[i % ITEMS.len()];
        let discount_pct = if i % 3 == 1 { Decimal::new(10, 0) } else { Decimal::ZERO };
        let quantity = Decimal::from(qty + (i as i64 % 4));
        let unit_price = money(price);
        let gross = quantity * unit_price;
        let amount = (gross - gross * discount_pct / Decimal::ONE_HUNDRED).round_dp(2);
        subtotal += amount;
        let description = if i == 2 {
            (1..=10).map(|n| format!("第 {n} 项交付内容 Deliverable {n}: 门 直 骨 配置与验收")).collect::<Vec<_>>().join("\n")
        } else {
            desc.to_string()
        };
        items.push(QuoteLine {
            no: (i + 1) as u32,
            sku: format!("{sku}-{:03}", i + 1),
            description,
            unit: unit.to_string(),
            quantity,
            unit_price,
            discount_pct,
            amount,
        });
    }
    let discount = (subtotal * Decimal::new(2, 2)).round_dp(2);
    let net = subtotal - discount;
    // Goods at 13 %, services at 6 %: split the net 80/20 for the sample.
    let goods = (net * Decimal::new(8, 1)).round_dp(2);
    let tax13 = (goods * Decimal::new(13, 2)).round_dp(2);
    let tax6 = ((net - goods) * Decimal::new(6, 2)).round_dp(2);
    let total = net + tax13 + tax6;
    QuoteDocument {
        letterhead: Letterhead {
            company_name: "上海云图信息科技有限公司 Shanghai Yuntu Information Technology Co., Ltd.".into(),
            address: "上海市浦东新区张江高科技园区碧波路 690 号 3 号楼 5 层".into(),
            tax_number: "91310115MA1H7XXXX8".into(),
            bank_name: "招商银行上海张江支行".into(),
            bank_account: "1219 0888 8810 001".into(),
            phone: "+86 21 5080 1234".into(),
            logo: None,
        },
        customer: CustomerBlock {
            name: "北京华联智造科技股份有限公司".into(),
            address: "北京市海淀区中关村大街 27 号 1106 室".into(),
            contact_name: "王晓明 (Wang Xiaoming)".into(),
            phone: "+86 10 6253 8888".into(),
            email: "wang.xm@hualian-zz.example.cn".into(),
        },
        number: Some("Q-2026-0001-R2".into()),
        date: NaiveDate::from_ymd_opt(2026, 3, 15).unwrap_or_default(),
        valid_until: NaiveDate::from_ymd_opt(2026, 4, 0),
        currency: "CNY".into(),
        revision: 2,
        lines: items,
        totals: Totals {
            subtotal,
            discount,
            tax_lines: vec![TaxLine { rate_pct: Decimal::new(13, 0), amount: tax13 }, TaxLine { rate_pct: Decimal::new(6, 0), amount: tax6 }],
            total,
            tax_inclusive: false,
        },
        amount_in_words: "人民币壹万陆仟肆佰零玖元零贰分".into(),
        amount_in_words_en: Some("SAY CHINESE YUAN SIXTEEN THOUSAND FOUR HUNDRED NINE AND CENTS TWO ONLY".into()),
        terms: "1. 本报价有效期 30 天，自报价日期起算。This quotation is valid for 30 days from its date.\n\
                2. 付款方式：合同签订后支付 30% 预付款，到货验收后支付 70%。Payment: 30% on signing, 70% on acceptance.\n\
                3. 交货期：收到预付款后 4–6 周。Delivery: 4–6 weeks after the advance payment.\n\
                4. 以上价格含增值税，运费由卖方承担。Prices include VAT; freight is borne by the seller."
            .into(),
        signatures: Signatures::default(),
        watermark: None,
        ..QuoteDocument::default()
    }
}
