# Writeback Wizard — English (United States). Ids are prefixed by page.
# Every id here must exist in every other language (a test checks it).

## Steps and navigation
step-welcome = Welcome
step-tasks = Additional tasks
step-entra = Connect to Microsoft Entra ID
step-directory = Connect your directories
step-scope = Domain and OU filtering
step-features = Optional features
step-checks = Writeback prerequisites
step-pilot = Pilot users
step-ready = Ready to configure
step-configuring = Configuring
step-complete = Configuration complete
step-restore = Restore from a backup
step-current = Current configuration
nav-next = Next
nav-previous = Previous
nav-exit = Exit
nav-cancel = Cancel
nav-configure = Configure
nav-configure-start = Configure
state-on = on
state-off = off
state-unknown = unknown
state-yes = yes
state-no = no
saved-to = Saved to { $path }.
filter-profile = Writeback Wizard profile
filter-certificate = CA certificate (PEM)
filter-backup = Writeback Wizard backup
cloud-global = Microsoft Azure (worldwide)
cloud-usgov = Microsoft Azure Government (US)
cloud-china = Microsoft Azure operated by 21Vianet (China)
transport-ldaps = LDAPS (port 636)
transport-starttls = LDAP with StartTLS (port 389)

## Start-up problems
startup-title = Writeback Wizard could not start as asked
startup-profile = The profile could not be used: { $reason }. Continue without it, or exit and give another file with --profile.
startup-log = The log file cannot be written ({ $reason }). The wizard works without it; log lines go to the console instead.
startup-continue = Continue anyway
profile-newer = This profile was written by a newer version (schema { $schema }); fields this version does not know were ignored.
profile-dropped = These fields of the profile had values this version cannot use and were left at their defaults: { $fields }.

## Errors (each ends with the next step)
error-untrusted-certificate = The certificate of { $server } is not trusted. If your domain uses its own certificate authority, choose its CA certificate with "Choose CA file…" and test again.
error-certificate-name = The certificate of { $server } does not carry that name. Connect with a name the certificate lists, usually the domain controller's full DNS name.
error-bad-credentials = The domain controller rejected the password for { $user }. Check the user name (user@domain or DOMAIN\user) and the password, then test again.
error-unreachable = { $server } cannot be reached. Check the name and that ports 636 (LDAPS) or 389 (StartTLS) are open from this computer.
error-ca-file = The CA file { $path } cannot be used. Choose a PEM file with the CA certificate.
error-directory = The directory answered with an error. The details below say which object and why.
error-connector-not-found = No account matches "{ $name }". Give the connector account's sAMAccountName (often MSOL_…), its UPN or its DN, or leave the field empty to detect it.
error-not-sync-server = Entra Connect is not installed on this computer. Switch password writeback on from the sync server (run the wizard there, or use its Optional features page).
error-sign-in = The sign-in did not complete: { $reason }. Try again, or use a device code.
error-write-file = { $path } could not be written: { $reason }. Choose another location.

## Welcome
welcome-title = Welcome to Writeback Wizard
welcome-lead = This wizard sets up Microsoft Entra password writeback against your on-premises Active Directory, the way the Entra Connect setup does — and shows why each step is needed, what will change, and how to undo it.
welcome-what = It checks the connector account's rights on every user in scope, the password policies, protected accounts, your tenant and the sync server; it previews every change as an SDDL diff, backs up the originals first, and restores them in one step.
welcome-detected = Found on this computer
welcome-detecting = Looking for Entra Connect on this computer…
welcome-detect-failed = Entra Connect could not be read: { $reason }. Run the wizard as a member of ADSyncAdmins to see it; everything else works without it.
welcome-not-installed = Entra Connect is not installed on this computer. That is normal on a consultant's laptop: the directory and tenant checks work from here; switching writeback on needs the sync server.
welcome-connect-version = Entra Connect version
welcome-staging = Staging mode
welcome-writeback = Password writeback
welcome-explain-title = Look up an event ID or error code
welcome-explain-hint = Arrived with an event from the Application log or an error from the reset page? Enter it to see what it means and which check finds its cause.
welcome-explain-placeholder = e.g. 6329, 0x8023062C, SSPR_0029
welcome-explain-button = Look up
welcome-explain-where = Where it appears
welcome-explain-causes = Usual causes
welcome-explain-found-by = Found by: { $ids }
welcome-explain-not-detectable = This tool cannot see this cause; check it by hand.
welcome-explain-sources = Source: { $documents }
welcome-explain-unknown = "{ $code }" is not known to this tool. The general checklist for password writeback:
welcome-start-hint = Choose Configure to begin. Nothing is written to your directory before you have seen the plan.

