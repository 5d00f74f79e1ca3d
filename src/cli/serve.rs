//! `diplograph serve`: the store as a read-only SPARQL 1.1 Protocol endpoint.

use super::StoreArg;
use anyhow::Context;
use diplograph::server::{Served, Server, ServerConfig};
use diplograph::storage;
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// Serve the store as a read-only SPARQL endpoint at /query (Ctrl-C stops it)
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  diplograph serve\n  diplograph serve --bind 0.0.0.0:8080 --timeout 60\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a dg:Visit }' http://127.0.0.1:7878/query"
)]
pub struct ServeArgs {
    /// Address to listen on (only this machine unless told otherwise)
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Longest a query may take, answer included, in seconds (503 past it)
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Largest request body accepted, in bytes
    #[arg(long, default_value_t = 1 << 20)]
    pub max_request_bytes: usize,
    /// Memory one query may use beyond the loaded store, in MiB (503 past it)
    #[arg(long, default_value_t = 2048, value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub query_memory: u64,
    #[command(flatten)]
    pub store: StoreArg,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let (store, reopen) = storage::open_served(&args.store.store)?;
    let config = ServerConfig {
        bind: args.bind,
        timeout: Duration::from_secs(args.timeout),
        max_request_bytes: args.max_request_bytes,
        query_memory: args.query_memory << 20,
        ..ServerConfig::default()
    };
    let server = Server::bind(Served { store: store.inner().clone(), reopen }, config)?;
    let addr = server.addr().context("the server has no IP address")?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "diplograph: warning: listening on `{addr}`, reachable from other machines: the endpoint has \
             no authentication and anyone who reaches it can run queries"
        );
    }
    watch_store(args.store.store.clone(), server.store_handle());
    ctrlc::set_handler(server.stopper()).context("cannot install the Ctrl-C handler")?;
    // The banner is for a person: a closed stdout must not stop the server.
    let _ = writeln!(
        std::io::stdout(),
        "listening on http://{addr}/ (SPARQL endpoint http://{addr}/query; Ctrl-C stops)"
    );
    server.run();
    eprintln!("diplograph: stopped");
    Ok(ExitCode::SUCCESS)
}

/// Follows the store: when a build replaces the store file (a new file renamed over it) or
/// publishes a new snapshot of an indexed store, the server opens the new one beside the old and
/// answers later requests from it; requests in flight finish on the old one. A store that fails
/// to open is reported and the old one kept.
fn watch_store(path: std::path::PathBuf, store: diplograph::server::SharedStore) {
    std::thread::spawn(move || {
        let watched = storage::changed_on_rebuild(&path);
        let mut seen = file_stamp(&watched);
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = file_stamp(&watched);
            if now.is_none() || now == seen {
                continue;
            }
            seen = now;
            match storage::open_served(&path) {
                Ok((new, reopen)) => {
                    store.replace(Served { store: new.inner().clone(), reopen });
                    eprintln!("diplograph: answering from the rebuilt store `{}`", path.display());
                }
                Err(e) => eprintln!("diplograph: kept answering from the store it had: {e}"),
            }
        }
    });
}

/// What changes when a build replaces the store file: its modification time, size and inode.
fn file_stamp(path: &std::path::Path) -> Option<(Option<std::time::SystemTime>, u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok(), meta.len(), inode))
}
