//! A small, strict HTTP/1.1 layer over `std::net`: [`read_request`] parses one request within
//! [`Limits`], [`write_response`] and [`ChunkedWriter`] write answers.
//!
//! Strict on purpose, since requests come from anyone who can reach the port: one request line of
//! three parts, header names that are tokens, no folded lines, at most `max_head_bytes` of head and
//! `max_headers` headers (431), one `Content-Length` of digits (a repeated or a list one is
//! refused), no `Transfer-Encoding` on requests (501: bodies must say their length), `Host`
//! required on HTTP/1.1. What is not understood is refused rather than guessed.

use std::io::{self, BufRead, Read, Write};

/// Bounds on what one request may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Request line and headers together, in bytes.
    pub max_head_bytes: usize,
    /// Header lines.
    pub max_headers: usize,
    /// Body, in bytes.
    pub max_body_bytes: usize,
}

/// One parsed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target as sent (`/query?query=…`).
    pub target: String,
    /// `HTTP/1.0` gets `false`.
    pub http11: bool,
    /// Names as sent; look them up with [`Request::header`].
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The value of the first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Whether the client lets the connection stay open after this request.
    pub fn keep_alive(&self) -> bool {
        let connection = self.header("Connection").unwrap_or("").to_ascii_lowercase();
        let says = |word: &str| connection.split(',').any(|t| t.trim() == word);
        if self.http11 {
            !says("close")
        } else {
            says("keep-alive")
        }
    }
}

/// Why no request was read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection closed or stayed idle before a request began: close it quietly.
    Gone,
    /// A bad request: answer with this status and message, then close.
    Refused(u16, &'static str),
}

fn refused(status: u16, message: &'static str) -> ReadError {
    ReadError::Refused(status, message)
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Reads one line (up to `\n`) of at most `budget` bytes; `None` when over the budget.
fn read_line(reader: &mut impl BufRead, budget: usize) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    reader.take(budget as u64 + 1).read_until(b'\n', &mut line)?;
    if line.len() > budget || !line.ends_with(b"\n") {
        if line.len() <= budget {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        return Ok(None);
    }
    line.pop();
    if line.ends_with(b"\r") {
        line.pop();
    }
    Ok(Some(line))
}

/// Reads one request. The reader's timeouts bound the waiting; a timeout or end of stream before the
/// first byte is [`ReadError::Gone`], one in the middle is a 408 or 400.
pub fn read_request(reader: &mut impl BufRead, limits: &Limits) -> Result<Request, ReadError> {
    match reader.fill_buf() {
        Ok([]) | Err(_) => return Err(ReadError::Gone),
        Ok(_) => {}
    }
    let cut = |e: io::Error| match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => refused(408, "the request came too slowly"),
        _ => refused(400, "the request ended early"),
    };
    let mut budget = limits.max_head_bytes;
    let too_large = || refused(431, "the request head is larger than the limit");
    let line = read_line(reader, budget).map_err(cut)?.ok_or_else(too_large)?;
    budget -= line.len() + 1;
    let line = String::from_utf8(line).map_err(|_| refused(400, "the request line is not UTF-8"))?;
    let parts: Vec<&str> = line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(refused(400, "the request line is not `METHOD target HTTP/1.1`"));
    };
    if !is_token(method) || target.is_empty() || target.bytes().any(|b| b.is_ascii_control()) {
        return Err(refused(400, "the request line is not `METHOD target HTTP/1.1`"));
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => return Err(refused(505, "only HTTP/1.1 and HTTP/1.0 are served")),
        _ => return Err(refused(400, "the request line is not `METHOD target HTTP/1.1`")),
    };
    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, budget).map_err(cut)?.ok_or_else(too_large)?;
        budget -= line.len() + 1;
        if line.is_empty() {
            break;
        }
        if headers.len() == limits.max_headers {
            return Err(refused(431, "the request has more headers than the limit"));
        }
        if line[0] == b' ' || line[0] == b'\t' {
            return Err(refused(400, "folded header lines are not accepted"));
        }
        let line = String::from_utf8(line).map_err(|_| refused(400, "a header is not UTF-8"))?;
        let (name, value) = line.split_once(':').ok_or_else(|| refused(400, "a header line has no `:`"))?;
        if !is_token(name) {
            return Err(refused(400, "a header name is not a token"));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let mut request =
        Request { method: method.to_owned(), target: target.to_owned(), http11, headers, body: vec![] };
    if http11 && request.header("Host").is_none() {
        return Err(refused(400, "an HTTP/1.1 request needs a Host header"));
    }
    if request.header("Transfer-Encoding").is_some() {
        return Err(refused(
            501,
            "request bodies with a Transfer-Encoding are not accepted: send Content-Length",
        ));
    }
    let lengths: Vec<&str> = request
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .map(|(_, v)| v.as_str())
        .collect();
    let length = match lengths[..] {
        [] => 0,
        [one] if !one.is_empty() && one.len() <= 19 && one.bytes().all(|b| b.is_ascii_digit()) => {
            one.parse::<u64>().map_err(|_| refused(400, "the Content-Length is not a number"))?
        }
        [_] => return Err(refused(400, "the Content-Length is not a number")),
        _ => return Err(refused(400, "more than one Content-Length")),
    };
    if length > limits.max_body_bytes as u64 {
        return Err(refused(413, "the request body is larger than the limit"));
    }
    let mut body = vec![0; length as usize];
    reader.read_exact(&mut body).map_err(cut)?;
    request.body = body;
    Ok(request)
}

