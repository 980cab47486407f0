//! Numbers as they are said. whisper writes "17" for a spoken "dix-sept" and "1995" for
//! "mille neuf cent quatre-vingt-quinze" (or "nineteen ninety-five"): counted as one word,
//! amounts, dates and references read out to a customer would lower the speech rate.

/// Which way a number is read out: by the worker's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    French,
    English,
}

impl Reading {
    /// What a writer puts between groups of thousands ("1.500", "1,500").
    pub fn thousands_separator(self) -> char {
        match self {
            Reading::French => '.',
            Reading::English => ',',
        }
    }

    /// The decimal point as written ("40,5", "40.5").
    fn decimal_separator(self) -> char {
        match self {
            Reading::French => ',',
            Reading::English => '.',
        }
    }
}

/// A number below a million in French words, as a French speaker says it (and FLEURS writes it).
pub fn french(n: u32) -> String {
    const UNITS: [&str; 17] = [
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ];
    const TENS: [&str; 7] = [
        "",
        "dix",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
    ];
    fn below_100(n: u32) -> String {
        let (t, u) = ((n / 10) as usize, (n % 10) as usize);
        match n {
            0..=16 => UNITS[n as usize].into(),
            17..=19 => format!("dix-{}", UNITS[u]),
            20..=69 if u == 0 => TENS[t].into(),
            20..=69 if u == 1 => format!("{} et un", TENS[t]),
            20..=69 => format!("{}-{}", TENS[t], UNITS[u]),
            71 => "soixante et onze".into(),
            70..=79 => format!("soixante-{}", below_100(n - 60)),
            80 => "quatre-vingts".into(),
            _ => format!("quatre-vingt-{}", below_100(n - 80)),
        }
    }
    fn below_1000(n: u32) -> String {
        let (h, r) = (n / 100, n % 100);
        let head = match h {
            0 => String::new(),
            1 => "cent".into(),
            _ if r == 0 => format!("{} cents", UNITS[h as usize]),
            _ => format!("{} cent", UNITS[h as usize]),
        };
        match (head.is_empty(), r) {
            (true, _) => below_100(r),
            (false, 0) => head,
            (false, _) => format!("{head} {}", below_100(r)),
        }
    }
    let (k, r) = (n / 1000, n % 1000);
    let head = match k {
        0 => return below_1000(r),
        1 => "mille".to_string(),
        _ => format!("{} mille", below_1000(k)),
    };
    if r == 0 {
        head
    } else {
        format!("{head} {}", below_1000(r))
    }
}

/// A number below a million in English words, as an English speaker says it: "nineteen
/// ninety-five" for a year-like 1100–1999, "one hundred twenty-three" otherwise.
pub fn english(n: u32) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_100(n: u32) -> String {
        match n {
            0..=19 => UNITS[n as usize].into(),
            _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].into(),
            _ => format!("{}-{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize]),
        }
    }
    fn below_1000(n: u32) -> String {
        let (h, r) = (n / 100, n % 100);
        match (h, r) {
            (0, _) => below_100(r),
            (_, 0) => format!("{} hundred", UNITS[h as usize]),
            _ => format!("{} hundred {}", UNITS[h as usize], below_100(r)),
        }
    }
    match (n / 1000, n % 1000) {
        (1, r) if r >= 100 && !r.is_multiple_of(100) => {
            let (high, low) = (n / 100, n % 100);
            let low = if low < 10 {
                format!("oh {}", UNITS[low as usize])
            } else {
                below_100(low)
            };
            format!("{} {low}", below_100(high))
        }
        (0, r) => below_1000(r),
        (k, 0) => format!("{} thousand", below_1000(k)),
        (k, r) => format!("{} thousand {}", below_1000(k), below_1000(r)),
    }
}

/// How many words a run of digits is said in: a number below a million by its words in the
/// worker's language (hyphenated compounds one word, as a reader counts them); a longer run, or
/// one with a leading zero (a phone or customer number), two digits a word in French, one in
/// English, as each reads them out.
pub fn spoken_words(digits: &str, reading: Reading) -> u32 {
    match digits.parse::<u64>() {
        Ok(n) if n < 1_000_000 && !(digits.len() > 1 && digits.starts_with('0')) => {
            cardinal_words(n, reading)
        }
        _ => read_out(digits, reading),
    }
}

/// Words of a digit run read out as a reference: two digits a word in French, one in English.
fn read_out(digits: &str, reading: Reading) -> u32 {
    match reading {
        Reading::French => digits.len().div_ceil(2) as u32,
        Reading::English => digits.len() as u32,
    }
}

