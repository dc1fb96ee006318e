//! Rendered reports kept on disk while a portfolio is assessed: each
//! organization's full report is rendered as soon as it is assessed, written
//! to one anonymous temporary file, and copied out in the portfolio's order
//! at the end. So the portfolio keeps in memory only what its own rows need,
//! and its peak does not grow with the reports it has already finished. The
//! file has no name and disappears with the process.

use crate::portfolio::{Kept, KeptReports};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::Mutex;

/// The anonymous file the reports are kept in.
#[derive(Debug)]
pub struct Spill {
    file: Mutex<File>,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            file: Mutex::new(tempfile::tempfile()?),
        })
    }

    /// Keeps `bytes`, wherever the file ends now.
    pub fn keep(&self, bytes: &[u8]) -> io::Result<Kept> {
        let mut file = self.lock()?;
        let offset = file.seek(SeekFrom::End(0))?;
        file.write_all(bytes)?;
        Ok(Kept {
            offset,
            len: bytes.len() as u64,
        })
    }

    fn lock(&self) -> io::Result<std::sync::MutexGuard<'_, File>> {
        self.file
            .lock()
            .map_err(|_| io::Error::other("a thread keeping reports stopped"))
    }
}

impl KeptReports for Spill {
    fn copy(&self, kept: Kept, out: &mut dyn Write) -> io::Result<()> {
        let mut file = self.lock()?;
        file.seek(SeekFrom::Start(kept.offset))?;
        let copied = io::copy(&mut (&mut *file).take(kept.len), out)?;
        if copied == kept.len {
            Ok(())
        } else {
            Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "a kept report was cut short",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_reports_come_back_whole_in_any_order() {
        let spill = Spill::new().expect("a temporary file");
        let a = spill.keep(b"first").expect("kept");
        let b = spill.keep(b"second report").expect("kept");
        let mut out = Vec::new();
        spill.copy(b, &mut out).expect("copied");
        spill.copy(a, &mut out).expect("copied");
        assert_eq!(out, b"second reportfirst");
    }
}
