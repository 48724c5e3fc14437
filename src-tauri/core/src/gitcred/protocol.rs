//! Reading and writing git's credential helper protocol (docs/github.md#git-credential-helper).
//!
//! Input: one `key=value` per line, no quoting, ended by a blank line or the end of the
//! input; what follows the blank line is not read. Anything that is not that (a line
//! without `=`, a NUL byte, a line longer than git's 65535 bytes, more than
//! [`MAX_INPUT`] bytes) is not a request: the helper then answers nothing. Unknown keys, `wwwauth[]` and the `url` key are read and ignored.

use zeroize::Zeroizing;

use crate::secret::Secret;

/// git's longest credential line, in bytes.
pub const MAX_LINE: usize = 65535;
/// The most a helper reads from git; longer input is not a request.
pub const MAX_INPUT: usize = 1024 * 1024;
/// The prefix of Jeton's `state[]` value (git's docs ask each helper for its own).
pub const STATE_PREFIX: &str = "jeton:token=";

/// The argument git gives a helper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Get,
    Store,
    Erase,
    /// Any other word: git's docs ask helpers to ignore it silently.
    Unknown,
}

impl Operation {
    pub fn parse(word: &str) -> Operation {
        match word {
            "get" => Operation::Get,
            "store" => Operation::Store,
            "erase" => Operation::Erase,
            _ => Operation::Unknown,
        }
    }
}

/// The capabilities git may announce (`capability[]`) since git 2.46.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// `authtype` and `credential` may be sent.
    AuthType,
    /// `state[]` may be sent; git passes it back on `store` and `erase`.
    State,
}

impl Capability {
    fn word(self) -> &'static str {
        match self {
            Capability::AuthType => "authtype",
            Capability::State => "state",
        }
    }
}

/// What git asked, with only the attributes Jeton uses.
#[derive(Debug, Default)]
pub struct Request {
    pub protocol: Option<String>,
    /// The host, with its port when the URL has one (`example.com:8443`).
    pub host: Option<String>,
    /// The repository's path (only with `credential.useHttpPath`), e.g. `octocat/hello.git`.
    pub path: Option<String>,
    pub username: Option<String>,
    /// The password git used (on `store` and `erase`).
    pub password: Option<Secret>,
    pub capabilities: Vec<String>,
    pub state: Vec<String>,
}

impl Request {
    /// Whether git announced `capability`.
    pub fn announces(&self, capability: Capability) -> bool {
        self.capabilities.iter().any(|c| c == capability.word())
    }

    /// The token id Jeton put in `state[]` when it answered `get`.
    pub fn token_id(&self) -> Option<&str> {
        self.state.iter().find_map(|s| s.strip_prefix(STATE_PREFIX)).filter(|id| !id.is_empty())
    }
}

/// Reads a request; `None` when the input is not one (see the module's doc).
pub fn parse(input: &[u8]) -> Option<Request> {
    if input.len() > MAX_INPUT {
        return None;
    }
    let mut request = Request::default();
    for line in input.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.len() > MAX_LINE || line.contains(&0) {
            return None;
        }
        let eq = line.iter().position(|&b| b == b'=')?;
        let (key, value) = (&line[..eq], &line[eq + 1..]);
        let text = || std::str::from_utf8(value).ok().map(str::to_owned);
        match key {
            b"protocol" => request.protocol = Some(text()?),
            b"host" => request.host = Some(text()?),
            b"path" => request.path = Some(text()?),
            b"username" => request.username = Some(text()?),
            b"password" => request.password = Some(Secret::new(text()?)),
            b"capability[]" => push(&mut request.capabilities, text()?),
            b"state[]" => push(&mut request.state, text()?),
            // `wwwauth[]`, `url`, `password_expiry_utc`, `oauth_refresh_token`, unknown keys.
            _ => {}
        }
    }
    Some(request)
}

/// `key[]=value` adds a value; `key[]=` with nothing clears the list (git's rule).
fn push(list: &mut Vec<String>, value: String) {
    if value.is_empty() {
        list.clear();
    } else {
        list.push(value);
    }
}

/// What Jeton answers to `get`.
#[derive(Debug)]
pub struct Answer {
    pub username: String,
    pub password: Secret,
    /// When the token stops working, in Unix seconds (`password_expiry_utc`).
    pub expiry_utc: Option<i64>,
    /// The stored token's id, sent back as `state[]` when git takes it.
    pub token_id: String,
}

/// The lines answering `request`, or `None` when a value could not be written (a
/// newline or NUL in it). `state[]` and its `capability[]` line, which must come
/// first, are written only when git announced the capability; `authtype` and
/// `credential` are never written: GitHub takes the token as a Basic password.
pub fn write(answer: &Answer, request: &Request) -> Option<Zeroizing<String>> {
    let state = request.announces(Capability::State);
    let id = answer.token_id.as_str();
    let values = [answer.username.as_str(), answer.password.expose(), id];
    if values.iter().any(|v| v.is_empty() || v.contains(['\n', '\r', '\0'])) {
        return None;
    }
    // Room for everything up front, so that no copy of the secret is left behind by a regrowth.
    let mut out = Zeroizing::new(String::with_capacity(160 + values.iter().map(|v| v.len()).sum::<usize>()));
    if state {
        out.push_str("capability[]=state\n");
    }
    out.push_str("username=");
    out.push_str(&answer.username);
    out.push_str("\npassword=");
    out.push_str(answer.password.expose());
    out.push('\n');
    if let Some(expiry) = answer.expiry_utc {
        out.push_str(&format!("password_expiry_utc={expiry}\n"));
    }
    if state {
        out.push_str(&format!("state[]={STATE_PREFIX}{id}\n"));
    }
    Some(out)
}

#[cfg(test)]
#[path = "protocol_tests.rs"]
mod tests;
