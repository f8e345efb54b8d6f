//! 大写金额 per the PBOC 《正确填写票据和结算凭证的基本规定》: 人民币 prefix, 壹拾 for a leading
//! ten, one 零 for any run of zeros, 零 mandatory after 元 when 角 is zero and 分 is not, 整
//! after 元 (optional after 角, never after 分), and the optional 零 when a run of zeros ends at
//! the 元 or 万 place and the next digit is not zero. The rule names only 万 and 元; the same
//! choice is applied to the 亿 and 万亿 places, the other section ends. Amounts under one yuan
//! start at the first non-zero digit (人民币伍分), zero is 人民币零元整.
//!
//! Invariants (checked by the property test in tests.rs): only the allowed characters, never two
//! 零 in a row, never a trailing 零, never 整 after 分.

use super::{YuanChar, ZhOptions};

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_SECTION: [&str; 4] = ["", "拾", "佰", "仟"];
/// Digit positions counted from 分 (0): 角 is 1, 元 is 2, 万 is 6, 亿 is 10, 万亿 is 14.
const POSITIONS: usize = 18;

/// `fen` must be below 10^18 (checked by the caller).
pub(super) fn write(fen: u64, opts: &ZhOptions) -> String {
    let yuan_char = match opts.yuan_char {
        YuanChar::Yuan => '元',
        YuanChar::Round => '圆',
    };
    let mut out = String::from("人民币");
    if fen == 0 {
        out.push('零');
        out.push(yuan_char);
        out.push('整');
        return out;
    }
    let mut digits = [0_usize; POSITIONS];
    let mut rest = fen;
    for d in digits.iter_mut() {
        *d = (rest % 10) as usize;
        rest /= 10;
    }
    let yuan = fen / 100;
    let mut written = false;
    let mut zeros = false;
    for i in (0..POSITIONS).rev() {
        let d = digits[i];
        if d == 0 {
            zeros |= written;
        } else {
            if zeros {
                // The run of zeros ends at position i + 1: optional only at a section end
                // (元, 万, 亿, 万亿) followed by a non-zero digit.
                let optional = matches!(i + 1, 2 | 6 | 10 | 14);
                if !optional || opts.optional_zero {
                    out.push('零');
                }
                zeros = false;
            }
            out.push(DIGITS[d]);
            out.push_str(match i {
                0 => "分",
                1 => "角",
                _ => IN_SECTION[(i - 2) % 4],
            });
            written = true;
        }
        match i {
            14 if (yuan / 1_000_000_000_000) % 10_000 != 0 => out.push('万'),
            10 if yuan / 100_000_000 != 0 => out.push('亿'),
            6 if (yuan / 10_000) % 10_000 != 0 => out.push('万'),
            2 if yuan != 0 => out.push(yuan_char),
            _ => {}
        }
    }
    if digits[0] == 0 && (digits[1] == 0 || opts.zheng_after_jiao) {
        out.push('整');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{YuanChar, ZhOptions};
    use super::write;

    /// `amount` in fen with the default options.
    fn zh(fen: u64) -> String {
        write(fen, &ZhOptions::default())
    }

    fn zh_optional_zero(fen: u64) -> String {
        write(fen, &ZhOptions { optional_zero: true, ..ZhOptions::default() })
    }

    #[test]
    fn a_leading_ten_is_written_yi_shi() {
        assert_eq!(zh(1_000), "人民币壹拾元整");
        assert_eq!(zh(1_500), "人民币壹拾伍元整");
        assert_eq!(zh(10_000_000), "人民币壹拾万元整");
        assert_eq!(zh(10_001_000), "人民币壹拾万零壹拾元整", "a ten after a zero keeps its 壹 too");
    }

    #[test]
    fn zheng_follows_yuan_when_there_are_no_jiao_or_fen() {
        assert_eq!(zh(10_000), "人民币壹佰元整");
        assert_eq!(zh(0), "人民币零元整");
    }

    #[test]
    fn zheng_after_jiao_is_an_option_and_never_follows_fen() {
        assert_eq!(zh(150), "人民币壹元伍角");
        assert_eq!(write(150, &ZhOptions { zheng_after_jiao: true, ..ZhOptions::default() }), "人民币壹元伍角整");
        assert_eq!(write(155, &ZhOptions { zheng_after_jiao: true, ..ZhOptions::default() }), "人民币壹元伍角伍分");
        assert_eq!(zh(105), "人民币壹元零伍分");
    }

    #[test]
    fn amounts_under_one_yuan_start_at_the_first_digit() {
        assert_eq!(zh(5), "人民币伍分");
        assert_eq!(zh(50), "人民币伍角");
        assert_eq!(zh(53), "人民币伍角叁分");
        assert_eq!(zh(3), "人民币叁分");
    }

    #[test]
    fn a_run_of_zeros_in_the_middle_writes_one_ling() {
        assert_eq!(zh(600_714), "人民币陆仟零柒元壹角肆分");
        assert_eq!(zh(140_950), "人民币壹仟肆佰零玖元伍角");
        assert_eq!(zh(100_000_100), "人民币壹佰万零壹元整");
        assert_eq!(zh(10_000_000_100), "人民币壹亿零壹元整");
        assert_eq!(zh(10_070_000), "人民币壹拾万零柒佰元整", "the run ends at 佰, not at a section end");
    }

    #[test]
    fn ling_after_yuan_is_mandatory_when_jiao_is_zero_and_fen_is_not() {
        assert_eq!(zh(1_640_902), "人民币壹万陆仟肆佰零玖元零贰分");
        assert_eq!(zh(32_504), "人民币叁佰贰拾伍元零肆分");
        assert_eq!(zh(10_005), "人民币壹佰元零伍分", "a run through 元 and 角 still writes one 零");
        assert_eq!(zh_optional_zero(10_005), "人民币壹佰元零伍分");
    }

    #[test]
    fn the_ling_at_the_wan_or_yuan_place_is_optional() {
        assert_eq!(zh(10_700_053), "人民币壹拾万柒仟元伍角叁分");
        assert_eq!(zh_optional_zero(10_700_053), "人民币壹拾万零柒仟元零伍角叁分");
        assert_eq!(zh(168_032), "人民币壹仟陆佰捌拾元叁角贰分");
        assert_eq!(zh_optional_zero(168_032), "人民币壹仟陆佰捌拾元零叁角贰分");
        assert_eq!(zh(10_000_700_000), "人民币壹亿柒仟元整", "万 and the run ending at it are skipped");
        assert_eq!(zh_optional_zero(10_000_700_000), "人民币壹亿零柒仟元整");
        assert_eq!(zh(107_000_000_000), "人民币壹拾亿柒仟万元整", "the same choice at the 亿 place");
        assert_eq!(zh_optional_zero(107_000_000_000), "人民币壹拾亿零柒仟万元整");
    }

    #[test]
    fn optional_zero_changes_nothing_where_no_zero_run_ends_at_a_section() {
        for fen in [600_714, 1_640_902, 10_000_100, 123_456_789] {
            assert_eq!(zh(fen), zh_optional_zero(fen), "{fen}");
        }
    }

    #[test]
    fn yi_and_wan_yi_sections_up_to_ten_to_the_sixteen() {
        assert_eq!(
            zh(123_456_789_012_345_678),
            "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元柒角捌分"
        );
        assert_eq!(zh(100_000_000_000_000), "人民币壹万亿元整");
        assert_eq!(zh(100_000_000_000_100), "人民币壹万亿零壹元整");
        assert_eq!(zh(100_000_050_000_000_000), "人民币壹仟万零伍亿元整", "亿 follows the whole 万亿 section");
        assert_eq!(zh(100_005_000_000_000), "人民币壹万亿伍仟万元整");
        assert_eq!(zh(100_000_500_000_000), "人民币壹万亿零伍佰万元整");
        assert_eq!(
            zh(999_999_999_999_999_999),
            "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
        );
    }

    #[test]
    fn yuan_can_be_written_with_the_banknote_character() {
        let opts = ZhOptions { yuan_char: YuanChar::Round, ..ZhOptions::default() };
        assert_eq!(write(10_000, &opts), "人民币壹佰圆整");
        assert_eq!(write(0, &opts), "人民币零圆整");
        assert_eq!(write(105, &opts), "人民币壹圆零伍分");
    }
}
