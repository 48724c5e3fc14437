// The classic scope catalogue as Rust's `scope_catalogue` returns it (ScopeNode[]),
// copied from src-tauri/core/src/github/scopes.rs for the mocked IPC.

/** @type {import("../src/lib/bindings").ScopeNode[]} */
export const CATALOGUE = [
  {
    "name": "repo",
    "parent": null,
    "description_en": "Full control of repositories, public and private, including org projects, invitations, team memberships and webhooks.",
    "description_fr": "Contrôle total des dépôts, publics et privés, y compris projets d’organisation, invitations, équipes et webhooks.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "repo:status",
        "parent": "repo",
        "description_en": "Read and write commit statuses in public and private repositories, without code access.",
        "description_fr": "Lire et écrire les statuts de commit des dépôts publics et privés, sans accès au code.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "repo_deployment",
        "parent": "repo",
        "description_en": "Read and write deployment statuses, without code access.",
        "description_fr": "Lire et écrire les statuts de déploiement, sans accès au code.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "public_repo",
        "parent": "repo",
        "description_en": "Read and write public repositories only (code, statuses, projects, stars).",
        "description_fr": "Lire et écrire les dépôts publics seulement (code, statuts, projets, étoiles).",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "repo:invite",
        "parent": "repo",
        "description_en": "Accept or decline invitations to collaborate on a repository.",
        "description_fr": "Accepter ou refuser les invitations à collaborer sur un dépôt.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "security_events",
        "parent": "repo",
        "description_en": "Read and write security events (code scanning, secret scanning alerts).",
        "description_fr": "Lire et écrire les événements de sécurité (alertes d’analyse de code et de secrets).",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "admin:repo_hook",
    "parent": null,
    "description_en": "Full control of repository webhooks, including deleting them.",
    "description_fr": "Contrôle total des webhooks de dépôt, suppression comprise.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "write:repo_hook",
        "parent": "admin:repo_hook",
        "description_en": "Read, create and update repository webhooks.",
        "description_fr": "Lire, créer et modifier les webhooks de dépôt.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "read:repo_hook",
        "parent": "admin:repo_hook",
        "description_en": "Read repository webhooks.",
        "description_fr": "Lire les webhooks de dépôt.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "admin:org",
    "parent": null,
    "description_en": "Full control of organizations, their teams, projects and memberships.",
    "description_fr": "Contrôle total des organisations, de leurs équipes, projets et membres.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "write:org",
        "parent": "admin:org",
        "description_en": "Read and write organization membership, projects and team membership.",
        "description_fr": "Lire et écrire les membres, projets et équipes d’une organisation.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "read:org",
        "parent": "admin:org",
        "description_en": "Read organization membership, projects and teams.",
        "description_fr": "Lire les membres, projets et équipes d’une organisation.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "admin:public_key",
    "parent": null,
    "description_en": "Full control of your public SSH keys.",
    "description_fr": "Contrôle total de vos clés SSH publiques.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "write:public_key",
        "parent": "admin:public_key",
        "description_en": "Create, list and view your public SSH keys.",
        "description_fr": "Créer, lister et voir vos clés SSH publiques.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "read:public_key",
        "parent": "admin:public_key",
        "description_en": "List and view your public SSH keys.",
        "description_fr": "Lister et voir vos clés SSH publiques.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "admin:org_hook",
    "parent": null,
    "description_en": "Full control of organization webhooks.",
    "description_fr": "Contrôle total des webhooks d’organisation.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "gist",
    "parent": null,
    "description_en": "Create and edit gists.",
    "description_fr": "Créer et modifier des gists.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "notifications",
    "parent": null,
    "description_en": "Read your notifications and mark them read; watch and unwatch repositories.",
    "description_fr": "Lire vos notifications et les marquer lues ; suivre ou ne plus suivre des dépôts.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "user",
    "parent": null,
    "description_en": "Read and write your profile data.",
    "description_fr": "Lire et écrire les données de votre profil.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "read:user",
        "parent": "user",
        "description_en": "Read your profile data.",
        "description_fr": "Lire les données de votre profil.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "user:email",
        "parent": "user",
        "description_en": "Read your email addresses.",
        "description_fr": "Lire vos adresses e-mail.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "user:follow",
        "parent": "user",
        "description_en": "Follow and unfollow other users.",
        "description_fr": "Suivre d’autres utilisateurs ou cesser de les suivre.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "project",
    "parent": null,
    "description_en": "Read and write user and organization projects.",
    "description_fr": "Lire et écrire les projets des utilisateurs et des organisations.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "read:project",
        "parent": "project",
        "description_en": "Read user and organization projects.",
        "description_fr": "Lire les projets des utilisateurs et des organisations.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "delete_repo",
    "parent": null,
    "description_en": "Delete repositories you administer.",
    "description_fr": "Supprimer les dépôts que vous administrez.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "write:packages",
    "parent": null,
    "description_en": "Upload and publish packages in GitHub Packages.",
    "description_fr": "Téléverser et publier des paquets dans GitHub Packages.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "read:packages",
    "parent": null,
    "description_en": "Download and install packages from GitHub Packages.",
    "description_fr": "Télécharger et installer des paquets depuis GitHub Packages.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "delete:packages",
    "parent": null,
    "description_en": "Delete packages from GitHub Packages.",
    "description_fr": "Supprimer des paquets de GitHub Packages.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "admin:gpg_key",
    "parent": null,
    "description_en": "Full control of your GPG keys.",
    "description_fr": "Contrôle total de vos clés GPG.",
    "ghes_only": false,
    "enterprise": false,
    "children": [
      {
        "name": "write:gpg_key",
        "parent": "admin:gpg_key",
        "description_en": "Create, list and view your GPG keys.",
        "description_fr": "Créer, lister et voir vos clés GPG.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      },
      {
        "name": "read:gpg_key",
        "parent": "admin:gpg_key",
        "description_en": "List and view your GPG keys.",
        "description_fr": "Lister et voir vos clés GPG.",
        "ghes_only": false,
        "enterprise": false,
        "children": []
      }
    ]
  },
  {
    "name": "codespace",
    "parent": null,
    "description_en": "Create and manage codespaces.",
    "description_fr": "Créer et gérer des codespaces.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "workflow",
    "parent": null,
    "description_en": "Add and update GitHub Actions workflow files.",
    "description_fr": "Ajouter et modifier les fichiers de workflow GitHub Actions.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "admin:enterprise",
    "parent": null,
    "description_en": "Full control of enterprises (GHEC and GHES).",
    "description_fr": "Contrôle total des entreprises (GHEC et GHES).",
    "ghes_only": false,
    "enterprise": true,
    "children": [
      {
        "name": "manage_runners:enterprise",
        "parent": "admin:enterprise",
        "description_en": "Full control of self-hosted runners in enterprises.",
        "description_fr": "Contrôle total des exécuteurs auto-hébergés des entreprises.",
        "ghes_only": false,
        "enterprise": true,
        "children": []
      },
      {
        "name": "manage_billing:enterprise",
        "parent": "admin:enterprise",
        "description_en": "Read and write enterprise billing data.",
        "description_fr": "Lire et écrire la facturation des entreprises.",
        "ghes_only": false,
        "enterprise": true,
        "children": []
      },
      {
        "name": "read:enterprise",
        "parent": "admin:enterprise",
        "description_en": "Read enterprise profile data.",
        "description_fr": "Lire le profil des entreprises.",
        "ghes_only": false,
        "enterprise": true,
        "children": []
      }
    ]
  },
  {
    "name": "read:audit_log",
    "parent": null,
    "description_en": "Read audit log data.",
    "description_fr": "Lire le journal d’audit.",
    "ghes_only": false,
    "enterprise": false,
    "children": []
  },
  {
    "name": "site_admin",
    "parent": null,
    "description_en": "Site administrators: access to the GitHub Enterprise Server administration API.",
    "description_fr": "Administrateurs du site : accès à l’API d’administration de GitHub Enterprise Server.",
    "ghes_only": true,
    "enterprise": true,
    "children": []
  }
];