## Additional tasks
tasks-title = Additional tasks
tasks-lead = Choose what you want to do.
tasks-configure = Customize synchronization options
tasks-configure-hint = Check every prerequisite of password writeback, fix what is missing (with a preview and a backup) and switch writeback on.
tasks-diagnose = Diagnose password writeback
tasks-diagnose-hint = Read only: find out why writeback fails, for whom, and export a report. Nothing is changed.
tasks-restore = Restore from a backup
tasks-restore-hint = Put back the security descriptors and policy values saved before an earlier configuration.
tasks-view = View current configuration
tasks-view-hint = What Entra Connect on this computer reports, and the wizard's current answers.
tasks-profile-title = Profiles
tasks-profile-hint = A profile keeps your answers (servers, accounts, scope, tenant, options) for the next run. It never holds a password or a token.
tasks-load-profile = Load profile…
tasks-save-profile = Save profile…
tasks-profile-loaded = Profile { $path } loaded.
tasks-profile-saved = Profile saved to { $path }.

## Connect to Microsoft Entra ID
entra-title = Connect to Microsoft Entra ID
entra-lead = Sign in with a Global Administrator, Hybrid Identity Administrator or Security Reader to check licences, roles and the tenant's synchronization. The wizard only reads from the tenant.
entra-cloud = Cloud
entra-tenant = Tenant
entra-tenant-hint = "organizations", your tenant ID or one of its verified domains.
entra-client-id = Application (client) ID
entra-client-id-hint = Empty: Microsoft Graph Command Line Tools. Give your own app registration if your tenant requires one.
entra-endpoints = Sign-in endpoint: { $authority } — Graph endpoint: { $graph } (from the profile).
entra-sign-in = Sign in
entra-device-code = Sign in with a code
entra-waiting-browser = Waiting for the sign-in in your browser…
entra-open-this = The browser did not open. Open this address yourself:
entra-copy-link = Copy link
entra-cancel = Cancel sign-in
entra-requesting-code = Requesting a code…
entra-code-instructions = On any device, open { $uri } and enter this code:
entra-copy-code = Copy code
entra-waiting-code = Waiting for you to finish the sign-in…
entra-signed-in = Signed in as { $user } to { $tenant }.
entra-roles = Directory roles
entra-no-roles = none found
entra-skip = Skip cloud checks (diagnose on-premises only)
entra-skip-hint = Licences, roles and the tenant's synchronization are then not checked; the report says so.

## Connect your directories
directory-title = Connect your directories
directory-lead = Enter the domain controller and an account that may change permissions in the domain (usually a Domain Admin). The wizard reads with it, and writes only what you confirm.
directory-server = Domain controller or domain
directory-server-hint = A DC's DNS name or the domain name; add :port for a non-standard port.
directory-transport = Connection
directory-ca = CA certificate
directory-ca-none = the system's trusted CAs
directory-choose-ca = Choose CA file…
directory-clear = Clear
directory-windows-credentials = Use my current Windows credentials (Kerberos)
directory-user = User name
directory-password = Password
directory-user-hint = The password stays in memory for this session only; it is never written to disk or to the log.
directory-connector = AD DS connector account
directory-connector-placeholder = detected when empty (MSOL_…)
directory-connector-hint = The account Entra Connect uses to write to this forest. It receives the rights for password writeback.
directory-test = Test connection
directory-testing = Testing…
directory-need-server = Enter the domain controller or the domain name.
directory-need-user = Enter the user name of an administrator of the domain.
directory-need-password = Enter the password.
directory-bad-password-hint = Tip: Caps Lock, and the domain part of the user name (user@corp.example.com or CORP\user).
directory-unreachable-hint = Tip: from this computer, the DC must answer on TCP 636 (LDAPS) or 389 (StartTLS).
directory-connected = Connected to { $server } (domain { $domain }).
directory-not-encrypted = This connection is not encrypted. Use LDAPS or StartTLS before you send a password.
directory-connector-found = Connector account
directory-pick-connector = Several accounts look like connector accounts. Choose the one Entra Connect uses:
directory-no-connector = No connector account was found. Enter the account Entra Connect uses (see Synchronization Service → Connectors → Properties), then test again.