/// The reason phrase of the statuses this server gives.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Writes a status line and headers (ending the head); `length` gives `Content-Length`, `None`
/// chunked transfer coding.
pub fn write_head(
    out: &mut impl Write,
    status: u16,
    headers: &[(&str, &str)],
    length: Option<usize>,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    match length {
        Some(n) => head.push_str(&format!("Content-Length: {n}\r\n")),
        None => head.push_str("Transfer-Encoding: chunked\r\n"),
    }
    if !keep_alive {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())
}

/// Writes a whole response with a known length.
pub fn write_response(
    out: &mut impl Write,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
    keep_alive: bool,
) -> io::Result<()> {
    write_head(out, status, headers, Some(body.len()), keep_alive)?;
    out.write_all(body)?;
    out.flush()
}

/// Writes chunks of a chunked body; [`ChunkedWriter::finish`] writes the last chunk. Dropped
/// without `finish`, the body stays unterminated and the reader sees an error, not an end.
pub struct ChunkedWriter<W: Write>(pub W);

impl<W: Write> ChunkedWriter<W> {
    pub fn chunk(&mut self, data: &[u8]) -> io::Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        write!(self.0, "{:x}\r\n", data.len())?;
        self.0.write_all(data)?;
        self.0.write_all(b"\r\n")
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.0.write_all(b"0\r\n\r\n")?;
        self.0.flush()?;
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits { max_head_bytes: 200, max_headers: 4, max_body_bytes: 10 };

    fn parse(raw: &str) -> Result<Request, ReadError> {
        read_request(&mut io::BufReader::new(raw.as_bytes()), &LIMITS)
    }

    fn status(raw: &str) -> u16 {
        match parse(raw) {
            Ok(_) => 200,
            Err(ReadError::Refused(s, _)) => s,
            Err(ReadError::Gone) => 0,
        }
    }

    #[test]
    fn parses_a_request_with_a_body() {
        let r = parse(
            "POST /query?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nAccept:  text/csv \r\n\r\nabcrest",
        )
        .unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str(), r.http11), ("POST", "/query?x=1", true));
        assert_eq!(r.header("accept"), Some("text/csv"));
        assert_eq!(r.body, b"abc");
        assert!(r.keep_alive());
        let r = parse("GET / HTTP/1.0\n\n").unwrap();
        assert!(!r.http11 && !r.keep_alive() && r.body.is_empty());
        assert!(!parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").unwrap().keep_alive());
    }

    #[test]
    fn refuses_malformed_and_oversized_requests() {
        let table = [
            ("an empty stream", "", 0),
            ("two spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("no version", "GET /\r\n\r\n", 400),
            ("HTTP/2", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            ("no Host", "GET / HTTP/1.1\r\n\r\n", 400),
            ("no colon", "GET / HTTP/1.1\r\nHost a\r\n\r\n", 400),
            ("space before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
            ("folded", "GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n", 400),
            ("cut head", "GET / HTTP/1.1\r\nHost: a\r\n", 400),
            ("long head", &format!("GET / HTTP/1.1\r\nHost: a\r\nX: {}\r\n\r\n", "y".repeat(300)), 431),
            ("many headers", "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\n\r\n", 431),
            (
                "two lengths",
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
                400,
            ),
            ("a list length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\nx", 400),
            ("a signed length", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\nx", 400),
            (
                "chunked",
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
                501,
            ),
            ("a large body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", 413),
            ("a short body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab", 400),
            ("a whole one", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", 200),
        ];
        for (name, raw, expected) in table {
            assert_eq!(status(raw), expected, "{name}");
        }
    }

    #[test]
    fn writes_heads_and_chunks() {
        let mut out = Vec::new();
        write_response(&mut out, 406, &[("A", "b")], b"no", false).unwrap();
        assert_eq!(
            out,
            b"HTTP/1.1 406 Not Acceptable\r\nA: b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno"
        );
        let mut chunks = ChunkedWriter(Vec::new());
        chunks.chunk(&[b'x'; 17]).unwrap();
        chunks.chunk(b"").unwrap();
        let out = chunks.finish().unwrap();
        assert_eq!(out, [&b"11\r\n"[..], &[b'x'; 17], b"\r\n0\r\n\r\n"].concat());
    }
}
