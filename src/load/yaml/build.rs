//! Builds the node tree from the YAML parser's events, within budgets.
//!
//! The budgets stop hostile input early: nesting deeper than a questionnaire
//! ever needs, and aliases that would replay a small text into a huge tree
//! (the "billion laughs"). Anchors, aliases and merge keys (`<<`) otherwise
//! work as YAML defines them.

use super::events::{with_events, Events};
use super::scalar::{self, Wanted};
use super::{Node, Position, SyntaxError, Value};
use saphyr_parser::{Event, ScalarStyle, Span, Tag};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Collections inside collections, counting the top mapping as one.
pub(super) const MAX_DEPTH: usize = 32;
/// Every scalar and collection, replayed ones included.
pub(super) const MAX_NODES: usize = 2_000_000;
const MAX_ANCHORS: usize = 200;
const MAX_ALIASES: usize = 200;
/// Nodes copied by all aliases together.
const MAX_REPLAYED: usize = 20_000;

const NESTED_TOO_DEEPLY: &str =
    "the YAML is nested too deeply; a questionnaire needs only a few levels";
const ALIASES_EXPAND_TOO_FAR: &str =
    "the YAML aliases (`*name`) expand to too many values; write the values out instead";
const TOO_MANY_ANCHORS: &str =
    "the YAML uses too many anchors or aliases (`&name`, `*name`); write the values out instead";

/// Above this many entries, duplicate keys are found with a hash set rather
/// than by comparing with every earlier key.
const LINEAR_KEY_SEARCH: usize = 16;

/// Reads the one document in `text`; an empty stream is a null at 1:1. A
/// large file's events are parsed on a thread of their own (see
/// [`Events`]) and its text kept tight (see [`Builder::tight_text`]).
pub(super) fn document(text: &str) -> Result<Node, SyntaxError> {
    with_events(text, |events, tight_text| {
        Builder::new(events, tight_text).stream()
    })
}

/// A value under an anchor, ready to be copied where an alias names it.
struct Anchored {
    node: Node,
    /// Collection levels inside it, so an alias cannot nest past the limit.
    height: usize,
    /// Its nodes, counted against the replay budget.
    size: usize,
}

struct Builder<'input> {
    events: Events<'input>,
    /// The parser gives each plain scalar room for 128 more bytes. In a
    /// large file that room, kept in the tree, was most of the memory it
    /// took (19 MB of a file of 10,000 pilots), so there each text is moved
    /// into an allocation of its length; a small file's tree is gone a
    /// moment later, its room taken again by the next file's.
    tight_text: bool,
    anchors: HashMap<usize, Anchored>,
    aliases: usize,
    replayed: usize,
    /// The items of the lists being built, the innermost list's last, and
    /// the entries of the mappings being built likewise: a collection's
    /// own are moved out into a vector of their exact size once it ends,
    /// instead of each collection growing a vector of its own by doubling.
    items: Vec<Node>,
    entries: Vec<(Node, Node)>,
    nodes: usize,
}

/// A built node with what the budgets need to know about it.
struct Built {
    node: Node,
    height: usize,
    size: usize,
    /// A plain, untagged `<<`: a merge key when it is a mapping's key.
    merge_key: bool,
}

impl Built {
    /// A list or mapping one level above its tallest child.
    fn collection(value: Value, at: Position, child_height: usize, size: usize) -> Built {
        Built {
            node: Node { value, at },
            height: child_height + 1,
            size,
            merge_key: false,
        }
    }
}

impl<'input> Builder<'input> {
    fn new(events: Events<'input>, tight_text: bool) -> Builder<'input> {
        Builder {
            events,
            tight_text,
            anchors: HashMap::new(),
            aliases: 0,
            replayed: 0,
            items: Vec::new(),
            entries: Vec::new(),
            nodes: 0,
        }
    }

    fn stream(&mut self) -> Result<Node, SyntaxError> {
        let mut root = None;
        loop {
            let (event, span) = self.next()?;
            match event {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) if root.is_some() => {
                    let at = self.events.peek_span().unwrap_or(span);
                    return Err(SyntaxError {
                        at: Some(position(&at)),
                        message: "the file holds more than one YAML document (`---`); a questionnaire is one document"
                            .to_owned(),
                    });
                }
                Event::DocumentStart(_) => {
                    let (event, span) = self.next()?;
                    root = Some(self.node(event, span, 0)?.node);
                }
                _ => return Err(unexpected(span)),
            }
        }
        Ok(root.unwrap_or(Node {
            value: Value::Null,
            at: Position { line: 1, column: 1 },
        }))
    }

