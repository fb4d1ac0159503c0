//! `explain CODE`: what an event ID or error code from password writeback means, its usual
//! causes, and which finding of this tool detects each cause. Paraphrased from Microsoft's
//! troubleshooting documentation; every entry names the document it comes from.

use serde::Serialize;

/// A cause and the findings that detect it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Cause {
    pub text: &'static str,
    /// Finding ids of `check` (empty: this tool cannot see it).
    pub findings: &'static [&'static str],
}

/// One known code.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Entry {
    /// The spellings people arrive with, normalised (lower case, no `0x`/`hr=`).
    pub codes: &'static [&'static str],
    /// Where it appears.
    pub source: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [Cause],
    /// The Microsoft document(s) it comes from, by title.
    pub documents: &'static [&'static str],
}

const D_WRITEBACK: &str =
    "Troubleshoot self-service password reset writeback in Microsoft Entra ID";
const D_SSPR: &str = "Troubleshoot self-service password reset in Microsoft Entra ID";
const D_SSPR0029: &str = "Troubleshoot error SSPR_0029: Your organization hasn't properly set up the on-premises configuration for password reset";
const D_8023062C: &str = "Troubleshoot error code 8023062C: Insecure password reset or change";
const D_TUTORIAL: &str = "Tutorial: Enable Microsoft Entra self-service password reset writeback to an on-premises environment";
const D_LICENSING: &str = "Licensing requirements for Microsoft Entra self-service password reset";
const D_CLOUD_SYNC: &str = "Tutorial: Enable cloud sync self-service password reset writeback to an on-premises environment";
const D_CLOUD_SYNC_GMSA: &str =
    "Group Managed Service Accounts (gMSA) for Microsoft Entra Cloud Sync";

const CLOUD_SYNC_AGENT: Cause = Cause {
    text: "Entra Cloud Sync serves the domain and its provisioning agent cannot write back: older than 1.1.977.0, its service stopped, or writeback not switched on with Set-AADCloudSyncPasswordWritebackConfiguration (which cannot be read back on the agent server).",
    findings: &[
        "agent-too-old",
        "agent-stopped",
        "agent-writeback-unconfirmed",
        "agent-not-installed",
    ],
};

const RIGHTS: Cause = Cause {
    text: "The AD DS connector account lacks Reset Password, write lockoutTime or write pwdLastSet on the user (missing at the domain root, inheritance disabled on an OU, or an explicit deny).",
    findings: &[
        "right-reset-password",
        "right-write-pwdlastset",
        "right-write-lockouttime",
        "right-denied",
        "inheritance-disabled",
    ],
};
const PROTECTED: Cause = Cause {
    text: "The user is (or was) in a protected group: adminCount=1 and the AdminSDHolder DACL, so delegated rights never reach the account. By design.",
    findings: &["admin-protected", "admincount-stale"],
};
const POLICY: Cause = Cause {
    text: "On-premises password policy refused the new password: minimum password age not reached, history, length or complexity, or a password filter.",
    findings: &["min-password-age", "pso-min-password-age"],
};
const NETWORK: Cause = Cause {
    text: "Outbound HTTPS (TCP 443) from the sync server to the password reset service and Service Bus is blocked by a firewall or proxy.",
    findings: &["outbound-blocked"],
};
const FEDERATED: Cause = Cause {
    text: "The admin account used to enable writeback is federated (or its password is wrong); a cloud-only Global Administrator is needed.",
    findings: &["cloud-federated-admin", "cloud-role"],
};
const RESTRICT_SAM: Cause = Cause {
    text: "\"Network access: Restrict clients allowed to make remote calls to SAM\" (RestrictRemoteSam) blocks the connector account on the sync server or a DC.",
    findings: &["restrict-remote-sam"],
};

