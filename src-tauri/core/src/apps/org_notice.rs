//! A notification when members' fine-grained token requests arrive in an org an app
//! installation in Jeton can review (docs/github.md, "Organization review"). The
//! reminder task looks once a day, like its re-check of the tokens ([`look_due`]); each
//! request is notified once, across restarts: the ids notified are kept in the
//! metadata (`Document::org_requests_seen`), and only those still pending stay there.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::org_review::{reviewable_orgs, reviewers, REQUESTS};
use super::{mint::mint_unstored, AppRecord};
use crate::error::Result;
use crate::i18n::Lang;
use crate::reminders::runner::recheck_every;
use crate::reminders::NoticeText;
use crate::service::Jeton;
use crate::vault::Vault;

/// A request already notified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenRequest {
    /// The host's web URL ([`crate::config::Host::key`]).
    pub host: String,
    pub org: String,
    pub id: u64,
    pub at: DateTime<Utc>,
}

fn same(s: &SeenRequest, host: &str, org: &str) -> bool {
    s.host == host && s.org.eq_ignore_ascii_case(org)
}

/// The ids of `pending` (of `org` on `host`) not notified yet, in their order.
pub fn new_requests(seen: &[SeenRequest], host: &str, org: &str, pending: &[u64]) -> Vec<u64> {
    pending.iter().copied().filter(|id| !seen.iter().any(|s| same(s, host, org) && s.id == *id)).collect()
}

/// The log once the requests `pending` of `org` were notified at `now`: the org's
/// entries no longer pending leave it (it never outgrows what is pending), the new
/// ones join it.
pub fn record_seen(seen: &mut Vec<SeenRequest>, host: &str, org: &str, pending: &[u64], now: DateTime<Utc>) {
    let fresh = new_requests(seen, host, org, pending);
    seen.retain(|s| !same(s, host, org) || pending.contains(&s.id));
    seen.extend(fresh.into_iter().map(|id| SeenRequest { host: host.to_owned(), org: org.to_owned(), id, at: now }));
}

/// Whether the daily look at the orgs' requests is due at `now`, the last one having
/// been at `last` (`None`: not yet since Jeton started).
pub fn look_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last.is_none_or(|l| now >= l + recheck_every())
}

/// The next look, for the task's sleep: `None` without an org to look at.
pub fn next_look(apps: &[AppRecord], last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let any = apps.iter().any(|a| !reviewable_orgs(std::slice::from_ref(a), &a.host).is_empty());
    any.then(|| last.map_or(now, |l| l + recheck_every()))
}

/// New requests waiting in an org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgRequestsNotice {
    pub host: String,
    pub org: String,
    /// The new ones.
    pub ids: Vec<u64>,
    /// Every pending id (what the log keeps once shown).
    pub pending: Vec<u64>,
}

impl OrgRequestsNotice {
    /// The notification's title and body, naming the org and the count.
    pub fn text(&self, lang: Lang) -> NoticeText {
        let (org, n) = (&self.org, self.ids.len());
        let (title, body) = match (lang, n) {
            (Lang::En, 1) => (
                format!("A token request for {org}"),
                format!("1 new fine-grained token request waits for review in {org}. See it with: jeton app requests {org}"),
            ),
            (Lang::En, _) => (
                format!("{n} token requests for {org}"),
                format!("{n} new fine-grained token requests wait for review in {org}. See them with: jeton app requests {org}"),
            ),
            (Lang::Fr, 1) => (
                format!("Une demande de jeton pour {org}"),
                format!("1 nouvelle demande de jeton à granularité fine attend une revue dans {org}. Voyez-la avec : jeton app requests {org}"),
            ),
            (Lang::Fr, _) => (
                format!("{n} demandes de jetons pour {org}"),
                format!("{n} nouvelles demandes de jetons à granularité fine attendent une revue dans {org}. Voyez-les avec : jeton app requests {org}"),
            ),
        };
        NoticeText { title, body }
    }
}

