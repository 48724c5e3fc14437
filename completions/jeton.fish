# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_jeton_global_optspecs
    string join \n h/help V/version
end

function __fish_jeton_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_jeton_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_jeton_using_subcommand
    set -l cmd (__fish_jeton_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c jeton -n "__fish_jeton_needs_command" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_needs_command" -s V -l version -d 'Show Jeton\'s version.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "check" -d 'Check a token read from standard input (`-`): its format, then GitHub\'s answer.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "add" -d 'Check a token read from standard input (`-`), then store it in the keychain.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "list" -d 'List stored tokens (never their secrets).'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "status" -d 'Statuses from what Jeton recorded; fails when a token needs attention.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "recheck" -d 'Ask GitHub again about every stored token.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "copy" -d 'Copy a stored token to the clipboard, kept out of clipboard history, and clear it after a delay if it is still there.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "create-url" -d 'Print GitHub\'s pre-filled page for creating a token with these settings (nothing is sent or stored).'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "git-credential" -d 'Git\'s credential helper (jeton setup-git sets it up). get: answers with the best token Jeton keeps for the host, never an expired or revoked one. erase (git\'s sign that the server refused it): re-checks that token with GitHub and never deletes it. store: does nothing, since Jeton keeps only the tokens you add.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "setup-git" -d 'Make git ask Jeton for a host\'s tokens (github.com by default): sets credential.<URL>.helper in your global git config, in place of the helpers inherited for that host only; other hosts and helpers stay as they are.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "discover" -d 'List GitHub tokens lying outside the keychain: git\'s credential store, gh\'s hosts.yml and keyring entries, GH_TOKEN and kin (never their secrets).'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "import-found" -d 'Check the tokens jeton discover finds and store those not yet in Jeton; exits 1 only when Jeton cannot look.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "revoke" -d 'Revoke a stored token at GitHub (it stops working everywhere, for good), then forget it. GitHub emails the token\'s owner.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "forget" -d 'Remove a stored token from Jeton (keychain and list) only; it keeps working at GitHub.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "help" -d 'Show the help of Jeton or of one of its commands.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "app" -d 'GitHub Apps: add one with its private key, mint its one-hour installation tokens, let it serve git.'
complete -c jeton -n "__fish_jeton_needs_command" -f -a "completions" -d 'Print the completion script of a shell (bash, zsh or fish) on standard output.'
complete -c jeton -n "__fish_jeton_using_subcommand check" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand check" -l offline -d 'Only check the format; make no network call.'
complete -c jeton -n "__fish_jeton_using_subcommand check" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand check" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand add" -l name -d 'A name to find the token by (unique).' -r
complete -c jeton -n "__fish_jeton_using_subcommand add" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand add" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand add" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand list" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand list" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand status" -l within -d 'Fail when a token expires within this span: 7d, 36h, 2w (a bare number is days).' -r
complete -c jeton -n "__fish_jeton_using_subcommand status" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand status" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand recheck" -l concurrency -d 'Requests in flight per host (at most 16).' -r
complete -c jeton -n "__fish_jeton_using_subcommand recheck" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand recheck" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand copy" -l clear-after -d 'Clear the clipboard after this many seconds if it still holds the token (default: Jeton’s setting, 30 unless changed; 0 never clears).' -r
complete -c jeton -n "__fish_jeton_using_subcommand copy" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l kind -d 'fine-grained (recommended: chosen permissions on chosen repositories) or classic (scopes).' -r -f -a "fine-grained\t''
classic\t''"
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l name -d 'The token\'s name on GitHub: at most 40 characters for a fine-grained token; a classic token\'s note.' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l description -d 'What the token is for, at most 1024 characters (fine-grained only).' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l owner -d 'The user or organization that owns the repositories (fine-grained only; default: you).' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l expires -d 'Days until it expires, 1 to 366, or none (fine-grained only; GitHub\'s default is 30).' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l permission -d 'A fine-grained permission and its level, e.g. contents=write; repeat for more.' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l scope -d 'A classic scope, e.g. repo; repeat it or separate scopes with commas.' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand create-url" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand git-credential" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand setup-git" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand setup-git" -l undo -d 'Take back what setup-git added, and only that.'
complete -c jeton -n "__fish_jeton_using_subcommand setup-git" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand discover" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand discover" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand import-found" -l remove-plaintext -d 'Then remove each stored token\'s plain-text line from its file, after writing a backup beside it (mode 0600).'
complete -c jeton -n "__fish_jeton_using_subcommand import-found" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand revoke" -l yes -d 'Do it without asking (needed when standard input is not a terminal).'
complete -c jeton -n "__fish_jeton_using_subcommand revoke" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand forget" -l yes -d 'Do it without asking (needed when standard input is not a terminal).'
complete -c jeton -n "__fish_jeton_using_subcommand forget" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand help" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "add" -d 'Add a GitHub App: its private key (a .pem file, or standard input) is checked with GitHub, then kept in the keychain; its installations are listed.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "list" -d 'List the stored apps and their installations: account, repositories, permissions (never a key).'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "forget" -d 'Remove an app and its private key from Jeton; the app stays on GitHub.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "serve-git" -d 'Let an installation serve git for a repository owner: jeton git-credential then answers with a fresh installation token.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "requests" -d 'List an organization\'s pending fine-grained token requests (requester, repositories, permissions, reason, expiry), through an app installed on it with "Personal access token requests".'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "review" -d 'Approve or deny an organization\'s token requests, with a reason the requester sees; several at once are all approved or denied, or none.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "grants" -d 'List the fine-grained tokens an organization granted access (owner, permissions, last use, expiry), through an app installed on it with "Personal access tokens".'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "revoke-grant" -d 'Revoke tokens\' access to an organization: their owners keep them, but they no longer reach its private resources.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and not __fish_seen_subcommand_from add list forget serve-git requests review grants revoke-grant token" -f -a "token" -d 'Mint an installation token (valid one hour) and print it on standard output, for scripts.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from add" -l client-id -d 'The app\'s client ID (or app ID), from its settings page.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from add" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from add" -l key-file -d 'The app\'s private key: a .pem file, or - (the default) to read it from standard input. It is never printed.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from add" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from list" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from forget" -l yes -d 'Do it without asking (needed when standard input is not a terminal).'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from forget" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from serve-git" -l owner -d 'The user or organization whose repositories git reaches with the installation\'s tokens.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from serve-git" -l installation -d 'The installation\'s number, as jeton app list shows it.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from serve-git" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from serve-git" -l undo -d 'Stop serving git for this owner with an installation.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from serve-git" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from requests" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from requests" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from requests" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from review" -l reason -d 'Why (at most 1,024 characters); GitHub shows it to the requester.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from review" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from review" -l approve -d 'Approve: the tokens then reach the organization\'s resources.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from review" -l deny -d 'Deny: the tokens keep to the organization\'s public resources.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from review" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from grants" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from grants" -l json -d 'Print JSON (the fields scripts rely on) instead of lines for people.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from grants" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from revoke-grant" -l host -d 'The host\'s web URL (default github.com), e.g. https://ghe.example.com.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from revoke-grant" -l yes -d 'Do it without asking (needed when standard input is not a terminal).'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from revoke-grant" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from token" -l installation -d 'The installation\'s number, as jeton app list shows it.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from token" -l repo -d 'Limit the token to this repository (NAME or OWNER/NAME); repeat for more. Default: all the installation\'s.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from token" -l permission -d 'A permission and its level, no higher than the installation\'s, e.g. contents=read; repeat for more. Default: the installation\'s.' -r
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from token" -l pin -d 'Keep the token in Jeton once it has expired (otherwise it is dropped).'
complete -c jeton -n "__fish_jeton_using_subcommand app; and __fish_seen_subcommand_from token" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand completions" -s h -l help -d 'Show this help.'
complete -c jeton -n "__fish_jeton_using_subcommand help" -f -a "check add list status recheck copy create-url git-credential setup-git discover import-found completions revoke forget app help"
complete -c jeton -n "__fish_jeton_using_subcommand completions" -f -a "bash zsh fish"