    fn next(&mut self) -> Result<(Event<'input>, Span), SyntaxError> {
        match self.events.next() {
            Some(Ok(next)) => Ok(next),
            Some(Err(error)) => Err(SyntaxError {
                at: Some(Position {
                    line: to_u32(error.marker().line()),
                    column: to_u32(error.marker().col() + 1),
                }),
                message: describe_scan_error(error.info()),
            }),
            None => Err(SyntaxError {
                at: None,
                message: "the YAML ends in the middle of a value".to_owned(),
            }),
        }
    }

    /// One node, starting with `event`; `depth` counts the collections around it.
    fn node(
        &mut self,
        event: Event<'input>,
        span: Span,
        depth: usize,
    ) -> Result<Built, SyntaxError> {
        let at = position(&span);
        self.count_nodes(1, at)?;
        let (built, anchor) = match event {
            Event::Alias(id) => (self.alias(id, at, depth)?, 0),
            Event::Scalar(text, style, anchor, tag) => {
                let (value, merge_key) =
                    scalar_value(text, style, tag.as_deref(), at, self.tight_text)?;
                let node = Node { value, at };
                (
                    Built {
                        node,
                        height: 0,
                        size: 1,
                        merge_key,
                    },
                    anchor,
                )
            }
            Event::SequenceStart(anchor, _) => (self.sequence(at, depth + 1)?, anchor),
            Event::MappingStart(anchor, _) => (self.mapping(at, depth + 1)?, anchor),
            _ => return Err(unexpected(span)),
        };
        if anchor != 0 {
            self.anchor(anchor, &built, at)?;
        }
        Ok(built)
    }

    fn sequence(&mut self, at: Position, depth: usize) -> Result<Built, SyntaxError> {
        too_deep(depth, at)?;
        let start = self.items.len();
        let (mut height, mut size) = (0, 1);
        loop {
            let (event, span) = self.next()?;
            if matches!(event, Event::SequenceEnd) {
                break;
            }
            let item = self.node(event, span, depth)?;
            height = height.max(item.height);
            size += item.size;
            self.items.push(item.node);
        }
        let items = self.items.drain(start..).collect();
        Ok(Built::collection(Value::List(items), at, height, size))
    }

    fn mapping(&mut self, at: Position, depth: usize) -> Result<Built, SyntaxError> {
        too_deep(depth, at)?;
        let mut keys = Keys {
            start: self.entries.len(),
            index: HashSet::new(),
        };
        let mut merged = Vec::new();
        let mut merge_seen = false;
        let (mut height, mut size) = (0, 1);
        loop {
            let (event, span) = self.next()?;
            if matches!(event, Event::MappingEnd) {
                break;
            }
            let key = self.node(event, span, depth)?;
            let (event, span) = self.next()?;
            let value = self.node(event, span, depth)?;
            height = height.max(key.height).max(value.height);
            size += key.size + value.size;
            if key.merge_key && merge_seen {
                // A key is written once, the merge key too: several
                // mappings are merged from one list, `<<: [*a, *b]`.
                return Err(SyntaxError {
                    at: Some(key.node.at),
                    message: "the merge key \"<<\" appears twice in the same mapping; merge several mappings with one list: <<: [*a, *b]".to_owned(),
                });
            } else if key.merge_key {
                merge_seen = true;
                merged.extend(merge_sources(value.node)?);
            } else if keys.contains(&self.entries, &key.node.value) {
                return Err(SyntaxError {
                    at: Some(key.node.at),
                    message: format!(
                        "the key \"{}\" appears twice in the same mapping; keep one",
                        key_text(&key.node.value)
                    ),
                });
            } else {
                keys.push(&mut self.entries, key.node, value.node);
            }
        }
        // Keys written in the mapping win over merged ones, and earlier merged
        // mappings over later ones, as YAML's merge key defines.
        for (key, value) in merged {
            if !keys.contains(&self.entries, &key.value) {
                keys.push(&mut self.entries, key, value);
            }
        }
        let entries = self.entries.drain(keys.start..).collect();
        Ok(Built::collection(Value::Map(entries), at, height, size))
    }

