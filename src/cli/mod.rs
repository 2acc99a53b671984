//! Argument parsing and output for the native command line.

mod batch;
mod decode;

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use cleanview::{extract, Options};

#[derive(Parser)]
#[command(
    name = "cleanview",
    version,
    about = "Clean article text, metadata and exact publication times from web pages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the article of one page.
    Extract {
        /// HTML file to read, or `-` (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// The page's address: resolves relative links and dates in the URL.
        #[arg(long)]
        url: Option<String>,
        /// What to print.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Put YAML front matter before the Markdown.
        #[arg(long)]
        front_matter: bool,
        /// The current time (RFC 3339) for relative dates; defaults to the system clock.
        #[arg(long)]
        now: Option<String>,
    },
    /// Extract many pages on all cores: one JSON line per page (the `extract` contract plus
    /// `file`, or `file` and `error`), written as pages finish.
    Batch {
        /// Page files (`.html`, `.htm`, `.xhtml`, optionally `.gz`) or directories to walk.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The JSON Lines file to write.
        #[arg(long, short)]
        out: PathBuf,
        /// Worker threads; defaults to the number of cores.
        #[arg(long, short)]
        jobs: Option<usize>,
        /// The current time (RFC 3339) for relative dates; defaults to the system clock.
        #[arg(long)]
        now: Option<String>,
        /// No progress bar and no summary line.
        #[arg(long, short)]
        quiet: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Html,
    Markdown,
    Text,
}

/// Run the CLI; returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            file,
            url,
            format,
            front_matter,
            now,
        } => match extract_one(&file, url, format, front_matter, now.as_deref()) {
            Ok(out) => {
                let mut stdout = std::io::stdout().lock();
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = stdout.write_all(out.as_bytes());
                let _ = stdout.flush();
                0
            }
            Err(msg) => {
                eprintln!("cleanview: {msg}");
                1
            }
        },
        Command::Batch {
            inputs,
            out,
            jobs,
            now,
            quiet,
        } => {
            let result = parse_now(now.as_deref()).and_then(|now| {
                batch::run_batch(batch::BatchArgs {
                    inputs,
                    out: out.clone(),
                    jobs,
                    now,
                    quiet,
                })
            });
            match result {
                Ok(s) => {
                    if !quiet {
                        eprintln!(
                            "cleanview: {} pages ({} failed, {:.1} MB) in {:.2} s: {:.1} pages/s -> {}",
                            s.pages,
                            s.failed,
                            s.bytes as f64 / 1e6,
                            s.seconds,
                            s.pages as f64 / s.seconds.max(1e-9),
                            out.display()
                        );
                    }
                    0
                }
                Err(msg) => {
                    eprintln!("cleanview: {msg}");
                    1
                }
            }
        }
    }
}

fn parse_now(now: Option<&str>) -> Result<DateTime<Utc>, String> {
    match now {
        Some(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| format!("--now {s:?} is not an RFC 3339 time: {e}")),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0);
            DateTime::from_timestamp(secs, 0)
                .ok_or_else(|| "the system clock is out of range".into())
        }
    }
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        let path = PathBuf::from(file);
        std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }
}

pub(crate) fn options_for(url: Option<String>, now: DateTime<Utc>, front_matter: bool) -> Options {
    Options {
        url,
        now: Some(now),
        front_matter,
        ..Options::default()
    }
}

fn extract_one(
    file: &str,
    url: Option<String>,
    format: Format,
    front_matter: bool,
    now: Option<&str>,
) -> Result<String, String> {
    let now = parse_now(now)?;
    let bytes = read_input(file)?;
    let html = decode::decode_html(&bytes)?;
    let article =
        extract(&html, &options_for(url, now, front_matter)).map_err(|e| e.to_string())?;
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&article).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Html => article.content_html + "\n",
        Format::Markdown => article.markdown + "\n",
        Format::Text => article.text + "\n",
    })
}
