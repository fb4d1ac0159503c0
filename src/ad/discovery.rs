//! What the directory says about itself: the rootDSE, the domain, the forest's domains and the
//! PDC emulator (MS-ADTS 3.1.1.3.2 rootDSE attributes, 3.1.1.1.9 crossRef objects, 3.1.1.1.11
//! FSMO roles).

use ldap3::Scope;

use super::connection::Connection;
use super::error::AdError;
use crate::sd::{SecurityDescriptor, Sid};

/// LDAP_CAP_ACTIVE_DIRECTORY_OID: present in `supportedCapabilities` of every AD DC (and Samba).
pub const CAP_ACTIVE_DIRECTORY: &str = "1.2.840.113556.1.4.800";
/// LDAP_SERVER_POLICY_HINTS_OID (Windows Server 2012 R2 / 2016 and later).
pub const POLICY_HINTS: &str = "1.2.840.113556.1.4.2239";
/// LDAP_SERVER_POLICY_HINTS_DEPRECATED_OID.
pub const POLICY_HINTS_DEPRECATED: &str = "1.2.840.113556.1.4.2066";

/// The rootDSE of the DC we talk to.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct RootDse {
    pub default_naming_context: String,
    pub configuration_naming_context: String,
    pub schema_naming_context: String,
    pub root_domain_naming_context: String,
    pub dns_host_name: String,
    /// DN of the DC's server object (`serverName`).
    pub server_name: String,
    /// Every naming context this DC holds (`namingContexts`): the domain, configuration and
    /// schema partitions and the application partitions (DNS zones), several of which lie
    /// below the domain's DN by name but are not part of the domain.
    pub naming_contexts: Vec<String>,
    pub domain_functionality: Option<i64>,
    pub forest_functionality: Option<i64>,
    pub domain_controller_functionality: Option<i64>,
    pub supported_controls: Vec<String>,
    pub supported_sasl_mechanisms: Vec<String>,
    pub supported_capabilities: Vec<String>,
    /// `vendorName`: Samba names itself here; Windows DCs leave it out.
    pub vendor_name: Option<String>,
}

impl RootDse {
    pub fn supports_control(&self, oid: &str) -> bool {
        self.supported_controls.iter().any(|c| c == oid)
    }

    /// Whose access-check rules this DC follows.
    pub fn rules(&self) -> crate::sd::access::Rules {
        match &self.vendor_name {
            Some(v) if v.to_ascii_lowercase().contains("samba") => crate::sd::access::Rules::Samba,
            _ => crate::sd::access::Rules::Windows,
        }
    }
}

/// The domain a write may touch: at or below the domain's DN, compared by RDNs, and not in any
/// other naming context the DC holds (configuration, schema, DNS application partitions), even
/// where such a context's DN lies below the domain's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainScope {
    pub dn: String,
    pub sid: Sid,
    /// The other naming contexts at or below `dn`.
    pub others: Vec<String>,
}

impl DomainScope {
    /// The domain the DC of `root` serves, with SID `sid`.
    pub fn of(root: &RootDse, sid: Sid) -> Self {
        let dn = root.default_naming_context.clone();
        let mut others: Vec<String> = root
            .naming_contexts
            .iter()
            .chain([
                &root.configuration_naming_context,
                &root.schema_naming_context,
            ])
            .filter(|nc| !nc.is_empty() && !super::dn::same(nc, &dn) && is_within(nc, &dn))
            .cloned()
            .collect();
        others.sort();
        others.dedup();
        Self { dn, sid, others }
    }

    /// Whether `dn` is an object of this domain.
    pub fn holds(&self, dn: &str) -> bool {
        is_within(dn, &self.dn) && !self.others.iter().any(|nc| is_within(dn, nc))
    }
}

/// A domain of the forest, from its crossRef object.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ForestDomain {
    pub dn: String,
    pub dns_name: String,
    pub netbios_name: String,
}

/// The domain the DC serves.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Domain {
    pub dn: String,
    pub dns_name: String,
    pub netbios_name: String,
    pub sid: Sid,
    /// `minPwdAge` in 100-ns intervals (negative, as AD stores it; 0 = none).
    pub min_pwd_age: Option<i64>,
    /// DNS name of the DC holding the PDC emulator role.
    pub pdc_emulator: Option<String>,
    /// `gPLink` of the domain root: the GPOs linked there.
    pub gp_link: Option<String>,
}

