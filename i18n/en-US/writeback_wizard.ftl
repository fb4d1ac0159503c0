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
startup-profile = The profile could not be used: { $reason }. Continue without it, or exit and start the wizard with another profile file.
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
error-connector-not-found = No account matches "{ $name }". Give the connector account's sAMAccountName (often MSOL_…; for Cloud Sync its gMSA, often provAgentgMSA$), its UPN, its SID or its DN, or leave the field empty to detect it.
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
welcome-explain-found-by = Found by: { $ids } ({ $run })
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
checks-phase-directory = Reading the domain and checking users… { $pace }
checks-phase-pilot = Reading the pilot group…
checks-phase-cloud = Reading the tenant…
checks-phase-sync = Reading the sync server…
checks-cancel = Cancel
checks-cancelled = The check was cancelled.
checks-again = Check again
checks-ready = Ready for { $ready } of { $users } users ({ $excluded } protected administrators excluded by design, { $blocked } blocked); { $warnings } warnings.
checks-not-ready = Not ready: { $errors } errors, { $warnings } warnings; ready for { $ready } of { $users } users ({ $excluded } protected administrators excluded by design, { $blocked } blocked). Next shows the changes that fix what can be fixed.
checks-group-ok = No problems found.
checks-parts-not-checked = Not checked: { $parts }; the verdict covers only what was checked.
checks-object = Object
checks-evidence = Evidence
checks-fix = What to do
checks-no-blocked = No user in scope is blocked.
checks-blocked-title = Blocked users ({ $count })
checks-blocked-causes = By cause (choose one to list only its users):
checks-cause-users = { $users } { $users ->
        [one] user
       *[other] users
    }: { $cause } — { $object }
checks-more-causes = …and { $count } more causes (the list below holds all their users).
checks-sort = Order:
checks-sort-scan = as found
checks-sort-name = by name
checks-sort-dn = by DN
checks-blocked-shown = { $shown } of { $count } listed
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
pilot-summary = { $group }: { $ready } ready, { $blocked } blocked, { $unknown } unknown, { $unsynced } not synchronized.
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
pilot-not-synchronized = not synchronized
pilot-detail-ready = Nothing blocks password reset with writeback for this user.
pilot-detail-methods = Registered methods
pilot-detail-portal = The user would see
pilot-detail-event = The admin would see
pilot-detail-admin = Administrators get the stricter two-gate reset policy, whatever the pilot settings say.

## Ready to configure
ready-title = Ready to configure
ready-lead = These are the changes Configure will make. Nothing has been written yet; the original values are saved to the backup file before the first write.
ready-options = Options
ready-protected-containers = Also grant on OUs where inheritance is disabled
ready-grant-samserver = Grant the connector alone read access on CN=Server,CN=System
ready-grant-samserver-hint = It reads that object only through Pre-Windows 2000 Compatible Access today. With this narrow grant the group can be emptied, as security baselines ask, without breaking writeback.
ready-grant-in-scope = Grant only in the synced OUs (least privilege), not at the domain root
ready-grant-in-scope-hint = Microsoft grants at the domain root. In the synced OUs only, the connector cannot reset anyone elsewhere; OUs added to the sync scope later need a new plan. Unexpire Password stays a domain right. Needs an OU filter on "Domain and OU filtering".
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
configure-baseline = Baseline of { $label } saved to { $path } ("Compare with the last configuration" on Writeback prerequisites compares with it).
configure-baseline-failed = The baseline of { $label } could not be taken: { $reason }. The changes are made.
checks-compare = Compare with the last configuration
checks-comparing = Checking again and comparing with the last configuration…
checks-compare-title = Since the last configuration
checks-incremental = Only what changed since the last check was read: { $rejudged ->
        [one] 1 user
       *[other] { $rejudged } users
    } of { $users } judged again, with the same result a full check gives.
checks-full-again = Every user was read again: { $why }.
checks-full-why-other-dc = another domain controller answered, or its database was restored
checks-full-why-settings = something every user is judged by changed (the connector or its groups, a password policy, the protected administrators, the schema or the scope)
checks-full-why-containers = an OU or container in scope was added, moved, renamed or deleted
checks-full-why-pso-group = { $group } changed, and a password policy (PSO) applies to it or to a group it is in
configure-cancelling = Cancelling after the current object…
configure-cancel-hint = Exit cancels the remaining changes; the backup holds every original value.
configure-enabling = Switching password writeback on in Entra Connect…
configure-enabled = Password writeback is on in Entra Connect (read back and verified).
configure-enable-failed = Password writeback could not be switched on: { $reason }
run-lost = the assessment of this directory stopped unexpectedly
run-directory = Directory
run-directories = Directories
run-directory-failed = { $label }: could not be checked: { $reason }
directory-more-title = More directories
directory-more-hint = As Connect's "Add Directory": another forest (or a domain reached through its own DC), with its own administrator, CA file and connector account (detected). Every directory is checked at the same time, planned with the same options, and gets its own backup. Passwords are kept for this session only.
directory-add = Add directory
directory-remove = Remove
directory-row-title = Directory { $n }: { $label }
directory-all-domains = Every domain of this forest ({ $count } domains), each domain root through its own DC, with this sign-in
directory-forest-domain = A domain of the forest of { $root }: reached through its own DC with the same sign-in.
directory-out-of-scope = No OU of the sync scope is in this domain: it is not checked.
ready-directory-changes = { $label }: { $count ->
    [one] 1 change
   *[other] { $count } changes
}
ready-directory-failed = { $label }: no plan: { $reason }
ready-directory-unchecked = { $label }: no plan, as its check could not be made.
configure-directory = — { $label } —
configure-directory-done = { $label }: { $count ->
    [one] 1 change
   *[other] { $count } changes
} written and verified
complete-directory-backup = Its backup: { $path }
tasks-cloud-sync = Set up password writeback for Entra Cloud Sync
tasks-cloud-sync-hint = The same checks and fixes for Cloud Sync: its provisioning agent's gMSA (often provAgentgMSA$) is the connector account, and writeback is switched on on the agent server with Set-AADCloudSyncPasswordWritebackConfiguration.
welcome-agent-version = Cloud Sync provisioning agent version
welcome-agent-service = Provisioning agent service
welcome-agent-hint = This is a Cloud Sync agent server: the wizard takes the Cloud Sync path (choose another on the next page).
ready-cloud-sync = Entra Cloud Sync
ready-no-agent = The Cloud Sync provisioning agent is not on this computer: the directory changes are made from here, and writeback is switched on from an agent server (run the wizard there, or use the cmdlet in the tutorial).
ready-agent-too-old = The provisioning agent is version { $version }; password writeback needs { $minimum } or later. Update the agent, then switch writeback on.
ready-enable-cloud-sync = Switch Cloud Sync password writeback on (Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true)
ready-hybrid-admin = Hybrid Identity Administrator
ready-hybrid-admin-password = Its password
ready-cloud-sync-hint = The cmdlet signs in to Entra ID as this account. The password goes to PowerShell on its standard input and is not saved. Microsoft documents no way to read the switch back; doing it again does no harm.
configure-enabling-cloud-sync = Switching Cloud Sync password writeback on (Set-AADCloudSyncPasswordWritebackConfiguration)…
configure-enabled-cloud-sync = Set-AADCloudSyncPasswordWritebackConfiguration ran without an error. Check "Write back passwords with Microsoft Entra Connect cloud sync" under Password reset → On-premises integration (Microsoft documents no way to read the switch back).
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
complete-restore-how = To undo: run the wizard, choose Additional tasks → Restore from a backup, and pick { $path }.
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
restore-not-authenticated = Not authenticated as a backup this tool wrote on this computer ({ $why }): only the tool's own grants are taken back from it.
restore-run-not-authenticated = The run's file is not authenticated as one this tool wrote on this computer ({ $why }); each backup it lists is checked on its own.

## Current configuration
current-title = Current configuration
current-sync = Entra Connect on this computer
current-sync-cycle = Sync cycle
current-connector = Connector
current-answers = The wizard's answers
current-no-secrets = Passwords and tokens are never saved.

## Findings: a title, a detail and a fix per finding id (finding-<id>…), and more than one
## sentence set where a check says different things under one id. -fix-cli is the command
## line's fix (it names flags); the wizard's says what to click.
finding-connector-not-found = No AD DS connector account was found
finding-connector-not-found-detail = No account named MSOL_… or AAD_… and none with the description Entra Connect writes exists in the domain, so there is no account to check the rights of.
finding-connector-not-found-fix = Enter the account Entra Connect's AD connector signs in as on "Connect your directories" (Synchronization Service Manager → Connectors → the AD connector → Properties → Connect to Active Directory Forest).
finding-connector-not-found-fix-cli = Give the account Entra Connect's AD connector signs in as with --connector (Synchronization Service Manager → Connectors → the AD connector → Properties → Connect to Active Directory Forest).
finding-connector-ambiguous = { $count } accounts look equally like the connector account
finding-connector-ambiguous-detail = Candidates: { $candidates }. They are all enabled and nothing (writeback grants, the Entra Connect description, recent sign-ins) tells them apart.
finding-connector-ambiguous-fix = Choose the account the AD connector uses on "Connect your directories".
finding-connector-ambiguous-fix-cli = Say which one the AD connector uses with --connector NAME.
finding-connector-candidates = { $count } other { $count ->
        [one] account looks
       *[other] accounts look
    } like connector accounts; { $taken } was taken
