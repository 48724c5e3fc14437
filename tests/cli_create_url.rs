//! `jeton create-url`: prints GitHub's pre-filled creation page, or exits 2 naming the
//! rule a setting breaks (nothing is sent, nothing is stored).

mod common;

use common::{files_below, Env};

/// Environment variables: the language to run in.
type Vars = &'static [(&'static str, &'static str)];

const EN: Vars = &[];
const FR: Vars = &[("LANG", "fr_FR.UTF-8")];

#[tokio::test(flavor = "multi_thread")]
async fn prints_the_fine_grained_url_with_every_setting_encoded() {
    let env = Env::new().await;
    let args = [
        "create-url",
        "--kind",
        "fine-grained",
        "--name",
        "Déploiement ✓",
        "--description",
        "site & docs = 100%",
        "--owner",
        "acme",
        "--expires",
        "90",
        "--permission",
        "pull_requests=write",
        "--permission",
        "contents=write",
        "--host",
        "https://ghe.example.com",
    ];
    let run = env.jeton_env(&args, "", EN).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "https://ghe.example.com/settings/personal-access-tokens/new?name=D%C3%A9ploiement+%E2%9C%93\
         &description=site+%26+docs+%3D+100%25&target_name=acme&expires_in=90&contents=write&pull_requests=write\n"
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let none =
        env.jeton_env(&["create-url", "--kind", "fine-grained", "--name", "n", "--expires", "none"], "", EN).await;
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert!(none.stdout.ends_with("/settings/personal-access-tokens/new?name=n&expires_in=none\n"), "{}", none.stdout);
    assert_eq!(env.hub.stats().total, 0, "nothing is sent");
    assert!(files_below(env.data_dir()).is_empty(), "nothing is stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn prints_the_classic_url_on_github() {
    let env = Env::new().await;
    let args = [
        "create-url",
        "--kind",
        "classic",
        "--name",
        "gh CLI",
        "--scope",
        "repo,read:org",
        "--scope",
        "gist",
        "--host",
        "github.com",
    ];
    let run = env.jeton_env(&args, "", EN).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "https://github.com/settings/tokens/new?scopes=repo%2Cread%3Aorg%2Cgist&description=gh+CLI\n"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn each_broken_rule_exits_2_and_names_it() {
    let env = Env::new().await;
    let long = "n".repeat(41);
    let fine = ["create-url", "--kind", "fine-grained", "--name"];
    let cases: Vec<(Vec<&str>, Vars, &str)> = vec![
        (vec![&long], EN, "The name has 41 characters; GitHub allows at most 40."),
        (vec![&long], FR, "Le nom a 41 caractères ; GitHub en permet au plus 40."),
        (
            vec!["n", "--expires", "367"],
            EN,
            "\"367\" is not an expiry GitHub accepts: give a number of days from 1 to 366, or none",
        ),
        (vec!["n", "--expires", "0"], EN, "from 1 to 366"),
        (
            vec!["n", "--permission", "workflows=read"],
            EN,
            "The permission \"workflows\" cannot be \"read\": GitHub allows only \"write\".",
        ),
        (vec!["n", "--permission", "contents=admin"], FR, "ne permet que « read » ou « write »"),
        (vec!["n", "--permission", "checks=read"], EN, "Fine-grained tokens have no permission \"checks\"."),
        (vec!["n", "--permission", "gists=write", "--permission", "members=read"], EN, "cannot have both"),
        (vec!["n", "--owner=-acme"], EN, "\"-acme\" is not a GitHub account name"),
        (vec!["n", "--scope", "repo"], EN, "Scopes are for classic tokens"),
        (vec![" "], EN, "The token needs a name"),
    ];
    let description = "d".repeat(1025);
    let mut cases = cases;
    cases.push((
        vec!["n", "--description", &description],
        EN,
        "The description has 1025 characters; GitHub allows at most 1024.",
    ));
    for (rest, lang, message) in &cases {
        let args: Vec<&str> = fine.iter().chain(rest.iter()).copied().collect();
        let run = env.jeton_env(&args, "", lang).await;
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: no URL is printed: {}", run.stdout);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    let classic = [
        (vec!["--scope", "rep"], "\"rep\" is not a classic scope GitHub documents."),
        (vec!["--expires", "30"], "cannot be pre-filled with an expiry"),
        (vec!["--owner", "acme"], "A classic token has no resource owner"),
        (vec!["--permission", "contents=read"], "Permissions are for fine-grained tokens"),
        (vec!["--description", "d"], "A classic token has only a note"),
    ];
    for (rest, message) in classic {
        let args: Vec<&str> = ["create-url", "--kind", "classic", "--name", "n"].into_iter().chain(rest).collect();
        let run = env.jeton_env(&args, "", EN).await;
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    let bad_kind = env.jeton_env(&["create-url", "--kind", "fine", "--name", "n"], "", EN).await;
    assert_eq!(bad_kind.code, 2);
    let no_name = env.jeton_env(&["create-url", "--kind", "classic"], "", EN).await;
    assert_eq!(no_name.code, 2);
    assert!(no_name.stderr.contains("--name"), "{}", no_name.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn help_describes_it_in_both_languages() {
    let env = Env::new().await;
    let en = env.jeton_env(&["create-url", "--help"], "", EN).await;
    assert_eq!(en.code, 0);
    assert!(
        en.stdout.contains("--permission <KEY=LEVEL>") && en.stdout.contains("Print GitHub's pre-filled page"),
        "{}",
        en.stdout
    );
    let fr = env.jeton_env(&["create-url", "--help"], "", FR).await;
    assert!(
        fr.stdout.contains("--permission <CLÉ=NIVEAU>") && fr.stdout.contains("Affiche la page de GitHub pré-remplie"),
        "{}",
        fr.stdout
    );
    let top = env.jeton_env(&["--help"], "", EN).await;
    assert!(top.stdout.contains("create-url"), "{}", top.stdout);
}
