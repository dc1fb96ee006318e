//! JSON written straight into memory, compact or pretty-printed, byte for
//! byte what `serde_json` writes (`to_writer`, `to_writer_pretty`): the
//! same escapes, the same numbers, the same layout. `serde_json` writes
//! every token through its `io::Write` and, pretty, through a formatter's
//! calls; a report of ten thousand pilots is some half a million short
//! strings, and those calls, not the text, were most of its cost. Here
//! each token is pushed onto a `Vec<u8>`, which a [`Spill`] empties at
//! the end of a value once it holds enough.

use serde::ser::{self, Serialize};
use serde_json::Error;
use std::fmt::{self, Write as _};
use std::io;

type Result<T = ()> = std::result::Result<T, Error>;

/// The name `serde_json` gives the struct a `RawValue` serializes as:
/// JSON made once, written where it stands.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// A line break and the deepest indentation written in one piece; deeper
/// levels (none of the tool's reports has them) are written in pieces.
const BREAK: &[u8] = b"\n                                                                ";

/// Where a writer's buffer goes once it holds [`Spill::LIMIT`] bytes or more.
pub trait Spill {
    /// How full the buffer gets before it is spilled, at the end of a value.
    const LIMIT: usize;

    /// Takes what `buffer` holds, leaving it empty (and ready for more).
    fn spill(&mut self, buffer: &mut Vec<u8>) -> io::Result<()>;

    /// Takes what `buffer` holds at the end, when nothing more will come.
    fn spill_last(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        self.spill(buffer)
    }
}

/// A buffer that is never spilled: the JSON is wanted in memory whole.
#[derive(Debug)]
pub struct Kept;

impl Spill for Kept {
    const LIMIT: usize = usize::MAX;

    fn spill(&mut self, _: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

/// A buffer spilled into an `io::Write` in pieces of 64 KiB or so.
#[derive(Debug)]
pub struct Streamed<W>(pub W);

impl<W: io::Write> Spill for Streamed<W> {
    const LIMIT: usize = 1 << 16;

    fn spill(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        self.0.write_all(buffer)?;
        buffer.clear();
        Ok(())
    }
}

/// Writes `value` as JSON at the end of `out`, pretty-printed when `PRETTY`.
pub fn append<const PRETTY: bool>(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) -> Result {
    value.serialize(&mut Writer::<Kept, PRETTY>::new(out, Kept, 0))
}

/// Writes `value` pretty-printed to `out`.
pub fn pretty_to_writer<W: io::Write>(out: W, value: &(impl Serialize + ?Sized)) -> Result {
    let mut buffer = Vec::with_capacity(Streamed::<W>::LIMIT + (1 << 12));
    let mut writer = Writer::<_, true>::new(&mut buffer, Streamed(out), 0);
    value.serialize(&mut writer)?;
    writer.finish().map(drop)
}

/// The serializer: JSON onto `out`, handed to `spill` as it fills.
#[derive(Debug)]
pub struct Writer<'o, S, const PRETTY: bool> {
    out: &'o mut Vec<u8>,
    spill: S,
    /// How deep the value being written is: its indentation, pretty.
    level: usize,
}

impl<'o, S: Spill, const PRETTY: bool> Writer<'o, S, PRETTY> {
    /// A writer onto `out` whose values stand `level` deep.
    pub fn new(out: &'o mut Vec<u8>, spill: S, level: usize) -> Self {
        Writer { out, spill, level }
    }

    /// Spills what is left; the spill back.
    pub fn finish(mut self) -> Result<S> {
        if !self.out.is_empty() {
            self.spill.spill_last(self.out).map_err(Error::io)?;
        }
        Ok(self.spill)
    }

    /// A struct's opening brace, for a writer that writes its fields one by one.
    pub fn open_struct(&mut self) {
        self.open(b'{');
    }

    /// A struct's field, `first` or after others.
    pub fn field<T: ?Sized + Serialize>(&mut self, first: bool, key: &str, value: &T) -> Result {
        self.before_item(first);
        self.string(key);
        self.colon();
        value.serialize(&mut *self)?;
        self.maybe_spill()
    }

