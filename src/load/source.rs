//! Reads an input file as text, safely: a size cap checked before reading,
//! never more than the cap read into memory, a clear word for a missing file,
//! a directory, binary bytes or text that is not UTF-8.

use crate::diagnostic::{Diagnostic, Position};
use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::Path;

/// The largest questionnaire or rubric accepted: far above any real one,
/// small enough that hostile input cannot exhaust memory.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Past this many bytes a questionnaire is large, some fifteen times any
/// real one (400 pilots and more): its YAML is parsed on a thread of its
/// own and its tree's text kept in allocations of its exact size
/// (`load::yaml::build`); and when it is assessed, validated or mapped on
/// its own (not as one of a portfolio, nor a version of `history`), the
/// run's memory is taken in huge pages from then on (`command::pages`). A
/// file of 250 pilots (40 KB) ran 8 % faster in huge pages; a 5 KB
/// example, no faster.
pub const LARGE_FILE: usize = 64 * 1024;

/// Reads `path` as UTF-8 text, without a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let file = File::open(path).map_err(|e| open_error(&e))?;
    let metadata = file.metadata().map_err(|e| open_error(&e))?;
    if metadata.is_dir() {
        return Err(Diagnostic::whole_file(
            "is a directory; give the path of a file",
        ));
    }
    if metadata.len() > MAX_BYTES {
        return Err(too_large());
    }
    // Room for the whole file and one byte more, so it is read in one call
    // rather than in small growing steps; reading one byte past the cap
    // catches a file that grows while it is read.
    let room = usize::try_from(metadata.len())
        .unwrap_or(0)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(room);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| open_error(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    text_of(bytes)
}

/// Reads standard input as UTF-8 text, with the same cap as a file.
pub fn read_stdin() -> Result<String, Diagnostic> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| open_error(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    text_of(bytes)
}

/// Checks bytes read from anywhere (a file, standard input) and makes them text.
pub fn text_of(mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if is_utf16(&bytes) {
        return Err(Diagnostic::whole_file(
            "the file is UTF-16 text; save it as UTF-8",
        ));
    }
    if let Some(offset) = crate::byte_search::find(0, &bytes) {
        return Err(Diagnostic::at(
            Position::of_offset(&bytes, offset),
            "the file holds a NUL byte: it looks like a binary file, not text",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        Diagnostic::at(
            Position::of_offset(&bytes, offset),
            format!(
                "the file is not UTF-8 text (byte 0x{:02X} here); save it as UTF-8",
                bytes.get(offset).copied().unwrap_or(0)
            ),
        )
    })
}

pub fn too_large() -> Diagnostic {
    Diagnostic::whole_file(format!(
        "the file is larger than {} MiB, the most this tool reads from one file",
        MAX_BYTES / (1024 * 1024)
    ))
}

/// UTF-16 text: a byte-order mark of either order, or ASCII text with a NUL
/// after (or before) every character, as editors on some systems save it.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs = bytes.len().min(64) / 2;
    pairs >= 2 && {
        let head = &bytes[..pairs * 2];
        let odd_nul = head.chunks(2).all(|p| p[1] == 0 && p[0] != 0);
        let even_nul = head.chunks(2).all(|p| p[0] == 0 && p[1] != 0);
        odd_nul || even_nul
    }
}

fn open_error(error: &std::io::Error) -> Diagnostic {
    Diagnostic::whole_file(match error.kind() {
        ErrorKind::NotFound => "no such file".to_owned(),
        ErrorKind::PermissionDenied => "permission denied: the file cannot be read".to_owned(),
        ErrorKind::IsADirectory => "is a directory; give the path of a file".to_owned(),
        _ => format!("cannot be read: {}", crate::text::io_words(error)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_locates_bad_bytes() {
        assert_eq!(
            text_of(b"\xEF\xBB\xBFa: 1\n".to_vec()),
            Ok("a: 1\n".to_owned())
        );
        let bad = text_of(b"a: 1\nname: caf\xE9\n".to_vec()).expect_err("latin-1");
        assert_eq!(
            bad.at,
            Some(Position {
                line: 2,
                column: 10
            })
        );
        let utf16 = text_of(
            "version: 1\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
        )
        .expect_err("UTF-16");
        assert!(utf16.message.starts_with("the file is UTF-16 text"));
        let with_bom = text_of(vec![0xFF, 0xFE, b'v', 0]).expect_err("UTF-16");
        assert!(with_bom.message.starts_with("the file is UTF-16 text"));
        let nul = text_of(b"a\x00".to_vec()).expect_err("binary");
        assert_eq!(nul.at, Some(Position { line: 1, column: 2 }));
    }
}