/// Looks at the pending requests of every org an installation in Jeton can review and
/// returns a notice for each org with requests not notified yet. An org whose look
/// fails (network, permission taken away) is skipped until the next look.
pub async fn look(jeton: &Jeton) -> Vec<OrgRequestsNotice> {
    let (Ok(apps), Ok(doc)) = (jeton.vault.apps(), jeton.vault.metadata().load()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut hosts: Vec<&str> = apps.iter().map(|a| a.host.as_str()).collect();
    hosts.sort_unstable();
    hosts.dedup();
    for host_key in hosts {
        let Ok(host) = jeton.config.host(Some(host_key)) else { continue };
        for org in reviewable_orgs(&apps, host_key) {
            let Some((app, inst)) = reviewers(&apps, host_key, &org, REQUESTS, "read").into_iter().next() else {
                continue;
            };
            let asked = [(REQUESTS.to_owned(), "read".to_owned())].into();
            let listed = match mint_unstored(&jeton.vault, &jeton.client, &host, app, inst, None, Some(&asked)).await {
                Ok(minted) => jeton.client.list_pat_requests(&host, &minted.secret, &org).await,
                Err(e) => Err(e),
            };
            let pending: Vec<u64> = match listed {
                Ok(list) => list.into_iter().map(|r| r.id).collect(),
                Err(e) => {
                    tracing::warn!(code = e.code(), org, "org review: pending requests not looked at");
                    continue;
                }
            };
            let ids = new_requests(&doc.org_requests_seen, host_key, &org, &pending);
            if !ids.is_empty() {
                out.push(OrgRequestsNotice { host: host_key.to_owned(), org, ids, pending });
            }
        }
    }
    out
}

impl Vault {
    /// `notice` was shown at `now`: its requests go to the log, never notified again.
    pub fn org_requests_notified(&self, notice: &OrgRequestsNotice, now: DateTime<Utc>) -> Result<()> {
        let mut t = self.begin()?;
        record_seen(&mut t.doc.org_requests_seen, &notice.host, &notice.org, &notice.pending, now);
        self.save(&t.doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    const GH: &str = "https://github.com";

    #[test]
    fn each_request_is_new_once_and_the_log_keeps_only_what_is_pending() {
        let mut seen = Vec::new();
        assert_eq!(new_requests(&seen, GH, "acme", &[3, 1]), [3, 1], "nothing notified yet");
        record_seen(&mut seen, GH, "acme", &[3, 1], t(0));
        assert_eq!(new_requests(&seen, GH, "acme", &[3, 1]), Vec::<u64>::new(), "told once");
        assert_eq!(new_requests(&seen, GH, "ACME", &[1, 7]), [7], "org logins are not case-sensitive");
        assert_eq!(new_requests(&seen, "https://ghe.example.com", "acme", &[1]), [1], "another host's acme");
        assert_eq!(new_requests(&seen, GH, "other", &[1]), [1], "another org");

        record_seen(&mut seen, GH, "acme", &[1, 7], t(60));
        let kept: Vec<(u64, DateTime<Utc>)> = seen.iter().map(|s| (s.id, s.at)).collect();
        assert_eq!(kept, [(1, t(0)), (7, t(60))], "3 was reviewed: it leaves; 1 keeps when it was told");
        record_seen(&mut seen, GH, "other", &[9], t(90));
        record_seen(&mut seen, GH, "acme", &[], t(120));
        assert_eq!(seen.iter().map(|s| s.id).collect::<Vec<_>>(), [9], "acme's log empties, other's stays");
    }

    #[test]
    fn the_log_survives_a_restart_through_the_metadata() {
        let mut seen = Vec::new();
        record_seen(&mut seen, GH, "acme", &[5], t(0));
        let stored = serde_json::to_string(&seen).unwrap();
        let back: Vec<SeenRequest> = serde_json::from_str(&stored).unwrap();
        assert_eq!(new_requests(&back, GH, "acme", &[5, 6]), [6]);
    }

    #[test]
    fn the_look_is_daily_like_the_recheck() {
        assert!(look_due(None, t(0)), "first look when the task starts");
        assert!(!look_due(Some(t(0)), t(86_399)));
        assert!(look_due(Some(t(0)), t(86_400)));
        assert_eq!(next_look(&[], None, t(0)), None, "no app: nothing to look at");
    }

    #[test]
    fn the_notice_names_the_org_and_the_count_in_both_languages() {
        let one = OrgRequestsNotice { host: GH.into(), org: "acme".into(), ids: vec![4], pending: vec![4] };
        let en = one.text(Lang::En);
        assert_eq!(en.title, "A token request for acme");
        assert!(
            en.body.starts_with("1 new fine-grained token request waits")
                && en.body.contains("jeton app requests acme")
        );
        let three = OrgRequestsNotice { ids: vec![4, 5, 6], ..one };
        let fr = three.text(Lang::Fr);
        assert_eq!(fr.title, "3 demandes de jetons pour acme");
        assert!(fr.body.starts_with("3 nouvelles demandes") && fr.body.contains("acme"), "{}", fr.body);
        assert_ne!(three.text(Lang::En).body, fr.body);
    }
}