    /// A copy of the anchored value, placed where the alias stands.
    fn alias(&mut self, id: usize, at: Position, depth: usize) -> Result<Built, SyntaxError> {
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return Err(SyntaxError {
                at: Some(at),
                message: TOO_MANY_ANCHORS.to_owned(),
            });
        }
        let Some(anchored) = self.anchors.get(&id) else {
            // The parser knows the anchor, so the alias sits inside its own anchored value.
            return Err(SyntaxError {
                at: Some(at),
                message: "the alias (`*name`) stands inside the value it names; YAML cannot repeat a value within itself"
                    .to_owned(),
            });
        };
        let (height, size) = (anchored.height, anchored.size);
        too_deep(depth + height, at)?;
        self.replayed += size;
        if self.replayed > MAX_REPLAYED {
            return Err(SyntaxError {
                at: Some(at),
                message: ALIASES_EXPAND_TOO_FAR.to_owned(),
            });
        }
        let node = placed_at(&anchored.node, at);
        self.count_nodes(size.saturating_sub(1), at)?;
        Ok(Built {
            node,
            height,
            size,
            merge_key: false,
        })
    }

    fn anchor(&mut self, id: usize, built: &Built, at: Position) -> Result<(), SyntaxError> {
        if !self.anchors.contains_key(&id) && self.anchors.len() >= MAX_ANCHORS {
            return Err(SyntaxError {
                at: Some(at),
                message: TOO_MANY_ANCHORS.to_owned(),
            });
        }
        let anchored = Anchored {
            node: built.node.clone(),
            height: built.height,
            size: built.size,
        };
        self.anchors.insert(id, anchored);
        Ok(())
    }

    fn count_nodes(&mut self, more: usize, at: Position) -> Result<(), SyntaxError> {
        self.nodes += more;
        if self.nodes > MAX_NODES {
            return Err(SyntaxError {
                at: Some(at),
                message: "the YAML is too large to be a questionnaire (too many values)".to_owned(),
            });
        }
        Ok(())
    }
}

/// The keys of a mapping being built, whose entries are the builder's
/// from `start` on, with a quick way to ask whether a key is already there.
struct Keys {
    start: usize,
    /// Filled once the mapping has more than [`LINEAR_KEY_SEARCH`] entries.
    index: HashSet<KeyId>,
}

impl Keys {
    fn contains(&self, entries: &[(Node, Node)], key: &Value) -> bool {
        let entries = &entries[self.start..];
        if entries.len() <= LINEAR_KEY_SEARCH {
            entries.iter().any(|(k, _)| same_key(&k.value, key))
        } else {
            KeyId::of(key).is_some_and(|id| self.index.contains(&id))
        }
    }

    fn push(&mut self, entries: &mut Vec<(Node, Node)>, key: Node, value: Node) {
        entries.push((key, value));
        let entries = &entries[self.start..];
        if entries.len() == LINEAR_KEY_SEARCH + 1 {
            self.index = entries
                .iter()
                .filter_map(|(k, _)| KeyId::of(&k.value))
                .collect();
        } else if entries.len() > LINEAR_KEY_SEARCH {
            if let Some((k, _)) = entries.last() {
                self.index.extend(KeyId::of(&k.value));
            }
        }
    }
}

/// A scalar key as the reader wrote it, near enough to find it.
fn key_text(key: &Value) -> String {
    match key {
        Value::Null => "~".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => x.to_string(),
        Value::Text(t) => super::clip(t),
        Value::List(_) | Value::Map(_) => key.describe(),
    }
}

/// [`KeyId`]'s equality without building one.
fn same_key(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Text(x), Value::Text(y)) => x == y,
        _ => false,
    }
}

/// What makes two scalar keys the same key. Lists and mappings as keys are
/// never compared: the loader refuses them anyway.
#[derive(PartialEq, Eq, Hash)]
enum KeyId {
    Null,
    Bool(bool),
    Int(i64),
    Float(u64),
    Text(String),
}

