//! Talking to GitHub: the HTTP client, header parsers, catalogues (scopes, fine-grained
//! permissions, presets) and the pre-filled token creation URLs.

pub mod client;
pub mod grants;
pub mod headers;
mod permission_texts;
pub mod permissions;
pub mod presets;
pub mod request;
pub mod request_fields;
pub mod scopes;

pub use client::{GitHubClient, UserCheck};