const ROOT_ATTRS: &[&str] = &[
    "defaultNamingContext",
    "configurationNamingContext",
    "schemaNamingContext",
    "rootDomainNamingContext",
    "dnsHostName",
    "serverName",
    "namingContexts",
    "domainFunctionality",
    "forestFunctionality",
    "domainControllerFunctionality",
    "supportedControl",
    "supportedSASLMechanisms",
    "supportedCapabilities",
    "vendorName",
];

impl Connection {
    /// Reads the rootDSE. Fails with [`AdError::NotActiveDirectory`] when the server does not
    /// advertise the Active Directory capability or lacks the naming contexts AD always has.
    pub async fn root_dse(&mut self) -> Result<RootDse, AdError> {
        let entry = self
            .search("", Scope::Base, "(objectClass=*)", ROOT_ATTRS, vec![])
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| self.not_ad("it returned no rootDSE"))?;
        let dedup = |attr: &str| {
            let mut v = entry.texts(attr);
            v.sort();
            v.dedup();
            v
        };
        let root = RootDse {
            supported_controls: dedup("supportedControl"),
            supported_sasl_mechanisms: dedup("supportedSASLMechanisms"),
            supported_capabilities: dedup("supportedCapabilities"),
            default_naming_context: entry.text("defaultNamingContext").unwrap_or_default(),
            configuration_naming_context: entry
                .text("configurationNamingContext")
                .unwrap_or_default(),
            schema_naming_context: entry.text("schemaNamingContext").unwrap_or_default(),
            root_domain_naming_context: entry.text("rootDomainNamingContext").unwrap_or_default(),
            dns_host_name: entry.text("dnsHostName").unwrap_or_default(),
            server_name: entry.text("serverName").unwrap_or_default(),
            naming_contexts: entry.texts("namingContexts"),
            domain_functionality: entry.int("domainFunctionality"),
            forest_functionality: entry.int("forestFunctionality"),
            domain_controller_functionality: entry.int("domainControllerFunctionality"),
            vendor_name: entry.text("vendorName"),
        };
        if !root
            .supported_capabilities
            .iter()
            .any(|c| c == CAP_ACTIVE_DIRECTORY)
        {
            return Err(self.not_ad("its rootDSE does not list the Active Directory capability"));
        }
        if root.default_naming_context.is_empty() || root.configuration_naming_context.is_empty() {
            return Err(self.not_ad("its rootDSE has no default or configuration naming context"));
        }
        Ok(root)
    }

    fn not_ad(&self, reason: &str) -> AdError {
        AdError::NotActiveDirectory {
            server: self.server().to_string(),
            reason: reason.to_string(),
        }
    }

    /// Every domain of the forest (crossRefs with SYSTEM_FLAG_CR_NTDS_DOMAIN under
    /// CN=Partitions).
    pub async fn forest_domains(&mut self, root: &RootDse) -> Result<Vec<ForestDomain>, AdError> {
        let base = format!("CN=Partitions,{}", root.configuration_naming_context);
        let entries = self
            .search(
                &base,
                Scope::OneLevel,
                "(&(objectClass=crossRef)(systemFlags:1.2.840.113556.1.4.803:=2))",
                &["nCName", "dnsRoot", "nETBIOSName"],
                vec![],
            )
            .await?;
        Ok(entries
            .iter()
            .filter_map(|e| {
                Some(ForestDomain {
                    dn: e.text("nCName")?,
                    dns_name: e.text("dnsRoot").unwrap_or_default(),
                    netbios_name: e.text("nETBIOSName").unwrap_or_default(),
                })
            })
            .collect())
    }

    /// The domain at `root.default_naming_context`, with its SID, minimum password age and PDC.
    pub async fn domain(
        &mut self,
        root: &RootDse,
        forest: &[ForestDomain],
    ) -> Result<Domain, AdError> {
        let dn = root.default_naming_context.clone();
        let entry = self
            .read(
                &dn,
                &["objectSid", "minPwdAge", "fSMORoleOwner", "gPLink"],
                vec![],
            )
            .await?
            .ok_or_else(|| self.not_ad("the default naming context cannot be read"))?;
        let sid = entry
            .first("objectSid")
            .and_then(|v| Sid::from_ldap_value(v).ok())
            .ok_or_else(|| AdError::Malformed {
                op: "read domain",
                dn: dn.clone(),
                reason: "the domain object has no valid objectSid".into(),
            })?;
        let pdc_emulator = match entry.text("fSMORoleOwner") {
            Some(ntds) => self.server_dns_name(&ntds).await?,
            None => None,
        };
        let cross = forest.iter().find(|d| d.dn.eq_ignore_ascii_case(&dn));
        Ok(Domain {
            dns_name: cross.map_or_else(|| dns_from_dn(&dn), |c| c.dns_name.clone()),
            netbios_name: cross.map(|c| c.netbios_name.clone()).unwrap_or_default(),
            min_pwd_age: entry.int("minPwdAge"),
            gp_link: entry.text("gPLink"),
            sid,
            pdc_emulator,
            dn,
        })
    }

    /// `CN=NTDS Settings,CN=DC1,CN=Servers,…` → the server object's `dNSHostName`.
    async fn server_dns_name(&mut self, ntds_settings_dn: &str) -> Result<Option<String>, AdError> {
        let Some((_, server_dn)) = ntds_settings_dn.split_once(',') else {
            return Ok(None);
        };
        Ok(self
            .read(server_dn, &["dNSHostName"], vec![])
            .await?
            .and_then(|e| e.text("dNSHostName")))
    }

    /// The SID of the domain this DC serves.
    pub async fn domain_sid(&mut self) -> Result<Sid, AdError> {
        let root = self.root_dse().await?;
        let dn = root.default_naming_context;
        self.read(&dn, &["objectSid"], vec![])
            .await?
            .and_then(|e| {
                e.first("objectSid")
                    .and_then(|v| Sid::from_ldap_value(v).ok())
            })
            .ok_or_else(|| AdError::Malformed {
                op: "read domain",
                dn,
                reason: "the domain object has no valid objectSid".into(),
            })
    }

    /// Reads one object's DACL; `Ok(None)` when the bound account may not read it.
    pub async fn read_dacl(&mut self, dn: &str) -> Result<Option<SecurityDescriptor>, AdError> {
        Ok(self
            .read_security_descriptor(dn, super::controls::DACL)
            .await?
            .map(|s| s.sd))
    }
}

