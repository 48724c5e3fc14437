//! fakehub: a faithful fake GitHub for Jeton's tests and demo.
//!
//! It serves GitHub's REST API as a token client sees it (at `/` like
//! api.github.com and under `/api/v3` like GitHub Enterprise Server), and an admin
//! API to set it up, both in-process ([`Control`], reached through [`FakeHub`]) and
//! over HTTP under `/_admin`.
//!
//! For tests of clients: latency and [`Fault`]s (for the next requests or per token),
//! per-token [`Rewrite`]s of the answers (status, headers, header bytes that are not
//! text), and [`Stats`] with request counts, an in-flight gauge (`max_in_flight`,
//! overall and by path) and a timed log of every request with its status.
//!
//! ```no_run
//! # async fn demo() {
//! use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
//! let hub = FakeHub::start(FakeHubOptions::default()).await;
//! hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
//! let token = hub.create_token(NewToken::classic("octocat", &["repo"])).unwrap();
//! // GET {hub.url()}/user with `Authorization: token {token}`
//! # }
//! ```

mod admin;
mod api;
pub mod apps;
mod control;
mod expiry;
mod faults;
mod hub;
mod input;
mod lockout;
mod ops;
pub mod org_pats;
mod ratelimit;
mod rewrite;
pub mod scopes;
pub mod seed;
mod server;
mod state;
mod stats;
pub mod tokens;
mod web;

pub use apps::{App, CreatedApp, Installation, NewApp, NewInstallation};
pub use control::Control;
pub use expiry::ExpiryLayout;
pub use faults::Fault;
pub use hub::{FakeHub, FakeHubOptions};
pub use lockout::LoginLockout;
pub use ops::{AdminError, NewOrg, NewRepo, NewToken, NewUser, RepositoryAccess};
pub use org_pats::{PatGrant, PatRequest, RequestState};
pub use ratelimit::{LimitStatuses, RateSnapshot, SecondaryLimit};
pub use rewrite::Rewrite;
pub use state::{Org, Repo, TokenRecord, User};
pub use stats::{RequestLog, Stats};
pub use tokens::TokenKind;