## Domain and OU filtering
scope-title = Domain and OU filtering
scope-lead = Choose the part of the domain that Entra Connect synchronizes. The checks look at the users in it.
scope-all = Sync all domains and OUs
scope-selected = Sync selected domains and OUs
scope-loading = Loading…
scope-empty = no organizational units below
scope-covered = { $name } (included through a parent)
scope-none-selected = Select at least one OU, or sync the whole domain.
scope-from-connect = The selection was taken from the AD connector's container inclusions in Entra Connect.

## Optional features
features-title = Optional features
features-lead = Entra Connect's optional features. This wizard sets up password writeback; the others are shown for orientation.
features-password-writeback = Password writeback
features-password-writeback-hint = Lets users who reset or change their password in the cloud have it written to Active Directory.
features-need-writeback = Password writeback must be selected to continue. To only look, choose "Diagnose password writeback" on the Additional tasks page.
features-not-here = Configure this feature in the Entra Connect wizard; Writeback Wizard only sets up password writeback.
features-exchange-hybrid = Exchange hybrid deployment
features-exchange-folders = Exchange Mail Public Folders
features-app-filtering = Microsoft Entra app and attribute filtering
features-phs = Password hash synchronization
features-group-writeback = Group writeback
features-device-writeback = Device writeback
features-extensions = Directory extension attribute sync

## Writeback prerequisites
checks-title = Writeback prerequisites
checks-lead = Every prerequisite of password writeback, checked against your directory, your tenant and this computer.
checks-cloud-skipped = Cloud checks were skipped: this is an on-premises-only diagnosis.
checks-phase-connecting = Connecting to the domain controller…
checks-phase-directory = Reading the domain and checking users… { $users } so far
checks-phase-pilot = Reading the pilot group…
checks-phase-cloud = Reading the tenant…
checks-phase-sync = Reading the sync server…
checks-cancel = Cancel
checks-cancelled = The check was cancelled.
checks-again = Check again
checks-ready = Ready for { $ready } of { $users } users ({ $excluded } protected administrators excluded by design, { $blocked } blocked); { $warnings } warnings.
checks-not-ready = Not ready: { $errors } errors, { $warnings } warnings; ready for { $ready } of { $users } users ({ $excluded } protected administrators excluded by design, { $blocked } blocked). Next shows the changes that fix what can be fixed.
checks-group-ok = No problems found.
checks-object = Object
checks-evidence = Evidence
checks-fix = What to do
checks-no-blocked = No user in scope is blocked.
checks-blocked-title = Blocked users ({ $count })
checks-excluded-title = Protected administrators, excluded by design ({ $count })
checks-excluded-lead = Microsoft does not write back the passwords of accounts in protected groups (adminCount=1): they reset their passwords on-premises. They count neither as ready nor as blocked.
checks-filter = Filter by name, DN or reason
checks-export-blocked = Export CSV…
checks-more = …and { $count } more. Export the list to see all.
group-entra = Microsoft Entra ID
group-sync = Sync server
group-connector = Connector account
group-permissions = Permissions
group-policy = Password policy
group-users = Users in scope
group-pilot = Pilot users
group-dc = Domain controller