/// `DC=lab,DC=example,DC=test` → `lab.example.test`.
pub fn dns_from_dn(dn: &str) -> String {
    dn.split(',')
        .filter_map(|rdn| {
            let (k, v) = rdn.trim().split_once('=')?;
            k.eq_ignore_ascii_case("DC").then(|| v.to_string())
        })
        .collect::<Vec<_>>()
        .join(".")
}

pub use super::dn::{is_within, parent_dn};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_is_its_dn_less_the_other_naming_contexts_below_it() {
        let root = RootDse {
            default_naming_context: "DC=corp,DC=example".into(),
            configuration_naming_context: "CN=Configuration,DC=corp,DC=example".into(),
            schema_naming_context: "CN=Schema,CN=Configuration,DC=corp,DC=example".into(),
            naming_contexts: vec![
                "DC=corp,DC=example".into(),
                "CN=Configuration,DC=corp,DC=example".into(),
                "CN=Schema,CN=Configuration,DC=corp,DC=example".into(),
                "DC=DomainDnsZones,DC=corp,DC=example".into(),
                "DC=ForestDnsZones,DC=corp,DC=example".into(),
            ],
            ..RootDse::default()
        };
        let d = DomainScope::of(&root, "S-1-5-21-1-2-3".parse().unwrap());
        assert!(d.holds("DC=corp,DC=example"));
        assert!(d.holds("CN=bob,OU=Staff,DC=corp,DC=example"));
        assert!(d.holds("CN=AdminSDHolder,CN=System,DC=corp,DC=example"));
        for outside in [
            "CN=Sites,CN=Configuration,DC=corp,DC=example",
            "CN=User,CN=Schema,CN=Configuration,DC=corp,DC=example",
            "DC=@,DC=corp.example,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp,DC=example",
            "DC=ForestDnsZones,DC=corp,DC=example",
            "CN=x,DC=other,DC=example",
            r"CN=x\,DC=corp\,DC=example",
        ] {
            assert!(!d.holds(outside), "{outside}");
        }
    }
}
