//! Evaluations in forked child processes: a time limit or a stop kills one at once, and its memory
//! is capped by the kernel. The entry point is [`start`].
//!
//! Oxigraph checks its cancellation token only when it reads the store, so a thread evaluating a
//! cartesian product or grouping one runs on after it is cancelled and keeps what it built. A
//! process can be killed: the child is a copy of the server sharing the loaded store page by page
//! (copy on write), evaluates one query, writes its answer into a pipe in frames and exits. The
//! parent relays the frames, kills the child when the client's time is up or the server stops, and
//! reaps it; everything the evaluation held goes back to the system at once. Before evaluating, the
//! child limits its address space (`RLIMIT_AS`) to what it inherited plus the memory cap, so a
//! query that needs more ends (the allocation fails and the child aborts) with a clear answer
//! instead of growing the server.
//!
//! Forking a process with other threads is safe here because the child only reads the store (no
//! lock of it is ever held for writing while serving), allocates through glibc's fork-aware
//! `malloc`, starts no threads of its own (an indexed store, which the child opens anew from its
//! read-only snapshot rather than use the parent's RocksDB handle, runs no background work), closes every inherited descriptor but its pipe, and leaves with
//! `_exit` (no destructors, no buffered output of the parent flushed twice). Should it still block
//! on something inherited, the parent kills it at the time limit like any other evaluation.
#![allow(unsafe_code)]

use crate::query::{self, Form, QueryError, QueryOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::os::fd::AsRawFd;
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};

/// What an evaluation hands to the connection that waits for it.
pub enum Message {
    /// The form of the answer, before any of its bytes.
    Start(Form),
    /// Bytes of the answer.
    Data(Vec<u8>),
    /// The end: the whole answer was written, or why not.
    Done(Result<(), Failure>),
}

/// Why an evaluation gave no whole answer, as the status and message a client gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: u16,
    pub message: String,
}

impl From<&QueryError> for Failure {
    fn from(error: &QueryError) -> Self {
        let status = match error {
            QueryError::Syntax(_) => 400,
            QueryError::Timeout(_) | QueryError::Cancelled => 503,
            QueryError::Unsupported(_) => 501,
            QueryError::NotAcceptable(_) => 406,
            QueryError::Evaluation(_) | QueryError::Io(_) => 500,
            QueryError::Remote { .. } => 502,
        };
        Failure { status, message: error.to_string() }
    }
}

/// A running evaluation: the child's pid until it is reaped.
pub struct Evaluation {
    pid: Mutex<Option<libc::pid_t>>,
}