/// The known codes.
pub const ENTRIES: &[Entry] = &[
    Entry {
        codes: &["6329", "80230619"],
        source: "ADSync event (Application log on the sync server); with 0x80230619",
        meaning: "The sync engine could not set the password in AD. With 0x80230619 (\"A restriction prevents the password from being changed to the current one specified\") AD refused the password on policy grounds.",
        causes: &[
            POLICY,
            Cause {
                text: "The user has \"user cannot change password\" set.",
                findings: &[],
            },
            Cause {
                text: "The DC does not support the password policy hints control (Windows Server 2016 or later is needed).",
                findings: &["policy-hints-unsupported"],
            },
        ],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["6800"],
        source: "ADSync event",
        meaning: "The password writeback endpoint failed to start when the sync service started; synchronisation itself goes on.",
        causes: &[
            NETWORK,
            Cause {
                text: "TLS 1.2 is not enforced for .NET on the sync server, or the clock is off.",
                findings: &["tls12-disabled"],
            },
        ],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["31034"],
        source: "PasswordResetService event",
        meaning: "The writeback service could not connect to the tenant's Service Bus listener.",
        causes: &[
            NETWORK,
            Cause {
                text: "\"The remote certificate is invalid\": the Azure root certificate authorities are missing on the sync server.",
                findings: &[],
            },
            Cause {
                text: "The ADSync service is not running.",
                findings: &["writeback-disabled"],
            },
        ],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["32002"],
        source: "PasswordResetService event",
        meaning: "The writeback service could not connect to the tenant's Service Bus (\"Error Connecting to ServiceBus\").",
        causes: &[NETWORK],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["32009"],
        source: "PasswordResetService event",
        meaning: "The service could not get a token for the admin given when enabling writeback (\"Error getting auth token\").",
        causes: &[FEDERATED],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["32011"],
        source: "PasswordResetService event",
        meaning: "Onboarding to the password reset service failed: the service could not be reached.",
        causes: &[NETWORK, FEDERATED],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["31003", "31008", "31011"],
        source: "PasswordResetService event",
        meaning: "A password reset, change or admin reset from the cloud reached the server but failed in AD.",
        causes: &[POLICY, RIGHTS, PROTECTED],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["33004"],
        source: "PasswordResetService event",
        meaning: "The AD DS connector account was denied when setting this user's password.",
        causes: &[RIGHTS, PROTECTED, RESTRICT_SAM],
        documents: &[D_WRITEBACK, D_SSPR0029],
    },
    Entry {
        codes: &["33005"],
        source: "PasswordResetService event",
        meaning: "The user's account is disabled on-premises.",
        causes: &[Cause {
            text: "The on-premises account is disabled: enable it.",
            findings: &[],
        }],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["33006"],
        source: "PasswordResetService event",
        meaning: "The user's account is locked out on-premises.",
        causes: &[Cause {
            text: "The on-premises account is locked out; writeback unlocks only with write lockoutTime.",
            findings: &["right-write-lockouttime"],
        }],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["33008"],
        source: "PasswordResetService event",
        meaning: "The new password breaks the on-premises password policy.",
        causes: &[POLICY],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["8023062c"],
        source: "ADSync error (HRESULT)",
        meaning: "The password was set over an LDAP session that was not signed and encrypted (\"a 128 bit TLS or SSL connection is required\").",
        causes: &[Cause {
            text: "\"Sign and Encrypt LDAP Traffic\" is off in the AD connector's connection options (forest, and each partition's DC connection).",
            findings: &[],
        }],
        documents: &[D_8023062C],
    },
    Entry {
        codes: &["800700ce"],
        source: "ADSync error (HRESULT) after a reset or unlock",
        meaning: "\"The filename or extension is too long\": the sync engine could not use the connector credential.",
        causes: &[Cause {
            text: "The AD DS connector account's password is longer than 256 characters: reset it and update the AD connector.",
            findings: &[],
        }],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["8023061f"],
        source: "ADSync event 6329",
        meaning: "\"Password synchronization is not enabled on this Management Agent\": the forest's connector was never enrolled for password operations.",
        causes: &[Cause {
            text: "A forest was added or re-added after writeback was enabled: disable and enable writeback again.",
            findings: &["writeback-disabled"],
        }],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["80230402"],
        source: "ADSync error (HRESULT)",
        meaning: "Several on-premises objects match the user's anchor.",
        causes: &[Cause {
            text: "The same user is enabled in more than one domain or forest.",
            findings: &[],
        }],
        documents: &[D_WRITEBACK],
    },
    Entry {
        codes: &["sspr_0029"],
        source: "SSPR portal (OnPremisesAdminActionRequired = 29)",
        meaning: "\"Your organization hasn't properly set up the on-premises configuration for password reset\": writeback failed on-premises for this user.",
        causes: &[PROTECTED, RIGHTS, RESTRICT_SAM],
        documents: &[D_SSPR0029, D_SSPR],
    },
    Entry {
        codes: &["sspr_0009"],
        source: "SSPR portal (TenantSSPRFlagDisabled = 9)",
        meaning: "Self-service password reset is turned off for the tenant.",
        causes: &[Cause {
            text: "SSPR is set to None in the password reset properties.",
            findings: &[],
        }],
        documents: &[D_SSPR],
    },
    Entry {
        codes: &["sspr_0010"],
        source: "SSPR portal (WritebackNotEnabled = 10)",
        meaning: "Password writeback is not enabled.",
        causes: &[
            Cause {
                text: "Writeback is off on the sync server, or the server is in staging mode.",
                findings: &["writeback-disabled", "sync-staging-mode"],
            },
            Cause {
                text: "\"Write back passwords to your on-premises directory\" is off in the password reset settings (not readable through Graph; check the admin center).",
                findings: &[],
            },
            CLOUD_SYNC_AGENT,
        ],
        documents: &[D_SSPR, D_CLOUD_SYNC],
    },
    Entry {
        codes: &["sspr_0012"],
        source: "SSPR portal (UserNotLicensed = 12)",
        meaning: "The user has no licence that includes writeback (Entra ID P1/P2).",
        causes: &[Cause {
            text: "No Entra ID P1/P2 licence in the tenant, or none assigned to the user.",
            findings: &["cloud-license"],
        }],
        documents: &[D_SSPR, D_LICENSING],
    },
    Entry {
        codes: &["sspr_0030"],
        source: "SSPR portal (OnPremisesConnectivityError = 30)",
        meaning: "The connection to the on-premises environment is poor or lost.",
        causes: &[
            NETWORK,
            Cause {
                text: "The writeback service on the sync server is down.",
                findings: &["writeback-disabled"],
            },
            CLOUD_SYNC_AGENT,
        ],
        documents: &[D_SSPR, D_CLOUD_SYNC],
    },
    Entry {
        codes: &["cloudsync", "provagentgmsa$", "provagentgmsa"],
        source: "Entra Cloud Sync (the provisioning agent and its gMSA)",
        meaning: "Password writeback through Entra Cloud Sync: the provisioning agent writes passwords back as its group managed service account (provAgentgMSA$, pGMSA_…$ or a custom gMSA), which needs Reset Password, write lockoutTime and write pwdLastSet on descendant users and Unexpire Password on the domain root (Set-AADCloudSyncPermissions -PermissionType PasswordWriteBack).",
        causes: &[RIGHTS, PROTECTED, POLICY, CLOUD_SYNC_AGENT],
        documents: &[D_CLOUD_SYNC, D_CLOUD_SYNC_GMSA],
    },
];