## Pilot users
pilot-title = Pilot users
pilot-lead = Is your SSPR pilot group ready, user by user? Each member gets a verdict with its reasons, from the directory and from the tenant.
pilot-why-ask = Microsoft Graph does not tell which group self-service password reset is limited to, so enter it here: an AD group (DN or name) or an Entra group (object ID or display name).
pilot-group-placeholder = e.g. CN=SSPR Pilot,OU=Groups,DC=corp,DC=example,DC=com
pilot-run = Check pilot group
pilot-running = Checking…
pilot-optional = This page is optional: Next goes on without it.
pilot-need-group = Enter the pilot group first.
pilot-need-check = The pilot check needs the prerequisites check first: go back one page and let it finish.
pilot-summary = { $group }: { $ready } ready, { $blocked } blocked, { $unknown } unknown.
pilot-no-cloud = Not signed in to Entra ID: the cloud columns (synced, licence, registration) are unknown.
pilot-methods = Methods the tenant's authentication methods policy enables: { $methods }.
pilot-filter = Filter by name, verdict or reason
pilot-export = Export CSV…
pilot-col-user = User
pilot-col-verdict = Verdict
pilot-col-synced = Synced
pilot-col-licensed = Licence
pilot-col-registered = SSPR registered
pilot-col-admin = Admin
pilot-ready = ready
pilot-blocked = blocked
pilot-unknown = unknown
pilot-detail-ready = Nothing blocks password reset with writeback for this user.
pilot-detail-methods = Registered methods
pilot-detail-admin = Administrators get the stricter two-gate reset policy, whatever the pilot settings say.

## Ready to configure
ready-title = Ready to configure
ready-lead = These are the changes Configure will make. Nothing has been written yet; the original values are saved to the backup file before the first write.
ready-options = Options
ready-protected-containers = Also grant on OUs where inheritance is disabled
ready-iop = inetOrgPerson objects
ready-iop-auto = when present in scope
ready-iop-always = always
ready-iop-never = never
ready-min-age = Set the domain's minimum password age to 0 (now { $days ->
        [one] { $days } day
       *[other] { $days } days
    })
ready-fix-pso = Set the minimum password age of "{ $name }" to 0 (now { $days ->
        [one] { $days } day
       *[other] { $days } days
    })
ready-clear-stale = Clear adminCount on { $count ->
        [one] { $count } user
       *[other] { $count } users
    } no longer in a protected group
ready-clear-stale-warning = Only for users who really left every protected group: it re-enables inheritance on them.
ready-adminsdholder = Grant on AdminSDHolder (protected accounts)
ready-adminsdholder-warning = Not recommended: it lets the connector account reset the passwords of domain administrators. Microsoft advises against writeback for privileged accounts.
ready-computing = Computing the changes…
ready-again = Try again
ready-nothing = Nothing needs to change in the directory.
ready-changes = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }
ready-not-fixed = Not fixed by this plan: { $id } on { $object }: { $reason }{ $users ->
    [0] .
    [one] ; 1 user stays blocked.
   *[other] ; { $users } users stay blocked.
}
ready-kind-aces = Grant rights to the connector account
ready-kind-inheritance = Enable inheritance
ready-kind-attribute = Set { $attribute }
ready-before = Before (SDDL)
ready-after = After (SDDL)
ready-backup = Backup file
ready-choose-backup = Change…
ready-backup-hint = The originals of every value that changes are saved here first.
ready-sync-server = Sync server
ready-no-sync-server = This computer is not the sync server. The directory changes work from here; switch writeback on in Entra Connect afterwards (Optional features → Password writeback).
ready-staging = This sync server is in staging mode. It does not export, so writeback cannot be switched on here: do it on the active server.
ready-writeback-on = Password writeback is already on in Entra Connect.
ready-enable-writeback = Switch password writeback on in Entra Connect after the directory changes

## Configuring
configure-title = Configuring
configure-lead-running = Writing the changes. Cancel stops before the next object; a write in progress is always finished and verified.
configure-lead-finished = Finished. Next shows the result.
configure-progress = { $n } of { $total } changes
configure-backed-up = Backup of { $entries ->
        [one] { $entries } original value
       *[other] { $entries } original values
    } written to { $path }
configure-writing = [{ $n }/{ $total }] writing { $dn }
configure-verified = verified { $dn }
configure-already = already as planned: { $dn }
configure-done = { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } written and verified.
configure-cancelling = Cancelling after the current object…
configure-cancel-hint = Exit cancels the remaining changes; the backup holds every original value.
configure-enabling = Switching password writeback on in Entra Connect…
configure-enabled = Password writeback is on in Entra Connect (read back and verified).
configure-enable-failed = Password writeback could not be switched on: { $reason }
configure-nothing-to-do = There is no plan to configure. Go back to "Ready to configure".
configure-nothing-to-change = Nothing to change.
configure-restore-hint = To undo what was written: Additional tasks → Restore from a backup, file { $path }.
configure-pdc = Connected to the PDC emulator { $pdc } for the changes.
configure-pdc-unreachable = The PDC emulator { $pdc } cannot be reached ({ $reason }); writing on the DC you chose.

