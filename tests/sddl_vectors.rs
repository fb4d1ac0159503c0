//! Runs the SDDL vectors in `tests/data/sddl/*.txt` (format: `tests/data/sddl/README.md`).

use std::path::Path;

use writeback_wizard::sd::{DomainContext, SecurityDescriptor, Sid, sddl};

fn run_file(path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut ctx = DomainContext::default();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in text.lines().enumerate() {
        let at = format!("{}:{}", path.display(), n + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(sid) = line.strip_prefix("@domain ") {
            ctx.domain_sid = (sid.trim() != "none").then(|| sid.trim().parse::<Sid>().unwrap());
            continue;
        }
        if let Some(sid) = line.strip_prefix("@root ") {
            ctx.root_domain_sid = Some(sid.trim().parse::<Sid>().unwrap());
            continue;
        }
        let (input, expected) = line
            .split_once(" -> ")
            .unwrap_or_else(|| panic!("{at}: no ' -> ' in vector"));
        let expected = expected.trim();
        count += 1;
        let parsed = sddl::parse(input, &ctx);
        if let Some(want_err) = expected.strip_prefix('!') {
            match parsed {
                Ok(sd) => failures.push(format!("{at}: expected an error, parsed {sd:?}")),
                Err(e) if !e.to_string().contains(want_err) => {
                    failures.push(format!("{at}: error {e:?} does not mention {want_err:?}"))
                }
                Err(_) => {}
            }
            continue;
        }
        let want = if expected == "=" { input } else { expected };
        let sd = match parsed {
            Ok(sd) => sd,
            Err(e) => {
                failures.push(format!("{at}: {e}"));
                continue;
            }
        };
        match sddl::format(&sd, &ctx) {
            Ok(s) if s == want => {}
            Ok(s) => failures.push(format!("{at}: printed {s:?}, expected {want:?}")),
            Err(e) => failures.push(format!("{at}: printing failed: {e}")),
        }
        let bytes = sd.to_bytes().unwrap();
        let back = SecurityDescriptor::from_bytes(&bytes).unwrap();
        if back != sd {
            failures.push(format!("{at}: binary round trip changed it: {back:?}"));
        }
        if sddl::parse(want, &ctx).as_ref() != Ok(&sd) {
            failures.push(format!("{at}: the printed form parses differently"));
        }
    }
    (count, failures)
}

#[test]
fn sddl_vector_files_all_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sddl");
    let mut total = 0;
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in &files {
        let (n, mut fails) = run_file(f);
        total += n;
        failures.append(&mut fails);
    }
    assert!(
        files.len() >= 3,
        "expected the vector files in {}",
        dir.display()
    );
    assert!(total > 50, "only {total} vectors found");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
