//! Codecs: `str.encode` and `bytes.decode` for UTF-8, ASCII and Latin-1
//! with CPython's error handlers, after `Objects/stringlib/codecs.h` and
//! `Objects/exceptions.c` (the UTF-8 decoder's error ranges and the
//! `UnicodeEncodeError` / `UnicodeDecodeError` messages).

use ftl_object::{HeapPolicy, ObjRef};

use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

use super::args::*;

// Codecs: str.encode / bytes.decode
// ---------------------------------------------------------------------------

/// The codecs this VM knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython's error messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The first code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Looks an encoding name up as `codecs.lookup` would for the three
/// codecs we have: normalised (lower case, runs of punctuation and spaces
/// to one `_`), then the `encodings.aliases` entries.
fn lookup_codec(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            pending = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending = true;
        }
    }
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" => Some(Codec::Latin1),
        _ => None,
    }
}

/// The codec error handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// `namereplace`: needs the Unicode name database, which ftl lacks.
    NameReplace,
    /// `surrogateescape`: encoding, it only handles lone surrogates, which
    /// ftl strings never hold, so it fails as `strict` does; decoding, it
    /// would produce lone surrogates, which ftl cannot represent.
    SurrogateEscape,
    /// `surrogatepass`: handles only (encoded) lone surrogates, so it
    /// fails as `strict` does.
    SurrogatePass,
    /// Not registered: `LookupError` when first needed.
    Unknown,
}

/// The handler named `name`.
fn lookup_handler(name: &str) -> Handler {
    match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Unknown,
    }
}

/// Why encoding failed.
#[derive(Debug, PartialEq, Eq)]
enum EncodeFail {
    /// `UnicodeEncodeError` for code points `start..end` (`ch` is the
    /// first), with the codec's reason.
    Unencodable { start: usize, end: usize, ch: char },
    /// The handler is unknown (`LookupError`) or unsupported here.
    Handler(Handler),
}

/// Appends `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `cp`.
fn push_backslash_escape(out: &mut String, cp: u32) {
    let esc = if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.push_str(&esc);
}

