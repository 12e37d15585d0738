//! The browser's clock and random source: the core reads neither, so times and ids come from here.

/// Now, as an RFC 3339 UTC time (`2025-11-20T08:15:30.123Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current calendar year on this computer.
pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}

fn local(iso: &str) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    (!date.get_time().is_nan()).then_some(date)
}

/// `HH:MM:SS` in local time.
pub fn local_time(iso: &str) -> String {
    local(iso).map_or_else(String::new, |d| {
        format!(
            "{:02}:{:02}:{:02}",
            d.get_hours(),
            d.get_minutes(),
            d.get_seconds()
        )
    })
}

/// `dd/mm/yyyy HH:MM` in local time, the way Vietnamese offices write it.
pub fn local_date_time(iso: &str) -> String {
    local(iso).map_or_else(String::new, |d| {
        format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year(),
            d.get_hours(),
            d.get_minutes()
        )
    })
}

/// A new id for a draft: time and randomness in base 36, unique enough for one browser.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{}{}", base36(time), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
