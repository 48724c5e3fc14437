//! Talking to GitHub: the HTTP client, header parsers, catalogues.

pub mod client;
pub mod headers;
pub mod scopes;

pub use client::{GitHubClient, UserCheck};
