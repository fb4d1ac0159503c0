//! Windows security descriptors, shaped like MS-DTYP: [`sid`], [`guid`], [`access_mask`],
//! [`ace`], [`acl`], [`descriptor`]; [`sddl`] text both ways; [`access`] evaluation;
//! [`canonical`] DACL order and ACE insertion; [`rights`] named GUIDs.

pub mod access;
pub mod access_mask;
pub mod ace;
pub mod acl;
pub mod canonical;
pub mod descriptor;
pub mod error;
pub mod guid;
pub mod rights;
pub mod sddl;
pub mod sid;

pub use access::{Decision, Request, Rules, Target, Token, Verdict, evaluate, evaluate_with};
pub use access_mask::AccessMask;
pub use ace::{Ace, AceBody, AceFlags, AceType};
pub use acl::Acl;
pub use descriptor::{AclSlot, Control, SecurityDescriptor};
pub use error::{EncodeError, ParseError, SddlError};
pub use guid::Guid;
pub use sddl::DomainContext;
pub use sid::Sid;
