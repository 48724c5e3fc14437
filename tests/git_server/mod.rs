//! A private smart-HTTP git server for the tests: `git http-backend` (CGI) behind a
//! small HTTP/1.1 server that lets a request through only with Basic auth whose password
//! fakehub's `GET /user` accepts as a token of the repository's owner, or an installation
//! token whose `GET /installation/repositories` lists the repository.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct GitServer {
    pub url: String,
    pub root: PathBuf,
}

impl GitServer {
    /// Serves the bare repositories under `root` (`OWNER/NAME.git`), asking `hub` about tokens.
    pub fn start(root: &Path, hub: SocketAddr) -> GitServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let served = root.to_owned();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = served.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &root, hub);
                });
            }
        });
        GitServer { url, root: root.to_owned() }
    }
}

struct Request {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn read_request(stream: &TcpStream) -> std::io::Result<Request> {
    let mut r = BufReader::new(stream);
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or("").to_owned(), parts.next().unwrap_or("").to_owned());
    let (path, query) = target.split_once('?').map_or((target.clone(), String::new()), |(p, q)| (p.into(), q.into()));
    let mut headers = vec![];
    loop {
        let mut h = String::new();
        r.read_line(&mut h)?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let mut req = Request { method, path, query, headers, body: vec![] };
    if req.header("Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            r.read_line(&mut size)?;
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk)?;
            if n == 0 {
                break;
            }
            req.body.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = req.header("Content-Length").and_then(|v| v.parse::<usize>().ok()) {
        req.body = vec![0; n];
        r.read_exact(&mut req.body)?;
    }
    Ok(req)
}

fn serve(mut stream: TcpStream, root: &Path, hub: SocketAddr) -> std::io::Result<()> {
    let req = read_request(&stream)?;
    let mut segments = req.path.trim_start_matches('/').split('/');
    let owner = segments.next().unwrap_or("").to_owned();
    let repo = format!("{owner}/{}", segments.next().unwrap_or("").trim_end_matches(".git"));
    let password = req.header("Authorization").and_then(basic_password);
    let login = password.as_deref().and_then(|p| {
        let user = fakehub_login(hub, p).filter(|l| l.eq_ignore_ascii_case(&owner));
        user.or_else(|| installation_reaches(hub, p, &repo).then(|| "x-access-token".to_owned()))
    });
    if login.is_none() {
        return stream.write_all(
            b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"jeton-test\"\r\n\
              Content-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let mut cgi = Command::new("git");
    cgi.arg("http-backend")
        .env("GIT_PROJECT_ROOT", root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("REQUEST_METHOD", &req.method)
        .env("PATH_INFO", &req.path)
        .env("QUERY_STRING", &req.query)
        .env("REMOTE_USER", login.unwrap())
        .env("REMOTE_ADDR", "127.0.0.1")
        .env("CONTENT_LENGTH", req.body.len().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (header, var) in [
        ("Content-Type", "CONTENT_TYPE"),
        ("Git-Protocol", "GIT_PROTOCOL"),
        ("Content-Encoding", "HTTP_CONTENT_ENCODING"),
    ] {
        if let Some(v) = req.header(header) {
            cgi.env(var, v);
        }
    }
    let mut child = cgi.spawn()?;
    child.stdin.take().unwrap().write_all(&req.body)?;
    let out = child.wait_with_output()?;
    let split = out.stdout.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, 4));
    let split = split.or_else(|| out.stdout.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2)));
    let (end, sep) = split.unwrap_or((out.stdout.len(), 0));
    let head = String::from_utf8_lossy(&out.stdout[..end]).into_owned();
    let body = &out.stdout[end + sep..];
    let mut status = "200 OK".to_owned();
    let mut response = String::new();
    for h in head.lines().filter(|l| !l.is_empty()) {
        match h.split_once(':') {
            Some((k, v)) if k.eq_ignore_ascii_case("Status") => status = v.trim().to_owned(),
            _ => response.push_str(&format!("{h}\r\n")),
        }
    }
    let head = format!("HTTP/1.1 {status}\r\n{response}Content-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}

/// The password of `Basic base64(user:password)`.
fn basic_password(header: &str) -> Option<String> {
    let encoded = header.strip_prefix("Basic ")?.trim();
    let decoded = String::from_utf8(base64_decode(encoded)?).ok()?;
    decoded.split_once(':').map(|(_, p)| p.to_owned())
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (vec![], 0u32, 0);
    for c in s.bytes().filter(|&c| c != b'=') {
        acc = (acc << 6) | ABC.iter().position(|&a| a == c)? as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// fakehub's answer to `GET path` with `token`, when it is 200.
fn fakehub_get(hub: SocketAddr, path: &str, token: &str) -> Option<String> {
    let mut s = TcpStream::connect(hub).ok()?;
    let req = format!(
        "GET {path} HTTP/1.1\r\nHost: {hub}\r\nAuthorization: token {token}\r\nUser-Agent: git-server-test\r\n\
         Accept: application/vnd.github+json\r\nConnection: close\r\n\r\n"
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut answer = String::new();
    s.read_to_string(&mut answer).ok()?;
    answer.starts_with("HTTP/1.1 200").then_some(answer)
}

/// The login fakehub's `GET /user` gives for `token`, when it accepts it.
fn fakehub_login(hub: SocketAddr, token: &str) -> Option<String> {
    let answer = fakehub_get(hub, "/user", token)?;
    let rest = &answer[answer.find("\"login\":\"")? + 9..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// Whether `token` is an installation token that reaches `repo` (`owner/name`), as
/// fakehub's `GET /installation/repositories` lists them.
fn installation_reaches(hub: SocketAddr, token: &str, repo: &str) -> bool {
    let answer = fakehub_get(hub, "/installation/repositories?per_page=100", token);
    answer.is_some_and(|a| a.to_ascii_lowercase().contains(&format!("\"full_name\":\"{}\"", repo.to_ascii_lowercase())))
}
