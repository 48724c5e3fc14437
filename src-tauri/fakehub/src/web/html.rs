//! The HTML of fakehub's web pages: plain forms with labels, laid out like GitHub's
//! pages closely enough for a browser test to drive them.

use super::catalogue;
use super::form::{Classic, Expires, FineGrained};
use crate::input::RepositoryAccess;
use crate::scopes;
use crate::state::{Repo, TokenRecord};

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{} · fakehub</title></head>\n<body><main>\n<h1>{}</h1>\n{body}</main></body></html>\n",
        esc(title),
        esc(title)
    )
}

fn errors(list: &[String]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let items: String = list.iter().map(|e| format!("<li>{}</li>", esc(e))).collect();
    format!("<div class=\"flash-error\" role=\"alert\"><ul>{items}</ul></div>\n")
}

pub(crate) fn login(action: &str, return_to: &str, error: Option<&str>) -> String {
    let err = error.map(|e| errors(&[e.to_owned()])).unwrap_or_default();
    page(
        "Sign in to fakehub",
        &format!(
            "{err}<form method=\"post\" action=\"{}\">\n<label for=\"login\">Username</label> <input id=\"login\" name=\"login\" autocomplete=\"username\">\n<input type=\"hidden\" name=\"return_to\" value=\"{}\">\n<button type=\"submit\">Sign in</button>\n</form>\n",
            esc(action),
            esc(return_to)
        ),
    )
}

fn expiry_field(expires_text: &str, expires: Expires) -> String {
    let shown = match expires {
        Expires::Never => "none".to_owned(),
        Expires::Days(_) => expires_text.to_owned(),
    };
    format!(
        "<p><label for=\"expires_in\">Expiration (days, 1–366, or none)</label> <input id=\"expires_in\" name=\"expires_in\" value=\"{}\"></p>\n",
        esc(&shown)
    )
}

fn checked(on: bool) -> &'static str {
    if on {
        " checked"
    } else {
        ""
    }
}

/// `owners`: `(login, is_org)`, the user first; `repos`: the chosen owner's.
pub(crate) fn fine_grained(form: &FineGrained, action: &str, owners: &[(String, bool)], repos: &[&Repo]) -> String {
    let mut b = errors(&form.errors);
    b.push_str(&format!("<form method=\"post\" action=\"{}\">\n", esc(action)));
    b.push_str(&format!(
        "<p><label for=\"name\">Token name</label> <input id=\"name\" name=\"name\" maxlength=\"40\" value=\"{}\"></p>\n",
        esc(&form.name)
    ));
    b.push_str(&format!(
        "<p><label for=\"description\">Description</label> <textarea id=\"description\" name=\"description\" maxlength=\"1024\">{}</textarea></p>\n",
        esc(&form.description)
    ));
    let options: String = owners
        .iter()
        .map(|(login, _)| {
            let sel = if *login == form.owner { " selected" } else { "" };
            format!("<option value=\"{}\"{sel}>{}</option>", esc(login), esc(login))
        })
        .collect();
    b.push_str(&format!(
        "<p><label for=\"target_name\">Resource owner</label> <select id=\"target_name\" name=\"target_name\">{options}</select></p>\n"
    ));
    b.push_str(&expiry_field(&form.expires_text, form.expires));
    let (public, all, selected) = match &form.access {
        RepositoryAccess::Public => (true, false, None),
        RepositoryAccess::All => (false, true, None),
        RepositoryAccess::Selected(list) => (false, false, Some(list)),
    };
    b.push_str("<fieldset><legend>Repository access</legend>\n");
    for (value, label, on) in [
        ("public", "Public repositories", public),
        ("all", "All repositories", all),
        ("selected", "Only select repositories", selected.is_some()),
    ] {
        b.push_str(&format!(
            "<label><input type=\"radio\" name=\"repository_access\" value=\"{value}\"{}> {label}</label>\n",
            checked(on)
        ));
    }
    for r in repos {
        let full = format!("{}/{}", r.owner_login, r.name);
        let on = selected.is_some_and(|l| l.contains(&full));
        b.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"repositories\" value=\"{}\"{}> {}</label>\n",
            esc(&full),
            checked(on),
            esc(&full)
        ));
    }
    b.push_str("</fieldset>\n");
    for (section, title) in [
        ("repository", "Repository permissions"),
        ("organization", "Organization permissions"),
        ("account", "Account permissions"),
    ] {
        let applies = match section {
            "organization" => form.owner_is_org,
            "account" => !form.owner_is_org,
            _ => true,
        };
        if !applies {
            continue;
        }
        b.push_str(&format!("<fieldset><legend>{title}</legend>\n"));
        for p in catalogue::permissions().iter().filter(|p| p.section == section) {
            let current = form.permissions.get(&p.key);
            let mut opts =
                format!("<option value=\"\"{}>No access</option>", if current.is_none() { " selected" } else { "" });
            for level in &p.levels {
                let sel = if current == Some(level) { " selected" } else { "" };
                opts.push_str(&format!("<option value=\"{level}\"{sel}>{level}</option>"));
            }
            b.push_str(&format!(
                "<p><label for=\"perm-{k}\">{k}</label> <select id=\"perm-{k}\" name=\"{k}\">{opts}</select></p>\n",
                k = esc(&p.key)
            ));
        }
        b.push_str("</fieldset>\n");
    }
    b.push_str("<button type=\"submit\">Generate token</button>\n</form>\n");
    page("New fine-grained personal access token", &b)
}

pub(crate) fn classic(form: &Classic, action: &str) -> String {
    let mut b = errors(&form.errors);
    b.push_str(&format!("<form method=\"post\" action=\"{}\">\n", esc(action)));
    b.push_str(&format!(
        "<p><label for=\"description\">Note</label> <input id=\"description\" name=\"description\" value=\"{}\"></p>\n",
        esc(&form.note)
    ));
    b.push_str(&expiry_field(&form.expires_text, form.expires));
    b.push_str("<fieldset><legend>Select scopes</legend>\n");
    for s in scopes::ALL {
        let indent = if scopes::is_child(s) { " class=\"child\"" } else { "" };
        b.push_str(&format!(
            "<p{indent}><label><input type=\"checkbox\" name=\"scopes\" value=\"{s}\"{}> {s}</label></p>\n",
            checked(form.scopes.iter().any(|x| x == s))
        ));
    }
    b.push_str("</fieldset>\n<button type=\"submit\">Generate token</button>\n</form>\n");
    page("New personal access token (classic)", &b)
}

/// The list of the user's tokens of one kind, with a new token shown once.
pub(crate) fn tokens(title: &str, new_token: Option<&str>, list: &[&TokenRecord]) -> String {
    let mut b = String::new();
    if let Some(t) = new_token {
        b.push_str(&format!(
            "<div class=\"flash\" role=\"status\"><p>Make sure to copy your personal access token now. You won’t be able to see it again!</p>\n<code id=\"new-token\">{}</code></div>\n",
            esc(t)
        ));
    }
    b.push_str("<ul class=\"tokens\">\n");
    for r in list {
        let expiry = r
            .expires_at
            .map(|at| format!("Expires on {}", at.format("%a, %b %-d %Y")))
            .unwrap_or_else(|| "No expiration".into());
        b.push_str(&format!("<li>{} — {}</li>\n", esc(r.name.as_deref().unwrap_or("")), esc(&expiry)));
    }
    b.push_str("</ul>\n");
    page(title, &b)
}
