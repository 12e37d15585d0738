//! The XML of an Office part as a stream of opened elements, closed elements and text, with
//! each element's namespace already told apart: Word and Excel files from other producers use
//! other prefixes (`x:c`, no prefix at all), and extensions reuse local names (`x14:…`, `a:t`),
//! so names are compared by namespace and local name, never by prefix.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use crate::builder::source_error::SourceError;

/// The namespaces of the parts read: WordprocessingML and SpreadsheetML, in their transitional
/// and strict forms, and package relationships.
const MAIN: &[&[u8]] = &[
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/package/2006/relationships",
];
const MARKUP_COMPATIBILITY: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// The part's own vocabulary (`w:`, the sheet's default namespace, relationships).
    Main,
    /// `mc:`, whose `Fallback` repeats content in an older form.
    MarkupCompatibility,
    Other,
}

pub(crate) enum Node<'i> {
    Open(Ns, BytesStart<'i>),
    /// The local name of the element closed.
    Close(Ns, Vec<u8>),
    Text(Cow<'i, str>),
    End,
}

pub(crate) struct Walker<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'static str,
    depth: usize,
}

fn ns_of(resolved: &ResolveResult) -> Ns {
    match resolved {
        ResolveResult::Bound(Namespace(ns)) if MAIN.contains(ns) => Ns::Main,
        ResolveResult::Bound(Namespace(ns)) if *ns == MARKUP_COMPATIBILITY => {
            Ns::MarkupCompatibility
        }
        _ => Ns::Other,
    }
}

impl<'i> Walker<'i> {
    pub(crate) fn new(xml: &'i [u8], part: &'static str) -> Walker<'i> {
        let mut reader = NsReader::from_reader(xml);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        config.trim_text(false);
        Walker {
            reader,
            part,
            depth: 0,
        }
    }

    pub(crate) fn damaged(&self, detail: impl std::fmt::Display) -> SourceError {
        SourceError::Corrupt {
            detail: format!("{}: {detail}", self.part),
        }
    }

    pub(crate) fn next(&mut self) -> Result<Node<'i>, SourceError> {
        loop {
            let (resolved, event) = match self.reader.read_resolved_event() {
                Ok((resolved, event)) => (ns_of(&resolved), event),
                Err(e) => return Err(self.damaged(e)),
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    return Ok(Node::Open(resolved, e));
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Node::Close(resolved, e.local_name().as_ref().to_vec()));
                }
                Event::Text(t) => {
                    return match t.unescape() {
                        Ok(text) => Ok(Node::Text(text)),
                        Err(e) => Err(self.damaged(e)),
                    };
                }
                Event::CData(c) => {
                    return match c.decode() {
                        Ok(text) => Ok(Node::Text(text)),
                        Err(e) => Err(self.damaged(e)),
                    };
                }
                Event::Eof if self.depth > 0 => {
                    return Err(self.damaged("the XML stops before its elements are closed"));
                }
                Event::Eof => return Ok(Node::End),
                // An internal DTD could define entities; Office never writes one, and quick-xml
                // does not expand them, so a reference to one fails as damaged above.
                Event::Empty(_)
                | Event::Comment(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::DocType(_) => {}
            }
        }
    }

    /// Skips the rest of the element just opened, its children included.
    pub(crate) fn skip(&mut self) -> Result<(), SourceError> {
        let mut open = 1usize;
        while open > 0 {
            match self.next()? {
                Node::Open(..) => open += 1,
                Node::Close(..) => open -= 1,
                Node::Text(_) => {}
                Node::End => return Err(self.damaged("the XML stops inside an element")),
            }
        }
        Ok(())
    }
}

pub(crate) fn is(ns: Ns, e: &BytesStart, local: &[u8]) -> bool {
    ns == Ns::Main && e.local_name().as_ref() == local
}

/// The value of the attribute with this local name (`w:val`, `r:id`, `ref`…), whatever its
/// prefix.
pub(crate) fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        // Not `unescape_value`: it is gone when another crate of the build turns on quick-xml's
        // `encoding` feature; the files are UTF-8 either way.
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            quick_xml::escape::unescape(raw).ok().map(Cow::into_owned)
        })
}

/// An OOXML on/off value (`w:b`, `w:tblHeader`, a font's `b`): present without a value means on.
pub(crate) fn is_on(e: &BytesStart) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "False" | "FALSE")
    )
}