/// `s.encode(codec, handler)`.
fn encode_text(s: &str, codec: Codec, handler: Handler) -> Result<Vec<u8>, EncodeFail> {
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let cp = u32::from(chars[i]);
        if cp < limit {
            // `cp < 0x100` here, so the cast is exact.
            out.push(cp as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && u32::from(chars[end]) >= limit {
            end += 1;
        }
        match handler {
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                return Err(EncodeFail::Unencodable {
                    start: i,
                    end,
                    ch: chars[i],
                })
            }
            Handler::Unknown | Handler::NameReplace => return Err(EncodeFail::Handler(handler)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
            Handler::BackslashReplace => {
                let mut esc = String::new();
                for &c in &chars[i..end] {
                    push_backslash_escape(&mut esc, u32::from(c));
                }
                out.extend_from_slice(esc.as_bytes());
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// A decoding error: bytes `start..end` with the codec's reason.
#[derive(Debug, PartialEq, Eq)]
enum DecodeFail {
    /// `UnicodeDecodeError`.
    Undecodable {
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// The handler is unknown, unsupported here, or cannot decode.
    Handler(Handler),
}

/// The first UTF-8 error in `b`: `(start, end, reason)` as CPython's
/// decoder reports it (a maximal invalid prefix, as Rust's `Utf8Error`
/// measures it, is what CPython reports too).
fn utf8_error(b: &[u8]) -> Option<(usize, usize, &'static str)> {
    let e = core::str::from_utf8(b).err()?;
    let start = e.valid_up_to();
    Some(match e.error_len() {
        None => (start, b.len(), "unexpected end of data"),
        Some(n) => {
            let first = b.get(start).copied().unwrap_or(0);
            let reason = if (0xc2..=0xf4).contains(&first) {
                "invalid continuation byte"
            } else {
                "invalid start byte"
            };
            (start, start + n, reason)
        }
    })
}

/// `b.decode(codec, handler)`.
fn decode_bytes(b: &[u8], codec: Codec, handler: Handler) -> Result<String, DecodeFail> {
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while pos < b.len() {
        let rest = &b[pos..];
        let (ok_len, err) = match codec {
            Codec::Latin1 => {
                out.extend(rest.iter().map(|&c| char::from(c)));
                return Ok(out);
            }
            Codec::Ascii => match rest.iter().position(|&c| c >= 0x80) {
                None => (rest.len(), None),
                Some(i) => (i, Some((i, i + 1, "ordinal not in range(128)"))),
            },
            Codec::Utf8 => match utf8_error(rest) {
                None => (rest.len(), None),
                Some(e) => (e.0, Some(e)),
            },
        };
        // The prefix is ASCII or valid UTF-8 by construction.
        out.push_str(core::str::from_utf8(&rest[..ok_len]).unwrap_or(""));
        let Some((s, e, reason)) = err else { break };
        match handler {
            Handler::Strict | Handler::SurrogatePass => {
                return Err(DecodeFail::Undecodable {
                    start: pos + s,
                    end: pos + e,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for &byte in &rest[s..e] {
                    push_backslash_escape(&mut out, u32::from(byte));
                }
            }
            h => return Err(DecodeFail::Handler(h)),
        }
        pos += e;
    }
    Ok(out)
}

/// The message of a `UnicodeEncodeError`.
fn encode_error_message(codec: Codec, start: usize, end: usize, ch: char) -> String {
    let reason = format!("ordinal not in range({})", codec.limit());
    if end == start + 1 {
        let mut esc = String::new();
        push_backslash_escape(&mut esc, u32::from(ch));
        format!(
            "'{}' codec can't encode character '{esc}' in position {start}: {reason}",
            codec.name()
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    }
}

/// The message of a `UnicodeDecodeError`.
fn decode_error_message(codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end == start + 1 {
        let byte = b.get(start).copied().unwrap_or(0);
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}",
            codec.name()
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    }
}

/// The `(encoding, errors)` arguments of `encode` / `decode`.
fn codec_args<P: HeapPolicy>(
    vm: &Vm<P>,
    fname: &str,
    args: &[Obj<P>],
    kw: Kw<'_, P>,
) -> PyResult<(Codec, Handler, String), P> {
    let a = parse_args(vm, fname, &args[1..], kw, &["encoding", "errors"], 2, 0)?;
    let encoding = match &a[0] {
        Some(o) => str_param(vm, fname, "'encoding'", o)?,
        None => "utf-8",
    };
    let errors = match &a[1] {
        Some(o) => str_param(vm, fname, "'errors'", o)?,
        None => "strict",
    };
    let codec = lookup_codec(encoding).ok_or_else(|| {
        vm.new_error(
            ExcType::LookupError,
            format!("unknown encoding: {encoding}"),
        )
    })?;
    Ok((codec, lookup_handler(errors), errors.to_string()))
}

/// The error for a handler that cannot be used.
fn handler_error<P: HeapPolicy>(vm: &Vm<P>, h: Handler, name: &str, decoding: bool) -> PyErr<P> {
    match h {
        Handler::Unknown => vm.new_error(
            ExcType::LookupError,
            format!("unknown error handler name '{name}'"),
        ),
        Handler::XmlCharRefReplace | Handler::NameReplace if decoding => {
            vm.type_error("don't know how to handle UnicodeDecodeError in error callback")
        }
        _ => vm.value_error(format!(
            "the '{name}' error handler is not supported by ftl"
        )),
    }
}

pub(super) fn str_encode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let s = this_str(vm, args, "encode")?;
    let (codec, handler, hname) = codec_args(vm, "encode", args, kw)?;
    match encode_text(s, codec, handler) {
        Ok(b) => Ok(ObjRef::new_bytes(&b)),
        Err(EncodeFail::Unencodable { start, end, ch }) => Err(vm.new_error(
            ExcType::UnicodeEncodeError,
            encode_error_message(codec, start, end, ch),
        )),
        Err(EncodeFail::Handler(h)) => Err(handler_error(vm, h, &hname, false)),
    }
}

pub(super) fn bytes_decode<P: HeapPolicy>(vm: &Vm<P>, args: &[Obj<P>], kw: Kw<'_, P>) -> R<P> {
    let b = this_bytes(vm, args, "decode")?;
    let (codec, handler, hname) = codec_args(vm, "decode", args, kw)?;
    match decode_bytes(b, codec, handler) {
        Ok(s) => Ok(ObjRef::from_string(s)),
        Err(DecodeFail::Undecodable { start, end, reason }) => Err(vm.new_error(
            ExcType::UnicodeDecodeError,
            decode_error_message(codec, b, start, end, reason),
        )),
        Err(DecodeFail::Handler(Handler::SurrogateEscape)) => {
            Err(vm.value_error("surrogate code points are not supported by ftl"))
        }
        Err(DecodeFail::Handler(h)) => Err(handler_error(vm, h, &hname, true)),
    }
}

// ---------------------------------------------------------------------------

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn codec_names_normalise() {
        assert_eq!(lookup_codec("UTF-8"), Some(Codec::Utf8));
        assert_eq!(lookup_codec("utf8"), Some(Codec::Utf8));
        assert_eq!(lookup_codec("Latin-1"), Some(Codec::Latin1));
        assert_eq!(lookup_codec("iso-8859-1"), Some(Codec::Latin1));
        assert_eq!(lookup_codec("US-ASCII"), Some(Codec::Ascii));
        assert_eq!(lookup_codec("foo"), None);
    }

    #[test]
    fn encode_errors_and_handlers() {
        // python3: 'ab€€c'.encode('ascii') -> positions 2-3
        assert_eq!(
            encode_text("ab€€c", Codec::Ascii, Handler::Strict),
            Err(EncodeFail::Unencodable {
                start: 2,
                end: 4,
                ch: '€'
            })
        );
        assert_eq!(
            encode_error_message(Codec::Ascii, 2, 4, '€'),
            "'ascii' codec can't encode characters in position 2-3: ordinal not in range(128)"
        );
        assert_eq!(
            encode_error_message(Codec::Latin1, 2, 3, '€'),
            "'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)"
        );
        // python3: 'aé€'.encode('latin-1', 'replace') == b'a\xe9?'
        assert_eq!(
            encode_text("aé€", Codec::Latin1, Handler::Replace).unwrap(),
            b"a\xe9?"
        );
        // python3: 'é€😀'.encode('ascii', 'backslashreplace')
        assert_eq!(
            encode_text("é€😀", Codec::Ascii, Handler::BackslashReplace).unwrap(),
            b"\\xe9\\u20ac\\U0001f600"
        );
        // python3: 'a€'.encode('ascii', 'xmlcharrefreplace') == b'a&#8364;'
        assert_eq!(
            encode_text("a€", Codec::Ascii, Handler::XmlCharRefReplace).unwrap(),
            b"a&#8364;"
        );
        assert_eq!(
            encode_text("a€", Codec::Ascii, Handler::Ignore).unwrap(),
            b"a"
        );
        // An unknown handler only matters once an error occurs.
        assert_eq!(
            encode_text("abc", Codec::Ascii, Handler::Unknown).unwrap(),
            b"abc"
        );
    }

    #[test]
    fn utf8_error_ranges_match_cpython() {
        // Values from python3's UnicodeDecodeError start/end/reason.
        assert_eq!(utf8_error(b"\xff"), Some((0, 1, "invalid start byte")));
        assert_eq!(
            utf8_error(b"\xe2\x82"),
            Some((0, 2, "unexpected end of data"))
        );
        assert_eq!(
            utf8_error(b"\xe2\x82a"),
            Some((0, 2, "invalid continuation byte"))
        );
        assert_eq!(
            utf8_error(b"ab\xe2a"),
            Some((2, 3, "invalid continuation byte"))
        );
        assert_eq!(
            utf8_error(b"\xed\xa0\x80"),
            Some((0, 1, "invalid continuation byte"))
        );
        assert_eq!(utf8_error(b"\xc0\x80"), Some((0, 1, "invalid start byte")));
        assert_eq!(utf8_error(b"ok"), None);
    }

    #[test]
    fn decode_handlers() {
        // python3: b'\xffa\xe2\x82'.decode('utf-8', 'replace') == '\ufffda\ufffd'
        assert_eq!(
            decode_bytes(b"\xffa\xe2\x82", Codec::Utf8, Handler::Replace).unwrap(),
            "\u{fffd}a\u{fffd}"
        );
        // python3: b'\xffa'.decode('ascii', 'backslashreplace') == '\\xffa'
        assert_eq!(
            decode_bytes(b"\xffa", Codec::Ascii, Handler::BackslashReplace).unwrap(),
            "\\xffa"
        );
        assert_eq!(
            decode_bytes(b"\xe9", Codec::Latin1, Handler::Strict).unwrap(),
            "é"
        );
        assert_eq!(
            decode_bytes(b"a\xffb", Codec::Ascii, Handler::Strict),
            Err(DecodeFail::Undecodable {
                start: 1,
                end: 2,
                reason: "ordinal not in range(128)"
            })
        );
        assert_eq!(
            decode_error_message(Codec::Utf8, b"\xe2\x82", 0, 2, "unexpected end of data"),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
    }
}
