//! `writeback-wizard sddl decode|encode`.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::cli::{BlobFormat, DomainArgs, SddlCommand};
use writeback_wizard::sd::{DomainContext, SecurityDescriptor, Sid, sddl};
use writeback_wizard::sddl_input;

fn domain_context(args: &DomainArgs) -> Result<DomainContext> {
    let parse = |s: &Option<String>, what: &str| -> Result<Option<Sid>> {
        s.as_deref()
            .map(|v| v.parse::<Sid>().with_context(|| format!("--{what}")))
            .transpose()
    };
    Ok(DomainContext {
        domain_sid: parse(&args.domain_sid, "domain-sid")?,
        root_domain_sid: parse(&args.root_domain_sid, "root-domain-sid")?,
    })
}

fn input_text(arg: Option<String>) -> Result<String> {
    match arg.as_deref() {
        Some(s) if s != "-" => Ok(s.to_string()),
        _ => {
            if std::io::stdin().is_terminal() {
                errln!("{}", super::say("cli-prompt-paste", &[]));
            }
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .with_context(|| super::say("cli-reading-stdin", &[]))?;
            Ok(s)
        }
    }
}

pub fn run(cmd: SddlCommand) -> Result<ExitCode> {
    match cmd {
        SddlCommand::Decode { input, domain } => {
            let ctx = domain_context(&domain)?;
            let bytes = sddl_input::decode_blob(&input_text(input)?)?;
            let sd = SecurityDescriptor::from_bytes(&bytes)?;
            outln!("{}", sddl::format(&sd, &ctx)?);
        }
        SddlCommand::Encode {
            input,
            domain,
            format,
        } => {
            let ctx = domain_context(&domain)?;
            let text = input_text(input)?;
            let sd = sddl::parse(&text, &ctx)?;
            let bytes = sd.to_bytes()?;
            outln!(
                "{}",
                match format {
                    BlobFormat::Base64 => sddl_input::encode_base64(&bytes),
                    BlobFormat::Hex => sddl_input::encode_hex(&bytes),
                }
            );
        }
    }
    Ok(ExitCode::from(super::exit::OK))
}
