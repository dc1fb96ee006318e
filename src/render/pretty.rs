//! JSON pretty-printed as `serde_json::to_writer_pretty` prints it (two
//! spaces a level, `": "` between a key and its value), but with each line
//! break and its indentation written at once. `serde_json`'s own
//! formatter writes the indentation a level at a time: for the tens of
//! megabytes of a report of ten thousand pilots, six levels deep, those
//! small writes were a large part of printing it. A value whose JSON was
//! made once, compact (a list of references), is laid out where it stands,
//! as if it had been serialized there; `serde_json` would copy it compact.

use serde::ser::Impossible;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// A line break and the deepest indentation written in one piece; deeper
/// levels (none of the tool's reports has them) are written in pieces.
const BREAK: &[u8] = b"\n                                                                ";

/// Writes `value` pretty-printed to `out`.
pub fn to_writer<W: Write>(out: W, value: &impl Serialize) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::default());
    value.serialize(&mut serializer)
}

/// Writes `value`, a struct, pretty-printed to `out`, as [`to_writer`]
/// does, in two halves at once: its fields before `split` on this thread,
/// straight to `out`, and from `split` on on another, into memory, written
/// after them. For the report of a very large questionnaire, whose lists
/// of evidence make tens of megabytes, writing it was the longest step of
/// the run and the only one that used one processor alone. (Of a struct
/// without a field `split`, the other thread writes only the closing
/// brace.) Where no thread can be had, the struct is written whole here.
pub fn to_writer_in_halves<W: Write>(
    mut out: W,
    value: &(impl Serialize + Sync),
    split: &'static str,
) -> serde_json::Result<()> {
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("json-second-half".to_owned())
            .spawn_scoped(scope, || {
                let mut half = Pieces::until(&stop);
                value
                    .serialize(Fields::new(&mut half, Half::From(split)))
                    .map(|()| half)
            });
        let Ok(second) = second else {
            return to_writer(out, value);
        };
        let first = value.serialize(Fields::new(&mut out, Half::Before(split)));
        if first.is_err() {
            // The report goes nowhere: the other half need not be finished.
            stop.store(true, Ordering::Relaxed);
        }
        let half = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        first?;
        let half = half?;
        for piece in half.done.iter().chain([&half.current]) {
            out.write_all(piece).map_err(serde_json::Error::io)?;
        }
        Ok(())
    })
}

/// Text kept in pieces of [`PIECE`] bytes: one buffer grown by doubling
/// to tens of megabytes was copied each time it grew, and held twice at
/// the last. Writing fails once `stop` is set.
struct Pieces<'s> {
    done: Vec<Vec<u8>>,
    current: Vec<u8>,
    stop: &'s AtomicBool,
}

const PIECE: usize = 1 << 22;

impl Pieces<'_> {
    fn until(stop: &AtomicBool) -> Pieces<'_> {
        Pieces {
            done: Vec::new(),
            current: Vec::new(),
            stop,
        }
    }

    /// Starts a piece with room for `room` bytes, unless writing stopped.
    #[cold]
    fn next_piece(&mut self, room: usize) -> io::Result<()> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(io::Error::other(
                "the first half of the report was not written",
            ));
        }
        let full = std::mem::replace(&mut self.current, Vec::with_capacity(PIECE.max(room)));
        if !full.is_empty() {
            self.done.push(full);
        }
        Ok(())
    }
}

impl Write for Pieces<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes).map(|()| bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.current.capacity() - self.current.len() < bytes.len() {
            self.next_piece(bytes.len())?;
        }
        self.current.extend_from_slice(bytes);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Which fields of a struct [`Fields`] writes.
#[derive(Debug, Clone, Copy)]
enum Half {
    /// The opening brace and the fields before this one.
    Before(&'static str),
    /// This field and those after it, and the closing brace.
    From(&'static str),
}

/// Writes some of a struct's fields, each laid out as [`to_writer`] would
/// lay it out in the whole struct.
struct Fields<W> {
    out: W,
    half: Half,
    pretty: Pretty,
    /// Whether the fields being met are the ones to write.
    writing: bool,
    /// Whether any field came before the one being met.
    after_first: bool,
}

impl<W: Write> Fields<W> {
    fn new(out: W, half: Half) -> Fields<W> {
        Fields {
            out,
            half,
            pretty: Pretty::default(),
            writing: matches!(half, Half::Before(_)),
            after_first: false,
        }
    }
}

impl<W: Write> serde::ser::SerializeStruct for Fields<W> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        match self.half {
            Half::Before(split) if key == split => self.writing = false,
            Half::From(split) if key == split => self.writing = true,
            _ => {}
        }
        let first = !self.after_first;
        self.after_first = true;
        if !self.writing {
            return Ok(());
        }
        let io = serde_json::Error::io;
        self.pretty
            .begin_object_key(&mut self.out, first)
            .map_err(io)?;
        serde_json::to_writer(&mut self.out, key)?;
        self.pretty.begin_object_value(&mut self.out).map_err(io)?;
        let nested = Pretty {
            level: self.pretty.level,
            has_value: false,
        };
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut self.out,
            nested,
        ))?;
        self.pretty.end_object_value(&mut self.out).map_err(io)
    }

    fn end(mut self) -> serde_json::Result<()> {
        match self.half {
            Half::From(_) => self.pretty.end_object(&mut self.out),
            Half::Before(_) => Ok(()),
        }
        .map_err(serde_json::Error::io)
    }
}

