//! JSON pretty-printed as `serde_json::to_writer_pretty` prints it (two
//! spaces a level, `": "` between a key and its value), by the tool's own
//! writer ([`json_writer`](super::json_writer)); and a large report's
//! struct in two halves at once.

use super::json_writer::{self, refuse, Spill, Streamed, Writer};
use serde::ser::Impossible;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::mpsc;

/// Writes `value` pretty-printed to `out`.
pub fn to_writer<W: Write>(out: W, value: &impl Serialize) -> serde_json::Result<()> {
    json_writer::pretty_to_writer(out, value)
}

/// `value` pretty-printed, as a string.
pub fn to_string(value: &impl Serialize) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    json_writer::append::<true>(&mut out, value)?;
    // Only UTF-8 is written: text as it is, escapes in ASCII.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// Writes `value`, a struct, pretty-printed to `out`, as [`to_writer`]
/// does, in two halves at once: its fields before `split` on this thread,
/// straight to `out`, and from `split` on on another, into pieces of
/// memory that this thread writes once its own half is written, in order,
/// and hands back to be filled again. For the report of a very large
/// questionnaire, whose lists of evidence make tens of megabytes, writing
/// it was the longest step of the run and the only one that used one
/// processor alone. (Of a struct without a field `split`, the other thread
/// writes only the closing brace.) Where no thread can be had, the struct
/// is written whole here.
pub fn to_writer_in_halves<W: Write>(
    mut out: W,
    value: &(impl Serialize + Sync),
    split: &'static str,
) -> serde_json::Result<()> {
    let (full, to_write) = mpsc::channel();
    let (written, emptied) = mpsc::channel();
    std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("json-second-half".to_owned())
            .spawn_scoped(scope, move || {
                let mut current = Vec::with_capacity(PIECE);
                let writer = Writer::new(&mut current, Pieces { full, emptied }, 1);
                value
                    .serialize(Fields::new(writer, Half::From(split)))
                    .map(drop)
            });
        let Ok(second) = second else {
            return to_writer(out, value);
        };
        let mut buffer = Vec::with_capacity(Streamed::<&mut W>::LIMIT + (1 << 12));
        let writer = Writer::new(&mut buffer, Streamed(&mut out), 0);
        let first = value
            .serialize(Fields::new(writer, Half::Before(split)))
            .and_then(|Streamed(out)| {
                // The other half's pieces, as they come, until it ends.
                for mut piece in &to_write {
                    out.write_all(&piece).map_err(serde_json::Error::io)?;
                    piece.clear();
                    // Gone only once the other half has ended.
                    let _ = written.send(piece);
                }
                Ok(())
            });
        // Where this half failed, the other's next piece finds no one to
        // take it, and that half stops there.
        drop(to_write);
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        first.and(second)
    })
}

/// Text handed over in pieces of about [`PIECE`] bytes as each fills, a
/// piece already written taken back to be filled again: each piece of a
/// report's second half in new memory was mostly the kernel clearing it
/// (16 MB for 10,000 pilots), and one buffer grown by doubling was copied
/// each time it grew. Spilling fails once nothing takes the pieces.
struct Pieces {
    full: mpsc::Sender<Vec<u8>>,
    emptied: mpsc::Receiver<Vec<u8>>,
}

const PIECE: usize = 1 << 22;

impl Pieces {
    fn hand_over(&self, piece: Vec<u8>) -> io::Result<()> {
        self.full
            .send(piece)
            .map_err(|_| io::Error::other("the first half of the report was not written"))
    }
}

impl Spill for Pieces {
    /// Room is left for the value that ends past it, most often.
    const LIMIT: usize = PIECE - (1 << 16);

    fn spill(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        let next = (self.emptied.try_recv()).unwrap_or_else(|_| Vec::with_capacity(PIECE));
        let full = std::mem::replace(buffer, next);
        self.hand_over(full)
    }

    /// The last piece handed over as it is, with no new one begun.
    fn spill_last(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        self.hand_over(std::mem::take(buffer))
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
/// lay it out in the whole struct, and gives back the writer's spill.
struct Fields<'o, S> {
    writer: Writer<'o, S, true>,
    half: Half,
    /// Whether the fields being met are the ones to write.
    writing: bool,
    /// Whether any field came before the one being met.
    after_first: bool,
}

impl<'o, S: Spill> Fields<'o, S> {
    fn new(writer: Writer<'o, S, true>, half: Half) -> Fields<'o, S> {
        Fields {
            writer,
            half,
            writing: matches!(half, Half::Before(_)),
            after_first: false,
        }
    }
}

impl<S: Spill> serde::ser::SerializeStruct for Fields<'_, S> {
    type Ok = S;
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
        self.writer.field(first, key, value)
    }

    fn end(mut self) -> serde_json::Result<S> {
        if let Half::From(_) = self.half {
            // Both halves meet every field written, whichever writes it.
            self.writer.close_struct(!self.after_first);
        }
        self.writer.finish()
    }
}

/// What [`Fields`] says of anything but a struct.
const NOT_A_STRUCT: &str = "only a struct is written in halves";

