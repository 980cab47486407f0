//! Numbers as they are said. whisper writes "17" for a spoken "dix-sept" and "1995" for
//! "mille neuf cent quatre-vingt-quinze": counted as one word, amounts, dates and references read
//! out to a customer would lower the speech rate.

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

/// How many words a run of digits is said in: a number below a million by its French words
/// (hyphenated compounds one word, as a reader counts them); a longer run, or one with a leading
/// zero (a phone or customer number), two digits a word, as French numbers are read out.
pub fn spoken_words(digits: &str) -> u32 {
    match digits.parse::<u32>() {
        Ok(n) if n < 1_000_000 && !(digits.len() > 1 && digits.starts_with('0')) => {
            french(n).split_whitespace().count() as u32
        }
        _ => digits.len().div_ceil(2) as u32,
    }
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
        assert_eq!(spoken_words("17"), 1);
        assert_eq!(spoken_words("1995"), 4);
        assert_eq!(spoken_words("0612345678"), 5);
    }
}
