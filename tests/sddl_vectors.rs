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

/// Binary descriptors captured from the lab (`tests/data/sd/*.txt`, `hex -> SDDL` lines): each
/// decodes to the expected SDDL and re-encodes to the same bytes, and the SDDL parses back to
/// the same descriptor apart from the encoding details text cannot carry.
#[test]
fn captured_lab_descriptors_decode_to_expected_sddl_and_reencode_exactly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sd");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut ctx = DomainContext::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(sid) = line.strip_prefix("@domain ") {
                ctx.domain_sid = Some(sid.trim().parse().unwrap());
                continue;
            }
            let at = format!("{}:{}", path.display(), n + 1);
            let (hex, want) = line.split_once(" -> ").expect("hex -> sddl");
            let bytes = writeback_wizard::sddl_input::decode_hex(hex).unwrap();
            let sd = SecurityDescriptor::from_bytes(&bytes).unwrap_or_else(|e| panic!("{at}: {e}"));
            assert_eq!(sddl::format(&sd, &ctx).unwrap(), want, "{at}");
            assert_eq!(sd.to_bytes().unwrap(), bytes, "{at}: re-encoding");
            let back = sddl::parse(want, &ctx).unwrap();
            assert_eq!(back.owner, sd.owner, "{at}");
            assert_eq!(
                back.dacl.acl().map(|a| &a.aces),
                sd.dacl.acl().map(|a| &a.aces),
                "{at}"
            );
            assert_eq!(
                back.sacl.acl().map(|a| &a.aces),
                sd.sacl.acl().map(|a| &a.aces),
                "{at}"
            );
            count += 1;
        }
    }
    assert!(count >= 20, "only {count} captured descriptors");
}