impl KeyId {
    fn of(value: &Value) -> Option<KeyId> {
        match value {
            Value::Null => Some(KeyId::Null),
            Value::Bool(b) => Some(KeyId::Bool(*b)),
            Value::Int(i) => Some(KeyId::Int(*i)),
            Value::Float(x) => Some(KeyId::Float(x.to_bits())),
            Value::Text(t) => Some(KeyId::Text(t.clone())),
            Value::List(_) | Value::Map(_) => None,
        }
    }
}

/// A scalar's value, resolved as its tag or the core schema says, and
/// whether it is a merge key (a plain, untagged `<<`). With `tight_text`,
/// text is held in an allocation of its length (see [`Builder::tight_text`]).
pub(super) fn scalar_value(
    text: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
    at: Position,
    tight_text: bool,
) -> Result<(Value, bool), SyntaxError> {
    let wanted = tag.map_or(Wanted::Resolve, |tag| {
        Wanted::from_tag(&tag.handle, &tag.suffix)
    });
    let quoted = style != ScalarStyle::Plain;
    let merge_key = !quoted && tag.is_none() && text == "<<";
    let mut value = scalar::resolve(text, quoted, wanted).map_err(|message| SyntaxError {
        at: Some(at),
        message,
    })?;
    if let Value::Text(text) = &mut value {
        refuse_control_characters(text, at)?;
        if tight_text && text.capacity() > text.len() {
            // A fresh copy takes fewer instructions than asking the
            // allocator to shrink the string.
            *text = text.as_str().to_owned();
        }
    }
    Ok((value, merge_key))
}

/// The entries a merge key brings: from one mapping or a list of mappings.
fn merge_sources(value: Node) -> Result<Vec<(Node, Node)>, SyntaxError> {
    let refused = |at| SyntaxError {
        at: Some(at),
        message: "a merge key (`<<`) takes a mapping or a list of mappings".to_owned(),
    };
    match value.value {
        Value::Map(entries) => Ok(entries),
        Value::List(items) => {
            let mut entries = Vec::new();
            for item in items {
                match item.value {
                    Value::Map(more) => entries.extend(more),
                    _ => return Err(refused(item.at)),
                }
            }
            Ok(entries)
        }
        _ => Err(refused(value.at)),
    }
}

/// A copy of `node` with every position moved to `at`: an error inside an
/// aliased value points at the alias, where the reader sees it used.
fn placed_at(node: &Node, at: Position) -> Node {
    let value = match &node.value {
        Value::List(items) => Value::List(items.iter().map(|n| placed_at(n, at)).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|(k, v)| (placed_at(k, at), placed_at(v, at)))
                .collect(),
        ),
        scalar => scalar.clone(),
    };
    Node { value, at }
}

/// Text reaches terminals, Markdown and CI logs; an escape sequence or a
/// carriage return in it could rewrite what the reader sees, a
/// bidirectional override or isolate could show it in another order than it
/// is read, and an invisible character could make it look like other text
/// (`diagnostic::refused_in_text`). A line break is ordinary text.
pub(super) fn refuse_control_characters(text: &str, at: Position) -> Result<(), SyntaxError> {
    // Most text is printable ASCII, which holds none of them: one pass over
    // the bytes, which the compiler vectorizes, instead of decoding characters.
    if text.bytes().all(|b| matches!(b, b' '..=b'~' | b'\n')) {
        return Ok(());
    }
    // A line break is the only control character a text may hold.
    let refused = |c: &char| *c != '\n' && crate::diagnostic::refused_in_text(*c);
    let why = match text.chars().find(refused) {
        None => return Ok(()),
        Some(c) if c.is_control() => format!(
            "the text holds the control character U+{:04X}, which cannot be shown safely; remove it",
            u32::from(c)
        ),
        Some(c) if crate::diagnostic::is_unsafe(c) => format!(
            "the text holds U+{:04X}, a bidirectional override that can make text read differently than it shows; remove it",
            u32::from(c)
        ),
        Some(c) => format!(
            "the text holds U+{:04X}, an invisible character that can make text look like other text; remove it",
            u32::from(c)
        ),
    };
    Err(SyntaxError {
        at: Some(at),
        message: why,
    })
}