    /// A struct's closing brace; `empty` when no field was written.
    pub fn close_struct(&mut self, empty: bool) {
        self.close(b'}', empty);
    }

    /// Spills the buffer if it holds enough: called between values.
    #[inline]
    fn maybe_spill(&mut self) -> Result {
        if self.out.len() >= S::LIMIT {
            self.spill.spill(self.out).map_err(Error::io)?;
        }
        Ok(())
    }

    /// A line break, then the current level's indentation.
    #[inline]
    fn break_line(&mut self) {
        let spaces = self.level * 2;
        if spaces < BREAK.len() {
            self.out.extend_from_slice(&BREAK[..=spaces]);
        } else {
            self.deep_break(spaces);
        }
    }

    #[cold]
    fn deep_break(&mut self, mut spaces: usize) {
        let first = BREAK.len() - 1;
        self.out.extend_from_slice(BREAK);
        spaces -= first;
        while spaces > 0 {
            let more = spaces.min(BREAK.len() - 1);
            self.out.extend_from_slice(&BREAK[1..=more]);
            spaces -= more;
        }
    }

    /// What comes before an element or a key: a comma after the first,
    /// and pretty, a line of its own.
    #[inline]
    fn before_item(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        if PRETTY {
            self.break_line();
        }
    }

    /// Opens a list or an object.
    #[inline]
    fn open(&mut self, bracket: u8) {
        self.level += 1;
        self.out.push(bracket);
    }

    /// Closes a list or an object; `empty` when nothing was written in it.
    #[inline]
    fn close(&mut self, bracket: u8, empty: bool) {
        self.level -= 1;
        if PRETTY && !empty {
            self.break_line();
        }
        self.out.push(bracket);
    }

    /// Between a key and its value.
    #[inline]
    fn colon(&mut self) {
        if PRETTY {
            self.out.extend_from_slice(b": ");
        } else {
            self.out.push(b':');
        }
    }

    #[inline]
    fn string(&mut self, text: &str) {
        self.out.reserve(text.len() + 2);
        self.out.push(b'"');
        escaped(self.out, text);
        self.out.push(b'"');
    }

    fn integer(&mut self, value: impl itoa::Integer) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    /// A float as `serde_json` writes it (`null` when not finite).
    fn float<T: Serialize>(&mut self, value: T) -> Result {
        serde_json::to_writer(&mut *self.out, &value)
    }