/// What [`Fields`] says of anything but a struct.
fn not_a_struct() -> serde_json::Error {
    serde::ser::Error::custom("only a struct is written in halves")
}

/// Refuses what is not a struct.
macro_rules! only_structs {
    ($($method:ident($($arg:ty),*) -> $out:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> serde_json::Result<$out> {
            Err(not_a_struct())
        })*
    };
}

impl<W: Write> serde::Serializer for Fields<W> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Impossible<(), serde_json::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    fn serialize_struct(mut self, _: &'static str, _: usize) -> serde_json::Result<Self> {
        self.pretty.level = 1;
        if let Half::Before(_) = self.half {
            self.pretty.level = 0;
            self.pretty
                .begin_object(&mut self.out)
                .map_err(serde_json::Error::io)?;
        } else {
            // Fields came before the first this half writes.
            self.pretty.has_value = true;
        }
        Ok(self)
    }

    only_structs! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_unit_variant(&'static str, u32, &'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> serde_json::Result<()> {
        Err(not_a_struct())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(not_a_struct())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(not_a_struct())
    }
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

    #[derive(Serialize)]
    struct Parts {
        a: u8,
        b: Vec<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        c: serde_json::Value,
        d: Option<&'static str>,
    }

    /// A writer that takes nothing.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_struct_written_in_halves_is_written_as_whole() {
        let parts = Parts {
            a: 1,
            b: vec![],
            skipped: None,
            c: json!({"x": [1, {"y": []}], "z": {}}),
            d: None,
        };
        let whole = to_string(&parts).expect("json");
        // Split at each field, at one left out, and at none.
        for split in ["a", "b", "skipped", "c", "d", "no such field"] {
            let mut halves = Vec::new();
            to_writer_in_halves(&mut halves, &parts, split).expect("json");
            assert_eq!(String::from_utf8(halves).expect("UTF-8"), whole, "{split}");
        }
        let mut out = Vec::new();
        assert!(to_writer_in_halves(&mut out, &[1, 2], "a").is_err());
        // An output that takes nothing fails the whole, and the other half stops.
        assert!(to_writer_in_halves(Closed, &parts, "c").is_err());
    }

    #[test]
    fn pieces_take_nothing_more_once_stopped() {
        let stop = AtomicBool::new(false);
        let mut pieces = Pieces::until(&stop);
        pieces.write_all(b"taken").expect("taken");
        stop.store(true, Ordering::Relaxed);
        // What fits in the piece begun is still taken; no new piece is begun.
        pieces.write_all(b"more").expect("taken");
        assert!(pieces.write_all(&vec![0; PIECE]).is_err());
    }

    #[test]
    fn pieces_hold_what_was_written_in_order() {
        let stop = AtomicBool::new(false);
        let mut pieces = Pieces::until(&stop);
        let mut written = Vec::new();
        // Small writes across a piece's end, and one larger than a piece.
        for (i, len) in [7, PIECE - 3, 5, 2 * PIECE + 1, 1].into_iter().enumerate() {
            let bytes = vec![b'a' + u8::try_from(i).expect("few"); len];
            pieces.write_all(&bytes).expect("kept");
            written.extend_from_slice(&bytes);
        }
        let held: Vec<u8> = pieces
            .done
            .iter()
            .chain([&pieces.current])
            .flatten()
            .copied()
            .collect();
        assert!(pieces.done.len() >= 2);
        assert_eq!(held, written);
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
