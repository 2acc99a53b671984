//! `cleanview batch`: many pages on all cores, one JSON line per page.
//!
//! Each line is the same `Article` object `cleanview extract --format json` prints, with a
//! leading `"file"` key; a page that fails is a line `{"file": …, "error": "…"}` and the run
//! goes on. Lines are written as pages finish (not in input order): the output streams, so a
//! crawl of any size needs memory for the pages in flight only.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use chrono::{DateTime, Utc};
use cleanview::{extract, Article};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use super::decode::decode_html;

/// What `cleanview batch` was asked to do.
pub struct BatchArgs {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub jobs: Option<usize>,
    pub now: DateTime<Utc>,
    pub quiet: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    file: &'a str,
    error: &'a str,
}

/// The totals of a run, printed at the end.
pub struct Summary {
    pub pages: usize,
    pub failed: usize,
    pub bytes: usize,
    pub seconds: f64,
}

/// True for the files a directory contributes: `.html`, `.htm`, `.xhtml`, each optionally `.gz`.
fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml")
}

/// Files named on the command line are taken as they are; directories are walked (recursively,
/// sorted) for page files.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        if !meta.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut stack = vec![input.clone()];
        while let Some(dir) = stack.pop() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            for path in entries.into_iter().rev() {
                if path.is_dir() {
                    stack.push(path);
                } else if is_page(&path) {
                    files.push(path);
                }
            }
        }
    }
    Ok(files)
}

/// The page's bytes, gunzipped when the name ends in `.gz`.
fn read_page(path: &Path) -> Result<Vec<u8>, String> {
    let raw = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        let mut out = Vec::with_capacity(raw.len() * 4);
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot gunzip: {e}"))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// One page to one JSON line (without the newline), the page's size in bytes, and whether it
/// was extracted.
fn process(path: &Path, now: DateTime<Utc>) -> (String, usize, bool) {
    let file = path.display().to_string();
    let mut size = 0;
    let result = read_page(path).and_then(|bytes| {
        size = bytes.len();
        let html = decode_html(&bytes)?;
        let opts = super::options_for(None, now, false);
        // The core is written never to panic; a page that finds a bug still must not end the
        // run, so the panic becomes that page's error.
        match std::panic::catch_unwind(|| extract(&html, &opts)) {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(_) => Err("internal error: the extractor panicked on this page".to_string()),
        }
    });
    let line = match &result {
        Ok(article) => serde_json::to_string(&Line {
            file: &file,
            article,
        }),
        Err(error) => serde_json::to_string(&ErrorLine { file: &file, error }),
    };
    let line = line.unwrap_or_else(|e| {
        format!(
            "{{\"file\":{},\"error\":\"cannot serialise: {e}\"}}",
            serde_json::Value::String(file.clone())
        )
    });
    (line, size, result.is_ok())
}

/// Run the batch; the returned summary counts failed pages, which are not an error of the run.
pub fn run_batch(args: BatchArgs) -> Result<Summary, String> {
    let files = collect_inputs(&args.inputs)?;
    if files.is_empty() {
        return Err(
            "no page files found (looked for .html, .htm, .xhtml, and .gz of these)".into(),
        );
    }
    let out = File::create(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let writer = Mutex::new(BufWriter::with_capacity(1 << 20, out));
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.jobs {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;

    let bar = ProgressBar::new(files.len() as u64);
    if args.quiet {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {pos}/{len} pages, {per_sec}, eta {eta}",
        )
        .map_err(|e| e.to_string())?
        .progress_chars("=> "),
    );

    let failed = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let write_error = Mutex::new(None::<String>);
    let t0 = Instant::now();
    pool.install(|| {
        files.par_iter().for_each(|path| {
            let (line, size, ok) = process(path, args.now);
            bytes.fetch_add(size, Ordering::Relaxed);
            if !ok {
                failed.fetch_add(1, Ordering::Relaxed);
            }
            let mut w = writer.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = w
                .write_all(line.as_bytes())
                .and_then(|_| w.write_all(b"\n"))
            {
                write_error
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get_or_insert_with(|| e.to_string());
            }
            drop(w);
            bar.inc(1);
        });
    });
    bar.finish_and_clear();
    let seconds = t0.elapsed().as_secs_f64();
    let mut w = writer.into_inner().unwrap_or_else(|p| p.into_inner());
    if let Some(e) = write_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(format!("cannot write {}: {e}", args.out.display()));
    }
    w.flush()
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    Ok(Summary {
        pages: files.len(),
        failed: failed.into_inner(),
        bytes: bytes.into_inner(),
        seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_files_are_recognised_by_name() {
        assert!(is_page(Path::new("a/0001.html.gz")));
        assert!(is_page(Path::new("b.HTM")));
        assert!(is_page(Path::new("c.xhtml")));
        assert!(!is_page(Path::new("d.json")));
        assert!(!is_page(Path::new("e.gz")));
    }

    #[test]
    fn a_run_records_every_page_and_survives_bad_ones() {
        let dir = std::env::temp_dir().join(format!("cleanview-batch-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(
            dir.join("a.html"),
            "<html><head><title>A page</title></head><body><article><p>Some text of a page that is long enough to read.</p></article></body></html>",
        )
        .unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<title>Zipped</title><p>Zipped body text.</p>")
            .unwrap();
        std::fs::write(dir.join("sub").join("b.html.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.join("empty.html"), "  \n").unwrap();
        std::fs::write(dir.join("broken.html.gz"), b"not gzip").unwrap();
        std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
        let out = dir.join("out.jsonl");
        let summary = run_batch(BatchArgs {
            inputs: vec![dir.clone()],
            out: out.clone(),
            jobs: Some(2),
            now: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            quiet: true,
        })
        .unwrap();
        assert_eq!(summary.pages, 4);
        assert_eq!(summary.failed, 2);
        let text = std::fs::read_to_string(&out).unwrap();
        let mut rows: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        rows.sort_by_key(|r| r["file"].as_str().unwrap().to_string());
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0]["title"], "A page");
        assert!(rows[0]["markdown"].as_str().unwrap().contains("Some text"));
        assert!(rows[1]["error"].as_str().unwrap().contains("gunzip"));
        assert!(rows[2]["error"].as_str().unwrap().contains("empty"));
        assert_eq!(rows[3]["title"], "Zipped");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