impl<S: Spill> serde::Serializer for Fields<'_, S> {
    type Ok = S;
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<S, serde_json::Error>;
    type SerializeTuple = Impossible<S, serde_json::Error>;
    type SerializeTupleStruct = Impossible<S, serde_json::Error>;
    type SerializeTupleVariant = Impossible<S, serde_json::Error>;
    type SerializeMap = Impossible<S, serde_json::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<S, serde_json::Error>;

    fn serialize_struct(mut self, _: &'static str, _: usize) -> serde_json::Result<Self> {
        if let Half::Before(_) = self.half {
            self.writer.open_struct();
        }
        Ok(self)
    }

    refuse! { NOT_A_STRUCT;
        serialize_bool(bool) -> S;
        serialize_i8(i8) -> S;
        serialize_i16(i16) -> S;
        serialize_i32(i32) -> S;
        serialize_i64(i64) -> S;
        serialize_u8(u8) -> S;
        serialize_u16(u16) -> S;
        serialize_u32(u32) -> S;
        serialize_u64(u64) -> S;
        serialize_f32(f32) -> S;
        serialize_f64(f64) -> S;
        serialize_char(char) -> S;
        serialize_str(&str) -> S;
        serialize_bytes(&[u8]) -> S;
        serialize_none() -> S;
        serialize_unit() -> S;
        serialize_unit_struct(&'static str) -> S;
        serialize_unit_variant(&'static str, u32, &'static str) -> S;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> serde_json::Result<S> {
        Err(serde::ser::Error::custom(NOT_A_STRUCT))
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<S> {
        Err(serde::ser::Error::custom(NOT_A_STRUCT))
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<S> {
        Err(serde::ser::Error::custom(NOT_A_STRUCT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use serde_json::value::RawValue;

    #[derive(Serialize)]
    struct Parts {
        a: u8,
        b: Vec<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        c: serde_json::Value,
        d: Option<&'static str>,
    }

    #[derive(Serialize)]
    struct NoField {}

    #[derive(Serialize)]
    struct AllLeftOut {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<u8>,
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
        // A struct that writes no field, having none or leaving all out.
        let mut halves = Vec::new();
        to_writer_in_halves(&mut halves, &NoField {}, "a").expect("json");
        assert_eq!(halves, b"{}");
        let mut halves = Vec::new();
        to_writer_in_halves(&mut halves, &AllLeftOut { a: None }, "a").expect("json");
        assert_eq!(halves, b"{}");
        let mut out = Vec::new();
        assert!(to_writer_in_halves(&mut out, &[1, 2], "a").is_err());
        // An output that takes nothing fails the whole, and the other half stops.
        assert!(to_writer_in_halves(Closed, &parts, "c").is_err());
    }

    /// Pieces, with the ends the writing thread holds: the pieces handed
    /// over, and the way back for those written.
    fn pieces() -> (Pieces, mpsc::Receiver<Vec<u8>>, mpsc::Sender<Vec<u8>>) {
        let (full, to_write) = mpsc::channel();
        let (written, emptied) = mpsc::channel();
        (Pieces { full, emptied }, to_write, written)
    }

    #[test]
    fn pieces_take_nothing_more_once_nothing_takes_them() {
        let (mut pieces, to_write, _written) = pieces();
        let mut buffer = b"taken".to_vec();
        pieces.spill(&mut buffer).expect("taken");
        assert!(buffer.is_empty() && buffer.capacity() >= PIECE);
        assert_eq!(to_write.try_recv().expect("handed over"), b"taken");
        drop(to_write);
        buffer.extend_from_slice(b"more");
        assert!(pieces.spill(&mut buffer).is_err());
        assert!(pieces.spill_last(&mut buffer).is_err());
    }

    #[test]
    fn a_piece_written_is_filled_again() {
        let (mut pieces, to_write, written) = pieces();
        let mut buffer = b"first".to_vec();
        pieces.spill(&mut buffer).expect("taken");
        let mut first = to_write.try_recv().expect("handed over");
        first.clear();
        let (capacity, at) = (first.capacity(), first.as_ptr());
        written.send(first).expect("taken back");
        buffer.extend_from_slice(b"second");
        pieces.spill(&mut buffer).expect("taken");
        assert_eq!((buffer.capacity(), buffer.as_ptr()), (capacity, at));
        assert!(buffer.is_empty());
        // With none given back, a new one is begun.
        buffer.extend_from_slice(b"third");
        pieces.spill(&mut buffer).expect("taken");
        assert!(buffer.is_empty() && buffer.capacity() >= PIECE);
        assert_ne!(buffer.as_ptr(), at);
    }

    #[test]
    fn pieces_hold_what_was_written_in_order() {
        // Strings across a piece's end, and one larger than a piece.
        let strings: Vec<String> = [7, PIECE - 3, 5, 2 * PIECE + 1, 1]
            .into_iter()
            .enumerate()
            .map(|(i, len)| {
                char::from(b'a' + u8::try_from(i).expect("few"))
                    .to_string()
                    .repeat(len)
            })
            .collect();
        let (pieces, to_write, _written) = pieces();
        let mut current = Vec::new();
        let mut writer = Writer::<_, true>::new(&mut current, pieces, 0);
        strings.serialize(&mut writer).expect("kept");
        drop(writer.finish().expect("kept"));
        let held: Vec<Vec<u8>> = to_write.iter().collect();
        assert!(held.len() >= 3);
        assert_eq!(
            held.concat(),
            serde_json::to_vec_pretty(&strings).expect("json")
        );
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