    /// JSON made once, compact (by `serde_json::value::to_raw_value`: a
    /// list of references): as it is, compact; pretty, laid out as if it
    /// had been serialized here (blanks in it would be kept as they are).
    fn raw(&mut self, fragment: &str) {
        let bytes = fragment.as_bytes();
        if !PRETTY || !matches!(bytes.first(), Some(b'[' | b'{')) {
            self.out.extend_from_slice(bytes);
            return;
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
                    self.out.extend_from_slice(&bytes[copied..=at]);
                    self.level += 1;
                    self.break_line();
                    at += 1;
                    copied = at;
                }
                b']' | b'}' => {
                    self.out.extend_from_slice(&bytes[copied..at]);
                    // A fragment closing more than it opened is not
                    // JSON a `RawValue` holds; laid out, it must not underflow.
                    self.level = self.level.saturating_sub(1);
                    self.break_line();
                    copied = at;
                    at += 1;
                }
                b',' => {
                    self.out.extend_from_slice(&bytes[copied..=at]);
                    self.break_line();
                    at += 1;
                    copied = at;
                }
                b':' => {
                    self.out.extend_from_slice(&bytes[copied..at]);
                    self.out.extend_from_slice(b": ");
                    at += 1;
                    copied = at;
                }
                _ => at += 1,
            }
        }
        self.level = level;
        self.out.extend_from_slice(&bytes[copied..]);
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

/// What a byte is written as inside a string: 0 for itself, `u` for
/// `\u00XX`, else the letter after the backslash (`serde_json`'s table).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// `text` escaped for inside a JSON string, at the end of `out`. Most
/// text needs no escape: that is found eight bytes at a time, and the
/// text then copied whole. Made part of each caller: a call of its own
/// for each of a portfolio's strings was 0.7 % of its instructions.
#[allow(clippy::inline_always)]
#[inline(always)]
fn escaped(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    if needs_no_escape(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut start = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(byte)];
        if escape != 0 {
            escape_at(out, &bytes[start..at], byte, escape);
            start = at + 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether no byte of `bytes` is escaped in a JSON string: none is a
/// control character (below 0x20), a quote or a backslash.
#[inline]
fn needs_no_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    /// Whether any byte of `word` is below `n` (at most 0x80).
    fn any_below(word: u64, n: u8) -> bool {
        word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH != 0
    }
    let words = bytes.chunks_exact(8);
    let rest = words.remainder();
    for chunk in words {
        let word = u64::from_ne_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if any_below(word, 0x20)
            || any_below(word ^ (ONES * u64::from(b'"')), 1)
            || any_below(word ^ (ONES * u64::from(b'\\')), 1)
        {
            return false;
        }
    }
    rest.iter().all(|&byte| ESCAPE[usize::from(byte)] == 0)
}

/// The run before a byte to escape, then the byte escaped.
#[cold]
fn escape_at(out: &mut Vec<u8>, run: &[u8], byte: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(run);
    if escape == b'u' {
        out.extend_from_slice(b"\\u00");
        out.push(HEX[usize::from(byte >> 4)]);
        out.push(HEX[usize::from(byte & 0xf)]);
    } else {
        out.push(b'\\');
        out.push(escape);
    }
}

/// Text written through `fmt::Write`, escaped as it comes (for
/// `collect_str`).
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escaped(self.0, text);
        Ok(())
    }
}

/// A serializer's ten integer methods, each handing its value to
/// `self.$write` and succeeding.
macro_rules! integers {
    ($write:ident) => {
        integers!($write;
            serialize_i8(i8) serialize_i16(i16) serialize_i32(i32) serialize_i64(i64)
            serialize_i128(i128) serialize_u8(u8) serialize_u16(u16) serialize_u32(u32)
            serialize_u64(u64) serialize_u128(u128));
    };
    ($write:ident; $($method:ident($ty:ty))*) => {
        $(fn $method(self, value: $ty) -> Result {
            self.$write(value);
            Ok(())
        })*
    };
}

/// The compound types of a serializer that takes only single values.
macro_rules! no_compounds {
    () => {
        type SerializeSeq = ser::Impossible<(), Error>;
        type SerializeTuple = ser::Impossible<(), Error>;
        type SerializeTupleStruct = ser::Impossible<(), Error>;
        type SerializeTupleVariant = ser::Impossible<(), Error>;
        type SerializeMap = ser::Impossible<(), Error>;
        type SerializeStruct = ser::Impossible<(), Error>;
        type SerializeStructVariant = ser::Impossible<(), Error>;
    };
}

