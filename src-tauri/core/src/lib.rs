//! Jeton's rules, with no Tauri dependency: tokens, the GitHub client, the vault,
//! and the services the desktop shell and the CLI both call.

pub mod apps;
pub mod clipboard;
pub mod clock;
pub mod config;
pub mod create;
pub mod discover;
pub mod error;
mod error_messages;
pub mod gitcred;
pub mod github;
pub mod health;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod recheck;
pub mod reminders;
pub mod revoke;
pub mod secret;
pub mod service;
pub mod settings;
pub mod status;
pub mod token;
pub mod tray;
pub mod vault;

pub use error::{Error, ErrorPayload, Result};
pub use secret::Secret;
