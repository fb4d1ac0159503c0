//! The tests of `gui::run`.

use super::*;

fn tested(dn: &str, forest: &[(&str, &str)]) -> Tested {
    Tested::for_tests(dn, forest)
}

const FOREST: [(&str, &str); 3] = [
    ("DC=corp,DC=example", "corp.example"),
    ("DC=emea,DC=corp,DC=example", "emea.corp.example"),
    ("DC=apac,DC=corp,DC=example", "apac.corp.example"),
];

fn corp(scopes: &[&str]) -> Directories {
    let settings = Settings {
        server: "dc1.corp.example".into(),
        user: "admin@corp.example".into(),
        sync_all: scopes.is_empty(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        all_domains: true,
        ..Settings::default()
    };
    Directories::from_settings(&settings)
}

#[test]
fn a_password_stays_with_its_row_when_rows_before_it_go() {
    let mut d = corp(&[]);
    let a = d.add();
    let b = d.add();
    d.edit(
        b,
        DirectoryEdit::Password(Zeroizing::new("b-secret".into())),
    );
    d.remove(a);
    assert_eq!(d.get(b).unwrap().password(), "b-secret");
    assert!(d.get(a).is_none());
    d.remove(d.first().id());
    assert_eq!(d.all().len(), 2, "the first row is the form and stays");
}

#[test]
fn all_domains_splits_the_forest_and_its_scope_and_the_profile_keeps_one_row() {
    let staff = "OU=Staff,DC=corp,DC=example";
    let paris = "OU=Paris,DC=emea,DC=corp,DC=example";
    let mut d = corp(&[staff, paris]);
    d.edit(
        d.first().id(),
        DirectoryEdit::Password(Zeroizing::new("pw".into())),
    );
    let id = d.first().id();
    d.tested(id, tested("DC=corp,DC=example", &FOREST));
    let run: Vec<(String, Vec<String>)> =
        d.run().map(|r| (r.label(), r.options().scopes)).collect();
    assert_eq!(
        run,
        [
            ("corp.example".to_string(), vec![staff.to_string()]),
            ("emea.corp.example".to_string(), vec![paris.to_string()]),
        ],
        "apac holds none of the scope"
    );
    let emea = &d.all()[1];
    assert_eq!(emea.settings().server, "emea.corp.example");
    assert_eq!(emea.password(), "pw", "the forest's sign-in");
    let (_, saved) = d.to_profile();
    assert_eq!(saved.len(), 1, "the forest is one row of the profile");
    assert_eq!(saved[0].scopes, [staff, paris]);
    // Off again: one row with the whole scope.
    d.edit(id, DirectoryEdit::AllDomains(false));
    assert_eq!(d.all().len(), 1);
    assert_eq!(d.first().settings().scopes, [staff, paris]);
}

#[test]
fn a_forest_root_outside_the_scope_is_listed_but_not_checked() {
    let paris = "OU=Paris,DC=emea,DC=corp,DC=example";
    let mut d = corp(&[paris]);
    let id = d.first().id();
    d.tested(id, tested("DC=corp,DC=example", &FOREST));
    assert!(d.first().out_of_scope());
    let labels: Vec<String> = d.run().map(|r| r.label()).collect();
    assert_eq!(labels, ["emea.corp.example"]);
}

#[test]
fn changing_a_rows_answers_forgets_its_test_and_its_forest() {
    let mut d = corp(&[]);
    let id = d.first().id();
    d.tested(id, tested("DC=corp,DC=example", &FOREST));
    assert_eq!(d.all().len(), 3);
    d.edit(id, DirectoryEdit::User("other@corp.example".into()));
    assert!(d.first().tested().is_none());
    assert_eq!(
        d.all().len(),
        1,
        "the forest is found again by the next test"
    );
}