finding-connector-candidates-detail = Passed over: { $others }. They rank lower (disabled, no writeback grants, no Entra Connect description, or signed in less recently), as old installations leave them.
finding-connector-candidates-fix = If Entra Connect uses another of them, choose it on "Connect your directories"; remove leftovers of old installations.
finding-connector-candidates-fix-cli = If Entra Connect uses another of them, give it with --connector NAME; remove leftovers of old installations.
finding-connector-candidates-cloud-sync = Entra Cloud Sync serves this domain: its agent's account { $taken } was taken
finding-connector-candidates-cloud-sync-detail = Also found: { $others }. Where Entra Connect Sync and Cloud Sync both cover a domain, password writeback for it goes through Cloud Sync, so the agent's gMSA is the account that must hold the rights.
finding-connector-candidates-cloud-sync-fix = If Connect Sync alone serves this domain, enter its account on "Connect your directories".
finding-connector-candidates-cloud-sync-fix-cli = If Connect Sync alone serves this domain, give its account with --connector NAME.
finding-connector-privileged = The connector account { $name } is a member of { $groups }
finding-connector-privileged-detail = Entra Connect refuses Domain Admin and Enterprise Admin accounts as the AD DS connector account, and a connector with these rights can reset any password in the domain.
finding-connector-privileged-fix = Use a dedicated, unprivileged account and delegate only the writeback rights to it.
finding-connector-replication = { $name } holds the directory replication rights on the domain
finding-connector-replication-detail = Replicating Directory Changes and Replicating Directory Changes All let it read every password hash in the domain (password hash synchronization needs them). Whoever controls this account controls the domain.
finding-connector-replication-fix = Treat the account and the sync server as Tier 0: protect its password, limit who can sign in to the sync server, and remove the rights if password hash synchronization is not used.
finding-connector-excess = { $name } may change the permissions of this { $class }
finding-connector-excess-detail = It holds Write DACL here (GenericAll includes it): more than password writeback needs, and enough to grant itself anything below.
finding-connector-excess-fix = Remove the entry shown as evidence; writeback needs only Reset Password, write lockoutTime and write pwdLastSet on descendant user objects.
finding-right-reset-password = The connector cannot reset passwords here
finding-right-reset-password-fix = Grant Reset Password on descendant user objects at the domain root (Configure does this).
finding-right-write-lockouttime = The connector cannot write lockoutTime here
finding-right-write-lockouttime-fix = Grant Write lockoutTime on descendant user objects at the domain root (Configure does this).
finding-right-write-pwdlastset = The connector cannot write pwdLastSet here
finding-right-write-pwdlastset-fix = Grant Write pwdLastSet on descendant user objects at the domain root (Configure does this).
finding-right-missing-root = { $name } lacks { $right } on descendant { $classes } objects
finding-right-missing-root-detail = Nothing in the domain grants { $name } this right, so password writeback fails for the users below. { $users ->
        [0] No user in scope is blocked by it today; users created or moved there would be.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-right-missing-root-fix = Grant { $name } { $right } on descendant user objects at the domain root (Configure does this; "Ready to configure" shows the exact entry).
finding-right-missing-root-fix-cli = Grant { $name } { $right } on descendant user objects at the domain root (writeback-wizard plan shows the exact ACE).
finding-right-missing-below = { $name } lacks { $right } on descendant { $classes } objects
finding-right-missing-below-detail = Above this { $class } the right is granted, but it does not reach the users below it (the grant does not propagate this far). { $users ->
        [0] No user in scope is blocked by it today; users created or moved there would be.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-right-missing-below-fix = Grant { $name } { $right } here (Configure does this; "Ready to configure" shows the exact entry).
finding-right-missing-below-fix-cli = Grant { $name } { $right } here (writeback-wizard plan shows the exact ACE).
finding-right-missing-user = { $name } lacks { $right } on this user
finding-right-missing-user-detail = This user's own DACL does not give { $name } the right, although a new user in the same place would have it. { $users ->
        [0] No user in scope is blocked by it today.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-right-missing-user-fix = Grant { $name } { $right } on this user (Configure does this; "Ready to configure" shows the exact entry).
finding-right-missing-user-fix-cli = Grant { $name } { $right } on this user (writeback-wizard plan shows the exact ACE).
finding-right-denied = An explicit deny refuses { $name } { $rights }
finding-right-denied-detail = A deny ACE on this { $class } applies to { $name } (or a group it is in) and decides before any grant. { $users ->
        [0] No user in scope is blocked by it today; users created or moved there would be.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-right-denied-fix = Remove the deny ACE, or narrow it so it does not apply to the connector account; no grant can override it.
finding-right-unexpire-password = Nobody in the connector's token has Unexpire Password on the domain
finding-right-unexpire-password-detail = After a reset, writeback sets pwdLastSet to -1; the DC refuses that without the Unexpire Password right on the domain object, so writeback fails for every user. By default Authenticated Users has it.
finding-right-unexpire-password-fix = Grant Unexpire Password on the domain root to { $name } (or restore the default grant to Authenticated Users).
finding-right-unexpire-password-denied = A deny refuses the connector Unexpire Password on the domain
finding-right-unexpire-password-denied-detail = After a reset, writeback sets pwdLastSet to -1; the DC refuses that without the Unexpire Password right on the domain object, so writeback fails for every user.
finding-right-unexpire-password-denied-fix = Remove the deny ACE on the domain root; no grant can override it.
finding-right-change-password = Change Password is not granted on { $users } { $users ->
        [one] user
       *[other] users
    }
finding-right-change-password-detail = By default Everyone may use Change Password on users; here the default grant is gone for some. Entra Connect's own permission cmdlet does not grant it, so this is for information.
finding-right-change-password-fix = Nothing is required; restore the default grant if it was removed by mistake.
finding-inheritance-disabled = Inheritance is disabled here; { $users } { $users ->
        [one] user
       *[other] users
    } below { $users ->
        [one] is
       *[other] are
    } blocked
finding-inheritance-disabled-detail = This { $class } has a protected DACL, so the rights granted higher up do not reach the users below it, and it does not grant { $name } { $rights } itself. { $users ->
        [0] No user in scope is blocked by it today; users created or moved there would be.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-inheritance-disabled-fix = Grant the writeback rights on this container as well (Configure does, unless "Also grant on OUs where inheritance is disabled" is unticked on "Ready to configure"), or enable inheritance on it.
finding-inheritance-disabled-fix-cli = Grant the writeback rights on this container as well (writeback-wizard plan does, unless --no-protected-containers), or enable inheritance on it.
finding-inheritance-disabled-user = Inheritance is disabled on this user
finding-inheritance-disabled-user-detail = The user's DACL is protected, so the rights granted higher up do not reach it, and it does not grant { $name } { $rights } itself. The user is not a protected administrator.
finding-inheritance-disabled-user-fix = Grant the writeback rights on this user (Configure does), or enable inheritance on it.
finding-inheritance-disabled-user-fix-cli = Grant the writeback rights on this user (writeback-wizard plan does, unless --no-protected-users), or enable inheritance on it.
finding-admin-protected = Protected administrator (adminCount=1): excluded from writeback by design
finding-admin-protected-detail = Microsoft does not write back passwords of accounts in protected groups; they reset their passwords on-premises{ $sdprop ->
        [pending] {" "}(this account's DACL still inherits: SDProp has not protected it yet)
       *[done] {""}
    }.
finding-admin-protected-fix = Nothing to do. Do not grant rights on AdminSDHolder to work around it.
finding-admincount-stale = adminCount=1 but no longer in any protected group
finding-admincount-stale-detail = The account left the protected groups, but adminCount and the disabled inheritance stayed, so writeback fails for it for no reason.
finding-admincount-stale-fix = Clear adminCount and enable inheritance on the account (an option on "Ready to configure"), or let Configure grant the rights on it.
finding-admincount-stale-fix-cli = Clear adminCount and enable inheritance on the account (writeback-wizard plan --clear-stale-admincount), or let the plan grant the rights on it.
finding-admincount-stale-harmless = adminCount=1 but no longer in any protected group
finding-admincount-stale-harmless-detail = Writeback works for it today, but adminCount=1 suggests it is still privileged.
finding-admincount-stale-harmless-fix = Clear adminCount on the account when it is no longer privileged.
finding-min-password-age = The domain's minimum password age is { $age }, not 0
finding-min-password-age-detail = minPwdAge = { $value }. Users without a fine-grained policy cannot reset their password again within that time, so writeback of a new password is refused.
finding-min-password-age-fix = Set "Minimum password age" to 0 in the GPO that sets the domain password policy (usually the Default Domain Policy); "Ready to configure" can set the attribute, but the GPO sets it back unless changed there too.
finding-min-password-age-fix-cli = Set "Minimum password age" to 0 in the GPO that sets the domain password policy (usually the Default Domain Policy); writeback-wizard plan --min-password-age-zero sets the attribute, but the GPO sets it back unless changed there too.
finding-min-password-age-unreadable = The domain's minimum password age could not be read
finding-min-password-age-unreadable-fix = Run the check with an account that can read the domain object.
finding-pso-min-password-age = Password policy { $name } has a minimum age of { $age } and governs { $users } { $users ->
        [one] user
       *[other] users
    } in scope
finding-pso-min-password-age-detail = Precedence { $precedence }; applies to { $applies }. For these users it replaces the domain policy, so its minimum age blocks writeback.
finding-pso-min-password-age-fix = Set msDS-MinimumPasswordAge of { $name } to 0 (an option on "Ready to configure").
finding-pso-min-password-age-fix-cli = Set msDS-MinimumPasswordAge of { $name } to 0 (writeback-wizard plan --fix-pso "{ $name }").
finding-pdc-emulator = The PDC emulator is { $pdc }, but this check ran against { $connected }
finding-pdc-emulator-detail = Changes should be made on the PDC emulator; Configure connects to it.
finding-pdc-emulator-fix = Enter { $pdc } as the server on "Connect your directories" for the changes.
finding-pdc-emulator-fix-cli = Run plan and apply with --server { $pdc }.
finding-pdc-emulator-connected = Connected to the PDC emulator, { $pdc }
finding-pdc-emulator-unknown = The PDC emulator could not be determined
finding-pdc-emulator-unknown-detail = fSMORoleOwner on the domain object was not readable.
finding-policy-hints-unsupported = The DC does not support the password policy hints control
finding-policy-hints-unsupported-detail = Its rootDSE lists neither { $oid } nor { $old }; writeback uses them so that history and policy apply to resets.
finding-policy-hints-unsupported-fix = Run writeback against domain controllers on Windows Server 2016 or later.
finding-ldap-transport = This check ran over unencrypted LDAP
finding-ldap-transport-detail = Everything read (and any password sent) crossed the network in clear text.
finding-ldap-transport-fix = Choose LDAPS (the default) or StartTLS on "Connect your directories".
finding-ldap-transport-fix-cli = Use LDAPS (the default) or --starttls.
finding-samserver-read = { $name } cannot read the SAM server object
finding-samserver-read-detail = Writeback reads this object (NetUserGetInfo) and fails with access denied without List contents, Read all properties and Read permissions on it. Domains grant them to Authenticated Users or to Pre-Windows 2000 Compatible Access.
finding-samserver-read-fix = Grant { $name } (or Authenticated Users) List contents, Read all properties and Read permissions on CN=Server,CN=System.
finding-samserver-read-pre2000 = { $name } reads the SAM server object only through Pre-Windows 2000 Compatible Access
finding-samserver-read-pre2000-detail = Writeback reads CN=Server,CN=System; here only Pre-Windows 2000 Compatible Access gives the connector that read. Emptying that group, as security baselines ask, would break writeback.
finding-samserver-read-pre2000-fix = Before emptying the group, tick "Grant the connector alone read access on CN=Server,CN=System" on "Ready to configure": a narrow grant, with preview, backup and restore.
finding-samserver-read-pre2000-fix-cli = Before emptying the group, add the narrow grant: writeback-wizard plan --grant-samserver (preview, backup and restore like every change).
finding-pre2000-au = Authenticated Users is not in Pre-Windows 2000 Compatible Access
finding-pre2000-au-detail = Usually harmless; noted because some writeback failures trace back to it.
finding-pre2000-au-fix = No action unless writeback fails with access errors for some users.
finding-read-incomplete = Some of the directory could not be read with this account
finding-read-incomplete-detail = { $count } { $count ->
        [one] read
       *[other] reads
    } failed (listed as evidence). Without them the check cannot tell whether writeback works, so it never reports ready.
finding-read-incomplete-fix = Run the check as an account that can read security descriptors (a domain admin, or an account with Read permissions on the domain).
finding-read-incomplete-cloud = Some of the tenant could not be read
finding-read-incomplete-cloud-detail = Not read: { $unread }. Without it the cloud side cannot be judged, so the result is never reported as ready.
finding-read-incomplete-cloud-fix = Sign in with a Global Administrator and consent to the requested permissions.
finding-read-incomplete-sync = The sync server could not be read
finding-read-incomplete-sync-detail = { $reason }
finding-read-incomplete-sync-fix = Run in an elevated PowerShell session as a member of ADSyncAdmins.
finding-read-incomplete-cmdlet = { $cmdlet } failed on the sync server
finding-read-incomplete-cmdlet-fix = Run as a member of ADSyncAdmins, in an elevated PowerShell session.
finding-read-incomplete-agent-version = The version of the Cloud Sync provisioning agent could not be read
finding-read-incomplete-agent-version-fix = Look at the product version of AADConnectProvisioningAgent.exe in the agent's folder (Properties → Details); writeback needs 1.1.977.0 or later.
finding-agent-not-installed = The Cloud Sync provisioning agent is not installed on this computer
finding-agent-not-installed-detail = Cloud Sync's agent account serves writeback for this domain; the agent checks (version, service, the writeback switch) need to run on a server with the provisioning agent.
finding-agent-not-installed-fix = Run the check on a Cloud Sync agent server to include them.
finding-agent-too-old = The Cloud Sync provisioning agent is too old for password writeback
finding-agent-too-old-detail = It is version { $version }; password writeback needs { $minimum } or later.
finding-agent-too-old-fix = Update the provisioning agent (it updates itself when automatic upgrade is on; otherwise install the current version from the Entra admin center).
finding-agent-stopped = The Cloud Sync provisioning agent's service is not running
finding-agent-stopped-detail = Service AADConnectProvisioningAgent: { $status }. A stopped agent writes nothing back.
finding-agent-stopped-fix = Start the service "Microsoft Entra Connect Provisioning Agent" and check the agent's event log if it stops again.
finding-agent-writeback-unconfirmed = Whether Cloud Sync writeback is switched on cannot be read on the agent server
finding-agent-writeback-unconfirmed-detail = Microsoft documents a cmdlet that switches it on (Set-AADCloudSyncPasswordWritebackConfiguration) but none that reads it back.
finding-agent-writeback-unconfirmed-fix = Switch it on from "Ready to configure" (doing it again does no harm), and check "Write back passwords with Microsoft Entra Connect cloud sync" under Password reset → On-premises integration.
finding-agent-writeback-unconfirmed-fix-cli = Switch it on with writeback-wizard apply --enable-cloud-sync-writeback --hybrid-admin USER (doing it again does no harm), and check "Write back passwords with Microsoft Entra Connect cloud sync" under Password reset → On-premises integration.
error-ps-agent-missing = the Cloud Sync provisioning agent is not installed on this computer. Switch writeback on from a server with the agent.
error-ps-agent-too-old = the Cloud Sync provisioning agent is version { $version }; password writeback needs { $minimum } or later. Update the agent first.
finding-blocked-here = Writeback is blocked here ({ $id })
finding-blocked-here-detail = { $users ->
        [0] No user in scope is blocked by it today; users created or moved there would be.
        [one] 1 user in scope is blocked by it.
       *[other] { $users } users in scope are blocked by it.
    }
finding-blocked-here-fix = Look up this finding id under Help (writeback-wizard explain { $id }).
finding-cloud-license = No Microsoft Entra ID P1 or P2 licence is active in the tenant
finding-cloud-license-detail = Password writeback needs Entra ID P1 or P2. Subscribed: { $count ->
        [0] nothing
       *[other] { $subscribed }
    }.
finding-cloud-license-fix = Buy or start a trial of Entra ID P1/P2 (or Microsoft 365 Business Premium, E3, E5) and assign it to the users.
finding-cloud-role = { $upn } is not a Global Administrator
finding-cloud-role-detail = Its active directory roles: { $count ->
        [0] none
       *[other] { $roles }
    }. Turning on password writeback needs a Global Administrator. (Roles only eligible in PIM do not count until activated.)
finding-cloud-role-fix = Sign in with a Global Administrator, or activate the role in Privileged Identity Management first.
finding-cloud-role-hybrid = { $upn } is a Hybrid Identity Administrator, not a Global Administrator
finding-cloud-role-hybrid-detail = That is enough for Entra Connect's sign-in, but configuring password writeback still needs a Global Administrator.
finding-cloud-role-hybrid-fix = Sign in with a Global Administrator (a cloud-only account) for the writeback step.
finding-cloud-federated-admin = { $upn } signs in through a federated domain ({ $domain })
finding-cloud-federated-admin-detail = Enabling writeback with a federated admin account fails (event 32009: the service cannot get a token for it).
finding-cloud-federated-admin-fix = Use a cloud-only Global Administrator (…@<tenant>.onmicrosoft.com) for the writeback step.
finding-cloud-sync-disabled = Directory synchronization is not enabled in the tenant
finding-cloud-sync-disabled-detail = { $state ->
        [false] onPremisesSyncEnabled is false: the tenant was synchronized but no longer is.
       *[unset] onPremisesSyncEnabled is not set: the tenant has never been synchronized.
    }
finding-cloud-sync-disabled-fix = Install and run Entra Connect (or turn synchronization on again) before enabling writeback.
finding-cloud-sync-stale = The last directory sync was { $hours } hours ago
finding-cloud-sync-stale-detail = onPremisesLastSyncDateTime = { $last }. Sync normally runs every 30 minutes.
finding-cloud-sync-stale-fix = Check the sync server: the ADSync service, staging mode, and the scheduler (Get-ADSyncScheduler).
finding-cloud-sync-stale-unknown = The tenant reports no last sync time
finding-cloud-sync-stale-unknown-fix = Check that Entra Connect runs and exports.
finding-cloud-sync-features = Synchronization features on: { $on-count ->
        [0] none
       *[other] { $on }
    }
finding-cloud-sync-features-detail = Off: { $off-count ->
        [0] none
       *[other] { $off }
    }. (passwordWritebackEnabled is documented as not in use, so it is not shown; writeback is switched on on the sync server and in the password reset settings.)
finding-cloud-sync-features-fix = For information only.
finding-sync-not-installed = Entra Connect is not installed on this computer
finding-sync-not-installed-detail = Normal on a consultant's laptop: the sync-server checks (staging mode, the writeback switch, RestrictRemoteSam, TLS 1.2, outbound 443) need to run on the sync server.
finding-sync-not-installed-fix = Run the check on the Entra Connect server to include them.
finding-sync-staging-mode = This Entra Connect server is in staging mode
finding-sync-staging-mode-detail = A staging server does not export; password writeback is serviced by the active server.
finding-sync-staging-mode-fix = Enable writeback on the active Entra Connect server (or take this one out of staging mode).
finding-writeback-disabled = Password writeback is off on this sync server
finding-writeback-disabled-detail = Get-ADSyncAADPasswordResetConfiguration -Connector '{ $connector }' says it is not enabled.
finding-writeback-disabled-fix = Switch it on: "Ready to configure" offers it on the sync server (or Connect: Optional features → Password writeback).
finding-writeback-disabled-fix-cli = Enable it: writeback-wizard apply --enable-writeback (or Connect: Optional features → Password writeback).
finding-writeback-disabled-no-connector = No Entra connector was found on this server
finding-writeback-disabled-no-connector-fix = Run the Entra Connect wizard to connect to Microsoft Entra ID first.
finding-restrict-remote-sam = RestrictRemoteSam is set on this server
finding-restrict-remote-sam-detail = "Network access: Restrict clients allowed to make remote calls to SAM" = { $value }. It blocks writeback (SSPR_0029, events 33004 and 6329), and stays in the registry after the policy is removed.
finding-restrict-remote-sam-fix = Allow the AD DS connector account in the policy, or undefine the policy and delete the RestrictRemoteSam value.
finding-outbound-blocked = The sync server cannot reach { $target }
finding-outbound-blocked-detail = Writeback needs outbound HTTPS (TCP 443) to the password reset service.
finding-outbound-blocked-fix = Allow outbound TCP 443 to the password reset and Service Bus endpoints in the firewall and proxy.
finding-tls12-disabled = TLS 1.2 is not enforced for .NET on this server
finding-tls12-disabled-fix = Set the four .NET values to 1 (and TLS 1.2 Client Enabled=1, DisabledByDefault=0), then restart the server.
finding-pilot-user-blocked = Writeback will not work for { $name }
finding-pilot-user-blocked-detail = Reasons: { $reasons }.
finding-pilot-user-blocked-fix = Fix the reasons (Configure fixes the rights and policies), or take the user out of the pilot.
finding-pilot-user-blocked-fix-cli = Fix the reasons (writeback-wizard plan fixes the rights and policies), or take the user out of the pilot.
finding-pilot-not-registered = Pilot user has not registered for self-service password reset
finding-pilot-not-registered-fix = Ask the user to register at https://aka.ms/ssprsetup before the pilot.
finding-pilot-not-synced = Pilot user is not synchronized to Entra ID
finding-pilot-not-synced-fix = Bring the user's OU into the sync scope and let Entra Connect export it.
finding-pilot-no-license = Pilot user has no Entra ID P1/P2 service plan assigned
finding-pilot-no-license-fix = Assign a licence that includes Entra ID P1 or P2.
finding-pilot-admin = Pilot user is an administrator: the two-gate SSPR policy for administrators applies
finding-pilot-admin-detail = Administrators need two methods and cannot use security questions; their own policy is not the one you configure for users.
finding-pilot-admin-fix = Test self-service password reset with a normal user too.

## Finding values in words
words-day = { $n ->
        [one] 1 day
       *[other] { $n } days
    }
words-hour = { $n ->
        [one] 1 hour
       *[other] { $n } hours
    }
words-minute = { $n ->
        [one] 1 minute
       *[other] { $n } minutes
    }
words-user = { $n ->
        [one] 1 user
       *[other] { $n } users
    }
words-under-a-minute = less than a minute
words-the-connector = the connector
right-reset-password = Reset Password
right-write-pwdlastset = write pwdLastSet
right-write-lockouttime = write lockoutTime
severity-error = error
severity-warning = warning
severity-info = info

## Reports (check's text, Markdown, HTML and JSON)
report-title = Password writeback readiness — { $domain }
report-directories-title = Password writeback readiness — several directories
report-directory-heading = Directory: { $label }
report-directory-failed = this directory could not be checked: { $reason }
report-directories-verdict = { $count ->
    [one] { $ready } of 1 directory ready
   *[other] { $ready } of { $count } directories ready
}
report-readiness = ready for { $ready } of { $users ->
        [one] 1 user
       *[other] { $users } users
    } ({ $excluded ->
        [one] 1 protected administrator
       *[other] { $excluded } protected administrators
    } excluded by design, { $blocked } blocked)
report-verdict-ready = READY: { $readiness }.
report-verdict-not-ready = NOT READY: { $errors } error(s), { $warnings } warning(s); { $readiness }.
report-domain = domain
report-checked-on = checked on
report-checked-at = checked { $time } on { $dc }
report-pdc = PDC
report-connector = connector
report-connector-unknown = (not determined)
report-connector-account = Connector account
report-scope = scope
report-scope-heading = Scope
report-no-problems = no problems found
report-evidence = evidence
report-fix = fix
report-users = Users
report-more-blocked = … and { $n } more (the JSON, CSV and HTML exports list all)
report-more-blocked-cli = … and { $n } more (use --format json or csv for the full list)
report-excluded-one = protected administrator, excluded by design
report-more-excluded = … and { $n } more protected administrators
report-more-not-synced = … and { $n } more accounts the sync engine leaves out
report-excluded-heading = Protected administrators, excluded by design
report-reason-here = { $id } on this user
report-reason-at = { $id } at { $object }
report-pilot-members = Pilot group { $group }: { $n } member(s)
report-pilot-group = Pilot group { $group }
report-pilot-ready = ready
report-pilot-blocked = blocked
report-pilot-unknown = unknown
report-pilot-not-synchronized = not synced
report-col-object = object
report-col-finding = finding
report-col-user = user
report-col-verdict = verdict
report-col-reasons = reasons
report-col-synced = synced
report-col-licensed = licensed
report-col-sspr = SSPR registered
report-col-admin = admin
report-col-predicted = predicted error
report-yes = yes
report-no = no

## Errors of the engine, with the next step (-cli: the command line's, naming its flags)
error-ad-ca-file = cannot read the CA file { $path }: { $reason }. Give a PEM file with the CA certificate(s).
error-ad-bad-url = "{ $server }" is not a usable LDAP address: { $reason }. Give a host name, or ldaps://host[:port].
error-ad-unknown-host = cannot find the host of { $server }: { $reason }. Check the name, or give the DC's address.
error-ad-refused = nothing accepts connections at { $server } (connection refused). Check the host and the port: LDAPS is 636, LDAP and StartTLS 389.
error-ad-connect = cannot connect to { $server }: { $reason }
error-ad-timeout = { $server } did not answer within { $seconds } s. Check the host, the port and any firewall.
error-ad-timeout-cli = { $server } did not answer within { $seconds } s. Check the host, the port and any firewall, or raise --timeout.
error-ad-untrusted-certificate = the certificate of { $server } is not trusted ({ $reason }). If the domain uses its own certificate authority, choose its CA certificate with "Choose CA file…" and test again.
error-ad-untrusted-certificate-cli = the certificate of { $server } is not trusted ({ $reason }). If the domain uses its own certificate authority, pass its certificate with --ca-file CA.pem.
error-ad-certificate-name = the certificate of { $server } does not carry that name ({ $reason }). Connect with a name the certificate lists, usually the DC's full DNS name.
error-ad-certificate-expired = the certificate of { $server } has expired or is not yet valid ({ $reason }). Renew the DC's certificate.
error-ad-tls = TLS with { $server } failed: { $reason }
error-ad-starttls-refused = { $server } refused StartTLS ({ $reason }): it has no certificate for LDAP or does not offer StartTLS. No password was sent. Use LDAPS (port 636) if the DC has a certificate, or give the DC one.
error-ad-connection-lost = the connection to { $server } was lost during the { $op } ({ $reason }); the run stopped there and gives no verdict. Check the network (VPN, firewall idle timeouts) and run again; after an interrupted change, restore from its backup.
error-ad-encryption-required = { $server } requires an encrypted connection for this sign-in (LDAP 8: { $text }). Choose LDAPS or StartTLS on "Connect your directories".
error-ad-encryption-required-cli = { $server } requires an encrypted connection for this sign-in (LDAP 8: { $text }). Use LDAPS (the default) or --starttls.
error-ad-plaintext-refused = refusing to send a password over the unencrypted connection to { $server }. Choose LDAPS or StartTLS on "Connect your directories".
error-ad-plaintext-refused-cli = refusing to send a password over the unencrypted connection to { $server }. Use LDAPS (the default) or --starttls; or add --plaintext-password if you really mean it.
error-ad-bad-credentials = { $server } rejected the password for { $user }{ $detail }. Check the user name (user@domain or DOMAIN\user) and the password.
error-ad-account = { $server } refused the sign-in of { $user }: { $reason }.
error-ad-kerberos = Kerberos sign-in to { $server } failed: { $reason }. On Linux run kinit first (and check KRB5_CONFIG); on Windows sign in with a domain account.
error-ad-kerberos-unavailable = this build has no Kerberos support. Sign in with a user name and a password.
error-ad-kerberos-unavailable-cli = this build has no Kerberos support. Build with `--features kerberos`, or sign in with --user and a password.
error-ad-bind = sign-in as { $user } failed: LDAP { $code } ({ $text })
error-ad-not-ad = { $server } answers LDAP but is not Active Directory: { $reason }. Enter a domain controller on "Connect your directories".
error-ad-not-ad-cli = { $server } answers LDAP but is not Active Directory: { $reason }. Point --server at a domain controller.
error-ad-operation = { $op } on { $dn } failed: LDAP { $code } ({ $text })
error-ad-malformed = { $op } on { $dn }: { $reason }
error-ad-protocol = LDAP protocol error during { $op }: { $reason }
error-scope-not-found = the scope "{ $scope }" does not exist in the directory. Choose an OU or container on "Domain and OU filtering".
error-scope-not-found-cli = the scope "{ $scope }" does not exist in the directory. Give the DN of an OU or container, e.g. --scope "OU=Staff,DC=corp,DC=example,DC=com".
error-scope-outside-domain = the scope "{ $scope }" is not in the domain { $domain }. Give a DN that ends with the domain's DN.
error-connector-not-found-cli = no account matches --connector "{ $name }". Give its sAMAccountName (often MSOL_…; for Cloud Sync its gMSA, often provAgentgMSA$), its UPN, its SID or its DN.
error-connector-ambiguous = "{ $name }" matches several accounts: { $candidates }. Give the DN of the one Entra Connect uses on "Connect your directories".
error-connector-ambiguous-cli = --connector "{ $name }" matches several accounts: { $candidates }. Give the DN of the one Entra Connect uses.
error-plan-unknown-pso = no fine-grained password policy is named "{ $name }". Names in this domain: { $names }.
error-plan-no-connector = there is no connector account to grant rights to: the check found no single one. Enter it on "Connect your directories".
error-plan-no-connector-cli = there is no connector account to grant rights to: the check found no single one. Give it with --connector.
error-plan-unreadable = the DACL of { $dn } could not be read, so no change to it can be planned. Run as an account that can read it.
error-plan-no-dacl = { $dn } has no DACL (a NULL DACL gives everyone full control). Adding the connector's ACEs would take every other right away, so nothing is planned there: give the object a proper DACL first (e.g. reset it to the default in Active Directory Users and Computers).
error-plan-too-large = the DACL of { $dn } would be { $size } bytes with the connector's ACEs, more than the 64 KiB a DACL may hold. Remove ACEs that are no longer needed there, then plan again.

## Why a plan leaves a blocker (-cli: the command line's next step)
notfixed-deny = an explicit deny decides before any grant; remove or narrow it by hand
notfixed-unexpire-deny = a deny refuses Unexpire Password on the domain; remove it by hand
notfixed-min-age-kept = the domain's minimum password age stays (tick "Set the domain's minimum password age to 0")
notfixed-min-age-kept-cli = the domain's minimum password age stays (add --min-password-age-zero)
notfixed-pso-kept = the minimum age of password policy { $name } stays (tick it under Options)
notfixed-pso-kept-cli = the password policy's minimum age stays (add --fix-pso "{ $name }")
notfixed-unreadable = part of the directory could not be read; run as an account that can read it
notfixed-samserver = a deny refuses the connector read access on CN=Server,CN=System; remove or narrow it by hand
notfixed-protected-containers-off = inheritance is disabled here (tick "Also grant on OUs where inheritance is disabled")
notfixed-protected-containers-off-cli = inheritance is disabled here and --no-protected-containers was given
notfixed-protected-users-off = the user's inheritance is disabled and the plan does not grant on such users
notfixed-protected-users-off-cli = the user's inheritance is disabled and --no-protected-users was given
notfixed-stale-admincount-off = adminCount stays (tick "Clear adminCount" under Options)
notfixed-stale-admincount-off-cli = add --clear-stale-admincount (or leave out --no-protected-users)
notfixed-classes-left-out = { $classes } objects are left out of the plan (inetOrgPerson objects: { $mode })
notfixed-classes-left-out-cli = { $classes } objects are left out of the plan (--inetorgperson { $mode })
notfixed-own-dacl = this user's own DACL lacks the right although the grants above it would give it; look at its explicit ACEs
notfixed-other = the plan has no change that fixes it

## Errors of apply and restore (-cli: the command line's next step)
error-backup-other-domain = the backup file { $path } was made for domain { $backup }, but this is { $domain }; nothing was written. Sign in to the domain the backup was made in.
error-backup-other-domain-cli = the backup file { $path } was made for domain { $backup }, but this is { $domain }; nothing was written. Give a DC of the backup's domain with --server.
error-backup-changed-since = { $dn } ({ $attribute }) changed since apply wrote it, so its whole original value is not put back (that would undo someone else's change); nothing was written. Restore the changes alone instead.
error-backup-changed-since-cli = { $dn } ({ $attribute }) changed since apply wrote it, so its whole original value is not put back (that would undo someone else's change); nothing was written. Restore without --whole, or add --force.
error-backup-restore = restoring { $dn }: { $reason }
error-apply-changed = { $dn } changed since the plan was made ({ $what }); stopped after { $written } change(s). Go back to "Ready to configure" to plan again from the current values, then restore from the backup if needed.
error-apply-changed-cli = { $dn } changed since the plan was made ({ $what }); stopped after { $written } change(s). Run plan again, or apply with --replan to add the planned entries to its current value.

## Plans (plan and apply on the command line; the changes and warnings on "Ready to configure")
plan-heading = Plan for { $domain } (read from { $from })
plan-read-from-pdc = { $dc }, PDC emulator { $pdc }
plan-connector = Connector
plan-nothing = Nothing to change.
plan-before = before
plan-after = after
plan-warning = WARNING
plan-not-fixed = Not fixed by this plan
plan-not-fixed-heading = Not fixed by this plan ({ $n }): a check after applying it reports exactly these.
plan-not-fixed-line = { $id } on { $object }: { $reason }{ $users ->
        [0] {""}
        [one] {" "}(1 user stays blocked)
       *[other] {" "}({ $users } users stay blocked)
    }
change-grant-root = Let { $name } reset passwords and write pwdLastSet and lockoutTime on descendant { $classes } objects of the domain{ $unexpire ->
        [yes] , and clear the password-expired state (Unexpire Password)
       *[no] {""}
    }.
change-grant-protected = Grant { $name } the writeback rights on this { $class } too: its inheritance is disabled, so the grant at the domain root does not reach the users below it.
change-grant-below = Grant { $name } the writeback rights here: the grants above do not reach the users below this { $class }.
change-grant-user = Grant { $name } the writeback rights on this user: its inheritance is disabled and it is not a protected administrator.
change-grant-adminsdholder = Grant the writeback rights on AdminSDHolder, so SDProp copies them onto protected accounts (not recommended).
change-min-age-domain = Set the domain's minimum password age to 0.
change-min-age-pso = Set the minimum password age of the password policy { $name } to 0.
change-clear-admincount = Clear adminCount: the account is no longer in any protected group.
change-enable-inheritance = Enable inheritance again, so the rights granted higher up reach this account.
plan-warning-adminsdholder = NOT RECOMMENDED: granting on AdminSDHolder lets the connector reset the passwords of every protected account (domain admins included) once SDProp runs.
plan-warning-gpo-min-age = Group Policy sets the domain's password policy: unless "Minimum password age" is 0 in the GPO linked at the domain root ({ $gpos }), the next policy refresh sets minPwdAge back.
plan-warning-gpo-min-age-unnamed = Group Policy sets the domain's password policy: unless "Minimum password age" is 0 in the GPO that sets the domain password policy, the next policy refresh sets minPwdAge back.
restore-already = already as before apply
restore-whole = the whole value before apply
restore-nothing-left = nothing apply added is left
restore-remove-added = remove what apply added
restore-remove-added-keep = remove what apply added; changes made since are kept
restore-put-back = put back the value before apply
restore-changed-since = changed since apply (now { $now }); left as it is
restore-step-restored = restored: { $dn } ({ $attribute }): { $note }
restore-step-unchanged = unchanged: { $dn } ({ $attribute }): { $note }
change-grant-root-unexpire = Let { $name } clear the password-expired state (Unexpire Password) on the domain.
change-grant-scope = Let { $name } reset passwords and write pwdLastSet and lockoutTime on descendant { $classes } objects of this { $class } of the sync scope (and nowhere else).
plan-warning-grant-at-scope = The rights are granted only on the OUs of the sync scope: users in OUs created or moved outside them later are not written back until a plan grants there too.
plan-reach = Blast radius: the grants reach { $users ->
        [one] 1 user account
       *[other] { $users } user accounts
    }; { $privileged } of them { $privileged ->
        [one] is
       *[other] are
    } marked privileged (adminCount=1, protected by AdminSDHolder unless that is granted too).
change-grant-samserver = Let the connector alone read the SAM server object (List contents, Read all properties, Read permissions), which writeback reads; Pre-Windows 2000 Compatible Access is then not needed for it.
report-engine-connect-sync = Entra Connect Sync
report-engine-cloud-sync = Entra Cloud Sync
error-apply-write = writing { $dn } failed after { $written } change(s): { $reason }

## Errors of plan files, backups, apply and profiles
error-plan-file-checksum = the plan file was changed or damaged after it was written (its checksum does not match); nothing was written. Make a new plan.
error-plan-file-schema = the plan file has schema { $found }, this version reads schema { $expected }; nothing was written. Make a new plan with this version.
error-plan-file-shape = the plan file asks for a change this tool never plans, so it is refused and nothing was written: { $reason }
error-backup-read = cannot read the backup file { $path }: { $reason }. Choose the backup that apply wrote.
error-backup-read-cli = cannot read the backup file { $path }: { $reason }. Give the backup that apply wrote with --backup.
error-backup-damaged = the backup file { $path } is damaged, truncated or was edited ({ $reason }); nothing was written
error-backup-write = cannot write the backup file { $path }: { $reason }. Nothing was changed in the directory. Choose another location for the backup.
error-backup-write-cli = cannot write the backup file { $path }: { $reason }. Nothing was changed in the directory. Give another location with --backup.
error-backup-exists = the backup file { $path } already exists; choose a new name so no backup is overwritten
error-backup-verify = after restoring { $dn }, the directory holds something else than planned: { $detail }
error-apply-other-domain = the plan was made for domain { $plan }, but this is { $domain }; nothing was written. Sign in to the domain the plan was made for.
error-apply-wrong-object = the plan changes { $dn } as { $expected }, but it is { $found } in the directory; nothing was written. Make a new plan.
target-domain = the domain object
target-user = a user
target-password-settings = a password policy
target-container = a container
target-sam-server = the SAM server object
apply-what-dacl = the permissions (DACL)
error-apply-not-permitted = the signed-in account may not change { $what } of { $dn }; nothing was written. Sign in as an account that may (usually a domain admin).
error-apply-concurrent = { $change }; stopped after { $written } change(s). Nothing of that other change was overwritten unseen.
error-apply-not-stale = { $dn } is in a protected group again (or its groups cannot be read), so its adminCount is not stale any more; stopped after { $written } change(s) without clearing it. Check again and make a new plan.
error-apply-bad-plan = the plan is damaged ({ $reason }); nothing more was written. Make a new plan.
error-apply-verify = after writing { $dn }, the directory does not hold what was written ({ $detail }); stopped after { $written } change(s). Restore from the backup.
error-apply-cancelled = cancelled after { $written } change(s); the backup holds every original value
error-profile-read = cannot read the profile { $path }: { $reason }
error-profile-format = { $path } is not a Writeback Wizard profile: { $reason }
error-profile-write = cannot write the profile { $path }: { $reason }. Choose another location.

## Errors of the sign-in, Microsoft Graph, the pilot group and PowerShell
error-auth-network = cannot reach the sign-in service at { $url }: { $reason }. Check the network, a proxy, and the cloud chosen for the tenant.
error-auth-bad-response = the sign-in service answered something unexpected ({ $reason })
error-auth-refused = the sign-in was refused: { $error }: { $description }
error-auth-declined = the sign-in was declined in the browser or on the device
error-auth-expired = the device code expired before the sign-in was completed; start again
error-auth-timeout = no sign-in arrived on the loopback redirect within { $seconds } s. Try again, or sign in with a device code.
error-auth-timeout-cli = no sign-in arrived on the loopback redirect within { $seconds } s. Try again, or add --device-code.
error-auth-loopback = the loopback redirect could not be set up: { $reason }. Sign in with a device code instead.
error-auth-loopback-cli = the loopback redirect could not be set up: { $reason }. Add --device-code instead.
error-auth-no-refresh-token = the session expired and there is no refresh token: sign in again
error-auth-session-expired = the sign-in was refused because the session is no longer valid ({ $reason }): sign in again
error-graph-network = cannot reach Microsoft Graph at { $url }: { $reason }. Check the network, a proxy, and the cloud chosen for the tenant.
error-graph-unauthorized = Microsoft Graph no longer accepts the sign-in (401): sign in again
error-graph-forbidden = Microsoft Graph refused { $path } (403 { $code }): { $message }. It needs { $needs }.
error-graph-not-found = { $path } was not found (404)
error-graph-throttled = Microsoft Graph is busy or failing (HTTP { $status }) and still was after { $retries } retries: try again in a few minutes
error-graph-http = Microsoft Graph answered { $path } with HTTP { $status }: { $message }
error-graph-malformed = Microsoft Graph answered { $path } with something unexpected: { $reason }
error-endpoint = { $which } "{ $url }" is not usable: { $reason }
endpoint-authority = the authority URL
endpoint-graph = the Graph URL
endpoint-not-a-url = it is not a URL ({ $reason })
endpoint-plain-http = plain http is allowed only on a loopback address; use https
endpoint-scheme = the scheme { $scheme } is not https
endpoint-query = give a base URL without query or fragment
error-pilot-group-not-found = no AD group matches "{ $name }": give its DN or its sAMAccountName
error-pilot-group-ambiguous = "{ $name }" matches several AD groups ({ $candidates }): give the DN
error-pilot-user-ambiguous = "{ $name }" matches several users ({ $candidates }): give the DN
error-pilot-entra-group-ambiguous = several Entra groups are named "{ $name }": give the group's object ID
pilot-unknown-cloud-account = cloud account: { $reason }
pilot-unknown-licence = licence: { $reason }
pilot-unknown-registration = SSPR registration: { $reason }
pilot-unknown-cloud-not-checked = the cloud was not checked (no sign-in to Entra ID)
pilot-unknown-no-object-guid = the AD account has no objectGUID, so its synced user cannot be found
error-pilot-cloud = reading the Entra group failed: { $reason }
error-read-no-organization = Microsoft Graph answered without an organization object.
error-read-no-upn-domain = The signed-in user's name has no domain part, so its domain could not be read.
error-read-no-sync-settings = Microsoft Graph answered without the tenant's synchronization settings.
error-read-sync-settings = The tenant's synchronization settings could not be read: { $reason }
error-ps-not-found = PowerShell is not available here ({ $reason }): this is not a Windows sync server
error-ps-timeout = PowerShell did not finish within { $seconds } s. Run again; if it keeps happening, check the server's load.
error-ps-cmdlet = { $cmdlet } failed: { $message }
error-ps-failed = PowerShell failed (exit { $code }): { $stderr }
error-ps-empty = PowerShell ran but printed nothing: this is not a full Windows PowerShell (or its output is blocked)
error-ps-output = PowerShell answered something unexpected: { $reason }
error-ps-staging-mode = this sync server is in staging mode: it does not export, so writeback must be switched on on the active server
error-ps-no-entra-connector = no Entra connector was found on this server: finish the Entra Connect set-up first
error-ps-still-off = { $cmdlet } ran, but reading it back says writeback is still off. Check the sync server's event log (source ADSync) and try again.

## The command line's own messages (cli-…): never shown by the wizard, so they may name flags
cli-no-wizard = this build has no wizard (built without the `gui` feature). Run `writeback-wizard --help` for the command line, or build with default features: `cargo build --release`
cli-writing-plan = writing the plan to { $path }
cli-not-a-terminal = not a terminal, so nothing can be confirmed: add --yes to proceed
cli-reading-plan = reading the plan { $path }
cli-not-a-plan = { $path } is not a plan written by `plan --format json`
cli-undo-hint = { $written } change(s) had been written; to undo them: { $command }
cli-no-server = no --server given and this machine is not in a domain. Give the domain controller with --server dc1.corp.example.com
cli-password-env-unset = --password-env { $var }: the variable is not set
cli-reading-password = reading the password
cli-no-password = no password: give --password-env VAR or --password-file PATH (passwords are never taken as arguments)
cli-password-file = --password-file { $path }
cli-password-file-not-utf8 = --password-file { $path }: the file is not UTF-8 text. Save it as UTF-8 (the password itself may contain any characters).
cli-password-file-empty = --password-file { $path }: the first line is empty
cli-no-user = no --user: give the account to sign in with, e.g. --user admin@corp.example.com, or use --kerberos
cli-device-code-sign-in = device code sign-in
cli-browser-sign-in = browser sign-in
error-not-sync-server-cli = Entra Connect is not installed on this computer: run apply --enable-writeback on the sync server
cli-writing-pilot = writing the pilot table to { $path }
cli-writing-report = writing the report to { $path }
cli-reading-stdin = reading standard input
cli-verify-signed-in = Signed in as { $user }, on { $dn }:
cli-verify-works = works
cli-verify-refused = refused: LDAP { $code } ({ $text })
cli-verify-all = The connector can write back passwords for this user. (Its password is now random.)
cli-verify-not = The connector can NOT write back passwords for this user.
cli-nothing-to-change = Nothing to change in the directory.
cli-apply-preview = Plan for { $domain } (connector { $name }, { $sid }, { $dn }), as it applies to the directory now:
cli-apply-confirm = Apply { $count } change(s)?
cli-plan-file-options = --plan applies the options the plan was made with; of the plan options only --include-adminsdholder may be given with it (to consent to that part now). Make a new plan to change them.
cli-apply-file-dc = The plan file was made at { $dc } (PDC emulator { $pdc }); that is only compared: the directory was read now at { $now }.
cli-apply-changed-since = Changed in the directory since the plan file was made (the values now are used):
cli-apply-not-in-file = Also needed now but not in the plan file (not written; make a new plan to include it):
cli-apply-in-place = In the plan file and already in the directory (nothing to write):
cli-restore-run-not-authenticated = Note: the run file is not authenticated as one this tool wrote on this computer ({ $why }). Each backup it lists is checked on its own.
cli-restore-not-authenticated = Note: the backup { $path } is not authenticated as one this tool wrote on this computer ({ $why }): only the tool's own grants are taken back from it, and --whole is refused.
cli-nothing-changed = Nothing was changed.
cli-apply-backed-up = backup of { $count } original value(s) written to { $path }
cli-apply-writing = writing { $dn }
cli-apply-verified = verified { $dn }
cli-apply-already = already as planned: { $dn }
cli-apply-done = Done: { $count } change(s) written and verified.
    Backup: { $backup }
    To undo: { $command }
cli-plan-written = plan written to { $path } ({ $count } change(s))
cli-nothing-to-write = Nothing to write.
cli-restore-backup = Backup of { $domain } ({ $sid }) for the connector { $name } ({ $connector }), made { $time } on { $dc }: { $count } value(s).
cli-restore-confirm = Write these { $count } value(s)?
cli-restore-done = Restored { $restored } value(s), { $unchanged } already as before apply; all verified.
cli-restore-done-kept = Restored { $restored } value(s), { $unchanged } already as before apply, { $kept } changed since by someone else and kept; all verified.
cli-tls-skip-verify = WARNING: --tls-skip-verify: the server's certificate is NOT checked. Anyone between you and { $server } can read the password. Use --ca-file instead.
cli-pdc-connected = connected to the PDC emulator { $pdc }
cli-pdc-unreachable = WARNING: cannot reach the PDC emulator { $pdc } ({ $reason }); applying on { $server } instead
cli-public-client = Signing in with the public client of Microsoft Graph Command Line Tools ({ $id }); use --client-id for your own app.
cli-device-code = To sign in, open { $uri } and enter the code { $code }
cli-open-address = Open this address in a browser to sign in:
cli-waiting-browser = Waiting for the sign-in in the browser (or use --device-code)…
cli-writeback-already-on = Password writeback is already enabled on this sync server.
cli-writeback-now-on = Password writeback is now enabled on this sync server (read back and verified).
cli-hybrid-admin-password = Password for { $user } (Hybrid Identity Administrator):{" "}
cli-no-hybrid-admin-password = no password for --hybrid-admin: give --hybrid-admin-password-env VAR, or run in a terminal to be asked
cli-cloud-sync-writeback-on = Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true ran without an error. Microsoft documents no way to read the switch back: check "Write back passwords with Microsoft Entra Connect cloud sync" under Password reset → On-premises integration.
cli-profile-target = --connector and --scope name one directory; with --profile each directory has its own (connector, scopes) in the profile
cli-profile-empty = the profile { $path } names no directory: give its "server" (and more under "directories")
error-baseline-syntax = the baseline file is not a baseline of this tool: { $reason }
error-baseline-version = the baseline file is version { $version }; this version of the tool reads version 1: save a new baseline
error-baseline-version-cli = the baseline file is version { $version }; this version of the tool reads version 1: save a new baseline with check --save-baseline
error-baseline-not-sealed = the baseline file was changed after it was saved, or saved by another user or on another computer, so it is not compared: save a new one
error-baseline-not-sealed-cli = the baseline file was changed after it was saved, or saved by another user or on another computer, so it is not compared: save a new one with check --save-baseline
error-baseline-other-domain = the baseline is of { $then }, not of { $now }: give the baseline of this domain
error-baseline-not-in-set = the baseline file holds no baseline of { $now }: save the baselines of this profile again
error-baseline-not-in-set-cli = the baseline file holds no baseline of { $now }: save the baselines of this profile again with check --profile … --save-baseline
error-baseline-write = writing the baseline { $path } failed: { $reason }
error-baseline-read = reading the baseline { $path } failed: { $reason }
error-baseline-none-saved = no configuration of this domain was saved on this computer yet: Configure saves one ({ $path })
watch-started = Watching { $label } for drift since the baseline of { $time }: { $how }. Ctrl+C stops.
watch-how-notifications = on the DC's change notifications, and at least every { $seconds } s
watch-how-timer = every { $seconds } s
watch-no-notifications = { $label }: the DC offers no change notifications: checking every { $seconds } s.
watch-notifications-ended = { $label }: the change notifications stopped ({ $reason }): checking every { $seconds } s.
watch-event = { $time }, { $label }:
watch-check-failed = { $time }, { $label }: the check failed, the watch goes on: { $reason }
watch-stopped = Stopped.
cli-baseline-saved = Baseline saved to { $path }.
cli-baseline-not-taken = No baseline of { $label }: { $reason }
cli-baseline-none-taken = no directory of the profile could be checked, so no baseline was saved
cli-drift-directory = ── { $label } ──
cli-drift-not-compared = Not compared: { $reason }
cli-baseline-after-apply = Baseline of { $label } saved to { $path }: compare with it later with check --baseline { $path }.
cli-baseline-after-apply-failed = The baseline of { $label } could not be taken ({ $reason }); the changes are made. Take one with check --save-baseline.
cli-baseline-reading = reading the baseline { $path }
cli-baseline-writing = writing the baseline { $path }
drift-none = No drift since the baseline of { $time } (DC { $dc }): what decides writeback is as it was.
drift-title = Drift since the baseline
drift-heading = Drift since the baseline of { $time } (DC { $dc }):
drift-cause-new = + { $cause }: new, blocks { $users } now
drift-cause-gone = − { $cause }: gone (it blocked { $users } then)
drift-setting = ~ { $what }: { $then } → { $now }
drift-ace-added = + ACE at { $object }: { $ace }
drift-ace-removed = − ACE at { $object }: { $ace }
drift-inheritance = ~ { $object }: { $then } → { $now }
words-inherits = inherits from above
words-inheritance-cut = inheritance cut (protected)
drift-change = @ { $object }: { $attribute } changed on { $time } at { $dc } (version { $then } → { $now }); { $blocked } blocked since, { $unblocked } unblocked
drift-change-unwatched = @ { $object }: { $attribute } last changed on { $time } at { $dc } (version { $now }; the baseline did not watch it); { $blocked } blocked since, { $unblocked } unblocked
drift-change-older = @ { $object }: { $attribute } last changed on { $time } at { $dc } (version { $now }), before the baseline; { $blocked } blocked since, { $unblocked } unblocked
drift-newly-blocked = { $n ->
        [one] 1 user blocked since the baseline:
       *[other] { $n } users blocked since the baseline:
    }
drift-older = (every cause already there at the baseline)
drift-more-reasons = { $n ->
        [one] 1 user blocked then is blocked for new reasons too (fixing what blocked it then is no longer enough):
       *[other] { $n } users blocked then are blocked for new reasons too (fixing what blocked them then is no longer enough):
    }
drift-unblocked = { $n ->
        [one] 1 user is no longer blocked.
       *[other] { $n } users are no longer blocked.
    }
drift-newly-excluded = { $n ->
        [one] 1 user became a protected administrator (adminCount=1, excluded by design):
       *[other] { $n } users became protected administrators (adminCount=1, excluded by design):
    }
drift-no-longer-excluded = { $n ->
        [one] 1 user is no longer a protected administrator.
       *[other] { $n } users are no longer protected administrators.
    }
drift-joined-protected = { $n ->
        [one] 1 user joined
       *[other] { $n } users joined
    } a protected group (Domain Admins, Administrators, the operators …): on Windows, SDProp protects such users within the hour (adminCount=1, inheritance off) and writeback then excludes them by design. The directory keeps no time for a group membership that this tool can read:
drift-left-protected = { $n ->
        [one] 1 user left every protected group.
       *[other] { $n } users left every protected group.
    }
drift-more = … and { $n } more
drift-more-cli = … and { $n } more (--format json lists all)
cli-user-not-found = no user matches "{ $name }" (sAMAccountName, userPrincipalName or DN) in { $directories }
cli-profile-no-user = the directory { $server } in the profile has no "user" (or "windows_credentials": true)
cli-profile-no-password = no password for { $user } on { $server }: give the name of an environment variable as its "password_env" in the profile, or run in a terminal to be asked
cli-directory-done = { $label }: checked
cli-directory-scanned = { $label }: { $count } users scanned
cli-profile-plan-file = --plan holds one directory's plan; with --profile each directory is planned afresh
cli-prompt-server = Domain controller (host name):{" "}
cli-prompt-password = Password for { $user }:{" "}
cli-prompt-directory-password = Password for { $user } ({ $server }):{" "}
cli-prompt-paste = Paste the input, then press Ctrl-D:
cli-confirm-choices = [y/N]
cli-confirm-yes-words = y, yes
cli-verify-kerberos = (Kerberos)
cli-assets-creating = creating { $path }
cli-assets-man = writing the man pages to { $path }
cli-assets-completions = writing the { $shell } completions
cli-assets-written = man pages in { $man }, completions in { $completions }
cli-report-written-ready = report written to { $path } (ready)
cli-report-written-not-ready = report written to { $path } (not ready)
cli-error = error: { $reason }

## The user scan's progress (command line and wizard)
scan-pace = { $scanned } users scanned
scan-pace-rate = { $scanned } users scanned, { $rate } a second
scan-pace-eta = { $scanned } of { $expected } users scanned, { $rate } a second, about { $left } left
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min { $seconds } s

## The write path: files are requests, compared with the directory (-cli: the command line's next step)
error-backup-not-authenticated = the backup file { $path } is not authenticated as one this tool wrote on this computer ({ $why }), so no whole value is written back from it; nothing was written. A plain restore still takes back the tool's own grants.
error-backup-not-authenticated-cli = the backup file { $path } is not authenticated as one this tool wrote on this computer ({ $why }), so no whole value is written back from it; nothing was written. Restore without --whole: that takes back the tool's own grants only.
error-backup-other-connector = the backup file { $path } was made for the connector { $backup }, but the connector here is { $connector }; nothing was written. Restore with the connector the backup was made for.
error-backup-other-connector-cli = the backup file { $path } was made for the connector { $backup }, but the connector here is { $connector }; nothing was written. Name the connector the backup was made for with --connector.
error-backup-outside-domain = the backup file { $path } names { $dn }, which is not an object of the domain { $domain } (the configuration, schema and application partitions are not part of it); nothing was written
error-backup-raced = The restore stopped after { $restored } value(s), this one included.
error-race-overwritten = Another write to { $dn } ({ $attribute }) landed between the tool's last read and its write (version { $before } → { $after }). The tool's write replaced it: whatever that other write changed is lost. Find out who changed it (the DC's replication metadata says when) and make that change again if it is still wanted. The value now, against the backup's value before apply:
error-race-kept = Another write to { $dn } ({ $attribute }) landed right after the tool's write (version { $before } → { $after }). It is kept: the value now is not exactly what the tool wrote. Check it. The value now, against the backup's value before apply:
error-apply-outside-domain = the plan changes { $dn }, which is not an object of the domain { $domain } (the configuration, schema and application partitions are not part of it); nothing was written
error-apply-raced = Stopped after { $written } change(s), this one included; the backup holds every original value.
error-connector-none-found = no connector account was found in this domain; nothing was written. Name it on "Connect your directories".
error-connector-none-found-cli = no connector account was found in this domain; nothing was written. Name it with --connector.
error-connector-several = several accounts look like the connector ({ $candidates }); nothing was written. Choose the one Entra Connect uses on "Connect your directories".
error-connector-several-cli = several accounts look like the connector ({ $candidates }); nothing was written. Name the one Entra Connect uses with --connector.
error-connector-not-an-account = { $name } ({ $sid }) cannot be the connector: it is { $what }, and the writeback rights go only to a user account or a group managed service account of this domain; nothing was written
error-connector-protected = { $name } ({ $dn }) is a protected account (adminCount=1, or a member of a protected group such as Domain Admins); the tool does not grant it the writeback rights, and nothing was written. Use the connector account Entra Connect created.
error-connector-file = the file was made for the connector { $file }, but the connector in this directory is { $name } ({ $sid }, { $dn }); nothing was written. Make a new plan here, or restore with the file's own connector.
error-connector-file-cli = the file was made for the connector { $file }, but the connector in this directory is { $name } ({ $sid }, { $dn }); nothing was written. Make a new plan here, or name the file's connector with --connector.
error-file-domain = the file was made for the domain { $file }, but the directory's domain is { $directory }; nothing was written. Sign in to the domain the file was made for.
error-file-domain-cli = the file was made for the domain { $file }, but the directory's domain is { $directory }; nothing was written. Give a DC of the file's domain with --server.
error-file-scope = the plan file was made for the sync scope { $file }, but the scope now is { $now }; nothing was written. Make a new plan.
error-file-scope-cli = the plan file was made for the sync scope { $file }, but the scope given now is { $now }; nothing was written. Give the plan's scope with --scope, or make a new plan.
error-file-unmatched = backups of { $domains } are part of this run, but none of the directories on "Connect your directories" is that domain; nothing was written. Add the directory, then restore again.
error-file-unmatched-cli = backups of { $domains } are part of this run, but none of the directories given is that domain; nothing was written. Give every directory of the run (--profile), then restore again.
error-plan-file-not-planned = the plan file asks for { $count } change(s) this tool would not plan now in this directory, so it is refused and nothing was written. Make a new plan. Not planned now:
error-manifest-write = cannot write the run's file { $path }: { $reason }. Nothing was changed in the directory. Choose another location.
error-manifest-write-cli = cannot write the run's file { $path }: { $reason }. Nothing was changed in the directory. Give another location with --backup.
error-manifest-damaged = the run's file { $path } is damaged ({ $reason }); nothing was written
error-manifest-backup = the backup { $backup } that the run's file { $path } lists is missing or was changed ({ $reason }); nothing was written. Put the run's backups back beside its file.
authenticity-authenticated = authenticated with this computer's key
authenticity-unsigned = it has no MAC: an older version wrote it
authenticity-foreign = its MAC does not match this computer's key: it was written on another computer or by another user, or edited
error-key-io = the local key { $path } cannot be read or created ({ $reason }); nothing was changed in the directory
error-key-exposed = the local key { $path } can be read or changed by other accounts (mode { $mode }), so it proves nothing; nothing was changed in the directory. Make it readable by you alone (chmod 600), or delete it.
error-key-damaged = the local key { $path } is damaged ({ $reason }); nothing was changed in the directory. Delete it: a new one is made, and older backups then count as not authenticated.

## What a report covers: the parts checked, and the users the sync engine leaves out
part-directory = the directory
part-cloud = Microsoft Entra ID
part-sync-server = the sync server
part-pilot = the pilot group
report-and = and
report-verdict-ready-partly = READY on-premises: { $readiness }; { $parts } not checked.
report-verdict-not-ready-partly = NOT READY: { $errors } error(s), { $warnings } warning(s); { $readiness }; { $parts } not checked.
report-not-checked-directory = not checked: the directory could not be read.
report-not-checked-cloud = not checked: sign in on "Connect to Microsoft Entra ID" (instead of skipping it) and check again.
report-not-checked-cloud-cli = not checked: add --entra to sign in to the tenant and check it.
report-not-checked-sync-server = not checked: run the wizard on the sync server (Entra Connect, or Cloud Sync's provisioning agent).
report-not-checked-sync-server-cli = not checked: run the check on the sync server with --sync-server (or --entra).
report-not-checked-pilot = not checked: choose the pilot group on "Pilot users".
report-not-checked-pilot-cli = not checked: name the pilot group with --pilot-group.
report-not-synced-heading = Not synchronized by the sync engine (counted neither as ready nor as blocked)
report-sync-filter-connect = Counted: the users Entra Connect Sync synchronizes, by its documented default rules (the server's own sync rules were not read).
report-sync-filter-connect-cli = Counted: the users Entra Connect Sync synchronizes, by its documented default rules (the server's own sync rules were not read: run on the sync server with --sync-server to apply them).
report-sync-filter-connect-rules = Counted: the users Entra Connect Sync synchronizes, by its documented default rules and the sync rules read on this server (custom: { $rules }).
report-sync-filter-no-custom = none
report-sync-filter-cloud = Counted: every user in the sync scope (Entra Cloud Sync documents no built-in exclusions).
not-synced-critical-system-object = a critical system object (isCriticalSystemObject): Entra Connect's "In from AD – User Join" rule never takes it
not-synced-admin-description = adminDescription starts with "User_": the "In from AD – User Join" rule never takes it
not-synced-no-sam-account-name = no sAMAccountName: filtered by the default sync rules
not-synced-service-account = a sync service account (sAMAccountName starts with { $value }): filtered by the default sync rules
not-synced-support-account = SUPPORT_388945a0: filtered by the default sync rules
not-synced-exchange-system-mailbox = an Exchange system mailbox: filtered by the default sync rules
not-synced-exchange-recipient-type = an Exchange recipient of type { $value } (a public folder, system, arbitration or discovery mailbox): filtered by the default sync rules
not-synced-replication-conflict = a replication conflict object (CNF): filtered by the default sync rules
not-synced-custom-rule = filtered by the sync rule "{ $value }" on the sync server
checks-not-checked = Not checked
checks-not-synced-title = Not synchronized ({ $count })
checks-not-synced-lead = The sync engine never synchronizes these accounts, so they cannot reset their passwords in the cloud at all. They count neither as ready nor as blocked.

## Explain: event IDs and error codes of password writeback (Microsoft's codes stay codes).
## explain-<entry>-source / -meaning, explain-cause-<cause>, explain-doc-<document> (the titles
## Microsoft gives them), explain-run-<where> (-cli: the command), explain-checklist-<step>.
explain-usual-causes = Usual causes:
explain-not-seen = (this tool cannot see this one; check it by hand)
explain-found-by = detected by: { $ids }  →  { $run }
explain-sources = Source: { $documents }
explain-unknown = { $code } is not known to this tool. The general checklist:
explain-run-directory = the writeback prerequisites of Configure or Diagnose
explain-run-directory-cli = writeback-wizard check
explain-run-tenant = the writeback prerequisites, signed in to Entra ID
explain-run-tenant-cli = writeback-wizard check --entra
explain-run-sync-server = the writeback prerequisites, run on the sync server
explain-run-sync-server-cli = writeback-wizard check --sync-server (on the sync server; --entra includes it)
explain-checklist-check = On the sync server, choose Configure and let "Writeback prerequisites" run with the sign-in to Entra ID: it checks the connector's rights, inheritance, protected users, password ages, the licence, the admin, the sync state and the sync server.
explain-checklist-check-cli = Run `writeback-wizard check --entra` on the sync server: it checks the connector's rights, inheritance, protected users, password ages, the licence, the admin, the sync state and the sync server.
explain-checklist-events = Look in the Application log of the sync server for PasswordResetService and ADSync events around the failure, and look those codes up here.
explain-checklist-events-cli = Look in the Application log of the sync server for PasswordResetService and ADSync events around the failure, and explain those codes.
explain-checklist-switches = Check that writeback is on in both places: the sync server (Optional features → Password writeback) and the password reset settings (On-premises integration).
explain-checklist-try = Try it for real with a test user: reset their password at https://aka.ms/sspr and watch the sync server's Application log for the writeback events.
explain-checklist-try-cli = Try the rights for real: `writeback-wizard verify-as-connector --canary <test user DN>`.
explain-doc-writeback = Troubleshoot self-service password reset writeback in Microsoft Entra ID
explain-doc-sspr = Troubleshoot self-service password reset in Microsoft Entra ID
explain-doc-sspr0029 = Troubleshoot error SSPR_0029: Your organization hasn't properly set up the on-premises configuration for password reset
explain-doc-8023062c = Troubleshoot error code 8023062C: Insecure password reset or change
explain-doc-tutorial = Tutorial: Enable Microsoft Entra self-service password reset writeback to an on-premises environment
explain-doc-licensing = Licensing requirements for Microsoft Entra self-service password reset
explain-doc-cloud-sync = Tutorial: Enable cloud sync self-service password reset writeback to an on-premises environment
explain-doc-cloud-sync-gmsa = Group Managed Service Accounts (gMSA) for Microsoft Entra Cloud Sync
explain-cause-cloud-sync-agent = Entra Cloud Sync serves the domain and its provisioning agent cannot write back: older than 1.1.977.0, its service stopped, or writeback not switched on with Set-AADCloudSyncPasswordWritebackConfiguration (which cannot be read back on the agent server).
explain-cause-rights = The AD DS connector account lacks Reset Password, write lockoutTime or write pwdLastSet on the user (missing at the domain root, inheritance disabled on an OU, or an explicit deny).
explain-cause-protected = The user is (or was) in a protected group: adminCount=1 and the AdminSDHolder DACL, so delegated rights never reach the account. By design.
explain-cause-policy = On-premises password policy refused the new password: minimum password age not reached, history, length or complexity, or a password filter.
explain-cause-network = Outbound HTTPS (TCP 443) from the sync server to the password reset service and Service Bus is blocked by a firewall or proxy.
explain-cause-federated = The admin account used to enable writeback is federated (or its password is wrong); a cloud-only Global Administrator is needed.
explain-cause-restrict-sam = "Network access: Restrict clients allowed to make remote calls to SAM" (RestrictRemoteSam) blocks the connector account on the sync server or a DC.
explain-cause-service-down = The ADSync service (and with it the writeback service) is not running on the sync server, or writeback is off there.
explain-cause-cannot-change = The user has "user cannot change password" set.
explain-cause-policy-hints = The DC does not support the password policy hints control (Windows Server 2016 or later is needed).
explain-cause-tls12 = TLS 1.2 is not enforced for .NET on the sync server, or the clock is off.
explain-cause-root-certificates = "The remote certificate is invalid": the Azure root certificate authorities are missing on the sync server.
explain-cause-disabled = The on-premises account is disabled: enable it.
explain-cause-locked-out = The on-premises account is locked out; writeback unlocks only with write lockoutTime.
explain-cause-sign-and-encrypt = "Sign and Encrypt LDAP Traffic" is off in the AD connector's connection options (forest, and each partition's DC connection).
explain-cause-long-connector-password = The AD DS connector account's password is longer than 256 characters: reset it and update the AD connector.
explain-cause-forest-added-later = A forest was added or re-added after writeback was enabled: disable and enable writeback again.
explain-cause-several-anchors = The same user is enabled in more than one domain or forest.
explain-cause-sspr-off = SSPR is set to None in the password reset properties.
explain-cause-writeback-off = Writeback is off on the sync server, or the server is in staging mode.
explain-cause-portal-switch-off = "Write back passwords to your on-premises directory" is off in the password reset settings (not readable through Graph; check the admin center).
explain-cause-no-licence = No Entra ID P1/P2 licence in the tenant, or none assigned to the user.
explain-cause-domain-rights = The AD DS connector account cannot read the domain's SAM server object (Pre-Windows 2000 Compatible Access), or lacks Unexpire Password on the domain.
explain-6329-source = ADSync event (Application log on the sync server); with 0x80230619
explain-6329-meaning = The sync engine could not set the password in AD. With 0x80230619 ("A restriction prevents the password from being changed to the current one specified") AD refused the password on policy grounds.
explain-6800-source = ADSync event
explain-6800-meaning = The password writeback endpoint failed to start when the sync service started; synchronisation itself goes on.
explain-31034-source = PasswordResetService event
explain-31034-meaning = The writeback service could not connect to the tenant's Service Bus listener.
explain-32002-source = PasswordResetService event
explain-32002-meaning = The writeback service could not connect to the tenant's Service Bus ("Error Connecting to ServiceBus").
explain-32009-source = PasswordResetService event
explain-32009-meaning = The service could not get a token for the admin given when enabling writeback ("Error getting auth token").
explain-32011-source = PasswordResetService event
explain-32011-meaning = Onboarding to the password reset service failed: the service could not be reached.
explain-31003-source = PasswordResetService event
explain-31003-meaning = A password reset, change or admin reset from the cloud reached the server but failed in AD.
explain-33004-source = PasswordResetService event
explain-33004-meaning = The AD DS connector account was denied when setting this user's password.
explain-33005-source = PasswordResetService event
explain-33005-meaning = The user's account is disabled on-premises.
explain-33006-source = PasswordResetService event
explain-33006-meaning = The user's account is locked out on-premises.
explain-33008-source = PasswordResetService event
explain-33008-meaning = The new password breaks the on-premises password policy.
explain-8023062c-source = ADSync error (HRESULT)
explain-8023062c-meaning = The password was set over an LDAP session that was not signed and encrypted ("a 128 bit TLS or SSL connection is required").
explain-800700ce-source = ADSync error (HRESULT) after a reset or unlock
explain-800700ce-meaning = "The filename or extension is too long": the sync engine could not use the connector credential.
explain-8023061f-source = ADSync event 6329
explain-8023061f-meaning = "Password synchronization is not enabled on this Management Agent": the forest's connector was never enrolled for password operations.
explain-80230402-source = ADSync error (HRESULT)
explain-80230402-meaning = Several on-premises objects match the user's anchor.
explain-sspr0029-source = SSPR portal (OnPremisesAdminActionRequired = 29)
explain-sspr0029-meaning = "Your organization hasn't properly set up the on-premises configuration for password reset": writeback failed on-premises for this user.
explain-sspr0009-source = SSPR portal (TenantSSPRFlagDisabled = 9)
explain-sspr0009-meaning = Self-service password reset is turned off for the tenant.
explain-sspr0010-source = SSPR portal (WritebackNotEnabled = 10)
explain-sspr0010-meaning = Password writeback is not enabled.
explain-sspr0012-source = SSPR portal (UserNotLicensed = 12)
explain-sspr0012-meaning = The user has no licence that includes writeback (Entra ID P1/P2).
explain-sspr0030-source = SSPR portal (OnPremisesConnectivityError = 30)
explain-sspr0030-meaning = The connection to the on-premises environment is poor or lost.
explain-predicted-for = A blocked user with one of these reasons gets this code: { $ids }
## What a blocked user would see: the portal's message, the sync server's event
predict-portal-sspr0029 = SSPR_0029 in the password reset portal ("Your organization hasn't properly set up the on-premises configuration for password reset")
predict-portal-sspr0012 = SSPR_0012 in the password reset portal (no licence that includes writeback)
predict-portal-policy = the password reset portal's message "This password does not meet the length, complexity, age, or history requirements of your corporate password policy"
predict-event = event { $event } on the sync server (explain { $event })
predict-no-event = nothing on the sync server: the portal stops first
predict-short-sspr0029 = SSPR_0029
predict-short-sspr0012 = SSPR_0012
predict-short-policy = policy message
predict-cell = event { $event } · { $portal }
predict-none = cannot be foretold
predict-user = If { $user } reset their password now:
predict-user-ready = { $user } is not blocked: a reset now would be written back.
predict-user-portal = The user would see: { $portal }
predict-user-event = The admin would see: { $event }
explain-cloudsync-source = Entra Cloud Sync (the provisioning agent and its gMSA)
explain-cloudsync-meaning = Password writeback through Entra Cloud Sync: the provisioning agent writes passwords back as its group managed service account (provAgentgMSA$, pGMSA_…$ or a custom gMSA), which needs Reset Password, write lockoutTime and write pwdLastSet on descendant users and Unexpire Password on the domain root (Set-AADCloudSyncPermissions -PermissionType PasswordWriteBack).
