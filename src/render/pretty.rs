//! JSON pretty-printed exactly as `serde_json::to_writer_pretty` prints it
//! (two spaces a level, `": "` between a key and its value), but with each
//! line break and its indentation written at once. `serde_json`'s own
//! formatter writes the indentation a level at a time: for the tens of
//! megabytes of a report of ten thousand pilots, six levels deep, those
//! small writes were a large part of printing it.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// A line break and the deepest indentation written in one piece; deeper
/// levels (none of the tool's reports has them) are written in pieces.
const BREAK: &[u8] = b"\n                                                                ";

/// Writes `value` pretty-printed to `out`.
pub fn to_writer<W: Write>(out: W, value: &impl Serialize) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::default());
    value.serialize(&mut serializer)
}

/// `value` pretty-printed, as a string.
pub fn to_string(value: &impl Serialize) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    to_writer(&mut out, value)?;
    // serde_json writes only UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `serde_json`'s pretty formatter with the indentation written at once.
#[derive(Debug, Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break, then the current level's indentation.
    fn break_line<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        let mut spaces = self.level * 2;
        let first = spaces.min(BREAK.len() - 1);
        out.write_all(&BREAK[..=first])?;
        spaces -= first;
        while spaces > 0 {
            let more = spaces.min(BREAK.len() - 1);
            out.write_all(&BREAK[1..=more])?;
            spaces -= more;
        }
        Ok(())
    }

    fn begin<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn end<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.break_line(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        self.break_line(out)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.begin(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.end(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    /// A value whose JSON was made once, compact (a shared text, a list of
    /// references), laid out as if it had been serialized here.
    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        if !matches!(bytes.first(), Some(b'[' | b'{')) {
            return out.write_all(bytes);
        }
        let level = self.level;
        let mut copied = 0; // bytes before this are written
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'"' => at = string_end(bytes, at),
                open @ (b'[' | b'{') => {
                    let close = if open == b'[' { b']' } else { b'}' };
                    if bytes.get(at + 1) == Some(&close) {
                        at += 2; // empty, written as it is
                        continue;
                    }
                    out.write_all(&bytes[copied..=at])?;
                    self.level += 1;
                    self.break_line(out)?;
                    at += 1;
                    copied = at;
                }
                b']' | b'}' => {
                    out.write_all(&bytes[copied..at])?;
                    self.level -= 1;
                    self.break_line(out)?;
                    copied = at;
                    at += 1;
                }
                b',' => {
                    out.write_all(&bytes[copied..=at])?;
                    self.break_line(out)?;
                    at += 1;
                    copied = at;
                }
                b':' => {
                    out.write_all(&bytes[copied..at])?;
                    out.write_all(b": ")?;
                    at += 1;
                    copied = at;
                }
                _ => at += 1,
            }
        }
        self.level = level;
        out.write_all(&bytes[copied..])
    }
}

/// Just past the end of the JSON string that starts at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use serde_json::value::RawValue;

    #[test]
    fn prints_what_serde_json_prints_at_every_depth() {
        let mut deep = json!("leaf");
        for level in 0..40 {
            deep = json!({ "level": level, "list": [deep, [], {}, [1, "two"]], "empty": {} });
        }
        let samples = [
            json!(null),
            json!([]),
            json!({}),
            json!([[]]),
            json!({"a": {}}),
            json!({"a": [1, 2, {"b": "c\nd"}], "e": true}),
            deep,
        ];
        for sample in samples {
            let ours = to_string(&sample).expect("json");
            let theirs = serde_json::to_string_pretty(&sample).expect("json");
            assert_eq!(ours, theirs);
        }
    }

    /// Holds a value made once, compact, at three places and depths (in
    /// the order `json!` keeps keys in).
    #[derive(Serialize)]
    struct Holder<'a> {
        a: &'a RawValue,
        b: [&'a RawValue; 2],
        c: &'a RawValue,
    }

    #[test]
    fn lays_out_a_value_made_compact_as_if_serialized_where_it_stands() {
        let samples = [
            json!("a \"quoted\" [word], {or}: two\\"),
            json!(12.5),
            json!([]),
            json!({}),
            json!([[], {}, [[1]], {"a": []}]),
            json!({"text": "x[y]{z},: \\\" q", "list": [{"id": "MAP 1.3"}, {"id": "6.2"}]}),
        ];
        for sample in samples {
            let raw = serde_json::value::to_raw_value(&sample).expect("json");
            let holder = Holder {
                a: &raw,
                b: [&raw, &raw],
                c: &raw,
            };
            let expected = json!({"a": sample, "b": [sample, sample], "c": sample});
            assert_eq!(
                to_string(&holder).expect("json"),
                serde_json::to_string_pretty(&expected).expect("json")
            );
        }
    }
}