/// The checklist for codes this tool does not know.
pub const GENERAL_CHECKLIST: &[&str] = &[
    "Run `writeback-wizard check --entra` on the sync server: it checks the connector's rights, inheritance, protected users, password ages, the licence, the admin, the sync state and the sync server.",
    "Look in the Application log of the sync server for PasswordResetService and ADSync events around the failure, and explain those codes.",
    "Check that writeback is on in both places: the sync server (Optional features → Password writeback) and the password reset settings (On-premises integration).",
    "Try the rights for real: `writeback-wizard verify-as-connector --canary <test user DN>`.",
];

/// The source of the checklist.
pub const GENERAL_DOCUMENT: &str = D_TUTORIAL;

/// Normalises what a person typed: case, `hr=`, `0x`, `event`, spaces.
pub fn normalise(code: &str) -> String {
    let c = code.trim().to_ascii_lowercase().replace([' ', '-'], "");
    let c = c.strip_prefix("event").unwrap_or(&c);
    let c = c
        .strip_prefix("hr=")
        .or_else(|| c.strip_prefix("hr:"))
        .unwrap_or(c);
    let c = c.strip_prefix("0x").unwrap_or(c);
    // SSPR_9 / SSPR9 → sspr_0009
    if let Some(n) = c.strip_prefix("sspr_").or_else(|| c.strip_prefix("sspr"))
        && let Ok(v) = n.parse::<u32>()
    {
        return format!("sspr_{v:04}");
    }
    c.to_string()
}

/// The entry for `code`, if known.
pub fn lookup(code: &str) -> Option<&'static Entry> {
    let n = normalise(code);
    ENTRIES.iter().find(|e| e.codes.contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_people_paste_are_found() {
        for (input, first_code) in [
            ("6329", "6329"),
            ("0x80230619", "6329"),
            ("hr=800700CE", "800700ce"),
            ("0x8023062C", "8023062c"),
            ("SSPR_0029", "sspr_0029"),
            ("sspr_29", "sspr_0029"),
            ("Event 33004", "33004"),
            ("31011", "31003"),
            ("Cloud Sync", "cloudsync"),
            ("provAgentgMSA$", "cloudsync"),
        ] {
            assert_eq!(
                lookup(input).map(|e| e.codes[0]),
                Some(first_code),
                "{input}"
            );
        }
        assert!(lookup("12345").is_none());
    }

    #[test]
    fn every_entry_names_a_document_and_every_finding_id_exists() {
        let known: Vec<&str> = crate::check::FindingId::ALL
            .iter()
            .map(|f| f.as_str())
            .collect();
        for e in ENTRIES {
            assert!(
                !e.documents.is_empty() && !e.causes.is_empty(),
                "{:?}",
                e.codes
            );
            for c in e.causes {
                for f in c.findings {
                    assert!(known.contains(f), "{f}");
                }
            }
        }
    }
}