/// Words of a number below a billion said as a quantity ("deux millions cinq cent mille": five).
fn cardinal_words(n: u64, reading: Reading) -> u32 {
    if n >= 1_000_000 {
        let (millions, rest) = (n / 1_000_000, n % 1_000_000);
        let rest = if rest == 0 {
            0
        } else {
            cardinal_words(rest, reading)
        };
        return cardinal_words(millions, reading) + 1 + rest;
    }
    let words = match reading {
        Reading::French => french(n as u32),
        Reading::English => english(n as u32),
    };
    words.split_whitespace().count() as u32
}

/// How many words a written token is said in when it is a number, an amount or a percentage
/// ("40,5": quarante virgule cinq; "12 %", "€"), `None` for any other token. A separator
/// before groups of three digits is the thousands' (English "1,500", French "1.500"); a single
/// other one is the decimal point, said ("virgule", "point"); dates and references are read
/// part by part.
pub fn number_words(token: &str, reading: Reading) -> Option<u32> {
    let signs: u32 = token
        .chars()
        .map(|c| match (c, reading) {
            ('€' | '$' | '£', _) => 1,
            ('%', Reading::French) => 2,
            ('%', Reading::English) => 1,
            _ => 0,
        })
        .sum();
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return (signs > 0).then_some(signs);
    }
    if !core
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let parts: Vec<&str> = core.split([',', '.']).filter(|d| !d.is_empty()).collect();
    let grouped = parts.len() > 1
        && core.contains(reading.thousands_separator())
        && !core.contains(reading.decimal_separator())
        && parts[1..].iter().all(|p| p.len() == 3);
    let said = if grouped {
        let digits = parts.concat();
        match digits.parse::<u64>() {
            Ok(n) if n < 1_000_000_000 => cardinal_words(n, reading),
            _ => read_out(&digits, reading),
        }
    } else {
        let decimal_point = u32::from(parts.len() == 2);
        parts.iter().map(|d| spoken_words(d, reading)).sum::<u32>() + decimal_point
    };
    Some(said + signs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_said_as_french_speakers_say_them() {
        assert_eq!(french(17), "dix-sept");
        assert_eq!(french(71), "soixante et onze");
        assert_eq!(french(80), "quatre-vingts");
        assert_eq!(french(99), "quatre-vingt-dix-neuf");
        assert_eq!(french(200), "deux cents");
        assert_eq!(french(1995), "mille neuf cent quatre-vingt-quinze");
        assert_eq!(french(21_000), "vingt et un mille");
        assert_eq!(spoken_words("17", Reading::French), 1);
        assert_eq!(spoken_words("1995", Reading::French), 4);
        assert_eq!(spoken_words("0612345678", Reading::French), 5);
    }

    #[test]
    fn numbers_are_said_as_english_speakers_say_them() {
        assert_eq!(english(17), "seventeen");
        assert_eq!(english(40), "forty");
        assert_eq!(english(99), "ninety-nine");
        assert_eq!(english(123), "one hundred twenty-three");
        assert_eq!(english(1995), "nineteen ninety-five");
        assert_eq!(english(1905), "nineteen oh five");
        assert_eq!(english(1900), "one thousand nine hundred");
        assert_eq!(english(2024), "two thousand twenty-four");
        assert_eq!(english(21_000), "twenty-one thousand");
        assert_eq!(spoken_words("1995", Reading::English), 2);
        assert_eq!(spoken_words("2024", Reading::English), 3);
        assert_eq!(spoken_words("0612345678", Reading::English), 10);
    }

    #[test]
    fn amounts_and_their_signs_are_said() {
        let fr = |t| number_words(t, Reading::French);
        assert_eq!(fr("40,5"), Some(3));
        assert_eq!(fr("1.500"), Some(3));
        assert_eq!(fr("25.12.2024"), Some(1 + 1 + 3));
        assert_eq!(fr("€"), Some(1));
        assert_eq!(fr("12%."), Some(3));
        assert_eq!(fr("«"), None);
        assert_eq!(fr("merci"), None);
        let en = |t| number_words(t, Reading::English);
        assert_eq!(en("$1,500"), Some(4 + 1));
        assert_eq!(fr("2.500.000"), Some(5));
        assert_eq!(en("1,000,000"), Some(2));
        assert_eq!(en("3.5"), Some(3));
    }
}
