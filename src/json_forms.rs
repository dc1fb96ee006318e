//! JSON made once and kept for the whole run, numbered: the compiled
//! rubric's texts (quoted and escaped) and a rubric's lists of framework
//! references (compact). Every organization's JSON report repeats them;
//! a portfolio keeps each report on disk until the end of the run
//! (`command::spill`), and there a number stands for each such form
//! ([`Numbered`], [`write_kept`]), the form written back when the report
//! is copied out ([`expand`]). The kept reports shrink by half, and with
//! them the writing and reading back that were a fifth of a portfolio's
//! run.
//!
//! Only forms that last the run are numbered, each made once: a form made
//! for each report would be kept, and numbered, for every report.
//!
//! A form is known by where it lies in memory. A numbered form is never
//! freed, so no other text can ever lie where it lies: a fragment of JSON
//! found at a numbered form's address is that form.

use rustc_hash::FxHashMap;
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::RwLock;

/// What stands for a numbered form in a kept report: a byte that no UTF-8
/// text holds, then the form's number, seven bits a byte, lowest first,
/// the high bit set on every byte but the last.
const MARK: u8 = 0xFF;

/// Every numbered form, in the order of their numbers.
static FORMS: RwLock<Vec<&'static RawValue>> = RwLock::new(Vec::new());
/// How many forms [`FORMS`] holds, read without its lock.
static COUNT: AtomicUsize = AtomicUsize::new(0);

/// Keeps `form` for the rest of the run and numbers it.
pub fn keep(form: Box<RawValue>) -> &'static RawValue {
    // Copied out of kept reports unguarded (`render::json::to_keep`): a
    // `##[` is broken here, once.
    // (`render::lines::Mark::Json`: only inside a string can `##[` be.)
    let form = if form.get().contains("##[") {
        RawValue::from_string(form.get().replace("##[", "##\\u005b")).unwrap_or(form)
    } else {
        form
    };
    let form: &'static RawValue = Box::leak(form);
    let mut forms = FORMS
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    forms.push(form);
    COUNT.store(forms.len(), Ordering::Release);
    form
}

/// A thread's copy of the numbered forms, brought up to date when a form
/// is not found in it: the forms are numbered in a run's first reports,
/// and a lock taken for each of the rest would be contended by every
/// thread of a portfolio.
#[derive(Default)]
struct Known {
    by_address: FxHashMap<usize, u32>,
    forms: Vec<&'static RawValue>,
}

impl Known {
    /// Whether forms were numbered since this copy was made; if so, it
    /// takes them in.
    fn catch_up(&mut self) -> bool {
        if COUNT.load(Ordering::Acquire) == self.forms.len() {
            return false;
        }
        let forms = FORMS
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for form in &forms[self.forms.len()..] {
            let number = u32::try_from(self.forms.len()).unwrap_or(u32::MAX);
            self.by_address.insert(address(form.get()), number);
            self.forms.push(form);
        }
        true
    }

    fn number_of(&mut self, fragment: &str) -> Option<u32> {
        let found = self.by_address.get(&address(fragment)).copied();
        let number = match found {
            Some(number) => Some(number),
            None if self.catch_up() => self.by_address.get(&address(fragment)).copied(),
            None => None,
        }?;
        // The same address and the same length: the same form.
        (self.forms.get(number as usize)?.get().len() == fragment.len()).then_some(number)
    }

    fn form(&mut self, number: usize) -> Option<&'static RawValue> {
        if number >= self.forms.len() {
            self.catch_up();
        }
        self.forms.get(number).copied()
    }
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::new(Known::default());
}

fn address(text: &str) -> usize {
    text.as_ptr() as usize
}

/// Writes `fragment` to a kept report: its number if it is a numbered
/// form, else the fragment itself.
pub fn write_kept<W: ?Sized + Write>(out: &mut W, fragment: &str) -> io::Result<()> {
    let Some(mut number) = KNOWN.with_borrow_mut(|known| known.number_of(fragment)) else {
        return out.write_all(fragment.as_bytes());
    };
    let mut mark = [MARK, 0, 0, 0, 0, 0];
    let mut len = 1;
    loop {
        let low = (number & 0x7F) as u8;
        number >>= 7;
        if number == 0 {
            mark[len] = low;
            len += 1;
            break;
        }
        mark[len] = low | 0x80;
        len += 1;
    }
    out.write_all(&mark[..len])
}

/// Writes a kept report to `out` with each numbered form written back.
pub fn expand(kept: &[u8], out: &mut dyn Write) -> io::Result<()> {
    let mut rest = kept;
    while let Some(at) = crate::byte_search::find(MARK, rest) {
        out.write_all(&rest[..at])?;
        let (number, read) = read_number(&rest[at + 1..])?;
        let form = KNOWN
            .with_borrow_mut(|known| known.form(number))
            .ok_or_else(|| io::Error::other("a kept report names JSON that was not kept"))?;
        out.write_all(form.get().as_bytes())?;
        rest = &rest[at + 1 + read..];
    }
    out.write_all(rest)
}

/// The number at the start of `bytes`, and how many bytes it took.
fn read_number(bytes: &[u8]) -> io::Result<(usize, usize)> {
    let mut number = 0usize;
    for (i, byte) in bytes.iter().enumerate().take(5) {
        number |= usize::from(byte & 0x7F) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((number, i + 1));
        }
    }
    Err(io::Error::other("a kept report was cut short"))
}

/// `serde_json`'s compact layout, with each numbered form written as its
/// number: for the reports a portfolio keeps, and only for them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Numbered;

impl serde_json::ser::Formatter for Numbered {
    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        write_kept(out, fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Box<RawValue> {
        RawValue::from_string(json.to_owned()).expect("JSON")
    }

    #[test]
    fn a_numbered_form_is_kept_as_its_number_and_written_back() {
        // Enough forms for numbers of one, two and three bytes.
        let forms: Vec<&RawValue> = (0..20_000)
            .map(|i| keep(raw(&format!("\"form {i}\""))))
            .collect();
        let not_kept = raw("\"not kept\"");
        let mut kept = Vec::new();
        kept.extend_from_slice(b"[");
        for form in [forms[0], forms[200], forms[19_999], &*not_kept] {
            write_kept(&mut kept, form.get()).expect("written");
            kept.push(b',');
        }
        kept.extend_from_slice(b"\"\xc3\xa9\"]");
        // A form is kept by its place, not its text: the same text elsewhere is written out.
        let same_text = raw(forms[5].get());
        let mut copy = Vec::new();
        write_kept(&mut copy, same_text.get()).expect("written");
        assert_eq!(copy, b"\"form 5\"");
        assert!(kept.len() < 40, "{kept:?}");
        let mut out = Vec::new();
        expand(&kept, &mut out).expect("expanded");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "[\"form 0\",\"form 200\",\"form 19999\",\"not kept\",\"é\"]"
        );
    }

    #[test]
    fn a_kept_report_cut_short_or_naming_nothing_is_an_error() {
        let mut out = Vec::new();
        assert!(expand(&[b'[', MARK, 0x85], &mut out).is_err());
        assert!(expand(&[MARK, 0xFF, 0xFF, 0xFF, 0x7F], &mut out).is_err());
    }
}
