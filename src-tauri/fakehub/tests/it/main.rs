//! fakehub's integration tests, in one binary to keep link time down.

mod admin_http;
mod apps;
mod binary;
mod common;
mod etag;
mod faults;
mod gauge;
mod lists;
mod openapi;
mod org_pats;
mod ratelimit;
mod revoke;
mod sso;
mod tokens;
mod user;
mod web_pages;
