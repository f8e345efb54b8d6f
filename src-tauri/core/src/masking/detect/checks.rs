//! The arithmetic that makes a number an identifier rather than a run of digits: resident
//! ID check digits (ISO 7064 MOD 11-2), real calendar dates, province codes, the GB 32100
//! check character of a unified social credit code, and Luhn for bank cards.

/// First two digits of a resident ID: the province-level divisions (GB/T 2260).
const PROVINCES: [u8; 34] = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

fn digit(b: u8) -> Option<u32> {
    b.is_ascii_digit().then(|| u32::from(b - b'0'))
}

fn number(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, b| Some(acc * 10 + digit(*b)?))
}

pub fn province_ok(two: &[u8]) -> bool {
    number(two).is_some_and(|n| u8::try_from(n).is_ok_and(|n| PROVINCES.contains(&n)))
}

/// A real day of the Gregorian calendar (no Feb 30, no 1900-02-29).
pub fn date_ok(year: u32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    day >= 1 && day <= days
}

/// An 18-character resident ID: region, birth date 1900–2099, MOD 11-2 check (X or x).
pub fn resident_id_18(id: &[u8]) -> bool {
    if id.len() != 18 || !province_ok(&id[..2]) {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number(&id[6..10]), number(&id[10..12]), number(&id[12..14])) else { return false };
    if !(1900..=2099).contains(&year) || !date_ok(year, month, day) {
        return false;
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let mut sum = 0;
    for (b, w) in id[..17].iter().zip(WEIGHTS) {
        let Some(d) = digit(*b) else { return false };
        sum += d * w;
    }
    let expected = b"10X98765432"[(sum % 11) as usize];
    id[17].to_ascii_uppercase() == expected
}

/// A legacy 15-digit resident ID: region and a real 19YY birth date (no check digit).
pub fn resident_id_15(id: &[u8]) -> bool {
    if id.len() != 15 || !id.iter().all(u8::is_ascii_digit) || !province_ok(&id[..2]) {
        return false;
    }
    match (number(&id[6..8]), number(&id[8..10]), number(&id[10..12])) {
        (Some(yy), Some(month), Some(day)) => date_ok(1900 + yy, month, day),
        _ => false,
    }
}

/// The 31 symbols of GB 32100 (0-9 and A-Z without I, O, Z, S, V).
const USCC_SYMBOLS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

fn uscc_value(b: u8) -> Option<u32> {
    USCC_SYMBOLS.iter().position(|s| *s == b).map(|p| p as u32)
}

/// A unified social credit code: 18 symbols of the set, a region code (digits, a real province)
/// in places 3–8,
/// and the check character.
pub fn uscc(code: &[u8]) -> bool {
    if code.len() != 18 || !code[2..8].iter().all(u8::is_ascii_digit) || !province_ok(&code[2..4]) {
        return false;
    }
    const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    let mut sum = 0;
    for (b, w) in code[..17].iter().zip(WEIGHTS) {
        let Some(v) = uscc_value(*b) else { return false };
        sum += v * w;
    }
    let check = (31 - sum % 31) % 31;
    uscc_value(code[17]) == Some(check)
}

/// Luhn over ASCII digits (separators already removed).
pub fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0;
    for (i, b) in digits.iter().rev().enumerate() {
        let Some(mut d) = digit(*b) else { return false };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// A card number: an issuer prefix with a length it issues (UnionPay 62/60/65 16–19 digits,
/// domestic 9 19, Visa 4 16 or 19, Mastercard 51–55 and 22–27 16, JCB 35 16) and Luhn. The
/// lengths matter: an 18-digit number starting 51 or 35 is far more likely a mistyped
/// resident ID (Sichuan, Fujian) than a card.
pub fn bank_card(digits: &[u8]) -> bool {
    let n = digits.len();
    if !(16..=19).contains(&n) {
        return false;
    }
    let issued = match (digits[0], digits[1]) {
        (b'6', b'2' | b'0' | b'5') => true,
        (b'9', _) => n == 19,
        (b'4', _) => n == 16 || n == 19,
        (b'5', b'1'..=b'5') | (b'2', b'2'..=b'7') | (b'3', b'5') => n == 16,
        _ => false,
    };
    issued && luhn(digits)
}

/// A mainland mobile number: 11 digits, 1 then 3–9.
pub fn mobile(digits: &[u8]) -> bool {
    digits.len() == 11 && digits[0] == b'1' && (b'3'..=b'9').contains(&digits[1]) && digits.iter().all(u8::is_ascii_digit)
}

/// The length of the area code a landline starts with: 010 and 02X are three digits, other
/// codes (03XX–09XX) four; None when it is not an area code.
pub fn area_code_len(digits: &[u8]) -> Option<usize> {
    match digits {
        [b'0', b'1', b'0', ..] | [b'0', b'2', _, ..] => Some(3),
        [b'0', b'3'..=b'9', _, _, ..] => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_good_and_bad_samples() {
        assert!(resident_id_18(b"11010519491231002X"));
        assert!(resident_id_18(b"11010519491231002x"));
        assert!(!resident_id_18(b"110105194912310021"));
        assert!(uscc(b"91350100M000100Y43"));
        assert!(!uscc(b"91350100M000100Y44"));
        assert!(luhn(b"4111111111111111"));
        assert!(!luhn(b"4111111111111112"));
        assert!(!date_ok(1900, 2, 29));
        assert!(date_ok(2000, 2, 29));
        assert!(!date_ok(2024, 2, 30));
        assert_eq!(area_code_len(b"01012345678"), Some(3));
        assert_eq!(area_code_len(b"075512345678"), Some(4));
        assert_eq!(area_code_len(b"13812345678"), None);
    }
}
