//! The columns of partner, rep and sales files: canonical names (the export header) and the
//! other headers an import accepts, in Chinese and English. Bank holder and number are
//! personal: their values are masked in error reports.

use crate::tabular::columns::Column;

const fn col(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, personal: false }
}

const fn pii(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column { name, aliases, personal: true }
}

pub const PARTNERS: &[Column] = &[
    col("code", &["编码", "渠道商编码", "经销商编码", "伙伴编码", "代码", "partner code", "partner_code", "partner id"]),
    col("name", &["名称", "渠道商名称", "经销商名称", "伙伴名称", "partner", "partner name"]),
    col("region", &["区域", "地区", "大区"]),
    col("level", &["级别", "层级", "渠道级别", "tier level"]),
    col("parent_code", &["上级", "上级编码", "上级渠道", "上级渠道商编码", "parent", "parent code", "parent partner"]),
    col("contract_start", &["合同开始", "合同开始日期", "合同起始日", "contract start", "contract from"]),
    col("contract_end", &["合同结束", "合同结束日期", "合同到期日", "contract end", "contract to"]),
    pii("bank_account_holder", &["开户名", "户名", "账户名称", "收款人", "account holder", "account name"]),
    pii("bank_account_number", &["银行账号", "账号", "收款账号", "account number", "bank account", "iban"]),
    col("bank_name", &["开户行", "开户银行", "银行", "bank"]),
];
pub const PARTNERS_REQUIRED: &[&[&str]] = &[&["code"], &["name"]];

pub const REPS: &[Column] = &[
    col("code", &["工号", "销售编码", "销售员编码", "rep code", "rep_code", "rep id"]),
    col("name", &["姓名", "销售姓名", "销售员", "rep", "rep name"]),
    col("month", &["月份", "期间", "period"]),
    col("quota", &["指标", "目标", "任务额", "销售目标", "target", "quota amount"]),
];
pub const REPS_REQUIRED: &[&[&str]] = &[&["code"], &["name"]];

pub const SALES: &[Column] = &[
    col("line_ref", &["行号", "明细编号", "单据行号", "销售单号", "单号", "line", "line id", "line ref", "reference", "invoice line"]),
    col("date", &["日期", "销售日期", "订单日期", "sale date", "order date"]),
    col("partner_code", &["渠道商编码", "经销商编码", "伙伴编码", "渠道编码", "渠道商", "partner", "partner code"]),
    col("parent_partner_code", &["上级渠道商编码", "上级编码", "parent partner", "parent code"]),
    col("rep_code", &["销售员", "销售代表", "业务员", "销售员编码", "rep", "sales rep", "rep code"]),
    col("customer", &["客户", "客户名称", "customer name"]),
    col("customer_type", &["客户类型", "客户类别", "customer type"]),
    col("product", &["产品", "产品名称", "product name"]),
    col("product_line", &["产品线", "product line"]),
    col("quantity", &["数量", "qty"]),
    col("amount", &["金额", "销售金额", "含税金额", "sales amount"]),
    col("discount", &["折扣", "折扣金额", "discount amount"]),
    col("cost", &["成本", "成本金额"]),
    col("currency", &["币种", "货币"]),
    col("invoice_status", &["开票状态", "发票状态", "invoice"]),
    col("invoiced_on", &["开票日期", "发票日期", "invoice date", "invoiced"]),
    col("payment_status", &["回款状态", "付款状态", "收款状态", "payment"]),
    col("paid_on", &["回款日期", "付款日期", "收款日期", "payment date", "paid date", "paid"]),
    col("services", &["服务", "增值服务", "服务项目"]),
    col("refund_of", &["原行号", "原单行号", "退货原单", "退款原单", "original line", "refund of", "return of"]),
];
pub const SALES_REQUIRED: &[&[&str]] = &[&["line_ref"], &["date"], &["partner_code"], &["amount"], &["currency"]];
