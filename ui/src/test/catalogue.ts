// A slice of Rust's scope catalogue (core/src/github/scopes.rs), in the shape
// `scopeCatalogue()` returns, for tests.

import type { ScopeNode } from "../lib/backend";

function node(name: string, parent: string | null, en: string, fr: string, children: ScopeNode[] = [], flags = {}): ScopeNode {
  return { name, parent, description_en: en, description_fr: fr, ghes_only: false, enterprise: false, children, ...flags };
}

export const CATALOGUE: ScopeNode[] = [
  node("repo", null, "Full control of repositories.", "Contrôle total des dépôts.", [
    node("repo:status", "repo", "Read and write commit statuses.", "Lire et écrire les statuts de commit."),
    node("repo_deployment", "repo", "Read and write deployment statuses.", "Lire et écrire les statuts de déploiement."),
    node("public_repo", "repo", "Read and write public repositories only.", "Lire et écrire les dépôts publics seulement."),
    node("repo:invite", "repo", "Accept or decline invitations.", "Accepter ou refuser les invitations."),
    node("security_events", "repo", "Read and write security events.", "Lire et écrire les événements de sécurité."),
  ]),
  node("admin:org", null, "Full control of organizations.", "Contrôle total des organisations.", [
    node("write:org", "admin:org", "Read and write organization membership.", "Lire et écrire les membres."),
    node("read:org", "admin:org", "Read organization membership.", "Lire les membres."),
  ]),
  node("gist", null, "Create and edit gists.", "Créer et modifier des gists."),
  node("user", null, "Read and write your profile data.", "Lire et écrire votre profil.", [
    node("read:user", "user", "Read your profile data.", "Lire votre profil."),
    node("user:email", "user", "Read your email addresses.", "Lire vos adresses e-mail."),
    node("user:follow", "user", "Follow and unfollow other users.", "Suivre d’autres utilisateurs."),
  ]),
  node("workflow", null, "Add and update GitHub Actions workflow files.", "Ajouter et modifier les workflows."),
  node(
    "admin:enterprise",
    null,
    "Full control of enterprises.",
    "Contrôle total des entreprises.",
    [node("read:enterprise", "admin:enterprise", "Read enterprise profile data.", "Lire le profil des entreprises.", [], { enterprise: true })],
    { enterprise: true },
  ),
  node("site_admin", null, "Site administrators.", "Administrateurs du site.", [], { enterprise: true, ghes_only: true }),
];
