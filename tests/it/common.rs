//! What the integration tests share: running the real binary, temp workspaces, the seeds, and the
//! counts the gold tests score with.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Duration;

/// The `diplograph` binary this test run built.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_diplograph"))
}

/// Runs the binary in `dir` and waits for it.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().expect("the binary runs")
}

/// Runs the binary in the test's own working directory (the package root) and waits for it.
pub fn diplograph(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Whether the gold tests print each error they count in `gold_dir` (a missed or wrong entity or
/// fact, a wrong title or date, a file split differently): only with `GOLD_VERBOSE` set, and never for
/// a held-out set (`…/heldout…`), whatever the filter of the run. Its errors are not read, so that no
/// rule is tuned to it and its scores stay a measure of text the rules were not written from.
pub fn print_errors(gold_dir: &str) -> bool {
    std::env::var_os("GOLD_VERBOSE").is_some() && !is_held_out(gold_dir)
}

/// Whether `gold_dir` holds a held-out set, whose errors are never printed.
pub fn is_held_out(gold_dir: &str) -> bool {
    gold_dir.split('/').any(|part| part.starts_with("heldout"))
}

/// The package root: fixtures, gold files and seeds are found from here, whatever the working directory.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// A temp dir with a copy of the seeds under `seeds/`.
pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.path().join("seeds").join(entry.file_name())).unwrap();
    }
    dir
}

/// The seeds store, built once per test process by `diplograph build seeds` in a directory holding a
/// copy of the seeds under `seeds/` (so its source files read `seeds/…`), which is also the store's
/// default location: read-only commands can run there with no `--store`. Read only: a test that
/// changes a store, or writes files next to it, works on a copy (`workspace_with_seeds_store`).
/// Tests of building itself build their own.
pub fn seeds_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = process_dir("seeds-store-");
        std::fs::create_dir(dir.join("seeds")).unwrap();
        for entry in std::fs::read_dir(seeds()).unwrap().flatten() {
            std::fs::copy(entry.path(), dir.join("seeds").join(entry.file_name())).unwrap();
        }
        let o = run(&dir, &["build", "seeds"]);
        assert!(o.status.success(), "the seeds store is built: {}", stderr(&o));
        dir.join("diplograph.nq")
    })
}

/// A new directory under the target directory, named `prefix…`, kept until the process ends (for a
/// `static`, which is never dropped). Directories with that prefix left by runs over a day old are
/// removed, so they do not pile up.
pub fn process_dir(prefix: &str) -> PathBuf {
    let parent = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let day_ago = std::time::SystemTime::now() - Duration::from_secs(24 * 3600);
    for old in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let stale = old.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < day_ago);
        if stale && old.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_dir_all(old.path());
        }
    }
    tempfile::Builder::new().prefix(prefix).tempdir_in(parent).unwrap().keep()
}

/// The directory of `seeds_store()`: `diplograph.nq` and `seeds/`. Only for commands that write nothing.
pub fn seeds_store_dir() -> &'static Path {
    seeds_store().parent().unwrap()
}

/// A temp dir holding a copy of the seeds store as `diplograph.nq`, the default store, for a test
/// that changes the store or writes files beside it.
pub fn workspace_with_seeds_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds_store(&dir.path().join("diplograph.nq"));
    dir
}

/// Copies the seeds store to `to`, for a test that changes it.
pub fn copy_seeds_store(to: &Path) {
    std::fs::copy(seeds_store(), to).unwrap();
}

/// The rows of a SPARQL query's CSV answer, header dropped; fails the test if the query fails.
pub fn query_csv(dir: &Path, store: &str, sparql: &str) -> Vec<String> {
    let o = run(dir, &["query", "--store", store, "--format", "csv", sparql]);
    assert!(o.status.success(), "query failed: {}", stderr(&o));
    stdout(&o).lines().skip(1).map(|l| l.trim_end().to_owned()).collect()
}

/// Counts of one kind or relation type, and the scores they give.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, taking an empty denominator as a perfect score (nothing was expected or predicted).
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A Python 3 that can import every module of `modules` (`python3`, or `$PYTHON`). None (the test
/// is skipped, with a message) only outside CI; on CI (`CI` set) a missing module fails the test:
/// `.ci/run` installs them from PyPI.
pub fn python_with(modules: &[&str]) -> Option<String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let imports = format!("import {}", modules.join(", "));
    let works = Command::new(&python).args(["-c", &imports]).output().is_ok_and(|o| o.status.success());
    if works {
        return Some(python);
    }
    let install = format!("pip install {}", modules.join(" ").replace("igraph", "python-igraph"));
    assert!(
        std::env::var_os("CI").is_none(),
        "`{python}` cannot `{imports}`: .ci/run installs them ({install})"
    );
    eprintln!("skipped: `{python}` cannot `{imports}` ({install})");
    None
}

/// Graphviz's `dot`: Some on a machine that has it; on CI (`CI` set) a missing `dot` fails the test.
pub fn graphviz() -> Option<&'static str> {
    if Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success()) {
        return Some("dot");
    }
    assert!(std::env::var_os("CI").is_none(), "Graphviz `dot` is missing: .ci/run installs it");
    eprintln!("skipped: no Graphviz `dot` (apt-get install graphviz)");
    None
}

/// Runs `program args…` with `input` on standard input and `env` set; fails the test unless it succeeds.
pub fn pipe(program: &str, args: &[&str], env: &[(&str, &Path)], input: &[u8]) -> Vec<u8> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, *v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("`{program}` runs: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(o.status.success(), "`{program} {args:?}` failed: {}", stderr(&o));
    o.stdout
}

/// The width, height and RGBA pixels of a PNG.
pub fn png_pixels(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a PNG that fits in memory")];
    let info = reader.next_frame(&mut pixels).expect("a PNG frame");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}