fn too_deep(depth: usize, at: Position) -> Result<(), SyntaxError> {
    if depth > MAX_DEPTH {
        return Err(SyntaxError {
            at: Some(at),
            message: NESTED_TOO_DEEPLY.to_owned(),
        });
    }
    Ok(())
}

fn unexpected(span: Span) -> SyntaxError {
    SyntaxError {
        at: Some(position(&span)),
        message: "not valid YAML: a value was expected here".to_owned(),
    }
}

// The parser's own words for most syntax errors are clear; a few are
// rephrased for a reader who has never heard of anchors or directives.
fn describe_scan_error(info: &str) -> String {
    match info {
        "while parsing node, found unknown anchor" => {
            "an alias (`*name`) names an anchor (`&name`) that is not defined before it".to_owned()
        }
        "recursion limit exceeded" => NESTED_TOO_DEEPLY.to_owned(),
        // The parser notices a missing `:` only on the line after the key.
        "simple key expect ':'" | "simple key expected ':'" => {
            "not valid YAML: a key is missing its `:` here or on the line before".to_owned()
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            "not valid YAML: a quoted text is never closed".to_owned()
        }
        other => format!("not valid YAML: {other}"),
    }
}

pub(super) fn position(span: &Span) -> Position {
    Position {
        line: to_u32(span.start.line()),
        column: to_u32(span.start.col() + 1),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::source::LARGE_FILE;
    use std::fmt::Write as _;

    fn refused(text: &str) -> SyntaxError {
        document(text).expect_err(text)
    }

    fn top_keys(text: &str) -> Vec<Value> {
        match document(text).unwrap_or_else(|e| panic!("{e:?}")).value {
            Value::Map(entries) => entries.into_iter().map(|(k, _)| k.value).collect(),
            other => panic!("not a map: {other:?}"),
        }
    }

    /// The room each text of a document's tree takes beyond its length.
    fn text_room(text: &str) -> Vec<usize> {
        let Value::List(items) = document(text).expect("valid").value else {
            panic!("not a list");
        };
        let room = |node: &Node| match &node.value {
            Value::Text(t) => t.capacity() - t.len(),
            other => panic!("not text: {other:?}"),
        };
        items.iter().map(room).collect()
    }

    #[test]
    fn a_large_files_text_takes_no_more_room_than_its_length() {
        let item = "- pilot\n";
        let just_large = item.repeat(LARGE_FILE / item.len() + 1);
        assert!(just_large.len() > LARGE_FILE);
        assert!(text_room(&just_large).iter().all(|&room| room == 0));
        // At the size and below, the tree keeps the parser's strings as
        // they are (an anchor keeps the quick scanner out of this one)...
        let mut small = item.repeat(LARGE_FILE / item.len() - 2);
        small.push_str("- &a pilot\n");
        assert!(small.len() <= LARGE_FILE);
        assert!(text_room(&small).iter().all(|&room| room > 0));
        // ...and the scanner's texts are borrowed from the file, each
        // copied at its length.
        let scanned = item.repeat(LARGE_FILE / item.len());
        assert!(text_room(&scanned).iter().all(|&room| room == 0));
    }

    /// The tree of `text` built from events parsed on the spot.
    fn built_here(text: &str) -> Result<Node, SyntaxError> {
        Builder::new(Events::here(text), text.len() > LARGE_FILE).stream()
    }

    /// The tree of `text` built from events parsed on a thread.
    fn built_piped(text: &str) -> Result<Node, SyntaxError> {
        std::thread::scope(|scope| {
            Builder::new(Events::piped(scope, text), text.len() > LARGE_FILE).stream()
        })
    }

    #[test]
    fn a_large_file_is_read_alike_with_its_events_parsed_on_a_thread() {
        let item = "- {name: p, stage: pilot, users: 3}\n";
        let large = item.repeat(LARGE_FILE / item.len() + 1);
        assert!(large.len() > LARGE_FILE);
        // The tree; an error in the last batch, and one in the first,
        // which leaves the parsing thread with more to send.
        let mut broken_late = format!("a:\n{}", large.replace("- ", "  - "));
        broken_late.push_str("b: [\n");
        let broken_early = format!("a: 1\na: 2\nb:\n{}", large.replace("- ", "  - "));
        let two_documents = format!("{large}---\nc: 1\n");
        for text in [&large, &broken_late, &broken_early, &two_documents] {
            assert_eq!(built_piped(text), built_here(text));
            assert_eq!(document(text), built_here(text));
        }
        assert!(document(&large).is_ok());
        assert!(document(&broken_late).is_err());
        assert!(document(&broken_early).is_err());
        assert!(document(&two_documents).is_err());
    }

    fn nested_lists(levels: usize) -> String {
        format!("a: {}{}\n", "[".repeat(levels), "]".repeat(levels))
    }

    #[test]
    fn depth_is_limited_at_32_collections() {
        // The top mapping is one level, so 31 lists make 32.
        assert!(document(&nested_lists(31)).is_ok());
        let error = refused(&nested_lists(32));
        assert_eq!(error.message, NESTED_TOO_DEEPLY);
        assert_eq!(
            error.at,
            Some(Position {
                line: 1,
                column: 35
            })
        );
    }

    #[test]
    fn aliases_cannot_nest_past_the_depth_limit() {
        let inner = format!("x: &deep {}{}\n", "[".repeat(31), "]".repeat(31));
        assert!(document(&format!("{inner}y: *deep\n")).is_ok());
        let error = refused(&format!("{inner}y: [*deep]\n"));
        assert_eq!(error.message, NESTED_TOO_DEEPLY);
    }

    #[test]
    fn anchors_and_aliases_are_counted() {
        let anchors = |n: usize| {
            let items: Vec<String> = (0..n).map(|i| format!("&a{i} {i}")).collect();
            format!("x: [{}]\n", items.join(", "))
        };
        assert!(document(&anchors(MAX_ANCHORS)).is_ok());
        assert_eq!(refused(&anchors(MAX_ANCHORS + 1)).message, TOO_MANY_ANCHORS);
        let aliases = |n: usize| format!("x: &a 1\ny: [{}]\n", vec!["*a"; n].join(", "));
        assert!(document(&aliases(MAX_ALIASES)).is_ok());
        assert_eq!(refused(&aliases(MAX_ALIASES + 1)).message, TOO_MANY_ANCHORS);
    }

    #[test]
    fn replay_is_limited() {
        // A list of 99 scalars is 100 nodes; 200 aliases of it replay 20,000.
        let list = format!("x: &l [{}]\n", vec!["1"; 99].join(", "));
        let uses = |n: usize| format!("{list}y: [{}]\n", vec!["*l"; n].join(", "));
        assert!(document(&uses(200)).is_ok());
        let list = format!("x: &l [{}]\n", vec!["1"; 100].join(", "));
        let error = refused(&format!("{list}y: [{}]\n", vec!["*l"; 200].join(", ")));
        assert_eq!(error.message, ALIASES_EXPAND_TOO_FAR);
        let bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d]\n";
        assert_eq!(refused(bomb).message, ALIASES_EXPAND_TOO_FAR);
    }

    #[test]
    fn aliased_values_are_placed_at_the_alias() {
        let root = document("a: &x {k: 1}\nb: *x\n").expect("valid");
        let Value::Map(entries) = root.value else {
            panic!("not a map")
        };
        let Value::Map(copy) = &entries[1].1.value else {
            panic!("not a map")
        };
        assert_eq!(copy[0].0.at, Position { line: 2, column: 4 });
        assert_eq!(copy[0].1.value, Value::Int(1));
    }

    #[test]
    fn aliases_must_name_a_finished_anchor() {
        assert!(refused("a: *nope\n").message.contains("not defined"));
        assert!(refused("a: &x [*x]\n")
            .message
            .contains("inside the value it names"));
    }

    #[test]
    fn merge_keys_fill_in_without_overriding() {
        let text = "base: &b {k: 1, m: 2}\nmore: &c {n: 3, k: 9}\nx:\n  <<: [*b, *c]\n  m: 5\n";
        let root = document(text).expect("valid");
        let Value::Map(entries) = root.value else {
            panic!("not a map")
        };
        let Value::Map(x) = &entries[2].1.value else {
            panic!("not a map")
        };
        let pairs: Vec<(Value, Value)> = x
            .iter()
            .map(|(k, v)| (k.value.clone(), v.value.clone()))
            .collect();
        let text = |s: &str| Value::Text(s.to_owned());
        assert_eq!(
            pairs,
            vec![
                (text("m"), Value::Int(5)),
                (text("k"), Value::Int(1)),
                (text("n"), Value::Int(3)),
            ]
        );
        assert!(refused("x:\n  <<: 3\n").message.contains("merge key"));
        // The merge key is a key, written once like any other.
        let twice = refused("b: &b {k: 1}\nx:\n  <<: *b\n  <<: *b\n");
        assert_eq!(twice.at, Some(Position { line: 4, column: 3 }));
        assert_eq!(
            twice.message,
            "the merge key \"<<\" appears twice in the same mapping; merge several mappings with one list: <<: [*a, *b]"
        );
        // A quoted `<<` is an ordinary key.
        assert_eq!(top_keys("\"<<\": 1\n"), vec![Value::Text("<<".into())]);
    }

    #[test]
    fn duplicate_keys_are_found_in_small_and_large_mappings() {
        let error = refused("a: 1\nb: 2\na: 3\n");
        assert_eq!(error.at, Some(Position { line: 3, column: 1 }));
        assert!(error.message.contains("\"a\" appears twice"));
        let many = crate::text::written(|s| (0..100).try_for_each(|i| writeln!(s, "k{i}: {i}")));
        assert_eq!(top_keys(&many).len(), 100);
        let error = refused(&format!("{many}k57: again\n"));
        assert_eq!(
            error.at,
            Some(Position {
                line: 101,
                column: 1
            })
        );
        assert!(refused("1: a\n1: b\n")
            .message
            .contains("\"1\" appears twice"));
        // Text "1" and the number 1 are different keys.
        assert_eq!(top_keys("1: a\n\"1\": b\n").len(), 2);
    }

    #[test]
    fn control_characters_in_text_are_refused() {
        let error = refused("name: \"A\\e[31mB\"\n");
        assert!(error.message.contains("U+001B"), "{}", error.message);
        assert!(refused("name: \"a\\rb\"\n").message.contains("U+000D"));
        assert!(refused("name: \"a\\tb\"\n").message.contains("U+0009"));
        assert!(document("name: \"a\\nb\"\n").is_ok());
        // Either side of the fast path's bytes: the last printable one, and
        // the first control character past it.
        assert!(document("name: \"a~b\"\n").is_ok());
        assert!(refused("name: \"a\\x7Fb\"\n").message.contains("U+007F"));
    }

    #[test]
    fn invisible_and_bidi_characters_in_text_are_refused() {
        for c in [
            '\u{200B}',
            '\u{00AD}',
            '\u{2028}',
            '\u{FEFF}',
            '\u{2060}',
            '\u{061C}',
            '\u{1D173}',
            '\u{1BCA0}',
            '\u{FFF0}',
            '\u{E0080}',
            '\u{E0FFF}',
        ] {
            let error = refused(&format!("name: \"a{c}b\"\n"));
            let code = format!("U+{:04X}, an invisible character", u32::from(c));
            assert!(error.message.contains(&code), "{}", error.message);
        }
        for c in ['\u{202E}', '\u{2066}'] {
            let error = refused(&format!("kpi: a{c}b\n"));
            let code = format!("U+{:04X}, a bidirectional override", u32::from(c));
            assert!(error.message.contains(&code), "{}", error.message);
        }
        // Visible text other than ASCII passes, and the joiners (which only
        // a name refuses): in Persian, and inside an emoji.
        assert!(document("name: \"Café 東京 👩\u{200D}💻\"\n").is_ok());
        assert!(document("kpi: \"می\u{200C}خواهم\"\n").is_ok());
        assert!(refused("kpi: \"a\u{180E}b\"\n").message.contains("U+180E"));
        assert!(document("kpi: \"ᠠ\u{180B}\"\n").is_ok());
        assert!(document("kpi: \"葛\u{E0100}\"\n").is_ok());
    }

    #[test]
    fn one_document_only() {
        let error = refused("a: 1\n---\nb: 2\n");
        assert_eq!(error.at, Some(Position { line: 3, column: 1 }));
        assert!(document("---\na: 1\n...\n").is_ok());
        assert_eq!(document("").map(|n| n.value), Ok(Value::Null));
        assert_eq!(
            document("# only a comment\n").map(|n| n.value),
            Ok(Value::Null)
        );
    }
}