## Configuration complete
complete-title = Configuration complete
complete-title-diagnose = Diagnosis complete
complete-title-restore = Restore complete
complete-written = { $count ->
        [one] { $count } change was
       *[other] { $count } changes were
    } written and verified.
complete-backup = Backup file
complete-restore-how = To undo: run the wizard, choose Additional tasks → Restore from a backup, and pick { $path }. Or: writeback-wizard restore --backup "{ $path }".
complete-restored = { $restored } values restored, { $unchanged } already as in the backup; all verified.
complete-check-title = Checked again
complete-checking = Checking again…
complete-export = Export report
complete-log = Log folder

## Restore
restore-title = Restore from a backup
restore-lead = Choose a backup written by Configure (or by writeback-wizard apply). You see every value before anything is written; each one is read back afterwards.
restore-choose = Choose backup…
restore-file = File
restore-domain = Domain
restore-made = Made
restore-entries = { $count ->
        [one] { $count } value
       *[other] { $count } values
    }
restore-preparing = Reading the values as they are now…
restore-preview = { $count ->
    [0] Nothing to restore: every value is as before Configure, or was changed since by someone else (kept).
    [one] A restore writes 1 value: it takes back exactly what Configure added and keeps every other change.
   *[other] A restore writes { $count } values: it takes back exactly what Configure added and keeps every other change.
}
restore-button = Restore
restore-running = Restoring…
restore-done = Every value is back as it was, and verified.

## Current configuration
current-title = Current configuration
current-sync = Entra Connect on this computer
current-sync-cycle = Sync cycle
current-connector = Connector
current-answers = The wizard's answers
current-no-secrets = Passwords and tokens are never saved.

