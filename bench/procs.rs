//! What Linux's /proc says about a desktop app and the WebKit processes it starts: CPU
//! time (`stat`), proportional memory (`smaps_rollup`) and context switches, every
//! thread's (`task/*/status`). Used by bench/app.rs.

use std::collections::BTreeMap;
use std::fs;
use std::process::Command;
use std::sync::OnceLock;

/// One process's figures at one moment.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub cpu_ms: f64,
    pub pss_kb: u64,
    /// Voluntary and involuntary context switches of its live threads: its wake-ups.
    pub switches: u64,
}

impl Figures {
    pub fn add(&mut self, other: &Figures) {
        self.cpu_ms += other.cpu_ms;
        self.pss_kb += other.pss_kb;
        self.switches += other.switches;
    }

    pub fn minus(&self, before: &Figures) -> Figures {
        Figures {
            cpu_ms: self.cpu_ms - before.cpu_ms,
            pss_kb: self.pss_kb,
            switches: self.switches.saturating_sub(before.switches),
        }
    }
}

/// The roles the figures are reported by: the app's own process and WebKit's.
pub const ROLES: [&str; 3] = ["app", "web", "network"];

fn clock_ticks() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(|| {
        let out = Command::new("getconf").arg("CLK_TCK").output().ok();
        out.and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok()).unwrap_or(100.0)
    })
}

/// The fields of /proc/PID/stat after the command name: state is [0], ppid [1].
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

fn comm(pid: u32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm")).map(|c| c.trim().to_owned()).unwrap_or_default()
}

/// `pid` and every process below it, with their command names.
pub fn tree(pid: u32) -> Vec<(u32, String)> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if let Some(ppid) = stat_fields(p).and_then(|f| f.get(1)?.parse().ok()) {
            parents.push((p, ppid));
        }
    }
    let mut found = vec![pid];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parents.iter().filter(|(_, pp)| *pp == parent).map(|(p, _)| *p));
        i += 1;
    }
    found.into_iter().map(|p| (p, comm(p))).collect()
}

/// The role of a process in the tree of `root`.
pub fn role(root: u32, pid: u32, comm: &str) -> String {
    match () {
        _ if pid == root => "app".into(),
        _ if comm.starts_with("WebKitWeb") => "web".into(),
        _ if comm.starts_with("WebKitNet") => "network".into(),
        _ => comm.to_owned(),
    }
}

/// One process's figures now; None once it is gone.
pub fn figures(pid: u32) -> Option<Figures> {
    let f = stat_fields(pid)?;
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    let pss_kb = fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("Pss:")?.trim().strip_suffix("kB")?.trim().parse().ok()))
        .unwrap_or(0);
    let mut switches = 0;
    for task in fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten() {
        let status = fs::read_to_string(task.path().join("status")).unwrap_or_default();
        switches += status
            .lines()
            .filter(|l| l.starts_with("voluntary_ctxt_switches:") || l.starts_with("nonvoluntary_ctxt_switches:"))
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum::<u64>();
    }
    Some(Figures { cpu_ms: ticks * 1000.0 / clock_ticks(), pss_kb, switches })
}

/// The figures of `root`'s tree by role (several processes of one role are added up).
pub fn by_role(root: u32) -> BTreeMap<String, Figures> {
    let mut out: BTreeMap<String, Figures> = BTreeMap::new();
    for (pid, name) in tree(root) {
        if let Some(f) = figures(pid) {
            out.entry(role(root, pid, &name)).or_default().add(&f);
        }
    }
    out
}

/// The sum over every role.
pub fn total(by_role: &BTreeMap<String, Figures>) -> Figures {
    let mut t = Figures::default();
    by_role.values().for_each(|f| t.add(f));
    t
}
