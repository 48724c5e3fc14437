// The creation wizard's part of the fake Backend: a small catalogue, owners and
// repositories, a checklist, and a token taken back as the options say.

import { vi } from "vitest";
import type {
  Creation,
  CreationCatalogue,
  CreationPage,
  ErrorPayload,
  Finished,
  Owners,
  Repository,
  RequestKind,
  Result,
  TokenView,
  WatchEvent,
} from "../lib/backend";

export const CREATION_CATALOGUE: CreationCatalogue = {
  permissions: [
    { key: "contents", section: "repository", levels: ["read", "write"], label: "Contents", description: "The code: clone and pull; with write, push." },
    { key: "metadata", section: "repository", levels: ["read"], label: "Metadata", description: "Basic, read-only facts about repositories." },
    { key: "pull_requests", section: "repository", levels: ["read", "write"], label: "Pull requests", description: "Read pull requests; with write, open and merge them." },
    { key: "members", section: "organization", levels: ["read", "write"], label: "Members", description: "Read the organization's members and teams." },
    { key: "gists", section: "account", levels: ["write"], label: "Gists", description: "Create, edit and delete your gists." },
  ],
  presets: [
    {
      id: "clone_push",
      kind: "fine_grained",
      title: "Clone and push to chosen repositories",
      explanation: "Clone, pull and push code in the repositories you select.",
      request: { kind: "fine_grained", name: "", permissions: { contents: "write" } },
    },
    {
      id: "gh_cli",
      kind: "classic",
      title: "gh CLI minimum",
      explanation: "The scopes GitHub's gh asks for at least.",
      request: { kind: "classic", note: "", scopes: ["repo", "read:org", "gist"] },
    },
  ],
};

export interface CreationOptions {
  owners?: Owners;
  repos?: Repository[];
  /** What creationPage/openCreationPage answer; default: a checklist of the name. */
  page?: (c: Creation) => Result<CreationPage, ErrorPayload>;
  /** Whether Rust could open the browser; default: yes. */
  open?: (c: Creation) => Result<CreationPage, ErrorPayload> | null;
  /** What finishing answers (paste or clipboard); default: stored. */
  finish?: (c: Creation, token: string | null) => Result<Finished, ErrorPayload>;
  renewal?: Creation;
  /** The token stored by default. */
  stored?: (c: Creation) => TokenView;
}

const ok = <T>(data: T): Result<T, ErrorPayload> => ({ status: "ok", data });

export function creationFakes(opts: CreationOptions, store: (t: TokenView) => void) {
  const name = (c: Creation) => (c.request.kind === "classic" ? c.request.note : c.request.name);
  const page = (c: Creation): Result<CreationPage, ErrorPayload> =>
    opts.page
      ? opts.page(c)
      : ok({ url: `https://github.com/settings/personal-access-tokens/new?name=${encodeURIComponent(name(c))}`, checklist: [{ label: "Token name", value: name(c), note: null }] });
  /** The latest watch's listener, for a test to say "found". */
  let watcher: ((e: WatchEvent) => void) | null = null;
  const finish = async (c: Creation, token: string | null) => {
    if (opts.finish) return opts.finish(c, token);
    const view = opts.stored!(c);
    store(view);
    return ok<Finished>({ token: view, findings: [] });
  };
  return {
    fakes: {
      creationCatalogue: vi.fn(async () => CREATION_CATALOGUE),
      creationPage: vi.fn(async (c: Creation) => page(c)),
      openCreationPage: vi.fn(async (c: Creation) => opts.open?.(c) ?? page(c)),
      creationOwners: vi.fn(async (_h: string | null, login: string) =>
        ok<Owners>(opts.owners ?? { owners: [{ login, organization: false }], from_github: false }),
      ),
      creationRepositories: vi.fn(async () => ok<Repository[]>(opts.repos ?? [])),
      renewal: vi.fn(async (id: string) => ok<Creation>(opts.renewal ?? { request: { kind: "classic", note: id }, renews: id })),
      finishCreation: vi.fn(async (c: Creation, token: string) => finish(c, token)),
      finishCreationFromClipboard: vi.fn(async (c: Creation) => finish(c, null)),
      watchClipboard: vi.fn(async (_k: RequestKind, on: (e: WatchEvent) => void) => {
        watcher = on;
        return ok(null);
      }),
      stopClipboardWatch: vi.fn(async () => {
        watcher = null;
      }),
    },
    /** Rust's watch says it found a token (or expired). */
    tellWatch(e: WatchEvent) {
      watcher?.(e);
    },
  };
}
