//! The command line's report writer for directories of any size: each blocked user is rendered
//! into its row as the scan judges it and appended to a private scratch file beside the report
//! (nameless: nothing of it is left however the process ends), so memory holds counts and
//! causes, never the list. When the scan is done the report is
//! rendered around a marker ([`super::rows`]) and written head, rows, tail — through a new
//! temporary file renamed over the target, like every file this tool writes.
//!
//! The text checklist lists only the first blocked users; those are all it keeps.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;

use crate::check::{BlockedRef, BlockedUsers};
use crate::words::Words;

use super::Report;
use super::rows::{self, MARKER, RowFormat};

/// Which report is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamFormat {
    /// The checklist (`color` for a terminal).
    Text {
        color: bool,
    },
    Rows(RowFormat),
}

/// A report being written while the scan runs.
pub struct ReportStream<'w> {
    format: StreamFormat,
    words: &'w Words,
    spill: Option<Spill>,
    /// The text checklist's first rows.
    first: BlockedUsers,
    count: usize,
    /// The first write that failed: the report is not written, and this says why.
    failed: Option<std::io::Error>,
    /// Written before every row (the several directories' CSV: the directory's label).
    prefix: String,
}

/// The rows written so far, in a private scratch file that never outlives the process
/// ([`crate::files::create_scratch`]).
struct Spill {
    file: BufWriter<File>,
}

impl<'w> ReportStream<'w> {
    /// A writer for `format` whose rows wait in a new private file in `dir` (the report's
    /// folder, or the temporary folder for standard output).
    pub fn new(format: StreamFormat, words: &'w Words, dir: &Path) -> std::io::Result<Self> {
        let spill = match format {
            StreamFormat::Text { .. } => None,
            StreamFormat::Rows(_) => {
                crate::files::create_private_dir(dir)?;
                let file = crate::files::create_scratch(dir)?;
                Some(Spill {
                    file: BufWriter::with_capacity(256 * 1024, file),
                })
            }
        };
        Ok(Self {
            format,
            words,
            spill,
            first: BlockedUsers::new(),
            count: 0,
            failed: None,
            prefix: String::new(),
        })
    }

    /// Every row starts with `prefix` (the several directories' CSV puts the directory first).
    pub fn with_row_prefix(mut self, prefix: String) -> Self {
        self.prefix = prefix;
        self
    }

    /// How many blocked users were written.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Writes one blocked user's row (a failure is kept and reported by [`finish`](Self::finish)).
    pub fn push(&mut self, b: BlockedRef<'_>) {
        self.count += 1;
        match (self.format, &mut self.spill) {
            (StreamFormat::Rows(f), Some(spill)) if self.failed.is_none() => {
                let sep = if self.count > 1 {
                    rows::separator(f)
                } else {
                    ""
                };
                let row = rows::row(f, b, self.words);
                if let Err(e) = spill
                    .file
                    .write_all(sep.as_bytes())
                    .and_then(|()| spill.file.write_all(self.prefix.as_bytes()))
                    .and_then(|()| spill.file.write_all(row.as_bytes()))
                {
                    self.failed = Some(e);
                }
            }
            (StreamFormat::Text { .. }, _) if self.first.len() < super::text::LISTED => {
                self.first.push(b)
            }
            _ => {}
        }
    }

    /// Renders `report` (whose blocked users this writer received) around the rows and writes
    /// it to `out` in one go.
    pub fn finish(self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        let (format, words) = (self.format, self.words);
        self.finish_rendered(report, out, |r| match format {
            StreamFormat::Text { color } => super::text(r, words, color),
            StreamFormat::Rows(RowFormat::Json) => r.json(words),
            StreamFormat::Rows(RowFormat::Markdown) => super::markdown(r, words),
            StreamFormat::Rows(RowFormat::Html) => super::html(r, words),
            StreamFormat::Rows(RowFormat::Csv) => super::csv(r, words),
        })
    }