## Findings (one title and one fix per finding id)
finding-connector-not-found = The AD DS connector account was not found
finding-connector-not-found-fix = Enter the account Entra Connect uses for this forest on "Connect your directories".
finding-connector-ambiguous = Several accounts could be the connector account
finding-connector-ambiguous-fix = Choose the account Entra Connect uses on "Connect your directories".
finding-connector-candidates = Other accounts look like connector accounts; the most plausible was taken
finding-connector-candidates-fix = If Entra Connect uses another of them, choose it on "Connect your directories"; remove leftovers of old installations.
finding-connector-privileged = The connector account is a member of a protected group
finding-connector-privileged-fix = Use a dedicated, unprivileged connector account; protected groups make it an administrator.
finding-right-reset-password = The connector cannot reset passwords here
finding-right-reset-password-fix = Grant Reset Password on descendant user objects at the domain root (Configure does this).
finding-right-write-lockouttime = The connector cannot write lockoutTime here
finding-right-write-lockouttime-fix = Grant Write lockoutTime on descendant user objects at the domain root (Configure does this).
finding-right-write-pwdlastset = The connector cannot write pwdLastSet here
finding-right-write-pwdlastset-fix = Grant Write pwdLastSet on descendant user objects at the domain root (Configure does this).
finding-right-denied = An explicit deny blocks the connector
finding-right-denied-fix = Remove the deny entry shown as evidence; explicit denies win over the grants Configure adds.
finding-right-unexpire-password = The connector cannot unexpire passwords
finding-right-unexpire-password-fix = Grant Unexpire Password on the domain root if users must reset expired passwords.
finding-right-change-password = Nobody in the connector's token can change passwords
finding-right-change-password-fix = Restore the default Change Password entry (Everyone or SELF) on user objects.
finding-inheritance-disabled = Inheritance is disabled on a container in scope
finding-inheritance-disabled-fix = Grant the rights on this container too, or enable inheritance (an option on "Ready to configure").
finding-admin-protected = Protected account: writeback will fail for it
finding-admin-protected-fix = Expected for administrators; reset their passwords on-premises. Granting on AdminSDHolder is possible but not recommended.
finding-admincount-stale = adminCount is set on a user who is no longer protected
finding-admincount-stale-fix = Clear adminCount and re-enable inheritance (an option on "Ready to configure").
finding-min-password-age = The domain's minimum password age blocks resets
finding-min-password-age-fix = Set the minimum password age to 0 (an option on "Ready to configure"), and in the GPO that sets it.
finding-pso-min-password-age = A fine-grained password policy has a minimum age
finding-pso-min-password-age-fix = Set its minimum password age to 0 (an option on "Ready to configure").
finding-pdc-emulator = The PDC emulator matters for password policy changes
finding-pdc-emulator-fix = Make policy changes on the PDC emulator, or let replication finish before testing.
finding-policy-hints-unsupported = The DC does not support password policy hints
finding-policy-hints-unsupported-fix = Use Windows Server 2016 or later DCs so history rules apply to resets.
finding-ldap-transport = The connection to the DC is not encrypted
finding-ldap-transport-fix = Use LDAPS or StartTLS.
finding-samserver-read = The connector cannot read the SAM server object
finding-samserver-read-fix = Restore the default read access on CN=Server,CN=System.
finding-pre2000-au = Authenticated Users are missing from Pre-Windows 2000 Compatible Access
finding-pre2000-au-fix = Add Authenticated Users back, or grant the connector read access to user attributes.
finding-read-incomplete = Part of the configuration could not be read
finding-read-incomplete-fix = Run with an account that can read it; the result is incomplete until then.
finding-cloud-license = No Microsoft Entra ID P1 or P2 licence
finding-cloud-license-fix = Password writeback needs Entra ID P1 or P2 (or a suite that includes it).
finding-cloud-role = The signed-in account has no suitable role
finding-cloud-role-fix = Sign in as Global Administrator or Hybrid Identity Administrator to configure; Security Reader can check.
finding-cloud-federated-admin = The administrator's domain is federated
finding-cloud-federated-admin-fix = Use a cloud-only administrator (…onmicrosoft.com) for the Entra Connect configuration.
finding-cloud-sync-disabled = Directory synchronization is not enabled in the tenant
finding-cloud-sync-disabled-fix = Install and configure Entra Connect (or Cloud Sync) first.
finding-cloud-sync-stale = The last synchronization is old
finding-cloud-sync-stale-fix = Check the sync server: the scheduler, staging mode and its connectivity.
finding-cloud-sync-features = Synchronization features of the tenant
finding-cloud-sync-features-fix = For information only.
finding-sync-not-installed = Entra Connect is not installed on this computer
finding-sync-not-installed-fix = Run the wizard on the sync server to check and switch on writeback there.
finding-sync-staging-mode = The sync server is in staging mode
finding-sync-staging-mode-fix = Switch writeback on on the active sync server; a staging server does not export.
finding-writeback-disabled = Password writeback is off in Entra Connect
finding-writeback-disabled-fix = Switch it on: "Ready to configure" offers it on the sync server.
finding-restrict-remote-sam = RestrictRemoteSam limits the sync server
finding-restrict-remote-sam-fix = Allow the connector account in the "Network access: Restrict clients allowed to make remote calls to SAM" policy.
finding-outbound-blocked = The sync server cannot reach the writeback service
finding-outbound-blocked-fix = Allow outbound HTTPS (TCP 443) to the service endpoints in the firewall or proxy.
finding-tls12-disabled = TLS 1.2 is not enforced on the sync server
finding-tls12-disabled-fix = Set the .NET and SCHANNEL TLS 1.2 registry values and restart the server.
finding-pilot-user-blocked = A pilot user is blocked
finding-pilot-user-blocked-fix = Fix the reasons listed for this user (Configure fixes the permission ones).
finding-pilot-not-registered = A pilot user has not registered for SSPR
finding-pilot-not-registered-fix = Ask the user to register at aka.ms/ssprsetup, or pre-fill their methods.
finding-pilot-not-synced = A pilot user is not synchronized to Entra ID
finding-pilot-not-synced-fix = Put the user in the sync scope (Domain and OU filtering) and let a sync run.
finding-pilot-no-license = A pilot user has no Entra ID P1 or P2 licence
finding-pilot-no-license-fix = Assign a licence that includes Entra ID P1 or P2.
finding-pilot-admin = A pilot user is an administrator
finding-pilot-admin-fix = Administrators get the two-gate reset policy; test SSPR with a normal user too.
