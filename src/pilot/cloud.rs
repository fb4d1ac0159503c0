//! The cloud columns of the pilot table, through Microsoft Graph: is the user synced (matched by
//! `onPremisesImmutableId`, the base64 objectGUID, and checked against the SID), licensed
//! (license details: an Entra ID P1/P2 service plan), registered for SSPR
//! (userRegistrationDetails, which needs AuditLog.Read.All and a P1/P2 tenant: a refusal makes
//! the column unknown, not ready), an administrator.

use serde::Deserialize;

use super::PilotRow;
use crate::entra::checks::{AAD_PREMIUM, AAD_PREMIUM_P2};
use crate::entra::facts::ServicePlan;
use crate::entra::{Graph, GraphError};

/// A user's SSPR registration ([userRegistrationDetails resource type]).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Registration {
    pub is_sspr_registered: bool,
    pub is_sspr_capable: bool,
    pub is_admin: bool,
    pub methods_registered: Vec<String>,
}

/// Why a cloud column of a pilot user could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CloudReadError {
    #[error("{0}")]
    Graph(#[from] GraphError),
    /// Without an objectGUID there is no anchor to find the synced user by.
    #[error("the AD account has no objectGUID")]
    NoObjectGuid,
}

/// What Graph said about one pilot user; each part may have failed on its own.
#[derive(Clone, Debug)]
pub struct CloudUser {
    /// The Entra object ID; `Ok(None)` when no synced user matches.
    pub id: Result<Option<String>, CloudReadError>,
    pub user_principal_name: Option<String>,
    pub licensed: Option<Result<bool, CloudReadError>>,
    pub registration: Option<Result<Registration, CloudReadError>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserRef {
    id: String,
    #[serde(default)]
    user_principal_name: Option<String>,
    #[serde(default)]
    on_premises_security_identifier: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LicenseDetail {
    #[serde(default)]
    service_plans: Vec<ServicePlan>,
}

/// Looks the pilot user up in the tenant and reads the cloud columns.
pub async fn lookup_cloud_user(graph: &Graph, row: &PilotRow) -> CloudUser {
    let Some(immutable) = row.immutable_id() else {
        return CloudUser {
            id: Err(CloudReadError::NoObjectGuid),
            user_principal_name: None,
            licensed: None,
            registration: None,
        };
    };
    let filter: String = url::form_urlencoded::byte_serialize(
        format!("onPremisesImmutableId eq '{immutable}'").as_bytes(),
    )
    .collect();
    let path = format!(
        "/users?$filter={filter}&$select=id,userPrincipalName,onPremisesSecurityIdentifier,onPremisesSyncEnabled"
    );
    let found = graph
        .get_all::<UserRef>(&path)
        .await
        .map_err(CloudReadError::from);
    let user = match found {
        Err(e) => Err(e),
        Ok(users) => Ok(users.into_iter().find(|u| {
            // When Entra knows the SID, it must be this account's.
            match (&u.on_premises_security_identifier, &row.object_sid) {
                (Some(cloud), Some(ad)) => cloud.eq_ignore_ascii_case(&ad.to_string()),
                _ => true,
            }
        })),
    };
    let (id, upn) = match &user {
        Ok(Some(u)) => (Ok(Some(u.id.clone())), u.user_principal_name.clone()),
        Ok(None) => (Ok(None), None),
        Err(e) => (Err(e.clone()), None),
    };
    let Ok(Some(object_id)) = &id else {
        return CloudUser {
            id,
            user_principal_name: upn,
            licensed: None,
            registration: None,
        };
    };
    let licensed = graph
        .get_all::<LicenseDetail>(&format!("/users/{object_id}/licenseDetails"))
        .await
        .map(|ds| {
            ds.iter().any(|d| {
                d.service_plans.iter().any(|p| {
                    (p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM)
                        || p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM_P2))
                        && p.provisioning_status == "Success"
                })
            })
        })
        .map_err(CloudReadError::from);
    let registration = graph
        .get::<Registration>(&format!(
            "/reports/authenticationMethods/userRegistrationDetails/{object_id}"
        ))
        .await
        .map_err(CloudReadError::from);
    CloudUser {
        id,
        user_principal_name: upn,
        licensed: Some(licensed),
        registration: Some(registration),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MethodsPolicy {
    #[serde(default)]
    authentication_method_configurations: Vec<MethodConfig>,
}

#[derive(Deserialize)]
struct MethodConfig {
    #[serde(default)]
    id: String,
    #[serde(default)]
    state: String,
}

/// The methods the authentication methods policy enables (configuration ids such as `Sms`,
/// `MicrosoftAuthenticator`, `Email`).
pub async fn enabled_methods(graph: &Graph) -> Result<Vec<String>, GraphError> {
    let p: MethodsPolicy = graph.get("/policies/authenticationMethodsPolicy").await?;
    Ok(p.authentication_method_configurations
        .into_iter()
        .filter(|c| c.state.eq_ignore_ascii_case("enabled"))
        .map(|c| c.id)
        .collect())
}

/// The policy configuration a registered method belongs to.
fn policy_id(method: &str) -> &'static [&'static str] {
    match method {
        "mobilePhone" | "alternateMobilePhone" | "officePhone" => &["Sms", "Voice"],
        "email" => &["Email"],
        "microsoftAuthenticatorPush" | "microsoftAuthenticatorPasswordless" => {
            &["MicrosoftAuthenticator"]
        }
        "softwareOneTimePasscode" => &["SoftwareOath"],
        "hardwareOneTimePasscode" => &["HardwareOath"],
        "fido2" | "passKeyDeviceBound" | "passKeyDeviceBoundAuthenticator" => &["Fido2"],
        "temporaryAccessPass" => &["TemporaryAccessPass"],
        _ => &[],
    }
}

/// Whether any of `registered` is enabled in the policy.
pub(super) fn any_method_enabled(registered: &[String], enabled: &[String]) -> bool {
    registered.iter().any(|m| {
        policy_id(m)
            .iter()
            .any(|p| enabled.iter().any(|e| e.eq_ignore_ascii_case(p)))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn registered_methods_map_to_policy_configurations() {
        let enabled = vec!["Sms".to_string(), "Fido2".to_string()];
        assert!(super::any_method_enabled(&["mobilePhone".into()], &enabled));
        assert!(!super::any_method_enabled(
            &["email".into(), "softwareOneTimePasscode".into()],
            &enabled
        ));
        assert!(!super::any_method_enabled(&[], &enabled));
    }
}
