//! Jeton as git's credential helper (docs/github.md#git-credential-helper): the
//! protocol's reading and writing, which stored token answers git, and the lines
//! `jeton setup-git` keeps in git's config; all pure but `helper`, the run itself
//! (standard input and output, the keychain, the re-check).

pub mod choose;
pub mod helper;
pub mod protocol;
pub mod setup;

pub use choose::{answer, answer_minted, candidates, erased_token, host_of, served_owner};
pub use protocol::{parse, write, Answer, Capability, Operation, Request};
/// The buffer type of git's input and of [`write`]'s answer, wiped when dropped.
pub use zeroize::Zeroizing;