impl Evaluation {
    /// Kills the child if it still runs (no answer is wanted any more). Harmless once it ended:
    /// the pid is forgotten under the same lock when the child is reaped, so a reused pid is
    /// never signalled.
    pub fn kill(&self) {
        if let Some(pid) = *self.pid.lock().unwrap_or_else(|e| e.into_inner()) {
            // SAFETY: kill(2) with a pid of our own unreaped child; no memory is involved.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    }

    /// Whether the child has not been reaped yet.
    pub fn running(&self) -> bool {
        self.pid.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    /// Waits for the child to end and says how: `None` for a normal exit, else the signal.
    fn reap(&self) -> Option<i32> {
        let mut pid = self.pid.lock().unwrap_or_else(|e| e.into_inner());
        let child = pid.take()?;
        let mut status = 0;
        // SAFETY: waitpid(2) on our own child, writing into a local integer.
        let waited = unsafe { libc::waitpid(child, &mut status, 0) };
        (waited == child && libc::WIFSIGNALED(status)).then(|| libc::WTERMSIG(status))
    }
}

/// Bytes the child hands over at a time.
const CHUNK: usize = 64 * 1024;

/// Starts evaluating `sparql` in a child process; its frames arrive on `sender` as [`Message`]s
/// (always ending with [`Message::Done`]), and `on_end` runs once the child has been reaped.
/// `memory` caps what the child may allocate beyond what it inherited.
pub fn start(
    store: &super::Served,
    sparql: &str,
    options: &QueryOptions,
    memory: u64,
    sender: SyncSender<Message>,
    on_end: impl FnOnce() + Send + 'static,
) -> std::io::Result<Arc<Evaluation>> {
    let (reader, writer) = std::io::pipe()?;
    let ceiling = address_space()?.saturating_add(memory);
    // The parent kills the child at the time limit; inside, nothing needs a timer thread.
    let options = QueryOptions { timeout: None, cancel: None, ..options.clone() };
    // SAFETY: see the module docs for why the child may run after fork(2) in a threaded process.
    match unsafe { libc::fork() } {
        -1 => Err(std::io::Error::last_os_error()),
        0 => {
            drop(reader);
            child(writer, ceiling, store, sparql, &options)
        }
        pid => {
            drop(writer);
            let evaluation = Arc::new(Evaluation { pid: Mutex::new(Some(pid)) });
            let reaper = Arc::clone(&evaluation);
            std::thread::spawn(move || {
                let ended = relay_frames(reader, &sender);
                let signal = reaper.reap();
                if !ended {
                    let _ = sender.send(Message::Done(Err(died(signal, memory))));
                }
                on_end();
            });
            Ok(evaluation)
        }
    }
}

/// What the client hears of a child that ended without saying how.
fn died(signal: Option<i32>, memory: u64) -> Failure {
    match signal {
        Some(libc::SIGKILL) => Failure { status: 503, message: "the query was cancelled".into() },
        // A failed allocation aborts (SIGABRT); the limit is what makes it fail.
        Some(libc::SIGABRT | libc::SIGSEGV | libc::SIGBUS) => Failure {
            status: 503,
            message: format!("the query needed more memory than the limit of {} MiB per query", memory >> 20),
        },
        _ => Failure { status: 500, message: "the evaluation stopped without an answer".into() },
    }
}

/// The process's virtual size now, which the child inherits.
fn address_space() -> std::io::Result<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm")?;
    let pages: u64 = statm.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
    // SAFETY: sysconf(3) reads a constant.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(4096) as u64;
    Ok(pages * page)
}

/// Reads the child's frames and passes them on until its last one or the end of the pipe; says
/// whether the last frame (`Done`) came. Stops passing on, but keeps draining, once the
/// connection has gone, so the child is never blocked on a full pipe.
fn relay_frames(reader: std::io::PipeReader, sender: &SyncSender<Message>) -> bool {
    let mut reader = BufReader::with_capacity(CHUNK, reader);
    let mut listening = true;
    loop {
        let Some(message) = read_frame(&mut reader) else {
            return false;
        };
        let last = matches!(message, Message::Done(_));
        if listening && sender.send(message).is_err() {
            listening = false;
        }
        if last {
            return true;
        }
    }
}

const START: u8 = b'S';
const DATA: u8 = b'D';
const OK: u8 = b'O';
const FAILED: u8 = b'E';

fn read_frame(reader: &mut impl Read) -> Option<Message> {
    let mut head = [0u8; 5];
    reader.read_exact(&mut head).ok()?;
    let length = u32::from_le_bytes([head[1], head[2], head[3], head[4]]) as usize;
    let mut payload = vec![0u8; length];
    reader.read_exact(&mut payload).ok()?;
    match (head[0], payload.as_slice()) {
        (START, [b'S']) => Some(Message::Start(Form::Solutions)),
        (START, [b'B']) => Some(Message::Start(Form::Boolean)),
        (START, [b'G']) => Some(Message::Start(Form::Graph)),
        (DATA, _) => Some(Message::Data(payload)),
        (OK, []) => Some(Message::Done(Ok(()))),
        (FAILED, [a, b, message @ ..]) => Some(Message::Done(Err(Failure {
            status: u16::from_le_bytes([*a, *b]),
            message: String::from_utf8_lossy(message).into_owned(),
        }))),
        _ => None,
    }
}

fn write_frame(out: &mut impl Write, tag: u8, payload: &[u8]) -> std::io::Result<()> {
    let length = u32::try_from(payload.len()).map_err(|_| std::io::ErrorKind::InvalidInput)?;
    out.write_all(&[tag])?;
    out.write_all(&length.to_le_bytes())?;
    out.write_all(payload)
}

/// The child's side of the pipe: answer bytes in `DATA` frames of up to [`CHUNK`] bytes, preceded
/// by the `START` frame once the form is known.
struct FrameWriter {
    out: BufWriter<std::io::PipeWriter>,
    form: Arc<Mutex<Option<Form>>>,
    started: bool,
    buffer: Vec<u8>,
}

impl FrameWriter {
    fn send(&mut self) -> std::io::Result<()> {
        if !self.started {
            if let Some(form) = *self.form.lock().unwrap_or_else(|e| e.into_inner()) {
                let code = match form {
                    Form::Solutions => b'S',
                    Form::Boolean => b'B',
                    Form::Graph => b'G',
                };
                write_frame(&mut self.out, START, &[code])?;
                self.started = true;
            }
        }
        if !self.buffer.is_empty() {
            write_frame(&mut self.out, DATA, &self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    fn finish(&mut self, outcome: Result<(), Failure>) -> std::io::Result<()> {
        match outcome {
            Ok(()) => {
                self.send()?;
                write_frame(&mut self.out, OK, &[])?;
            }
            Err(failure) => {
                let mut payload = failure.status.to_le_bytes().to_vec();
                payload.extend_from_slice(failure.message.as_bytes());
                write_frame(&mut self.out, FAILED, &payload)?;
            }
        }
        self.out.flush()
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
            self.out.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The child: evaluates, writes the frames, leaves.
fn child(
    writer: std::io::PipeWriter,
    ceiling: u64,
    served: &super::Served,
    sparql: &str,
    options: &QueryOptions,
) -> ! {
    isolate_descriptors(&writer);
    // An indexed store is opened anew (read-only, its snapshot never changes): the parent's
    // handle lost its files with the descriptors above, and its threads with the fork.
    let reopened = served.reopen.as_deref().map(crate::storage::reopen);
    let store = match &reopened {
        None => &served.store,
        Some(Ok(store)) => store,
        Some(Err(e)) => {
            let failure = Failure { status: 500, message: format!("cannot open the store: {e}") };
            let mut out = BufWriter::new(writer);
            let mut payload = failure.status.to_le_bytes().to_vec();
            payload.extend_from_slice(failure.message.as_bytes());
            let failed = write_frame(&mut out, FAILED, &payload).and_then(|()| out.flush()).is_err();
            // SAFETY: as below.
            unsafe { libc::_exit(i32::from(failed)) }
        }
    };
    let limit = libc::rlimit { rlim_cur: ceiling, rlim_max: ceiling };
    // SAFETY: setrlimit(2) reads the local struct.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    let form = Arc::new(Mutex::new(None));
    let mut frames = FrameWriter {
        out: BufWriter::with_capacity(CHUNK + 16, writer),
        form: Arc::clone(&form),
        started: false,
        buffer: Vec::with_capacity(CHUNK),
    };
    let evaluated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // A snapshot's kept answers come first ([`crate::answers`]).
        let answered = crate::answers::Answered { store, snapshot: served.reopen.as_deref() };
        query::run_streaming(&answered, sparql, options, &mut frames, |f| {
            *form.lock().unwrap_or_else(|e| e.into_inner()) = Some(f);
        })
    }));
    let outcome = match evaluated {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(error)) => Err(Failure::from(&error)),
        Err(_) => {
            Err(Failure { status: 500, message: "the evaluation failed (a bug: please report it)".into() })
        }
    };
    let code = i32::from(frames.finish(outcome).is_err());
    // SAFETY: _exit(2) ends the child without running the parent's destructors or flushing its
    // buffers a second time.
    unsafe { libc::_exit(code) }
}

/// Closes every descriptor the child inherited but its pipe and the standard ones: the server's
/// sockets must close when the server closes them, not when a child ends.
fn isolate_descriptors(writer: &std::io::PipeWriter) {
    let keep = writer.as_raw_fd() as libc::c_uint;
    // SAFETY: close_range(2) on descriptors this process no longer uses; the pipe is kept.
    unsafe {
        if keep > 3 {
            libc::close_range(3, keep - 1, 0);
        }
        libc::close_range(keep + 1, libc::c_uint::MAX, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_read_back_as_written() {
        let mut bytes = Vec::new();
        write_frame(&mut bytes, START, b"G").unwrap();
        write_frame(&mut bytes, DATA, "数据".as_bytes()).unwrap();
        write_frame(&mut bytes, FAILED, &[0xF7, 0x01, b'x']).unwrap();
        let mut reader = bytes.as_slice();
        assert!(matches!(read_frame(&mut reader), Some(Message::Start(Form::Graph))));
        assert!(matches!(read_frame(&mut reader), Some(Message::Data(d)) if d == "数据".as_bytes()));
        let Some(Message::Done(Err(failure))) = read_frame(&mut reader) else { panic!("no failure frame") };
        assert_eq!(failure, Failure { status: 503, message: "x".into() });
        assert!(read_frame(&mut reader).is_none(), "the end of the pipe is no frame");
    }

    #[test]
    fn a_cut_frame_is_no_frame() {
        let mut bytes = Vec::new();
        write_frame(&mut bytes, DATA, b"abcdef").unwrap();
        assert!(read_frame(&mut &bytes[..8]).is_none());
    }

    #[test]
    fn a_child_answers_through_the_pipe_and_is_reaped() {
        let store = oxigraph::store::Store::new().unwrap();
        let (sender, receiver) = std::sync::mpsc::sync_channel(4);
        let options = QueryOptions { results: query::ResultFormat::Csv, ..QueryOptions::default() };
        let (ended, end) = std::sync::mpsc::channel();
        let evaluation = start(
            &store.into(),
            "SELECT ?x WHERE { VALUES ?x { 1 2 } }",
            &options,
            1 << 30,
            sender,
            move || {
                let _ = ended.send(());
            },
        )
        .unwrap();
        let mut form = None;
        let mut data = Vec::new();
        loop {
            match receiver.recv().unwrap() {
                Message::Start(f) => form = Some(f),
                Message::Data(d) => data.extend(d),
                Message::Done(outcome) => {
                    assert_eq!(outcome, Ok(()));
                    break;
                }
            }
        }
        assert_eq!(form, Some(Form::Solutions));
        assert_eq!(String::from_utf8(data).unwrap().lines().collect::<Vec<_>>(), ["x", "1", "2"]);
        end.recv().unwrap();
        assert!(evaluation.pid.lock().unwrap().is_none(), "reaped");
    }

    #[test]
    fn a_syntax_error_comes_back_as_400() {
        let store = oxigraph::store::Store::new().unwrap();
        let (sender, receiver) = std::sync::mpsc::sync_channel(4);
        start(&store.into(), "SELEKT", &QueryOptions::default(), 1 << 30, sender, || ()).unwrap();
        let failure = std::iter::from_fn(|| receiver.recv().ok())
            .find_map(|m| match m {
                Message::Done(Err(f)) => Some(f),
                _ => None,
            })
            .unwrap();
        assert_eq!(failure.status, 400);
        assert!(failure.message.starts_with("invalid SPARQL"), "{}", failure.message);
    }
}
