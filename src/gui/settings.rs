//! The wizard's answers and profiles live in the engine ([`crate::profile`]); here only how
//! the choices read in the wizard's language.

pub use crate::profile::*;

impl std::fmt::Display for CloudChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            CloudChoice::Global => crate::t!("cloud-global"),
            CloudChoice::UsGovernment => crate::t!("cloud-usgov"),
            CloudChoice::China => crate::t!("cloud-china"),
        })
    }
}

impl std::fmt::Display for TransportChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            TransportChoice::Ldaps => crate::t!("transport-ldaps"),
            TransportChoice::StartTls => crate::t!("transport-starttls"),
        })
    }
}
