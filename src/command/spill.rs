//! Rendered reports kept on disk while a portfolio is assessed: each
//! organization's full report is rendered as soon as it is assessed, written
//! to one anonymous temporary file, and copied out in the portfolio's order
//! at the end. So the portfolio keeps in memory only what its own rows need,
//! and its peak does not grow with the reports it has already finished. The
//! file has no name and disappears with the process.

use crate::portfolio::{Kept, KeptReports};
use std::fs::File;
use std::io::{self, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
#[cfg(unix)]
use std::os::unix::fs::FileExt;
#[cfg(unix)]
use std::sync::atomic::{AtomicU64, Ordering};
#[cfg(not(unix))]
use std::sync::Mutex;

/// The anonymous file the reports are kept in. On Unix, each report is
/// written at an offset of its own, taken from a counter, and read back
/// from there in one call: threads keeping reports never wait for each
/// other, and nothing seeks. Elsewhere the file is shared under a lock.
#[derive(Debug)]
pub struct Spill {
    #[cfg(unix)]
    file: File,
    /// Where the next report goes.
    #[cfg(unix)]
    end: AtomicU64,
    #[cfg(not(unix))]
    file: Mutex<File>,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        let file = tempfile::tempfile()?;
        #[cfg(unix)]
        return Ok(Spill {
            file,
            end: AtomicU64::new(0),
        });
        #[cfg(not(unix))]
        return Ok(Spill {
            file: Mutex::new(file),
        });
    }

    /// Keeps `bytes`, after every report kept before.
    #[cfg(unix)]
    pub fn keep(&self, bytes: &[u8]) -> io::Result<Kept> {
        let len = bytes.len() as u64;
        let offset = self.end.fetch_add(len, Ordering::Relaxed);
        self.file.write_all_at(bytes, offset)?;
        Ok(Kept { offset, len })
    }

    /// Keeps `bytes`, wherever the file ends now.
    #[cfg(not(unix))]
    pub fn keep(&self, bytes: &[u8]) -> io::Result<Kept> {
        let mut file = self.lock()?;
        let offset = file.seek(SeekFrom::End(0))?;
        file.write_all(bytes)?;
        Ok(Kept {
            offset,
            len: bytes.len() as u64,
        })
    }

    /// The kept report's bytes, read in one piece into the front of
    /// `buffer`, which only ever grows: zeroing it for each report cost as
    /// much as the copy.
    #[cfg(unix)]
    fn read<'b>(&self, kept: Kept, buffer: &'b mut Vec<u8>) -> io::Result<&'b [u8]> {
        let into = Self::room(kept, buffer)?;
        self.file.read_exact_at(into, kept.offset)?;
        Ok(into)
    }

    #[cfg(not(unix))]
    fn read<'b>(&self, kept: Kept, buffer: &'b mut Vec<u8>) -> io::Result<&'b [u8]> {
        let into = Self::room(kept, buffer)?;
        let mut file = self.lock()?;
        file.seek(SeekFrom::Start(kept.offset))?;
        file.read_exact(into)?;
        Ok(into)
    }

    /// The front of `buffer`, as long as the kept report.
    fn room(kept: Kept, buffer: &mut Vec<u8>) -> io::Result<&mut [u8]> {
        let len = usize::try_from(kept.len)
            .map_err(|_| io::Error::other("a kept report is too large to read back"))?;
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        Ok(&mut buffer[..len])
    }

    #[cfg(not(unix))]
    fn lock(&self) -> io::Result<std::sync::MutexGuard<'_, File>> {
        self.file
            .lock()
            .map_err(|_| io::Error::other("a thread keeping reports stopped"))
    }
}

impl KeptReports for Spill {
    fn copy(&self, kept: Kept, out: &mut dyn Write) -> io::Result<()> {
        // One buffer for every report copied, on the thread that copies.
        thread_local! {
            static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        BUFFER.with_borrow_mut(|buffer| {
            let report = self.read(kept, buffer).map_err(|e| match e.kind() {
                io::ErrorKind::UnexpectedEof => {
                    io::Error::new(io::ErrorKind::UnexpectedEof, "a kept report was cut short")
                }
                _ => e,
            })?;
            out.write_all(report)
        })
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

    #[test]
    fn a_report_cut_short_is_an_error_not_a_shorter_report() {
        let spill = Spill::new().expect("a temporary file");
        let kept = spill.keep(b"whole").expect("kept");
        let past_the_end = Kept {
            offset: kept.offset,
            len: kept.len + 1,
        };
        let mut out = Vec::new();
        let error = spill.copy(past_the_end, &mut out).expect_err("cut short");
        assert_eq!(error.to_string(), "a kept report was cut short");
        assert!(out.is_empty());
    }
}
