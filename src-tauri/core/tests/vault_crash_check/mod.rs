//! The crash test's bookkeeping: what the child's journal says happened, what the
//! vault says after reopening, and the differences.

use std::collections::BTreeMap;
use std::path::Path;

use jeton_core::vault::{Resolved, Vault};

/// Tokens the child saw added (and renamed), by id: (name, secret).
#[derive(Default)]
pub struct Model(BTreeMap<String, (String, String)>);

#[derive(Default, Debug)]
pub struct Tally {
    pub kills: u64,
    pub started: u64,
    pub succeeded: u64,
    pub in_flight_done: u64,
    pub in_flight_undone: u64,
    /// Interrupted operations by kind: (finished, undone).
    pub in_flight_by_kind: BTreeMap<&'static str, (u64, u64)>,
    /// Rounds whose kill left a metadata temp file behind, and how many files in all.
    pub rounds_with_temp: u64,
    pub temp_files_left: u64,
    pub journal_completed: u64,
    pub journal_undone: u64,
    pub losses: u64,
    pub tokens_now: usize,
    pub problems: Vec<String>,
}

#[derive(Debug)]
enum Op {
    Add { id: String, name: String, secret: String },
    Rename { id: String, name: String },
    Forget { id: String },
}

/// The journal as (operation, outcome) pairs; `None` for the one the kill interrupted.
fn read_journal(path: &Path) -> Vec<(Op, Option<Result<(), String>>)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: Vec<(Op, Option<Result<(), String>>)> = vec![];
    for line in text.lines() {
        let w: Vec<&str> = line.split(' ').collect();
        let op = match w[..] {
            ["start", "add", id, name, secret] => Op::Add { id: id.into(), name: name.into(), secret: secret.into() },
            ["start", "rename", id, name] => Op::Rename { id: id.into(), name: name.into() },
            ["start", "forget", id] => Op::Forget { id: id.into() },
            ["ok"] => {
                out.last_mut().unwrap().1 = Some(Ok(()));
                continue;
            }
            ["err", code] => {
                out.last_mut().unwrap().1 = Some(Err(code.into()));
                continue;
            }
            _ => continue, // a line the kill cut short
        };
        out.push((op, None));
    }
    out
}

impl Model {
    fn apply(&mut self, op: &Op) {
        match op {
            Op::Add { id, name, secret } => {
                self.0.insert(id.clone(), (name.clone(), secret.clone()));
            }
            Op::Rename { id, name } => self.0.get_mut(id).expect("renamed a known token").0 = name.clone(),
            Op::Forget { id } => {
                self.0.remove(id);
            }
        }
    }
}

/// Reopens, reconciles and compares; updates the model with the interrupted
/// operation's outcome (done or undone, both fine; half-done is a problem).
pub fn check_round(vault: &Vault, journal: &Path, model: &mut Model, t: &mut Tally) {
    // What the kill left, counted before anything takes the lock (which removes them).
    let left = temp_files(vault.metadata().dir());
    t.temp_files_left += left as u64;
    t.rounds_with_temp += u64::from(left > 0);
    let mut in_flight = None;
    for (op, outcome) in read_journal(journal) {
        t.started += 1;
        match outcome {
            Some(Ok(())) => {
                t.succeeded += 1;
                model.apply(&op);
            }
            Some(Err(code)) => t.problems.push(format!("{op:?} failed: {code}")),
            None => in_flight = Some(op),
        }
    }
    let report = match vault.reconcile() {
        Ok(r) => r,
        Err(e) => return t.problems.push(format!("reconcile failed: {e}")),
    };
    for r in &report.resolved {
        match r {
            Resolved::AddCompleted { .. } | Resolved::ForgetCompleted { .. } => t.journal_completed += 1,
            Resolved::AddUndone { .. } => t.journal_undone += 1,
        }
    }
    for m in &report.missing {
        t.problems.push(format!("secret missing for {} ({})", m.id, m.name));
    }
    for r in &report.recovered {
        t.problems.push(format!("orphan secret {} (half-done)", r.id));
        let _ = vault.delete_recovered(&r.id);
    }
    let listed: BTreeMap<String, _> = vault.list().unwrap().into_iter().map(|r| (r.id.clone(), r)).collect();
    if let Some(op) = in_flight {
        let done = match &op {
            Op::Add { id, .. } => listed.contains_key(id),
            Op::Rename { id, name } => listed.get(id).is_some_and(|r| &r.name == name),
            Op::Forget { id } => !listed.contains_key(id),
        };
        let kind = match op {
            Op::Add { .. } => "add",
            Op::Rename { .. } => "rename",
            Op::Forget { .. } => "forget",
        };
        let slot = t.in_flight_by_kind.entry(kind).or_default();
        if done {
            slot.0 += 1;
            t.in_flight_done += 1;
            model.apply(&op);
        } else {
            slot.1 += 1;
            t.in_flight_undone += 1;
        }
    }
    for (id, (name, secret)) in &model.0 {
        let Some(rec) = listed.get(id) else {
            t.losses += 1;
            t.problems.push(format!("lost token {id} ({name})"));
            continue;
        };
        if &rec.name != name {
            t.losses += 1;
            t.problems.push(format!("token {id} is named {:?}, expected {name:?}", rec.name));
        }
        match vault.secret(rec) {
            Ok(s) if s.expose() == secret => {}
            Ok(_) => {
                t.losses += 1;
                t.problems.push(format!("token {id} has another secret"));
            }
            Err(e) => {
                t.losses += 1;
                t.problems.push(format!("token {id}: {}", e.code()));
            }
        }
    }
    for id in listed.keys().filter(|id| !model.0.contains_key(*id)) {
        t.problems.push(format!("token {id} appeared from nowhere"));
    }
    if !vault.metadata().load().unwrap().pending.is_empty() {
        t.problems.push("the journal still has entries after reconcile".into());
    }
    let still = temp_files(vault.metadata().dir());
    if still > 0 {
        t.problems.push(format!("{still} temp file(s) the killed writer left are still there after reopening"));
    }
    t.tokens_now = listed.len();
}

/// Metadata temp files (`.tokens.json.<pid>.tmp`) in the data dir.
pub fn temp_files(dir: &Path) -> usize {
    let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
    entries.filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).count()
}

impl Tally {
    pub fn print(&self, rounds: u64) {
        println!("crash test: {rounds} killed rounds (+1 whole), {} kills", self.kills);
        println!("  operations started {}, returned success {}", self.started, self.succeeded);
        println!("  interrupted by the kill: {} finished, {} undone", self.in_flight_done, self.in_flight_undone);
        for (kind, (done, undone)) in &self.in_flight_by_kind {
            println!("    {kind}: {done} finished, {undone} undone");
        }
        println!("  metadata temp files the kills left: {} in {} rounds", self.temp_files_left, self.rounds_with_temp);
        println!(
            "  journal entries resolved on reopen: {} completed, {} undone",
            self.journal_completed, self.journal_undone
        );
        println!(
            "  tokens at the end {}, losses {}, other problems {}",
            self.tokens_now,
            self.losses,
            self.problems.len()
        );
    }
}
