//! What the tenant says, read through Microsoft Graph once; the cloud checks are pure
//! functions over it. A read that failed is kept as its error text, so a check can say what it
//! could not see instead of guessing.

use serde::{Deserialize, Serialize};

use super::graph::{Graph, GraphError};

/// A subscribed SKU ([subscribedSku resource type]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Sku {
    pub sku_part_number: String,
    pub capability_status: String,
    pub service_plans: Vec<ServicePlan>,
}

/// A service plan in a SKU ([servicePlanInfo resource type]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServicePlan {
    pub service_plan_id: String,
    pub service_plan_name: String,
    pub provisioning_status: String,
}

/// The tenant ([organization resource type]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Organization {
    pub id: String,
    pub display_name: String,
    pub on_premises_sync_enabled: Option<bool>,
    pub on_premises_last_sync_date_time: Option<String>,
}

/// The signed-in user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Me {
    pub id: String,
    pub user_principal_name: String,
    pub display_name: String,
}

/// A membership of the signed-in user; directory roles carry a template ID.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Membership {
    #[serde(rename = "@odata.type")]
    odata_type: String,
    role_template_id: Option<String>,
    display_name: Option<String>,
}

/// A directory role the user holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    pub template_id: String,
    pub display_name: String,
}

/// A domain of the tenant ([domain resource type]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Domain {
    pub id: String,
    pub authentication_type: String,
    pub is_verified: bool,
}

/// [onPremisesDirectorySynchronization resource type]: only the feature flags are used.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncSettings {
    pub features: serde_json::Map<String, serde_json::Value>,
}

/// A read: its value, or why it failed.
pub type Read<T> = Result<T, ReadError>;

/// Why a read of the tenant failed: the faces put it into words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Graph(#[from] GraphError),
    #[error("Graph answered without an organization object")]
    NoOrganization,
    #[error("the signed-in user has no domain in the UPN")]
    NoUpnDomain,
    #[error("Graph answered without synchronization settings")]
    NoSyncSettings,
    #[error("the synchronization settings could not be read: {0}")]
    SyncSettings(String),
}

/// Everything the cloud checks look at.
#[derive(Clone, Debug)]
pub struct CloudFacts {
    pub me: Read<Me>,
    pub roles: Read<Vec<Role>>,
    pub skus: Read<Vec<Sku>>,
    pub organization: Read<Organization>,
    /// The domain of the signed-in admin's UPN.
    pub admin_domain: Read<Domain>,
    pub sync: Read<SyncSettings>,
    /// Seconds since the Unix epoch when the facts were read.
    pub now: u64,
}

/// Reads the tenant's facts. Never fails as a whole: each read keeps its own error.
pub async fn gather(graph: &Graph) -> CloudFacts {
    let me: Read<Me> = graph
        .get("/me?$select=id,userPrincipalName,displayName")
        .await
        .map_err(ReadError::from);
    let roles = graph
        .get_all::<Membership>("/me/transitiveMemberOf?$select=id,displayName,roleTemplateId")
        .await
        .map(|ms| {
            ms.into_iter()
                .filter(|m| m.odata_type == "#microsoft.graph.directoryRole")
                .filter_map(|m| {
                    Some(Role {
                        template_id: m.role_template_id?.to_ascii_lowercase(),
                        display_name: m.display_name.unwrap_or_default(),
                    })
                })
                .collect()
        })
        .map_err(ReadError::from);
    let skus = graph
        .get_all::<Sku>("/subscribedSkus")
        .await
        .map_err(ReadError::from);
    let organization = graph
        .get_all::<Organization>(
            "/organization?$select=id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime",
        )
        .await
        .map_err(ReadError::from)
        .and_then(|v| v.into_iter().next().ok_or(ReadError::NoOrganization));
    let admin_domain = match &me {
        Ok(m) => match m.user_principal_name.rsplit_once('@') {
            Some((_, d)) => graph
                .get::<Domain>(&format!("/domains/{d}"))
                .await
                .map_err(ReadError::from),
            None => Err(ReadError::NoUpnDomain),
        },
        Err(e) => Err(e.clone()),
    };
    let sync = read_sync(graph).await;
    CloudFacts {
        me,
        roles,
        skus,
        organization,
        admin_domain,
        sync,
        now: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    }
}

/// The v1.0 answer may be one object or a `value` list: accept both.
async fn read_sync(graph: &Graph) -> Read<SyncSettings> {
    let v: serde_json::Value = graph
        .get("/directory/onPremisesSynchronization")
        .await
        .map_err(ReadError::from)?;
    let obj = match v.get("value").and_then(|x| x.as_array()) {
        Some(list) => list.first().cloned().ok_or(ReadError::NoSyncSettings)?,
        None => v,
    };
    serde_json::from_value(obj).map_err(|e| ReadError::SyncSettings(e.to_string()))
}