impl<'w, 'o, S: Spill, const PRETTY: bool> ser::Serializer for &'w mut Writer<'o, S, PRETTY> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'o, S, PRETTY>;
    type SerializeTuple = Compound<'w, 'o, S, PRETTY>;
    type SerializeTupleStruct = Compound<'w, 'o, S, PRETTY>;
    type SerializeTupleVariant = Compound<'w, 'o, S, PRETTY>;
    type SerializeMap = Compound<'w, 'o, S, PRETTY>;
    type SerializeStruct = Compound<'w, 'o, S, PRETTY>;
    type SerializeStructVariant = Compound<'w, 'o, S, PRETTY>;

    fn serialize_bool(self, value: bool) -> Result {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    integers!(integer);

    fn serialize_f32(self, value: f32) -> Result {
        self.float(value)
    }

    fn serialize_f64(self, value: f64) -> Result {
        self.float(value)
    }

    fn serialize_char(self, value: char) -> Result {
        self.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result {
        self.string(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut list = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            list.serialize_element(byte)?;
        }
        list.end()
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.open(b'{');
        self.before_item(true);
        self.string(variant);
        self.colon();
        value.serialize(&mut *self)?;
        self.close(b'}', false);
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        self.open(b'[');
        Ok(Compound::new(self, Close::List))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.open(b'{');
        self.before_item(true);
        self.string(variant);
        self.colon();
        self.open(b'[');
        Ok(Compound::new(self, Close::ListInVariant))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        self.open(b'{');
        Ok(Compound::new(self, Close::Object))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        if name == RAW_VALUE {
            return Ok(Compound::new(self, Close::Raw));
        }
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.open(b'{');
        self.before_item(true);
        self.string(variant);
        self.colon();
        self.open(b'{');
        Ok(Compound::new(self, Close::ObjectInVariant))
    }

    fn collect_str<T: ?Sized + fmt::Display>(self, value: &T) -> Result {
        self.out.push(b'"');
        write!(Escaping(self.out), "{value}").map_err(ser::Error::custom)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// How a list or an object being written is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    List,
    Object,
    /// A tuple variant's list, inside the object that names the variant.
    ListInVariant,
    /// A struct variant's object, inside the object that names it.
    ObjectInVariant,
    /// Nothing: a `RawValue`, whose one field is the JSON itself.
    Raw,
}

/// A list or an object being written.
#[derive(Debug)]
pub struct Compound<'w, 'o, S, const PRETTY: bool> {
    writer: &'w mut Writer<'o, S, PRETTY>,
    close: Close,
    /// Nothing written in it yet.
    empty: bool,
}

impl<'w, 'o, S: Spill, const PRETTY: bool> Compound<'w, 'o, S, PRETTY> {
    fn new(writer: &'w mut Writer<'o, S, PRETTY>, close: Close) -> Self {
        Compound {
            writer,
            close,
            empty: true,
        }
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.writer.before_item(self.empty);
        self.empty = false;
        value.serialize(&mut *self.writer)?;
        self.writer.maybe_spill()
    }

    /// A struct's field: its name and its value.
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        if self.close == Close::Raw {
            return value.serialize(RawFragment(self.writer));
        }
        let first = self.empty;
        self.empty = false;
        self.writer.field(first, key, value)
    }

    fn finish(self) {
        let w = self.writer;
        match self.close {
            Close::List => w.close(b']', self.empty),
            Close::Object => w.close(b'}', self.empty),
            Close::ListInVariant => {
                w.close(b']', self.empty);
                w.close(b'}', false);
            }
            Close::ObjectInVariant => {
                w.close(b'}', self.empty);
                w.close(b'}', false);
            }
            Close::Raw => {}
        }
    }
}

/// The traits of a list's kinds, each writing an element as a list does.
macro_rules! elements {
    ($($kind:ident::$method:ident),*) => {$(
        impl<S: Spill, const PRETTY: bool> ser::$kind for Compound<'_, '_, S, PRETTY> {
            type Ok = ();
            type Error = Error;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
                self.element(value)
            }

            fn end(self) -> Result {
                self.finish();
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The traits of a struct's kinds, each writing a field as a struct does.
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl<S: Spill, const PRETTY: bool> ser::$kind for Compound<'_, '_, S, PRETTY> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result {
                self.field(key, value)
            }

            fn end(self) -> Result {
                self.finish();
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl<S: Spill, const PRETTY: bool> ser::SerializeMap for Compound<'_, '_, S, PRETTY> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.writer.before_item(self.empty);
        self.empty = false;
        key.serialize(MapKey(self.writer))?;
        self.writer.colon();
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.writer)?;
        self.writer.maybe_spill()
    }

    fn end(self) -> Result {
        self.finish();
        Ok(())
    }
}

/// Serializer methods that refuse their value, saying `$why`: for a
/// serializer that takes one kind of value only.
macro_rules! refuse {
    ($why:expr; $($method:ident($($arg:ty),*) -> $out:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> std::result::Result<$out, serde_json::Error> {
            Err(serde::ser::Error::custom($why))
        })*
    };
}
pub(crate) use refuse;

/// The serializer for a map's key: a string, or a number or a truth value
/// written as one, as `serde_json` takes them (`MapKeySerializer`).
struct MapKey<'w, 'o, S, const PRETTY: bool>(&'w mut Writer<'o, S, PRETTY>);

const KEY_MUST_BE_A_STRING: &str = "key must be a string";

impl<S: Spill, const PRETTY: bool> ser::Serializer for MapKey<'_, '_, S, PRETTY> {
    type Ok = ();
    type Error = Error;
    no_compounds!();

    fn serialize_str(self, value: &str) -> Result {
        self.0.string(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result {
        self.0.string(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_bool(self, value: bool) -> Result {
        self.0.string(if value { "true" } else { "false" });
        Ok(())
    }

    integers!(quoted);

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.0.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_f32(self, value: f32) -> Result {
        self.quoted_float(value.is_finite(), value)
    }

    fn serialize_f64(self, value: f64) -> Result {
        self.quoted_float(value.is_finite(), value)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(ser::Error::custom(KEY_MUST_BE_A_STRING))
    }

    refuse! { KEY_MUST_BE_A_STRING;
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

impl<S: Spill, const PRETTY: bool> MapKey<'_, '_, S, PRETTY> {
    fn quoted(self, value: impl itoa::Integer) {
        self.0.out.push(b'"');
        self.0.integer(value);
        self.0.out.push(b'"');
    }

    /// A float key, quoted; one that is not finite is refused.
    fn quoted_float<T: Serialize>(self, finite: bool, value: T) -> Result {
        if !finite {
            return Err(ser::Error::custom(
                "float key must be finite (got NaN or +/-inf)",
            ));
        }
        self.0.out.push(b'"');
        self.0.float(value)?;
        self.0.out.push(b'"');
        Ok(())
    }
}

/// The serializer for a `RawValue`'s one field, its JSON.
struct RawFragment<'w, 'o, S, const PRETTY: bool>(&'w mut Writer<'o, S, PRETTY>);

const NOT_RAW_JSON: &str = "expected the JSON of a raw value";

impl<S: Spill, const PRETTY: bool> ser::Serializer for RawFragment<'_, '_, S, PRETTY> {
    type Ok = ();
    type Error = Error;
    no_compounds!();

    fn serialize_str(self, json: &str) -> Result {
        self.0.raw(json);
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result {
        Err(ser::Error::custom(NOT_RAW_JSON))
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> Result {
        Err(ser::Error::custom(NOT_RAW_JSON))
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(ser::Error::custom(NOT_RAW_JSON))
    }

    refuse! { NOT_RAW_JSON;
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
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::value::RawValue;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    fn compact(value: &(impl Serialize + ?Sized)) -> String {
        let mut out = Vec::new();
        append::<false>(&mut out, value).expect("json");
        String::from_utf8(out).expect("UTF-8")
    }

    fn pretty(value: &(impl Serialize + ?Sized)) -> String {
        let mut out = Vec::new();
        append::<true>(&mut out, value).expect("json");
        String::from_utf8(out).expect("UTF-8")
    }

    /// Both layouts against `serde_json`'s.
    fn same_as_serde_json(value: &(impl Serialize + ?Sized)) {
        assert_eq!(compact(value), serde_json::to_string(value).expect("json"));
        assert_eq!(
            pretty(value),
            serde_json::to_string_pretty(value).expect("json")
        );
    }

    /// Text of every kind a string holds: plain, escaped, control
    /// characters, wide characters, at every length around a word's eight
    /// bytes.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z .\\-]{0,20}",
            "[\\x00-\\x7f]{0,20}",
            "[\"\\\\\\x1f\\x7f\\n\\t]{0,4}[a-z]{0,9}[\"\\\\é\\u{2028}🦀]{0,3}",
            any::<String>(),
        ]
    }

    fn values() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::vec((text(), inner), 0..8)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(value in values()) {
            prop_assert_eq!(compact(&value), serde_json::to_string(&value).expect("json"));
            prop_assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).expect("json"));
        }

        #[test]
        fn escapes_what_serde_json_escapes(text in text()) {
            prop_assert_eq!(compact(&text), serde_json::to_string(&text).expect("json"));
        }
    }

    #[derive(Serialize)]
    enum Shapes {
        Unit,
        Newtype(u8),
        Tuple(u8, &'static str),
        Struct { a: Option<u8>, b: Vec<u8> },
        EmptyTuple(),
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(Vec<u8>);

    #[derive(Serialize)]
    struct Everything<'a> {
        shapes: [Shapes; 6],
        unit: Unit,
        newtype: Newtype,
        tuple: (i8, u16, f32, char),
        extremes: (i128, u128, i64, u64),
        floats: [f64; 5],
        #[serde(with = "serde_bytes_as_list")]
        bytes: &'a [u8],
        integer_keys: BTreeMap<u32, &'a str>,
        truth_keys: BTreeMap<bool, u8>,
        char_keys: BTreeMap<char, Option<bool>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        nothing: (),
    }

    /// Bytes as `serialize_bytes` gives them, which `serde_json` writes as a list.
    mod serde_bytes_as_list {
        pub(super) fn serialize<S: serde::Serializer>(
            bytes: &[u8],
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(bytes)
        }
    }

    #[test]
    fn writes_every_shape_serde_has_as_serde_json_does() {
        let everything = Everything {
            shapes: [
                Shapes::Unit,
                Shapes::Newtype(7),
                Shapes::Tuple(1, "two"),
                Shapes::Struct {
                    a: None,
                    b: vec![3],
                },
                Shapes::EmptyTuple(),
                Shapes::EmptyStruct {},
            ],
            unit: Unit,
            newtype: Newtype(vec![]),
            tuple: (-8, 16, 0.1, '\u{7}'),
            extremes: (i128::MIN, u128::MAX, i64::MIN, u64::MAX),
            floats: [0.0, -0.0, 1e300, f64::NAN, f64::NEG_INFINITY],
            bytes: b"\x00\xff",
            integer_keys: BTreeMap::from([(1, "one"), (20, "")]),
            truth_keys: BTreeMap::from([(false, 0), (true, 1)]),
            char_keys: BTreeMap::from([('"', None), ('é', Some(true))]),
            skipped: None,
            nothing: (),
        };
        same_as_serde_json(&everything);
        same_as_serde_json(&Vec::<Everything<'_>>::new());
        same_as_serde_json(&BTreeMap::<String, u8>::new());
    }

    /// JSON made once is copied as it is, compact; pretty, it is laid out
    /// (`render::pretty`'s tests), where `serde_json` copies it compact.
    #[test]
    fn copies_a_value_made_compact_as_it_is() {
        let samples = [
            json!("a [b], {c}: d\"\\"),
            json!([]),
            json!(1.5),
            json!({"x": [1, {"y": {}}], "z": []}),
        ];
        let raw: Vec<Box<RawValue>> = samples
            .iter()
            .map(|v| serde_json::value::to_raw_value(v).expect("raw"))
            .collect();
        assert_eq!(compact(&raw), serde_json::to_string(&raw).expect("json"));
        assert_eq!(
            pretty(&raw[..3]),
            serde_json::to_string_pretty(&raw[..3]).expect("json")
        );
        assert_eq!(
            pretty(&raw),
            serde_json::to_string_pretty(&samples).expect("json")
        );
    }

    #[test]
    fn refuses_keys_that_are_not_strings_and_raw_values_that_are_not_text() {
        #[derive(Serialize)]
        #[serde(rename = "$serde_json::private::RawValue")]
        struct NotText {
            #[serde(rename = "$serde_json::private::RawValue")]
            json: u8,
        }
        let listed = BTreeMap::from([(vec![1], 1)]);
        assert!(compact_fails(&listed));
        assert!(compact_fails(&BTreeMap::from([(None::<u8>, 1)])));
        assert!(compact_fails(&BTreeMap::from([((), 1)])));
        assert!(compact_fails(&NotText { json: 1 }));
    }

    /// A map's entries, keys of any kind, as serde gives them.
    struct Entries<K, V>(Vec<(K, V)>);

    impl<K: Serialize, V: Serialize> Serialize for Entries<K, V> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use ser::SerializeMap;
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in &self.0 {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }

    #[test]
    fn takes_the_keys_serde_json_takes() {
        same_as_serde_json(&BTreeMap::from([(Some(1u8), 1), (Some(2), 2)]));
        same_as_serde_json(&BTreeMap::from([(i128::MIN, 1), (1, 2)]));
        same_as_serde_json(&BTreeMap::from([(u128::MAX, 1)]));
        same_as_serde_json(&Entries(vec![(1.5f64, 1), (-0.0, 2), (1e300, 3)]));
        same_as_serde_json(&Entries(vec![(0.1f32, 1)]));
        for not_finite in [f64::NAN, f64::INFINITY] {
            let entries = Entries(vec![(not_finite, 1)]);
            assert!(compact_fails(&entries));
            assert!(serde_json::to_string(&entries).is_err());
        }
    }

    #[test]
    fn a_fragment_that_closes_more_than_it_opens_is_written_without_a_fault() {
        #[derive(Serialize)]
        #[serde(rename = "$serde_json::private::RawValue")]
        struct Raw {
            #[serde(rename = "$serde_json::private::RawValue")]
            json: &'static str,
        }
        assert_eq!(pretty(&Raw { json: "[]]}" }), "[]\n]\n}");
        assert_eq!(compact(&Raw { json: "[]]}" }), "[]]}");
    }

    fn compact_fails(value: &impl Serialize) -> bool {
        append::<false>(&mut Vec::new(), value).is_err()
    }

    #[test]
    fn lays_out_levels_deeper_than_one_line_break_holds() {
        let mut deep = json!("leaf");
        for level in 0..40 {
            deep = json!({ "level": level, "list": [deep, [], {}, [1, "two"]], "empty": {} });
        }
        same_as_serde_json(&deep);
    }

    /// Takes what it is given, and fails once it holds `fails_past` bytes.
    struct Taken {
        bytes: Vec<u8>,
        writes: usize,
        fails_past: usize,
    }

    impl io::Write for Taken {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.bytes.len() > self.fails_past {
                return Err(io::Error::other("full"));
            }
            self.writes += 1;
            self.bytes.extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_large_value_reaches_the_writer_in_pieces_and_whole() {
        let large: Vec<Value> = (0..20_000)
            .map(|i| json!({"path": format!("implementation.pilots[{i}]"), "line": i}))
            .collect();
        let mut taken = Taken {
            bytes: Vec::new(),
            writes: 0,
            fails_past: usize::MAX,
        };
        pretty_to_writer(&mut taken, &large).expect("written");
        assert!(taken.writes > 10, "{} writes", taken.writes);
        assert_eq!(
            String::from_utf8(taken.bytes).expect("UTF-8"),
            serde_json::to_string_pretty(&large).expect("json")
        );
        // A writer that fails fails the whole.
        let mut failing = Taken {
            bytes: Vec::new(),
            writes: 0,
            fails_past: 100_000,
        };
        assert!(pretty_to_writer(&mut failing, &large).is_err());
    }

    #[test]
    fn text_written_through_its_display_is_escaped_as_a_string_is() {
        let path = crate::derive::evidence::EvidencePath::Written("a \"b\"\n".to_owned());
        let mut out = Vec::new();
        let mut writer = Writer::<_, false>::new(&mut out, Kept, 0);
        ser::Serializer::collect_str(&mut writer, &path).expect("json");
        assert_eq!(out, serde_json::to_vec("a \"b\"\n").expect("json"));
    }
}