    /// Like [`finish`](Self::finish), with the document made by `render` (a report given its
    /// first rows for the checklist, or the rows' marker for the other formats): a section of
    /// the several directories' report.
    pub fn finish_rendered(
        self,
        report: &Report,
        out: &mut dyn Write,
        render: impl FnOnce(&Report) -> String,
    ) -> std::io::Result<()> {
        let Self {
            format,
            spill,
            first,
            count,
            failed,
            ..
        } = self;
        if let Some(e) = failed {
            return Err(e);
        }
        let mut r = report.clone();
        match (format, spill) {
            (StreamFormat::Text { .. }, _) => {
                r.users.blocked = Arc::new(first);
                out.write_all(render(&r).as_bytes())?;
            }
            (StreamFormat::Rows(f), Some(spill)) => {
                r.users.streamed = true;
                let doc = render(&r);
                let marker = match f {
                    RowFormat::Json => serde_json::to_string(MARKER).unwrap_or_default(),
                    _ => MARKER.to_string(),
                };
                // Without a list (nothing blocked) the document has no marker.
                let (head, tail) = doc.split_once(&marker).unwrap_or((&doc, ""));
                let (open, close) = rows::brackets(f, count);
                out.write_all(head.as_bytes())?;
                if doc.contains(&marker) {
                    out.write_all(open.as_bytes())?;
                    let mut file = spill.file.into_inner().map_err(|e| e.into_error())?;
                    file.seek(SeekFrom::Start(0))?;
                    let mut rows = BufReader::with_capacity(256 * 1024, file);
                    loop {
                        let buf = rows.fill_buf()?;
                        if buf.is_empty() {
                            break;
                        }
                        out.write_all(buf)?;
                        let n = buf.len();
                        rows.consume(n);
                    }
                    out.write_all(close.as_bytes())?;
                }
                out.write_all(tail.as_bytes())?;
            }
            (StreamFormat::Rows(_), None) => {
                return Err(std::io::Error::other("the rows' file was not created"));
            }
        }
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::Fixture;
    use crate::words::Face;

    /// A report with its blocked users kept, and the same report as the streaming writer gets
    /// it (the users counted, not kept).
    fn reports(users: &[&str]) -> (Report, Report) {
        let mut f = Fixture::new();
        for dn in users {
            f = f.user(dn, "");
        }
        let kept = Report::from_outcome(&f.run());
        let mut streamed = kept.clone();
        streamed.users.blocked = Arc::new(BlockedUsers::new());
        (kept, streamed)
    }

    fn streamed(format: StreamFormat, kept: &Report, bare: &Report, w: &Words) -> String {
        let dir = std::env::temp_dir().join(format!("ww-stream-unit-{}", std::process::id()));
        let mut s = ReportStream::new(format, w, &dir).unwrap();
        for b in kept.users.blocked.iter() {
            s.push(b);
        }
        let mut out = Vec::new();
        s.finish(bare, &mut out).unwrap();
        assert!(
            std::fs::read_dir(&dir).unwrap().next().is_none(),
            "the rows' file is removed"
        );
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_streamed_report_is_byte_for_byte_the_kept_one_in_every_format() {
        let w = Words::for_lang(Some("en-US"), Face::Cli);
        let many: Vec<String> = (0..120)
            .map(|i| format!("CN=user{i},OU=Staff,DC=corp,DC=example"))
            .collect();
        let odd = [
            "CN=pipe\\|and <b>tag</b>,OU=Staff,DC=corp,DC=example",
            "CN=\"quoted\"\\, =1+2,OU=Staff,DC=corp,DC=example",
        ];
        let mut users: Vec<&str> = many.iter().map(String::as_str).collect();
        users.extend(odd);
        for set in [&users[..], &users[..1], &[][..]] {
            let (kept, bare) = reports(set);
            assert_eq!(kept.readiness.blocked, set.len());
            let rows = |f: RowFormat| streamed(StreamFormat::Rows(f), &kept, &bare, &w);
            assert_eq!(rows(RowFormat::Json), kept.json(&w));
            assert_eq!(rows(RowFormat::Markdown), super::super::markdown(&kept, &w));
            assert_eq!(rows(RowFormat::Html), super::super::html(&kept, &w));
            assert_eq!(rows(RowFormat::Csv), super::super::csv(&kept, &w));
            let mut written = Vec::new();
            super::super::write_csv(&kept, &w, &mut written).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                super::super::csv(&kept, &w)
            );
            let text = streamed(StreamFormat::Text { color: false }, &kept, &bare, &w);
            assert_eq!(text, super::super::text(&kept, &w, false));
            let json: serde_json::Value = serde_json::from_str(&rows(RowFormat::Json)).unwrap();
            assert_eq!(
                json["users"]["blocked"].as_array().unwrap().len(),
                set.len()
            );
        }
        // The text checklist keeps only what it lists, and counts the rest.
        let (kept, bare) = reports(&users);
        let text = streamed(StreamFormat::Text { color: false }, &kept, &bare, &w);
        assert!(text.contains("… and 72 more"), "{text}");
    }

    #[test]
    fn a_write_that_fails_is_reported_and_nothing_is_written() {
        let w = Words::for_lang(Some("en-US"), Face::Cli);
        let (kept, bare) = reports(&["CN=a,OU=Staff,DC=corp,DC=example"]);
        let dir = std::env::temp_dir().join(format!("ww-stream-fail-{}", std::process::id()));
        let mut s = ReportStream::new(StreamFormat::Rows(RowFormat::Csv), &w, &dir).unwrap();
        s.failed = Some(std::io::Error::other("disk full"));
        for b in kept.users.blocked.iter() {
            s.push(b);
        }
        let mut out = Vec::new();
        let e = s.finish(&bare, &mut out).unwrap_err();
        assert_eq!(e.to_string(), "disk full");
        assert!(out.is_empty());
    }
}
