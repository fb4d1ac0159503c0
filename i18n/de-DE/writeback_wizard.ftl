# Writeback Wizard — Deutsch (Deutschland). IDs haben das Seitenkürzel als Präfix.
# Jede ID hier muss in jeder anderen Sprache vorhanden sein (ein Test prüft das).

## Schritte und Navigation
step-welcome = Willkommen
step-tasks = Zusätzliche Aufgaben
step-entra = Mit Microsoft Entra ID verbinden
step-directory = Verzeichnisse verbinden
step-scope = Filtern von Domänen und Organisationseinheiten
step-features = Optionale Features
step-checks = Voraussetzungen für das Rückschreiben
step-pilot = Pilotbenutzer
step-ready = Bereit zur Konfiguration
step-configuring = Konfigurieren
step-complete = Konfiguration abgeschlossen
step-restore = Aus Sicherung wiederherstellen
step-current = Aktuelle Konfiguration
nav-next = Weiter
nav-previous = Zurück
nav-exit = Beenden
nav-cancel = Abbrechen
nav-configure = Konfigurieren
nav-configure-start = Konfigurieren
state-on = ein
state-off = aus
state-unknown = unbekannt
state-yes = ja
state-no = nein
saved-to = Gespeichert unter { $path }.
filter-profile = Writeback Wizard-Profil
filter-certificate = CA-Zertifikat (PEM)
filter-backup = Writeback Wizard-Sicherung
cloud-global = Microsoft Azure (weltweit)
cloud-usgov = Microsoft Azure Government (USA)
cloud-china = Microsoft Azure, betrieben von 21Vianet (China)
transport-ldaps = LDAPS (Port 636)
transport-starttls = LDAP mit StartTLS (Port 389)

## Probleme beim Start
startup-title = Writeback Wizard konnte nicht wie angefordert starten
startup-profile = Das Profil konnte nicht verwendet werden: { $reason }. Fahren Sie ohne Profil fort, oder beenden Sie und starten Sie den Assistenten mit einer anderen Profildatei.
startup-log = Die Protokolldatei kann nicht geschrieben werden ({ $reason }). Der Assistent funktioniert auch ohne sie; Protokollzeilen werden stattdessen in der Konsole ausgegeben.
startup-continue = Trotzdem fortfahren
profile-newer = Dieses Profil wurde von einer neueren Version geschrieben (Schema { $schema }); Felder, die diese Version nicht kennt, wurden ignoriert.
profile-dropped = Diese Profilfelder enthielten Werte, die diese Version nicht verwenden kann, und behalten ihre Standardwerte: { $fields }.

## Fehler (jeder endet mit dem nächsten Schritt)
error-untrusted-certificate = Das Zertifikat von { $server } ist nicht vertrauenswürdig. Wenn Ihre Domäne eine eigene Zertifizierungsstelle verwendet, wählen Sie deren CA-Zertifikat über „CA-Datei auswählen…“ aus, und testen Sie erneut.
error-certificate-name = Das Zertifikat von { $server } enthält diesen Namen nicht. Verbinden Sie sich mit einem Namen, den das Zertifikat aufführt, meist dem vollständigen DNS-Namen des Domänencontrollers.
error-bad-credentials = Der Domänencontroller hat das Kennwort für { $user } abgelehnt. Prüfen Sie den Benutzernamen (Benutzer@Domäne oder DOMÄNE\Benutzer) und das Kennwort, und testen Sie dann erneut.
error-unreachable = { $server } ist nicht erreichbar. Prüfen Sie den Namen und ob Port 636 (LDAPS) oder 389 (StartTLS) von diesem Computer aus offen ist.
error-ca-file = Die CA-Datei { $path } kann nicht verwendet werden. Wählen Sie eine PEM-Datei mit dem CA-Zertifikat aus.
error-directory = Das Verzeichnis hat einen Fehler gemeldet. Die Details unten nennen Objekt und Ursache.
error-connector-not-found = Kein Konto entspricht „{ $name }“. Geben Sie den sAMAccountName des Connectorkontos (oft MSOL_…; bei Cloud Sync sein gMSA, oft provAgentgMSA$), seinen UPN, seine SID oder seinen DN an, oder lassen Sie das Feld leer, um es automatisch zu ermitteln.
error-not-sync-server = Entra Connect ist auf diesem Computer nicht installiert. Aktivieren Sie das Kennwortrückschreiben auf dem Synchronisierungsserver (führen Sie den Assistenten dort aus, oder verwenden Sie dort die Seite „Optionale Features“).
error-sign-in = Die Anmeldung wurde nicht abgeschlossen: { $reason }. Versuchen Sie es erneut, oder verwenden Sie einen Gerätecode.
error-write-file = { $path } konnte nicht geschrieben werden: { $reason }. Wählen Sie einen anderen Speicherort.

## Willkommen
welcome-title = Willkommen bei Writeback Wizard
welcome-lead = Dieser Assistent richtet das Kennwortrückschreiben von Microsoft Entra für Ihr lokales Active Directory ein, so wie es das Entra Connect-Setup tut – und zeigt, warum jeder Schritt nötig ist, was sich ändert und wie Sie es rückgängig machen.
welcome-what = Er prüft die Rechte des Connectorkontos für jeden Benutzer im Bereich, die Kennwortrichtlinien, geschützte Konten, Ihren Mandanten und den Synchronisierungsserver; er zeigt jede Änderung vorab als SDDL-Diff, sichert zuvor die Originalwerte und stellt sie in einem Schritt wieder her.
welcome-detected = Auf diesem Computer gefunden
welcome-detecting = Entra Connect wird auf diesem Computer gesucht…
welcome-detect-failed = Entra Connect konnte nicht gelesen werden: { $reason }. Führen Sie den Assistenten als Mitglied von ADSyncAdmins aus, um es zu sehen; alles andere funktioniert auch ohne.
welcome-not-installed = Entra Connect ist auf diesem Computer nicht installiert. Auf dem Laptop eines Beraters ist das normal: Verzeichnis- und Mandantenprüfungen funktionieren von hier aus; zum Aktivieren des Rückschreibens ist der Synchronisierungsserver nötig.
welcome-connect-version = Entra Connect-Version
welcome-staging = Stagingmodus
welcome-writeback = Kennwortrückschreiben
welcome-explain-title = Ereignis-ID oder Fehlercode nachschlagen
welcome-explain-hint = Sie haben ein Ereignis aus dem Anwendungsprotokoll oder einen Fehler von der Seite zur Kennwortzurücksetzung? Geben Sie den Code ein, um zu sehen, was er bedeutet und welche Prüfung die Ursache findet.
welcome-explain-placeholder = z. B. 6329, 0x8023062C, SSPR_0029
welcome-explain-button = Nachschlagen
welcome-explain-where = Wo er auftritt
welcome-explain-causes = Häufige Ursachen
welcome-explain-found-by = Erkannt durch: { $ids } ({ $run })
welcome-explain-not-detectable = Diese Ursache kann das Tool nicht erkennen; prüfen Sie sie manuell.
welcome-explain-sources = Quelle: { $documents }
welcome-explain-unknown = „{ $code }“ ist diesem Tool nicht bekannt. Die allgemeine Checkliste für das Kennwortrückschreiben:
welcome-start-hint = Wählen Sie „Konfigurieren“, um zu beginnen. Es wird nichts in Ihr Verzeichnis geschrieben, bevor Sie den Plan gesehen haben.

## Zusätzliche Aufgaben
tasks-title = Zusätzliche Aufgaben
tasks-lead = Wählen Sie aus, was Sie tun möchten.
tasks-configure = Synchronisierungsoptionen anpassen
tasks-configure-hint = Alle Voraussetzungen für das Kennwortrückschreiben prüfen, Fehlendes beheben (mit Vorschau und Sicherung) und das Rückschreiben aktivieren.
tasks-diagnose = Kennwortrückschreiben diagnostizieren
tasks-diagnose-hint = Nur lesend: ermitteln, warum das Rückschreiben fehlschlägt und für wen, und einen Bericht exportieren. Es wird nichts geändert.
tasks-restore = Aus Sicherung wiederherstellen
tasks-restore-hint = Die Sicherheitsbeschreibungen und Richtlinienwerte wiederherstellen, die vor einer früheren Konfiguration gesichert wurden.
tasks-view = Aktuelle Konfiguration anzeigen
tasks-view-hint = Was Entra Connect auf diesem Computer meldet, und die aktuellen Angaben im Assistenten.
tasks-profile-title = Profile
tasks-profile-hint = Ein Profil speichert Ihre Angaben (Server, Konten, Bereich, Mandant, Optionen) für den nächsten Lauf. Es enthält nie ein Kennwort oder Token.
tasks-load-profile = Profil laden…
tasks-save-profile = Profil speichern…
tasks-profile-loaded = Profil { $path } geladen.
tasks-profile-saved = Profil unter { $path } gespeichert.

## Mit Microsoft Entra ID verbinden
entra-title = Mit Microsoft Entra ID verbinden
entra-lead = Melden Sie sich als Globaler Administrator, Hybrididentitätsadministrator oder Sicherheitsleseberechtigter an, um Lizenzen, Rollen und die Synchronisierung des Mandanten zu prüfen. Der Assistent liest nur aus dem Mandanten.
entra-cloud = Cloud
entra-tenant = Mandant
entra-tenant-hint = „organizations“, Ihre Mandanten-ID oder eine der verifizierten Domänen des Mandanten.
entra-client-id = Anwendungs-ID (Client)
entra-client-id-hint = Leer: Microsoft Graph Command Line Tools. Geben Sie Ihre eigene App-Registrierung an, falls Ihr Mandant eine verlangt.
entra-endpoints = Anmeldeendpunkt: { $authority } – Graph-Endpunkt: { $graph } (aus dem Profil).
entra-sign-in = Anmelden
entra-device-code = Mit Code anmelden
entra-waiting-browser = Warten auf die Anmeldung im Browser…
entra-open-this = Der Browser wurde nicht geöffnet. Öffnen Sie diese Adresse selbst:
entra-copy-link = Link kopieren
entra-cancel = Anmeldung abbrechen
entra-requesting-code = Code wird angefordert…
entra-code-instructions = Öffnen Sie auf einem beliebigen Gerät { $uri }, und geben Sie diesen Code ein:
entra-copy-code = Code kopieren
entra-waiting-code = Warten, bis Sie die Anmeldung abschließen…
entra-signed-in = Bei { $tenant } als { $user } angemeldet.
entra-roles = Verzeichnisrollen
entra-no-roles = keine gefunden
entra-skip = Cloudprüfungen überspringen (nur lokal diagnostizieren)
entra-skip-hint = Lizenzen, Rollen und die Synchronisierung des Mandanten werden dann nicht geprüft; der Bericht weist darauf hin.

## Verzeichnisse verbinden
directory-title = Verzeichnisse verbinden
directory-lead = Geben Sie den Domänencontroller und ein Konto an, das Berechtigungen in der Domäne ändern darf (meist ein Domänen-Admin). Der Assistent liest damit und schreibt nur, was Sie bestätigen.
directory-server = Domänencontroller oder Domäne
directory-server-hint = DNS-Name eines DCs oder Domänenname; für einen abweichenden Port :Port anhängen.
directory-transport = Verbindung
directory-ca = CA-Zertifikat
directory-ca-none = vertrauenswürdige Zertifizierungsstellen des Systems
directory-choose-ca = CA-Datei auswählen…
directory-clear = Entfernen
directory-windows-credentials = Meine aktuellen Windows-Anmeldeinformationen verwenden (Kerberos)
directory-user = Benutzername
directory-password = Kennwort
directory-user-hint = Das Kennwort bleibt nur für diese Sitzung im Arbeitsspeicher; es wird nie auf den Datenträger oder ins Protokoll geschrieben.
directory-connector = AD DS-Connectorkonto
directory-connector-placeholder = wird ermittelt, wenn leer (MSOL_…)
directory-connector-hint = Das Konto, mit dem Entra Connect in diese Gesamtstruktur schreibt. Es erhält die Rechte für das Kennwortrückschreiben.
directory-test = Verbindung testen
directory-testing = Wird getestet…
directory-need-server = Geben Sie den Domänencontroller oder den Domänennamen ein.
directory-need-user = Geben Sie den Benutzernamen eines Administrators der Domäne ein.
directory-need-password = Geben Sie das Kennwort ein.
directory-bad-password-hint = Tipp: Prüfen Sie die Feststelltaste und den Domänenteil des Benutzernamens (user@corp.example.com oder CORP\user).
directory-unreachable-hint = Tipp: Der DC muss von diesem Computer aus auf TCP 636 (LDAPS) oder 389 (StartTLS) antworten.
directory-connected = Verbunden mit { $server } (Domäne { $domain }).
directory-not-encrypted = Diese Verbindung ist nicht verschlüsselt. Verwenden Sie LDAPS oder StartTLS, bevor Sie ein Kennwort senden.
directory-connector-found = Connectorkonto
directory-pick-connector = Mehrere Konten sehen wie Connectorkonten aus. Wählen Sie das Konto aus, das Entra Connect verwendet:
directory-no-connector = Es wurde kein Connectorkonto gefunden. Geben Sie das Konto ein, das Entra Connect verwendet (siehe Synchronization Service → Connectors → Properties), und testen Sie erneut.

## Filtern von Domänen und Organisationseinheiten
scope-title = Filtern von Domänen und Organisationseinheiten
scope-lead = Wählen Sie den Teil der Domäne aus, den Entra Connect synchronisiert. Die Prüfungen betrachten die Benutzer darin.
scope-all = Alle Domänen und OEs synchronisieren
scope-selected = Ausgewählte Domänen und OEs synchronisieren
scope-loading = Wird geladen…
scope-empty = keine Organisationseinheiten darunter
scope-covered = { $name } (über übergeordnetes Element eingeschlossen)
scope-none-selected = Wählen Sie mindestens eine OE aus, oder synchronisieren Sie die gesamte Domäne.
scope-from-connect = Die Auswahl wurde aus den Containereinschlüssen des AD-Konnektors in Entra Connect übernommen.

## Optionale Features
features-title = Optionale Features
features-lead = Die optionalen Features von Entra Connect. Dieser Assistent richtet das Kennwortrückschreiben ein; die übrigen werden zur Orientierung angezeigt.
features-password-writeback = Kennwortrückschreiben
features-password-writeback-hint = Kennwörter, die Benutzer in der Cloud zurücksetzen oder ändern, werden in Active Directory zurückgeschrieben.
features-need-writeback = Zum Fortfahren muss „Kennwortrückschreiben“ ausgewählt sein. Um nur zu prüfen, wählen Sie auf der Seite „Zusätzliche Aufgaben“ die Option „Kennwortrückschreiben diagnostizieren“.
features-not-here = Konfigurieren Sie dieses Feature im Entra Connect-Assistenten; Writeback Wizard richtet nur das Kennwortrückschreiben ein.
features-exchange-hybrid = Exchange-Hybridbereitstellung
features-exchange-folders = Öffentliche Exchange-E-Mail-Ordner
features-app-filtering = Microsoft Entra-App- und Attributfilterung
features-phs = Kennwort-Hashsynchronisierung
features-group-writeback = Gruppenrückschreiben
features-device-writeback = Geräterückschreiben
features-extensions = Synchronisierung der Verzeichniserweiterungsattribute

## Voraussetzungen für das Rückschreiben
checks-title = Voraussetzungen für das Rückschreiben
checks-lead = Alle Voraussetzungen für das Kennwortrückschreiben, geprüft in Ihrem Verzeichnis, Ihrem Mandanten und auf diesem Computer.
checks-cloud-skipped = Die Cloudprüfungen wurden übersprungen: Dies ist eine rein lokale Diagnose.
checks-phase-connecting = Verbindung mit dem Domänencontroller wird hergestellt…
checks-phase-directory = Domäne wird gelesen, Benutzer werden geprüft… { $pace }
checks-phase-pilot = Pilotgruppe wird gelesen…
checks-phase-cloud = Mandant wird gelesen…
checks-phase-sync = Synchronisierungsserver wird gelesen…
checks-cancel = Abbrechen
checks-cancelled = Die Prüfung wurde abgebrochen.
checks-again = Erneut prüfen
checks-ready = Bereit für { $ready } von { $users } Benutzern ({ $excluded } geschützte Administratoren bewusst ausgenommen, { $blocked } blockiert); { $warnings } Warnungen.
checks-not-ready = Nicht bereit: { $errors } Fehler, { $warnings } Warnungen; bereit für { $ready } von { $users } Benutzern ({ $excluded } geschützte Administratoren bewusst ausgenommen, { $blocked } blockiert). „Weiter“ zeigt die Änderungen, die alles Behebbare beheben.
checks-group-ok = Keine Probleme gefunden.
checks-parts-not-checked = Nicht geprüft: { $parts }; das Ergebnis gilt nur für das Geprüfte.
checks-object = Objekt
checks-evidence = Nachweis
checks-fix = Maßnahme
checks-no-blocked = Kein Benutzer im Bereich ist blockiert.
checks-blocked-title = Blockierte Benutzer ({ $count })
checks-blocked-causes = Nach Ursache (eine wählen, um nur ihre Benutzer zu zeigen):
checks-cause-users = { $users } Benutzer: { $cause } — { $object }
checks-more-causes = …und { $count } weitere Ursachen (die Liste unten enthält alle ihre Benutzer).
checks-sort = Reihenfolge:
checks-sort-scan = wie gefunden
checks-sort-name = nach Name
checks-sort-dn = nach DN
checks-blocked-shown = { $shown } von { $count } angezeigt
checks-excluded-title = Geschützte Administratoren, bewusst ausgenommen ({ $count })
checks-excluded-lead = Microsoft schreibt die Kennwörter von Konten in geschützten Gruppen (adminCount=1) nicht zurück: Sie setzen ihre Kennwörter lokal zurück. Sie zählen weder als bereit noch als blockiert.
checks-filter = Nach Name, DN oder Grund filtern
checks-export-blocked = CSV exportieren…
checks-more = …und { $count } weitere. Exportieren Sie die Liste, um alle zu sehen.
group-entra = Microsoft Entra ID
group-sync = Synchronisierungsserver
group-connector = Connectorkonto
group-permissions = Berechtigungen
group-policy = Kennwortrichtlinie
group-users = Benutzer im Bereich
group-pilot = Pilotbenutzer
group-dc = Domänencontroller

## Pilotbenutzer
pilot-title = Pilotbenutzer
pilot-lead = Ist Ihre SSPR-Pilotgruppe bereit, Benutzer für Benutzer? Jedes Mitglied erhält ein Ergebnis mit Begründung, aus dem Verzeichnis und aus dem Mandanten.
pilot-why-ask = Microsoft Graph gibt nicht an, auf welche Gruppe die Self-Service-Kennwortzurücksetzung beschränkt ist; geben Sie sie daher hier an: eine AD-Gruppe (DN oder Name) oder eine Entra-Gruppe (Objekt-ID oder Anzeigename).
pilot-group-placeholder = z. B. CN=SSPR Pilot,OU=Groups,DC=corp,DC=example,DC=com
pilot-run = Pilotgruppe prüfen
pilot-running = Wird geprüft…
pilot-optional = Diese Seite ist optional: „Weiter“ fährt auch ohne sie fort.
pilot-need-group = Geben Sie zuerst die Pilotgruppe ein.
pilot-need-check = Die Pilotprüfung setzt die Prüfung der Voraussetzungen voraus: Gehen Sie eine Seite zurück, und lassen Sie diese abschließen.
pilot-summary = { $group }: { $ready } bereit, { $blocked } blockiert, { $unknown } unbekannt, { $unsynced } nicht synchronisiert.
pilot-no-cloud = Nicht bei Entra ID angemeldet: Die Cloudspalten (synchronisiert, Lizenz, registriert) sind unbekannt.
pilot-methods = Von der Richtlinie für Authentifizierungsmethoden des Mandanten aktivierte Methoden: { $methods }.
pilot-filter = Nach Name, Ergebnis oder Grund filtern
pilot-export = CSV exportieren…
pilot-col-user = Benutzer
pilot-col-verdict = Ergebnis
pilot-col-synced = Synchronisiert
pilot-col-licensed = Lizenz
pilot-col-registered = Für SSPR registriert
pilot-col-admin = Admin
pilot-ready = bereit
pilot-blocked = blockiert
pilot-unknown = unbekannt
pilot-not-synchronized = nicht synchronisiert
pilot-detail-ready = Für diesen Benutzer blockiert nichts die Kennwortzurücksetzung mit Rückschreiben.
pilot-detail-methods = Registrierte Methoden
pilot-detail-portal = Der Benutzer sähe
pilot-detail-event = Der Administrator sähe
pilot-detail-admin = Für Administratoren gilt unabhängig von den Piloteinstellungen die strengere Zwei-Gate-Richtlinie für die Zurücksetzung.

## Bereit zur Konfiguration
ready-title = Bereit zur Konfiguration
ready-lead = Diese Änderungen nimmt „Konfigurieren“ vor. Es wurde noch nichts geschrieben; die Originalwerte werden vor dem ersten Schreibvorgang in der Sicherungsdatei gespeichert.
ready-options = Optionen
ready-protected-containers = Rechte auch auf OEs mit deaktivierter Vererbung erteilen
ready-grant-samserver = Nur dem Connectorkonto Lesezugriff auf CN=Server,CN=System erteilen
ready-grant-samserver-hint = Es liest dieses Objekt heute nur über „Prä-Windows 2000 kompatibler Zugriff“. Mit dieser eng begrenzten Berechtigung kann die Gruppe geleert werden, wie Sicherheitsbaselines es verlangen, ohne das Rückschreiben zu unterbrechen.
ready-grant-in-scope = Rechte nur in den synchronisierten OEs erteilen (geringste Rechte), nicht am Domänenstamm
ready-grant-in-scope-hint = Microsoft erteilt die Rechte am Domänenstamm. Nur in den synchronisierten OEs kann das Connectorkonto niemanden sonst zurücksetzen; später zum Synchronisierungsbereich hinzugefügte OEs brauchen einen neuen Plan. „Kennwortablauf aufheben“ bleibt ein Recht der Domäne. Setzt einen OE-Filter unter „Filtern von Domänen und Organisationseinheiten“ voraus.
ready-iop = inetOrgPerson-Objekte
ready-iop-auto = wenn im Bereich vorhanden
ready-iop-always = immer
ready-iop-never = nie
ready-min-age = Mindestkennwortalter der Domäne auf 0 setzen (derzeit { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    })
ready-fix-pso = Mindestkennwortalter von „{ $name }“ auf 0 setzen (derzeit { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    })
ready-clear-stale = adminCount bei { $count ->
        [one] { $count } Benutzer
       *[other] { $count } Benutzern
    } löschen, die keiner geschützten Gruppe mehr angehören
ready-clear-stale-warning = Nur für Benutzer, die wirklich keiner geschützten Gruppe mehr angehören: Die Vererbung wird bei ihnen wieder aktiviert.
ready-adminsdholder = Rechte auf AdminSDHolder erteilen (geschützte Konten)
ready-adminsdholder-warning = Nicht empfohlen: Das Connectorkonto kann dann die Kennwörter von Domänenadministratoren zurücksetzen. Microsoft rät vom Rückschreiben für privilegierte Konten ab.
ready-computing = Änderungen werden berechnet…
ready-again = Erneut versuchen
ready-nothing = Im Verzeichnis muss nichts geändert werden.
ready-changes = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    }
ready-not-fixed = Von diesem Plan nicht behoben: { $id } an { $object }: { $reason }{ $users ->
    [0] .
    [one] ; 1 Benutzer bleibt blockiert.
   *[other] ; { $users } Benutzer bleiben blockiert.
}
ready-kind-aces = Rechte für das Connectorkonto erteilen
ready-kind-inheritance = Vererbung aktivieren
ready-kind-attribute = { $attribute } festlegen
ready-before = Vorher (SDDL)
ready-after = Nachher (SDDL)
ready-backup = Sicherungsdatei
ready-choose-backup = Ändern…
ready-backup-hint = Die Originale aller geänderten Werte werden zuerst hier gespeichert.
ready-sync-server = Synchronisierungsserver
ready-no-sync-server = Dieser Computer ist nicht der Synchronisierungsserver. Die Verzeichnisänderungen funktionieren von hier aus; aktivieren Sie das Rückschreiben anschließend in Entra Connect („Optionale Features“ → „Kennwortrückschreiben“).
ready-staging = Dieser Synchronisierungsserver befindet sich im Stagingmodus. Er exportiert nicht, daher kann das Rückschreiben hier nicht aktiviert werden: Aktivieren Sie es auf dem aktiven Server.
ready-writeback-on = Das Kennwortrückschreiben ist in Entra Connect bereits aktiviert.
ready-enable-writeback = Nach den Verzeichnisänderungen das Kennwortrückschreiben in Entra Connect aktivieren

## Konfigurieren
configure-title = Konfigurieren
configure-lead-running = Die Änderungen werden geschrieben. „Abbrechen“ stoppt vor dem nächsten Objekt; ein laufender Schreibvorgang wird immer abgeschlossen und überprüft.
configure-lead-finished = Abgeschlossen. „Weiter“ zeigt das Ergebnis.
configure-progress = { $n } von { $total } Änderungen
configure-backed-up = Sicherung von { $entries ->
        [one] { $entries } Originalwert
       *[other] { $entries } Originalwerten
    } in { $path } geschrieben
configure-writing = [{ $n }/{ $total }] { $dn } wird geschrieben
configure-verified = { $dn } überprüft
configure-already = bereits wie geplant: { $dn }
configure-done = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    } geschrieben und überprüft.
configure-baseline = Ausgangslage von { $label } gespeichert in { $path } („Mit der letzten Konfiguration vergleichen“ unter Voraussetzungen für das Rückschreiben vergleicht damit).
configure-baseline-failed = Die Ausgangslage von { $label } konnte nicht aufgenommen werden: { $reason }. Die Änderungen sind gemacht.
checks-compare = Mit der letzten Konfiguration vergleichen
checks-comparing = Erneute Prüfung und Vergleich mit der letzten Konfiguration …
checks-compare-title = Seit der letzten Konfiguration
checks-incremental = Gelesen wurde nur, was sich seit der letzten Prüfung geändert hat: { $rejudged ->
        [one] 1 Benutzer
       *[other] { $rejudged } Benutzer
    } von { $users } erneut beurteilt, mit demselben Ergebnis wie bei einer vollständigen Prüfung.
checks-full-again = Alle Benutzer wurden erneut gelesen: { $why }.
checks-full-why-other-dc = ein anderer Domänencontroller hat geantwortet, oder seine Datenbank wurde wiederhergestellt
checks-full-why-settings = etwas, woran jeder Benutzer gemessen wird, hat sich geändert (das Connector-Konto oder seine Gruppen, eine Kennwortrichtlinie, die geschützten Administratoren, das Schema oder der Bereich)
checks-full-why-containers = eine OU oder ein Container im Bereich wurde hinzugefügt, verschoben, umbenannt oder gelöscht
checks-full-why-pso-group = { $group } hat sich geändert, und eine Kennwortrichtlinie (PSO) gilt für sie oder für eine Gruppe, in der sie Mitglied ist
configure-cancelling = Abbruch nach dem aktuellen Objekt…
configure-cancel-hint = „Beenden“ bricht die verbleibenden Änderungen ab; die Sicherung enthält alle Originalwerte.
configure-enabling = Kennwortrückschreiben wird in Entra Connect aktiviert…
configure-enabled = Das Kennwortrückschreiben ist in Entra Connect aktiviert (zurückgelesen und überprüft).
configure-enable-failed = Das Kennwortrückschreiben konnte nicht aktiviert werden: { $reason }
run-lost = Die Prüfung dieses Verzeichnisses wurde unerwartet beendet
run-directory = Verzeichnis
run-directories = Verzeichnisse
run-directory-failed = { $label }: konnte nicht geprüft werden: { $reason }
directory-more-title = Weitere Verzeichnisse
directory-more-hint = Wie „Verzeichnis hinzufügen“ in Connect: eine weitere Gesamtstruktur (oder eine Domäne über ihren eigenen DC), mit eigenem Administrator, eigener CA-Datei und eigenem Connector-Konto (wird erkannt). Jedes Verzeichnis wird zur selben Zeit geprüft, mit denselben Optionen geplant und bekommt seine eigene Sicherung. Kennwörter gelten nur für diese Sitzung.
directory-add = Verzeichnis hinzufügen
directory-remove = Entfernen
directory-row-title = Verzeichnis { $n }: { $label }
directory-all-domains = Jede Domäne dieser Gesamtstruktur ({ $count } Domänen), jeder Domänenstamm über seinen eigenen DC, mit dieser Anmeldung
directory-forest-domain = Eine Domäne der Gesamtstruktur von { $root }: über ihren eigenen DC mit derselben Anmeldung erreicht.
directory-out-of-scope = In dieser Domäne liegt keine OU des Synchronisierungsbereichs: Sie wird nicht geprüft.
ready-directory-changes = { $label }: { $count ->
    [one] 1 Änderung
   *[other] { $count } Änderungen
}
ready-directory-failed = { $label }: kein Plan: { $reason }
ready-directory-unchecked = { $label }: kein Plan, da seine Prüfung nicht möglich war.
configure-directory = — { $label } —
configure-directory-done = { $label }: { $count ->
    [one] 1 Änderung
   *[other] { $count } Änderungen
} geschrieben und geprüft
complete-directory-backup = Seine Sicherung: { $path }
tasks-cloud-sync = Kennwortrückschreiben für Entra Cloud Sync einrichten
tasks-cloud-sync-hint = Dieselben Prüfungen und Korrekturen für Cloud Sync: Das gMSA seines Bereitstellungs-Agents (oft provAgentgMSA$) ist das Connector-Konto, und Writeback wird auf dem Agent-Server mit Set-AADCloudSyncPasswordWritebackConfiguration eingeschaltet.
welcome-agent-version = Version des Cloud-Sync-Bereitstellungs-Agents
welcome-agent-service = Dienst des Bereitstellungs-Agents
welcome-agent-hint = Dies ist ein Cloud-Sync-Agent-Server: Der Assistent nimmt den Cloud-Sync-Weg (auf der nächsten Seite können Sie einen anderen wählen).
ready-cloud-sync = Entra Cloud Sync
ready-no-agent = Der Cloud-Sync-Bereitstellungs-Agent ist nicht auf diesem Computer: Die Änderungen im Verzeichnis werden von hier gemacht, Writeback wird auf einem Agent-Server eingeschaltet (starten Sie den Assistenten dort oder verwenden Sie das Cmdlet aus dem Tutorial).
ready-agent-too-old = Der Bereitstellungs-Agent hat Version { $version }; Kennwortrückschreiben braucht { $minimum } oder neuer. Aktualisieren Sie den Agent und schalten Sie Writeback dann ein.
ready-enable-cloud-sync = Cloud-Sync-Kennwortrückschreiben einschalten (Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true)
ready-hybrid-admin = Administrator für Hybrididentität
ready-hybrid-admin-password = Sein Kennwort
ready-cloud-sync-hint = Das Cmdlet meldet sich mit diesem Konto bei Entra ID an. Das Kennwort geht über die Standardeingabe an PowerShell und wird nicht gespeichert. Microsoft dokumentiert keinen Weg, den Schalter zurückzulesen; erneutes Einschalten schadet nicht.
configure-enabling-cloud-sync = Cloud-Sync-Kennwortrückschreiben wird eingeschaltet (Set-AADCloudSyncPasswordWritebackConfiguration)…
configure-enabled-cloud-sync = Set-AADCloudSyncPasswordWritebackConfiguration lief ohne Fehler. Prüfen Sie „Kennwörter mit Microsoft Entra Connect Cloud Sync zurückschreiben“ unter Kennwortzurücksetzung → Lokale Integration (Microsoft dokumentiert keinen Weg, den Schalter zurückzulesen).
configure-nothing-to-do = Es gibt keinen Plan zum Konfigurieren. Gehen Sie zurück zu „Bereit zur Konfiguration“.
configure-nothing-to-change = Nichts zu ändern.
configure-restore-hint = Um das Geschriebene rückgängig zu machen: „Zusätzliche Aufgaben“ → „Aus Sicherung wiederherstellen“, Datei { $path }.
configure-pdc = Für die Änderungen mit dem PDC-Emulator { $pdc } verbunden.
configure-pdc-unreachable = Der PDC-Emulator { $pdc } ist nicht erreichbar ({ $reason }); es wird auf den ausgewählten DC geschrieben.

## Konfiguration abgeschlossen
complete-title = Konfiguration abgeschlossen
complete-title-diagnose = Diagnose abgeschlossen
complete-title-restore = Wiederherstellung abgeschlossen
complete-written = { $count ->
        [one] { $count } Änderung wurde
       *[other] { $count } Änderungen wurden
    } geschrieben und überprüft.
complete-backup = Sicherungsdatei
complete-restore-how = Zum Rückgängigmachen: Starten Sie den Assistenten, wählen Sie „Zusätzliche Aufgaben“ → „Aus Sicherung wiederherstellen“, und wählen Sie { $path } aus.
complete-restored = { $restored } Werte wiederhergestellt, { $unchanged } bereits wie in der Sicherung; alle überprüft.
complete-check-title = Erneut geprüft
complete-checking = Wird erneut geprüft…
complete-export = Bericht exportieren
complete-log = Protokollordner

## Wiederherstellen
restore-title = Aus Sicherung wiederherstellen
restore-lead = Wählen Sie eine Sicherung aus, die „Konfigurieren“ (oder writeback-wizard apply) geschrieben hat. Sie sehen jeden Wert, bevor etwas geschrieben wird; jeder Wert wird anschließend zurückgelesen.
restore-choose = Sicherung auswählen…
restore-file = Datei
restore-domain = Domäne
restore-made = Erstellt
restore-entries = { $count ->
        [one] { $count } Wert
       *[other] { $count } Werte
    }
restore-preparing = Die aktuellen Werte werden gelesen…
restore-preview = { $count ->
    [0] Nichts wiederherzustellen: Alle Werte sind wie vor dem Konfigurieren oder wurden seither von jemand anderem geändert (bleiben so).
    [one] Die Wiederherstellung schreibt 1 Wert: Sie nimmt genau zurück, was beim Konfigurieren hinzugefügt wurde, und behält alle anderen Änderungen.
   *[other] Die Wiederherstellung schreibt { $count } Werte: Sie nimmt genau zurück, was beim Konfigurieren hinzugefügt wurde, und behält alle anderen Änderungen.
}
restore-button = Wiederherstellen
restore-running = Wird wiederhergestellt…
restore-done = Alle Werte sind wieder wie zuvor und überprüft.
restore-not-authenticated = Nicht als Sicherung beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }): aus ihr werden nur die eigenen Berechtigungen des Werkzeugs zurückgenommen.
restore-run-not-authenticated = Die Datei des Laufs ist nicht als eine beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }); jede Sicherung, die sie aufführt, wird für sich geprüft.

## Aktuelle Konfiguration
current-title = Aktuelle Konfiguration
current-sync = Entra Connect auf diesem Computer
current-sync-cycle = Synchronisierungszyklus
current-connector = Konnektor
current-answers = Angaben im Assistenten
current-no-secrets = Kennwörter und Token werden nie gespeichert.

## Befunde: ein Titel, eine Erläuterung und eine Maßnahme pro Befund-ID (finding-<id>…), und mehr als
## ein Satzsatz, wo eine Prüfung unter einer ID Verschiedenes sagt. -fix-cli ist die Maßnahme der
## Befehlszeile (sie nennt Optionen); die des Assistenten sagt, worauf zu klicken ist.
finding-connector-not-found = Es wurde kein AD DS-Connectorkonto gefunden
finding-connector-not-found-detail = In der Domäne gibt es weder ein Konto namens MSOL_… oder AAD_… noch eines mit der Beschreibung, die Entra Connect setzt; daher gibt es kein Konto, dessen Rechte geprüft werden könnten.
finding-connector-not-found-fix = Geben Sie unter „Verzeichnisse verbinden“ das Konto ein, mit dem sich der AD-Connector von Entra Connect anmeldet (Synchronization Service Manager → Connectors → der AD-Connector → Properties → Connect to Active Directory Forest).
finding-connector-not-found-fix-cli = Geben Sie mit --connector das Konto an, mit dem sich der AD-Connector von Entra Connect anmeldet (Synchronization Service Manager → Connectors → der AD-Connector → Properties → Connect to Active Directory Forest).
finding-connector-ambiguous = { $count } Konten kommen gleichermaßen als Connectorkonto infrage
finding-connector-ambiguous-detail = Kandidaten: { $candidates }. Alle sind aktiviert, und nichts (Rückschreiberechte, die Beschreibung von Entra Connect, letzte Anmeldungen) unterscheidet sie.
finding-connector-ambiguous-fix = Wählen Sie unter „Verzeichnisse verbinden“ das Konto aus, das der AD-Connector verwendet.
finding-connector-ambiguous-fix-cli = Geben Sie mit --connector NAME an, welches Konto der AD-Connector verwendet.
finding-connector-candidates = { $count } { $count ->
        [one] weiteres Konto sieht wie ein Connectorkonto aus
       *[other] weitere Konten sehen wie Connectorkonten aus
    }; { $taken } wurde gewählt
finding-connector-candidates-detail = Übergangen: { $others }. Diese sind nachrangig (deaktiviert, keine Rückschreiberechte, keine Entra Connect-Beschreibung oder länger nicht angemeldet); solche Konten hinterlassen alte Installationen.
finding-connector-candidates-fix = Falls Entra Connect ein anderes davon verwendet, wählen Sie es unter „Verzeichnisse verbinden“ aus; entfernen Sie Reste alter Installationen.
finding-connector-candidates-fix-cli = Falls Entra Connect ein anderes davon verwendet, geben Sie es mit --connector NAME an; entfernen Sie Reste alter Installationen.
finding-connector-candidates-cloud-sync = Entra Cloud Sync bedient diese Domäne: Das Konto seines Agents, { $taken }, wurde gewählt
finding-connector-candidates-cloud-sync-detail = Ebenfalls gefunden: { $others }. Wo Entra Connect Sync und Cloud Sync beide eine Domäne abdecken, läuft das Kennwortrückschreiben für sie über Cloud Sync; daher muss das gMSA des Agents die Rechte besitzen.
finding-connector-candidates-cloud-sync-fix = Wenn nur Connect Sync diese Domäne bedient, geben Sie sein Konto unter „Verzeichnisse verbinden“ an.
finding-connector-candidates-cloud-sync-fix-cli = Wenn nur Connect Sync diese Domäne bedient, geben Sie sein Konto mit --connector NAME an.
finding-connector-privileged = Das Connectorkonto { $name } ist Mitglied von { $groups }
finding-connector-privileged-detail = Entra Connect lehnt Konten aus „Domänen-Admins“ und „Organisations-Admins“ als AD DS-Connectorkonto ab, und ein Connector mit diesen Rechten kann jedes Kennwort in der Domäne zurücksetzen.
finding-connector-privileged-fix = Verwenden Sie ein dediziertes, nicht privilegiertes Konto, und delegieren Sie an dieses nur die Rechte für das Rückschreiben.
finding-connector-replication = { $name } besitzt die Replikationsrechte des Verzeichnisses für die Domäne
finding-connector-replication-detail = „Verzeichnisänderungen replizieren“ und „Alle Verzeichnisänderungen replizieren“ erlauben ihm, jeden Kennworthash der Domäne zu lesen (die Kennworthashsynchronisierung braucht sie). Wer dieses Konto kontrolliert, kontrolliert die Domäne.
finding-connector-replication-fix = Behandeln Sie das Konto und den Synchronisierungsserver als Tier 0: Schützen Sie sein Kennwort, beschränken Sie, wer sich am Synchronisierungsserver anmelden darf, und entfernen Sie die Rechte, wenn die Kennworthashsynchronisierung nicht verwendet wird.
finding-connector-excess = { $name } darf die Berechtigungen dieses Objekts vom Typ { $class } ändern
finding-connector-excess-detail = Es besitzt hier „Berechtigungen ändern“ (Vollzugriff schließt es ein): mehr, als das Kennwortrückschreiben braucht, und genug, um sich darunter beliebige Rechte zu erteilen.
finding-connector-excess-fix = Entfernen Sie den als Nachweis gezeigten Eintrag; das Rückschreiben braucht nur „Kennwort zurücksetzen“, „lockoutTime schreiben“ und „pwdLastSet schreiben“ für untergeordnete Benutzerobjekte.
finding-right-reset-password = Das Connectorkonto kann hier keine Kennwörter zurücksetzen
finding-right-reset-password-fix = Erteilen Sie „Kennwort zurücksetzen“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-write-lockouttime = Das Connectorkonto kann lockoutTime hier nicht schreiben
finding-right-write-lockouttime-fix = Erteilen Sie „lockoutTime schreiben“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-write-pwdlastset = Das Connectorkonto kann pwdLastSet hier nicht schreiben
finding-right-write-pwdlastset-fix = Erteilen Sie „pwdLastSet schreiben“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-missing-root = { $name } hat nicht das Recht „{ $right }“ für untergeordnete Objekte vom Typ { $classes }
finding-right-missing-root-detail = Nirgends in der Domäne wird dieses Recht für { $name } erteilt, daher schlägt das Kennwortrückschreiben für die Benutzer darunter fehl. { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich; dort erstellte oder dorthin verschobene Benutzer wären jedoch blockiert.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-right-missing-root-fix = Erteilen Sie für { $name } das Recht „{ $right }“ auf untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das; „Bereit zur Konfiguration“ zeigt den genauen Eintrag).
finding-right-missing-root-fix-cli = Erteilen Sie für { $name } das Recht „{ $right }“ auf untergeordnete Benutzerobjekte am Domänenstamm (writeback-wizard plan zeigt den genauen ACE).
finding-right-missing-below = { $name } hat nicht das Recht „{ $right }“ für untergeordnete Objekte vom Typ { $classes }
finding-right-missing-below-detail = Oberhalb dieses { $class }-Objekts ist das Recht erteilt, es erreicht aber die Benutzer darunter nicht (die Berechtigung wird nicht bis hierher vererbt). { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich; dort erstellte oder dorthin verschobene Benutzer wären jedoch blockiert.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-right-missing-below-fix = Erteilen Sie hier für { $name } das Recht „{ $right }“ („Konfigurieren“ erledigt das; „Bereit zur Konfiguration“ zeigt den genauen Eintrag).
finding-right-missing-below-fix-cli = Erteilen Sie hier für { $name } das Recht „{ $right }“ (writeback-wizard plan zeigt den genauen ACE).
finding-right-missing-user = { $name } hat nicht das Recht „{ $right }“ für diesen Benutzer
finding-right-missing-user-detail = Die eigene DACL dieses Benutzers gewährt das Recht nicht für { $name }, obwohl ein neuer Benutzer am selben Ort es hätte. { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-right-missing-user-fix = Erteilen Sie für { $name } das Recht „{ $right }“ auf diesen Benutzer („Konfigurieren“ erledigt das; „Bereit zur Konfiguration“ zeigt den genauen Eintrag).
finding-right-missing-user-fix-cli = Erteilen Sie für { $name } das Recht „{ $right }“ auf diesen Benutzer (writeback-wizard plan zeigt den genauen ACE).
finding-right-denied = Eine explizite Verweigerung sperrt { $rights } für { $name }
finding-right-denied-detail = Ein Verweigerungs-ACE auf diesem { $class }-Objekt gilt für { $name } (oder eine seiner Gruppen) und hat Vorrang vor jeder Erteilung. { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich; dort erstellte oder dorthin verschobene Benutzer wären jedoch blockiert.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-right-denied-fix = Entfernen Sie den Verweigerungs-ACE, oder schränken Sie ihn so ein, dass er nicht für das Connectorkonto gilt; keine Erteilung kann ihn aufheben.
finding-right-unexpire-password = Niemand im Token des Connectorkontos hat „Kennwortablauf aufheben“ für die Domäne
finding-right-unexpire-password-detail = Nach einer Zurücksetzung setzt das Rückschreiben pwdLastSet auf -1; ohne das Recht „Kennwortablauf aufheben“ für das Domänenobjekt lehnt der DC das ab, sodass das Rückschreiben für jeden Benutzer fehlschlägt. Standardmäßig haben „Authentifizierte Benutzer“ dieses Recht.
finding-right-unexpire-password-fix = Erteilen Sie für { $name } „Kennwortablauf aufheben“ am Domänenstamm (oder stellen Sie die Standardberechtigung für „Authentifizierte Benutzer“ wieder her).
finding-right-unexpire-password-denied = Eine Verweigerung sperrt „Kennwortablauf aufheben“ für das Connectorkonto auf der Domäne
finding-right-unexpire-password-denied-detail = Nach einer Zurücksetzung setzt das Rückschreiben pwdLastSet auf -1; ohne das Recht „Kennwortablauf aufheben“ für das Domänenobjekt lehnt der DC das ab, sodass das Rückschreiben für jeden Benutzer fehlschlägt.
finding-right-unexpire-password-denied-fix = Entfernen Sie den Verweigerungs-ACE am Domänenstamm; keine Erteilung kann ihn aufheben.
finding-right-change-password = „Kennwort ändern“ ist für { $users } { $users ->
        [one] Benutzer
       *[other] Benutzer
    } nicht erteilt
finding-right-change-password-detail = Standardmäßig darf „Jeder“ bei Benutzern „Kennwort ändern“ verwenden; hier fehlt diese Standardberechtigung bei einigen. Das Berechtigungs-Cmdlet von Entra Connect erteilt dieses Recht nicht, daher dient dies nur zur Information.
finding-right-change-password-fix = Nichts erforderlich; stellen Sie die Standardberechtigung wieder her, falls sie versehentlich entfernt wurde.
finding-inheritance-disabled = Die Vererbung ist hier deaktiviert; { $users } { $users ->
        [one] Benutzer
       *[other] Benutzer
    } darunter { $users ->
        [one] ist
       *[other] sind
    } blockiert
finding-inheritance-disabled-detail = Dieses { $class }-Objekt hat eine geschützte DACL, daher erreichen weiter oben erteilte Rechte die Benutzer darunter nicht, und es erteilt { $rights } für { $name } auch nicht selbst. { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich; dort erstellte oder dorthin verschobene Benutzer wären jedoch blockiert.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-inheritance-disabled-fix = Erteilen Sie die Rückschreiberechte auch für diesen Container („Konfigurieren“ tut das, sofern „Rechte auch auf OEs mit deaktivierter Vererbung erteilen“ unter „Bereit zur Konfiguration“ nicht abgewählt ist), oder aktivieren Sie dort die Vererbung.
finding-inheritance-disabled-fix-cli = Erteilen Sie die Rückschreiberechte auch für diesen Container (writeback-wizard plan tut das, außer mit --no-protected-containers), oder aktivieren Sie dort die Vererbung.
finding-inheritance-disabled-user = Die Vererbung ist für diesen Benutzer deaktiviert
finding-inheritance-disabled-user-detail = Die DACL des Benutzers ist geschützt, daher erreichen ihn weiter oben erteilte Rechte nicht, und sie erteilt { $rights } für { $name } auch nicht selbst. Der Benutzer ist kein geschützter Administrator.
finding-inheritance-disabled-user-fix = Erteilen Sie die Rückschreiberechte für diesen Benutzer („Konfigurieren“ tut das), oder aktivieren Sie für ihn die Vererbung.
finding-inheritance-disabled-user-fix-cli = Erteilen Sie die Rückschreiberechte für diesen Benutzer (writeback-wizard plan tut das, außer mit --no-protected-users), oder aktivieren Sie für ihn die Vererbung.
finding-admin-protected = Geschützter Administrator (adminCount=1): bewusst vom Rückschreiben ausgenommen
finding-admin-protected-detail = Microsoft schreibt die Kennwörter von Konten in geschützten Gruppen nicht zurück; diese setzen ihre Kennwörter lokal zurück{ $sdprop ->
        [pending] {" "}(die DACL dieses Kontos erbt noch: SDProp hat es noch nicht geschützt)
       *[done] {""}
    }.
finding-admin-protected-fix = Nichts zu tun. Erteilen Sie keine Rechte auf AdminSDHolder, um das zu umgehen.
finding-admincount-stale = adminCount=1, aber nicht mehr Mitglied einer geschützten Gruppe
finding-admincount-stale-detail = Das Konto gehört den geschützten Gruppen nicht mehr an, aber adminCount und die deaktivierte Vererbung sind geblieben, daher schlägt das Rückschreiben dafür grundlos fehl.
finding-admincount-stale-fix = Löschen Sie adminCount, und aktivieren Sie die Vererbung für das Konto (eine Option unter „Bereit zur Konfiguration“), oder lassen Sie „Konfigurieren“ die Rechte darauf erteilen.
finding-admincount-stale-fix-cli = Löschen Sie adminCount, und aktivieren Sie die Vererbung für das Konto (writeback-wizard plan --clear-stale-admincount), oder lassen Sie den Plan die Rechte darauf erteilen.
finding-admincount-stale-harmless = adminCount=1, aber nicht mehr Mitglied einer geschützten Gruppe
finding-admincount-stale-harmless-detail = Das Rückschreiben funktioniert derzeit für dieses Konto, aber adminCount=1 deutet darauf hin, dass es noch privilegiert ist.
finding-admincount-stale-harmless-fix = Löschen Sie adminCount für das Konto, wenn es nicht mehr privilegiert ist.
finding-min-password-age = Das Mindestkennwortalter der Domäne beträgt { $age }, nicht 0
finding-min-password-age-detail = minPwdAge = { $value }. Benutzer ohne differenzierte Kennwortrichtlinie können ihr Kennwort innerhalb dieser Zeit nicht erneut zurücksetzen, daher wird das Rückschreiben eines neuen Kennworts abgelehnt.
finding-min-password-age-fix = Setzen Sie „Minimales Kennwortalter“ in dem GPO, das die Kennwortrichtlinie der Domäne festlegt (meist die Default Domain Policy), auf 0; „Bereit zur Konfiguration“ kann das Attribut setzen, aber das GPO setzt es wieder zurück, wenn es nicht auch dort geändert wird.
finding-min-password-age-fix-cli = Setzen Sie „Minimales Kennwortalter“ in dem GPO, das die Kennwortrichtlinie der Domäne festlegt (meist die Default Domain Policy), auf 0; writeback-wizard plan --min-password-age-zero setzt das Attribut, aber das GPO setzt es wieder zurück, wenn es nicht auch dort geändert wird.
finding-min-password-age-unreadable = Das Mindestkennwortalter der Domäne konnte nicht gelesen werden
finding-min-password-age-unreadable-fix = Führen Sie die Prüfung mit einem Konto aus, das das Domänenobjekt lesen kann.
finding-pso-min-password-age = Die Kennwortrichtlinie { $name } hat ein Mindestkennwortalter von { $age } und gilt für { $users } { $users ->
        [one] Benutzer
       *[other] Benutzer
    } im Bereich
finding-pso-min-password-age-detail = Rangfolge { $precedence }; gilt für { $applies }. Für diese Benutzer ersetzt sie die Kennwortrichtlinie der Domäne, daher blockiert ihr Mindestkennwortalter das Rückschreiben.
finding-pso-min-password-age-fix = Setzen Sie msDS-MinimumPasswordAge von { $name } auf 0 (eine Option unter „Bereit zur Konfiguration“).
finding-pso-min-password-age-fix-cli = Setzen Sie msDS-MinimumPasswordAge von { $name } auf 0 (writeback-wizard plan --fix-pso "{ $name }").
finding-pdc-emulator = Der PDC-Emulator ist { $pdc }, diese Prüfung lief aber gegen { $connected }
finding-pdc-emulator-detail = Änderungen sollten auf dem PDC-Emulator vorgenommen werden; „Konfigurieren“ verbindet sich mit ihm.
finding-pdc-emulator-fix = Geben Sie für die Änderungen { $pdc } als Server unter „Verzeichnisse verbinden“ ein.
finding-pdc-emulator-fix-cli = Führen Sie plan und apply mit --server { $pdc } aus.
finding-pdc-emulator-connected = Mit dem PDC-Emulator { $pdc } verbunden
finding-pdc-emulator-unknown = Der PDC-Emulator konnte nicht ermittelt werden
finding-pdc-emulator-unknown-detail = fSMORoleOwner am Domänenobjekt war nicht lesbar.
finding-policy-hints-unsupported = Der DC unterstützt das Steuerelement für Kennwortrichtlinienhinweise nicht
finding-policy-hints-unsupported-detail = Sein rootDSE führt weder { $oid } noch { $old } auf; das Rückschreiben verwendet sie, damit Kennwortchronik und Kennwortrichtlinie auch bei Zurücksetzungen gelten.
finding-policy-hints-unsupported-fix = Lassen Sie das Rückschreiben über Domänencontroller ab Windows Server 2016 laufen.
finding-ldap-transport = Diese Prüfung lief über unverschlüsseltes LDAP
finding-ldap-transport-detail = Alles Gelesene (und jedes gesendete Kennwort) wurde im Klartext über das Netzwerk übertragen.
finding-ldap-transport-fix = Wählen Sie unter „Verzeichnisse verbinden“ LDAPS (Standard) oder StartTLS.
finding-ldap-transport-fix-cli = Verwenden Sie LDAPS (Standard) oder --starttls.
finding-samserver-read = { $name } kann das SAM-Serverobjekt nicht lesen
finding-samserver-read-detail = Das Rückschreiben liest dieses Objekt (NetUserGetInfo) und schlägt ohne „Inhalt auflisten“, „Alle Eigenschaften lesen“ und „Berechtigungen lesen“ darauf mit „Zugriff verweigert“ fehl. Domänen erteilen diese Rechte „Authentifizierte Benutzer“ oder „Prä-Windows 2000 kompatibler Zugriff“.
finding-samserver-read-fix = Erteilen Sie für { $name } (oder „Authentifizierte Benutzer“) „Inhalt auflisten“, „Alle Eigenschaften lesen“ und „Berechtigungen lesen“ auf CN=Server,CN=System.
finding-samserver-read-pre2000 = { $name } liest das SAM-Serverobjekt nur über „Prä-Windows 2000 kompatibler Zugriff“
finding-samserver-read-pre2000-detail = Das Rückschreiben liest CN=Server,CN=System; hier gibt nur „Prä-Windows 2000 kompatibler Zugriff“ dem Connectorkonto diesen Lesezugriff. Diese Gruppe zu leeren, wie Sicherheitsbaselines es verlangen, würde das Rückschreiben unterbrechen.
finding-samserver-read-pre2000-fix = Bevor Sie die Gruppe leeren, aktivieren Sie unter „Bereit zur Konfiguration“ „Nur dem Connectorkonto Lesezugriff auf CN=Server,CN=System erteilen“: eine eng begrenzte Berechtigung, mit Vorschau, Sicherung und Wiederherstellung.
finding-samserver-read-pre2000-fix-cli = Bevor Sie die Gruppe leeren, fügen Sie die eng begrenzte Berechtigung hinzu: writeback-wizard plan --grant-samserver (Vorschau, Sicherung und Wiederherstellung wie bei jeder Änderung).
finding-pre2000-au = „Authentifizierte Benutzer“ fehlt in „Prä-Windows 2000 kompatibler Zugriff“
finding-pre2000-au-detail = Meist harmlos; erwähnt, weil manche Fehler beim Rückschreiben darauf zurückgehen.
finding-pre2000-au-fix = Nichts zu tun, es sei denn, das Rückschreiben schlägt für einige Benutzer mit Zugriffsfehlern fehl.
finding-read-incomplete = Ein Teil des Verzeichnisses konnte mit diesem Konto nicht gelesen werden
finding-read-incomplete-detail = { $count } { $count ->
        [one] Lesevorgang ist
       *[other] Lesevorgänge sind
    } fehlgeschlagen (als Nachweis aufgeführt). Ohne sie kann die Prüfung nicht feststellen, ob das Rückschreiben funktioniert, daher meldet sie nie „bereit“.
finding-read-incomplete-fix = Führen Sie die Prüfung mit einem Konto aus, das Sicherheitsbeschreibungen lesen kann (ein Domänen-Admin oder ein Konto mit „Berechtigungen lesen“ für die Domäne).
finding-read-incomplete-cloud = Ein Teil des Mandanten konnte nicht gelesen werden
finding-read-incomplete-cloud-detail = Nicht gelesen: { $unread }. Ohne diese Angaben lässt sich die Cloudseite nicht beurteilen, daher wird das Ergebnis nie als „bereit“ gemeldet.
finding-read-incomplete-cloud-fix = Melden Sie sich als Globaler Administrator an, und stimmen Sie den angeforderten Berechtigungen zu.
finding-read-incomplete-sync = Der Synchronisierungsserver konnte nicht gelesen werden
finding-read-incomplete-sync-detail = { $reason }
finding-read-incomplete-sync-fix = Führen Sie das Tool in einer PowerShell-Sitzung mit erhöhten Rechten als Mitglied von ADSyncAdmins aus.
finding-read-incomplete-cmdlet = { $cmdlet } ist auf dem Synchronisierungsserver fehlgeschlagen
finding-read-incomplete-cmdlet-fix = Führen Sie das Tool als Mitglied von ADSyncAdmins in einer PowerShell-Sitzung mit erhöhten Rechten aus.
finding-read-incomplete-agent-version = Die Version des Cloud-Sync-Bereitstellungs-Agents konnte nicht gelesen werden
finding-read-incomplete-agent-version-fix = Sehen Sie die Produktversion von AADConnectProvisioningAgent.exe im Ordner des Agents nach (Eigenschaften → Details); Writeback braucht 1.1.977.0 oder neuer.
finding-agent-not-installed = Der Cloud-Sync-Bereitstellungs-Agent ist auf diesem Computer nicht installiert
finding-agent-not-installed-detail = Das Agent-Konto von Cloud Sync bedient Writeback für diese Domäne; die Agent-Prüfungen (Version, Dienst, der Writeback-Schalter) müssen auf einem Server mit dem Bereitstellungs-Agent laufen.
finding-agent-not-installed-fix = Führen Sie die Prüfung auf einem Cloud-Sync-Agent-Server aus, um sie einzuschließen.
finding-agent-too-old = Der Cloud-Sync-Bereitstellungs-Agent ist für Kennwortrückschreiben zu alt
finding-agent-too-old-detail = Er hat Version { $version }; Kennwortrückschreiben braucht { $minimum } oder neuer.
finding-agent-too-old-fix = Aktualisieren Sie den Bereitstellungs-Agent (mit automatischem Upgrade tut er das selbst; sonst installieren Sie die aktuelle Version aus dem Entra Admin Center).
finding-agent-stopped = Der Dienst des Cloud-Sync-Bereitstellungs-Agents läuft nicht
finding-agent-stopped-detail = Dienst AADConnectProvisioningAgent: { $status }. Ein angehaltener Agent schreibt nichts zurück.
finding-agent-stopped-fix = Starten Sie den Dienst „Microsoft Entra Connect Provisioning Agent“ und prüfen Sie das Ereignisprotokoll des Agents, wenn er wieder anhält.
finding-agent-writeback-unconfirmed = Ob Cloud-Sync-Writeback eingeschaltet ist, lässt sich auf dem Agent-Server nicht lesen
finding-agent-writeback-unconfirmed-detail = Microsoft dokumentiert ein Cmdlet zum Einschalten (Set-AADCloudSyncPasswordWritebackConfiguration), aber keines zum Zurücklesen.
finding-agent-writeback-unconfirmed-fix = Schalten Sie es unter „Bereit zur Konfiguration“ ein (erneutes Einschalten schadet nicht) und prüfen Sie „Kennwörter mit Microsoft Entra Connect Cloud Sync zurückschreiben“ unter Kennwortzurücksetzung → Lokale Integration.
finding-agent-writeback-unconfirmed-fix-cli = Schalten Sie es mit writeback-wizard apply --enable-cloud-sync-writeback --hybrid-admin BENUTZER ein (erneutes Einschalten schadet nicht) und prüfen Sie „Kennwörter mit Microsoft Entra Connect Cloud Sync zurückschreiben“ unter Kennwortzurücksetzung → Lokale Integration.
error-ps-agent-missing = Der Cloud-Sync-Bereitstellungs-Agent ist auf diesem Computer nicht installiert. Schalten Sie Writeback auf einem Server mit dem Agent ein.
error-ps-agent-too-old = Der Cloud-Sync-Bereitstellungs-Agent hat Version { $version }; Kennwortrückschreiben braucht { $minimum } oder neuer. Aktualisieren Sie zuerst den Agent.
finding-blocked-here = Das Rückschreiben ist hier blockiert ({ $id })
finding-blocked-here-detail = { $users ->
        [0] Derzeit blockiert dies keinen Benutzer im Bereich; dort erstellte oder dorthin verschobene Benutzer wären jedoch blockiert.
        [one] 1 Benutzer im Bereich ist dadurch blockiert.
       *[other] { $users } Benutzer im Bereich sind dadurch blockiert.
    }
finding-blocked-here-fix = Schlagen Sie diese Befund-ID unter „Hilfe“ nach (writeback-wizard explain { $id }).
finding-cloud-license = Im Mandanten ist keine Lizenz für Microsoft Entra ID P1 oder P2 aktiv
finding-cloud-license-detail = Das Kennwortrückschreiben erfordert Entra ID P1 oder P2. Abonniert: { $count ->
        [0] nichts
       *[other] { $subscribed }
    }.
finding-cloud-license-fix = Erwerben Sie Entra ID P1/P2 (oder Microsoft 365 Business Premium, E3, E5), oder starten Sie eine Testversion, und weisen Sie die Lizenz den Benutzern zu.
finding-cloud-role = { $upn } ist kein Globaler Administrator
finding-cloud-role-detail = Aktive Verzeichnisrollen des Kontos: { $count ->
        [0] keine
       *[other] { $roles }
    }. Zum Aktivieren des Kennwortrückschreibens ist ein Globaler Administrator erforderlich. (Rollen, für die das Konto in PIM nur berechtigt ist, zählen erst nach ihrer Aktivierung.)
finding-cloud-role-fix = Melden Sie sich als Globaler Administrator an, oder aktivieren Sie die Rolle zuerst in Privileged Identity Management.
finding-cloud-role-hybrid = { $upn } ist Hybrididentitätsadministrator, kein Globaler Administrator
finding-cloud-role-hybrid-detail = Das genügt für die Anmeldung von Entra Connect, aber zum Konfigurieren des Kennwortrückschreibens ist weiterhin ein Globaler Administrator erforderlich.
finding-cloud-role-hybrid-fix = Melden Sie sich für den Rückschreibeschritt als Globaler Administrator (ein reines Cloudkonto) an.
finding-cloud-federated-admin = { $upn } meldet sich über eine Verbunddomäne ({ $domain }) an
finding-cloud-federated-admin-detail = Das Aktivieren des Rückschreibens mit einem Verbund-Administratorkonto schlägt fehl (Ereignis 32009: Der Dienst kann kein Token dafür abrufen).
finding-cloud-federated-admin-fix = Verwenden Sie für den Rückschreibeschritt einen Globalen Administrator, der ein reines Cloudkonto ist (…@<Mandant>.onmicrosoft.com).
finding-cloud-sync-disabled = Die Verzeichnissynchronisierung ist im Mandanten nicht aktiviert
finding-cloud-sync-disabled-detail = { $state ->
        [false] onPremisesSyncEnabled ist false: Der Mandant wurde synchronisiert, wird es aber nicht mehr.
       *[unset] onPremisesSyncEnabled ist nicht gesetzt: Der Mandant wurde nie synchronisiert.
    }
finding-cloud-sync-disabled-fix = Installieren und starten Sie Entra Connect (oder aktivieren Sie die Synchronisierung wieder), bevor Sie das Rückschreiben aktivieren.
finding-cloud-sync-stale = Die letzte Verzeichnissynchronisierung liegt { $hours } Stunden zurück
finding-cloud-sync-stale-detail = onPremisesLastSyncDateTime = { $last }. Normalerweise wird alle 30 Minuten synchronisiert.
finding-cloud-sync-stale-fix = Prüfen Sie den Synchronisierungsserver: den Dienst ADSync, den Stagingmodus und den Scheduler (Get-ADSyncScheduler).
finding-cloud-sync-stale-unknown = Der Mandant meldet keinen Zeitpunkt der letzten Synchronisierung
finding-cloud-sync-stale-unknown-fix = Prüfen Sie, ob Entra Connect läuft und exportiert.
finding-cloud-sync-features = Aktivierte Synchronisierungsfeatures: { $on-count ->
        [0] keine
       *[other] { $on }
    }
finding-cloud-sync-features-detail = Deaktiviert: { $off-count ->
        [0] keine
       *[other] { $off }
    }. (passwordWritebackEnabled ist laut Dokumentation nicht in Gebrauch und wird daher nicht angezeigt; das Rückschreiben wird auf dem Synchronisierungsserver und in den Einstellungen für die Kennwortzurücksetzung eingeschaltet.)
finding-cloud-sync-features-fix = Nur zur Information.
finding-sync-not-installed = Entra Connect ist auf diesem Computer nicht installiert
finding-sync-not-installed-detail = Auf dem Laptop eines Beraters ist das normal: Die Prüfungen des Synchronisierungsservers (Stagingmodus, Rückschreibeschalter, RestrictRemoteSam, TLS 1.2, ausgehend 443) müssen auf dem Synchronisierungsserver laufen.
finding-sync-not-installed-fix = Führen Sie die Prüfung auf dem Entra Connect-Server aus, um sie einzubeziehen.
finding-sync-staging-mode = Dieser Entra Connect-Server befindet sich im Stagingmodus
finding-sync-staging-mode-detail = Ein Stagingserver exportiert nicht; das Kennwortrückschreiben übernimmt der aktive Server.
finding-sync-staging-mode-fix = Aktivieren Sie das Rückschreiben auf dem aktiven Entra Connect-Server (oder nehmen Sie diesen Server aus dem Stagingmodus).
finding-writeback-disabled = Das Kennwortrückschreiben ist auf diesem Synchronisierungsserver deaktiviert
finding-writeback-disabled-detail = Get-ADSyncAADPasswordResetConfiguration -Connector '{ $connector }' meldet, dass es nicht aktiviert ist.
finding-writeback-disabled-fix = Schalten Sie es ein: „Bereit zur Konfiguration“ bietet dies auf dem Synchronisierungsserver an (oder in Entra Connect: „Optionale Features“ → „Kennwortrückschreiben“).
finding-writeback-disabled-fix-cli = Aktivieren Sie es: writeback-wizard apply --enable-writeback (oder in Entra Connect: „Optionale Features“ → „Kennwortrückschreiben“).
finding-writeback-disabled-no-connector = Auf diesem Server wurde kein Entra-Connector gefunden
finding-writeback-disabled-no-connector-fix = Führen Sie zuerst den Entra Connect-Assistenten aus, um eine Verbindung mit Microsoft Entra ID herzustellen.
finding-restrict-remote-sam = RestrictRemoteSam ist auf diesem Server gesetzt
finding-restrict-remote-sam-detail = „Netzwerkzugriff: Clients einschränken, denen Remoteaufrufe an SAM erlaubt sind“ = { $value }. Die Einstellung blockiert das Rückschreiben (SSPR_0029, Ereignisse 33004 und 6329) und bleibt in der Registrierung erhalten, auch nachdem die Richtlinie entfernt wurde.
finding-restrict-remote-sam-fix = Lassen Sie das AD DS-Connectorkonto in der Richtlinie zu, oder setzen Sie die Richtlinie auf „Nicht definiert“ und löschen Sie den Wert RestrictRemoteSam.
finding-outbound-blocked = Der Synchronisierungsserver kann { $target } nicht erreichen
finding-outbound-blocked-detail = Das Rückschreiben benötigt ausgehendes HTTPS (TCP 443) zum Dienst für die Kennwortzurücksetzung.
finding-outbound-blocked-fix = Lassen Sie in Firewall und Proxy ausgehenden Verkehr über TCP 443 zu den Endpunkten der Kennwortzurücksetzung und von Service Bus zu.
finding-tls12-disabled = TLS 1.2 wird für .NET auf diesem Server nicht erzwungen
finding-tls12-disabled-fix = Setzen Sie die vier .NET-Werte auf 1 (und für den TLS 1.2-Client Enabled=1, DisabledByDefault=0), und starten Sie den Server dann neu.
finding-pilot-user-blocked = Das Rückschreiben wird für { $name } nicht funktionieren
finding-pilot-user-blocked-detail = Gründe: { $reasons }.
finding-pilot-user-blocked-fix = Beheben Sie die Gründe („Konfigurieren“ behebt die Rechte und Richtlinien), oder nehmen Sie den Benutzer aus dem Pilot heraus.
finding-pilot-user-blocked-fix-cli = Beheben Sie die Gründe (writeback-wizard plan behebt die Rechte und Richtlinien), oder nehmen Sie den Benutzer aus dem Pilot heraus.
finding-pilot-not-registered = Der Pilotbenutzer hat sich nicht für die Self-Service-Kennwortzurücksetzung registriert
finding-pilot-not-registered-fix = Bitten Sie den Benutzer, sich vor dem Pilot unter https://aka.ms/ssprsetup zu registrieren.
finding-pilot-not-synced = Der Pilotbenutzer ist nicht mit Entra ID synchronisiert
finding-pilot-not-synced-fix = Nehmen Sie die Organisationseinheit des Benutzers in den Synchronisierungsbereich auf, und lassen Sie Entra Connect ihn exportieren.
finding-pilot-no-license = Dem Pilotbenutzer ist kein Serviceplan für Entra ID P1/P2 zugewiesen
finding-pilot-no-license-fix = Weisen Sie eine Lizenz zu, die Entra ID P1 oder P2 enthält.
finding-pilot-admin = Der Pilotbenutzer ist Administrator: Es gilt die SSPR-Zwei-Gate-Richtlinie für Administratoren
finding-pilot-admin-detail = Administratoren benötigen zwei Methoden und können keine Sicherheitsfragen verwenden; für sie gilt eine eigene Richtlinie, nicht die, die Sie für Benutzer konfigurieren.
finding-pilot-admin-fix = Testen Sie die Self-Service-Kennwortzurücksetzung auch mit einem normalen Benutzer.

## Befundwerte in Worten
words-day = { $n ->
        [one] 1 Tag
       *[other] { $n } Tage
    }
words-hour = { $n ->
        [one] 1 Stunde
       *[other] { $n } Stunden
    }
words-minute = { $n ->
        [one] 1 Minute
       *[other] { $n } Minuten
    }
words-user = { $n ->
        [one] 1 Benutzer
       *[other] { $n } Benutzer
    }
words-under-a-minute = weniger als eine Minute
words-the-connector = das Connectorkonto
right-reset-password = Kennwort zurücksetzen
right-write-pwdlastset = pwdLastSet schreiben
right-write-lockouttime = lockoutTime schreiben
severity-error = Fehler
severity-warning = Warnung
severity-info = Info

## Berichte (Text der Prüfung, Markdown, HTML und JSON)
report-title = Bereitschaft für das Kennwortrückschreiben – { $domain }
report-directories-title = Bereitschaft für das Kennwortrückschreiben – mehrere Verzeichnisse
report-directory-heading = Verzeichnis: { $label }
report-directory-failed = Dieses Verzeichnis konnte nicht geprüft werden: { $reason }
report-directories-verdict = { $count ->
    [one] { $ready } von 1 Verzeichnis bereit
   *[other] { $ready } von { $count } Verzeichnissen bereit
}
report-readiness = bereit für { $ready } von { $users ->
        [one] 1 Benutzer
       *[other] { $users } Benutzern
    } ({ $excluded ->
        [one] 1 geschützter Administrator
       *[other] { $excluded } geschützte Administratoren
    } bewusst ausgenommen, { $blocked } blockiert)
report-verdict-ready = BEREIT: { $readiness }.
report-verdict-not-ready = NICHT BEREIT: { $errors } Fehler, { $warnings } Warnung(en); { $readiness }.
report-domain = Domäne
report-checked-on = geprüft an
report-checked-at = geprüft am { $time } an { $dc }
report-pdc = PDC
report-connector = Connector
report-connector-unknown = (nicht ermittelt)
report-connector-account = Connectorkonto
report-scope = Bereich
report-scope-heading = Bereich
report-no-problems = keine Probleme gefunden
report-evidence = Nachweis
report-fix = Maßnahme
report-users = Benutzer
report-more-blocked = … und { $n } weitere (die Exporte als JSON, CSV und HTML enthalten alle)
report-more-blocked-cli = … und { $n } weitere (vollständige Liste mit --format json oder csv)
report-excluded-one = geschützter Administrator, bewusst ausgenommen
report-more-excluded = … und { $n } weitere geschützte Administratoren
report-more-not-synced = … und { $n } weitere Konten, die die Synchronisierung auslässt
report-excluded-heading = Geschützte Administratoren, bewusst ausgenommen
report-reason-here = { $id } bei diesem Benutzer
report-reason-at = { $id } an { $object }
report-pilot-members = Pilotgruppe { $group }: { $n } Mitglied(er)
report-pilot-group = Pilotgruppe { $group }
report-pilot-ready = bereit
report-pilot-blocked = blockiert
report-pilot-unknown = unbekannt
report-pilot-not-synchronized = nicht synchr.
report-col-object = Objekt
report-col-finding = Befund
report-col-user = Benutzer
report-col-verdict = Ergebnis
report-col-reasons = Gründe
report-col-synced = Synchronisiert
report-col-licensed = Lizenz
report-col-sspr = Für SSPR registriert
report-col-admin = Admin
report-col-predicted = erwarteter Fehler
report-yes = ja
report-no = nein

## Fehler der Engine, mit dem nächsten Schritt (-cli: der der Befehlszeile, mit deren Optionen)
error-ad-ca-file = die CA-Datei { $path } kann nicht gelesen werden: { $reason }. Geben Sie eine PEM-Datei mit dem oder den CA-Zertifikaten an.
error-ad-bad-url = „{ $server }“ ist keine verwendbare LDAP-Adresse: { $reason }. Geben Sie einen Hostnamen oder ldaps://Host[:Port] an.
error-ad-unknown-host = der Host von { $server } wurde nicht gefunden: { $reason }. Prüfen Sie den Namen, oder geben Sie die Adresse des Domänencontrollers an.
error-ad-refused = unter { $server } nimmt nichts Verbindungen an (Verbindung abgelehnt). Prüfen Sie den Host und den Port: LDAPS verwendet 636, LDAP und StartTLS 389.
error-ad-connect = keine Verbindung zu { $server } möglich: { $reason }
error-ad-timeout = { $server } hat nicht innerhalb von { $seconds } s geantwortet. Prüfen Sie den Host, den Port und etwaige Firewalls.
error-ad-timeout-cli = { $server } hat nicht innerhalb von { $seconds } s geantwortet. Prüfen Sie den Host, den Port und etwaige Firewalls, oder erhöhen Sie --timeout.
error-ad-untrusted-certificate = das Zertifikat von { $server } ist nicht vertrauenswürdig ({ $reason }). Wenn die Domäne eine eigene Zertifizierungsstelle verwendet, wählen Sie deren CA-Zertifikat über „CA-Datei auswählen…“ aus, und testen Sie erneut.
error-ad-untrusted-certificate-cli = das Zertifikat von { $server } ist nicht vertrauenswürdig ({ $reason }). Wenn die Domäne eine eigene Zertifizierungsstelle verwendet, übergeben Sie deren Zertifikat mit --ca-file CA.pem.
error-ad-certificate-name = das Zertifikat von { $server } enthält diesen Namen nicht ({ $reason }). Verbinden Sie sich mit einem Namen, den das Zertifikat aufführt, meist dem vollständigen DNS-Namen des Domänencontrollers.
error-ad-certificate-expired = das Zertifikat von { $server } ist abgelaufen oder noch nicht gültig ({ $reason }). Erneuern Sie das Zertifikat des Domänencontrollers.
error-ad-tls = TLS mit { $server } fehlgeschlagen: { $reason }
error-ad-starttls-refused = { $server } hat StartTLS abgelehnt ({ $reason }): Der Domänencontroller hat kein Zertifikat für LDAP oder bietet StartTLS nicht an. Es wurde kein Kennwort gesendet. Verwenden Sie LDAPS (Port 636), wenn der Domänencontroller ein Zertifikat hat, oder stellen Sie ihm eines aus.
error-ad-connection-lost = die Verbindung zu { $server } ist während des Vorgangs „{ $op }“ abgebrochen ({ $reason }); der Lauf wurde dort beendet und liefert kein Ergebnis. Prüfen Sie das Netzwerk (VPN, Leerlauf-Timeouts von Firewalls), und führen Sie ihn erneut aus; stellen Sie nach einer unterbrochenen Änderung den vorherigen Zustand aus deren Sicherung wieder her.
error-ad-encryption-required = { $server } verlangt für diese Anmeldung eine verschlüsselte Verbindung (LDAP 8: { $text }). Wählen Sie unter „Verzeichnisse verbinden“ LDAPS oder StartTLS.
error-ad-encryption-required-cli = { $server } verlangt für diese Anmeldung eine verschlüsselte Verbindung (LDAP 8: { $text }). Verwenden Sie LDAPS (Standard) oder --starttls.
error-ad-plaintext-refused = das Senden eines Kennworts über die unverschlüsselte Verbindung zu { $server } wird verweigert. Wählen Sie unter „Verzeichnisse verbinden“ LDAPS oder StartTLS.
error-ad-plaintext-refused-cli = das Senden eines Kennworts über die unverschlüsselte Verbindung zu { $server } wird verweigert. Verwenden Sie LDAPS (Standard) oder --starttls; oder fügen Sie --plaintext-password hinzu, wenn Sie das wirklich wollen.
error-ad-bad-credentials = { $server } hat das Kennwort für { $user } abgelehnt{ $detail }. Prüfen Sie den Benutzernamen (Benutzer@Domäne oder DOMÄNE\Benutzer) und das Kennwort.
error-ad-account = { $server } hat die Anmeldung von { $user } abgelehnt: { $reason }.
error-ad-kerberos = Kerberos-Anmeldung bei { $server } fehlgeschlagen: { $reason }. Führen Sie unter Linux zuerst kinit aus (und prüfen Sie KRB5_CONFIG); melden Sie sich unter Windows mit einem Domänenkonto an.
error-ad-kerberos-unavailable = dieser Build unterstützt Kerberos nicht. Melden Sie sich mit einem Benutzernamen und einem Kennwort an.
error-ad-kerberos-unavailable-cli = dieser Build unterstützt Kerberos nicht. Erstellen Sie ihn mit `--features kerberos`, oder melden Sie sich mit --user und einem Kennwort an.
error-ad-bind = Anmeldung als { $user } fehlgeschlagen: LDAP { $code } ({ $text })
error-ad-not-ad = { $server } antwortet auf LDAP, ist aber kein Active Directory: { $reason }. Geben Sie unter „Verzeichnisse verbinden“ einen Domänencontroller ein.
error-ad-not-ad-cli = { $server } antwortet auf LDAP, ist aber kein Active Directory: { $reason }. Geben Sie mit --server einen Domänencontroller an.
error-ad-operation = Vorgang „{ $op }“ für { $dn } fehlgeschlagen: LDAP { $code } ({ $text })
error-ad-malformed = Vorgang „{ $op }“ für { $dn }: { $reason }
error-ad-protocol = LDAP-Protokollfehler während des Vorgangs „{ $op }“: { $reason }
error-scope-not-found = der Bereich „{ $scope }“ ist im Verzeichnis nicht vorhanden. Wählen Sie unter „Filtern von Domänen und Organisationseinheiten“ eine OE oder einen Container aus.
error-scope-not-found-cli = der Bereich „{ $scope }“ ist im Verzeichnis nicht vorhanden. Geben Sie den DN einer OE oder eines Containers an, z. B. --scope "OU=Staff,DC=corp,DC=example,DC=com".
error-scope-outside-domain = der Bereich „{ $scope }“ liegt nicht in der Domäne { $domain }. Geben Sie einen DN an, der mit dem DN der Domäne endet.
error-connector-not-found-cli = kein Konto entspricht --connector "{ $name }". Geben Sie seinen sAMAccountName (oft MSOL_…; bei Cloud Sync sein gMSA, oft provAgentgMSA$), seinen UPN, seine SID oder seinen DN an.
error-connector-ambiguous = „{ $name }“ passt auf mehrere Konten: { $candidates }. Geben Sie unter „Verzeichnisse verbinden“ den DN des Kontos an, das Entra Connect verwendet.
error-connector-ambiguous-cli = --connector "{ $name }" passt auf mehrere Konten: { $candidates }. Geben Sie den DN des Kontos an, das Entra Connect verwendet.
error-plan-unknown-pso = es gibt keine differenzierte Kennwortrichtlinie namens „{ $name }“. Namen in dieser Domäne: { $names }.
error-plan-no-connector = es gibt kein Connectorkonto, dem Rechte erteilt werden könnten: Die Prüfung hat kein eindeutiges gefunden. Geben Sie es unter „Verzeichnisse verbinden“ ein.
error-plan-no-connector-cli = es gibt kein Connectorkonto, dem Rechte erteilt werden könnten: Die Prüfung hat kein eindeutiges gefunden. Geben Sie es mit --connector an.
error-plan-unreadable = die DACL von { $dn } konnte nicht gelesen werden, daher kann keine Änderung daran geplant werden. Führen Sie das Tool mit einem Konto aus, das sie lesen kann.
error-plan-no-dacl = { $dn } hat keine DACL (eine NULL-DACL gewährt jedem Vollzugriff). Das Hinzufügen der ACEs des Connectorkontos würde alle anderen Rechte entziehen, daher wird dort nichts geplant: Geben Sie dem Objekt zuerst eine ordnungsgemäße DACL (setzen Sie sie z. B. in „Active Directory-Benutzer und -Computer“ auf den Standard zurück).
error-plan-too-large = die DACL von { $dn } wäre mit den ACEs des Connectorkontos { $size } Bytes groß, mehr als die 64 KiB, die eine DACL fassen kann. Entfernen Sie dort nicht mehr benötigte ACEs, und planen Sie dann erneut.

## Warum ein Plan einen Blocker bestehen lässt (-cli: der nächste Schritt der Befehlszeile)
notfixed-deny = eine explizite Verweigerung hat Vorrang vor jeder Erteilung; entfernen Sie sie manuell, oder schränken Sie sie ein
notfixed-unexpire-deny = eine Verweigerung sperrt „Kennwortablauf aufheben“ für die Domäne; entfernen Sie sie manuell
notfixed-min-age-kept = das Mindestkennwortalter der Domäne bleibt bestehen (aktivieren Sie „Mindestkennwortalter der Domäne auf 0 setzen“)
notfixed-min-age-kept-cli = das Mindestkennwortalter der Domäne bleibt bestehen (fügen Sie --min-password-age-zero hinzu)
notfixed-pso-kept = das Mindestkennwortalter der Kennwortrichtlinie { $name } bleibt bestehen (aktivieren Sie die zugehörige Option unter „Optionen“)
notfixed-pso-kept-cli = das Mindestkennwortalter der Kennwortrichtlinie bleibt bestehen (fügen Sie --fix-pso "{ $name }" hinzu)
notfixed-unreadable = ein Teil des Verzeichnisses konnte nicht gelesen werden; führen Sie das Tool mit einem Konto aus, das ihn lesen kann
notfixed-samserver = eine Verweigerung entzieht dem Connectorkonto den Lesezugriff auf CN=Server,CN=System; entfernen oder begrenzen Sie sie manuell
notfixed-protected-containers-off = die Vererbung ist hier deaktiviert (aktivieren Sie „Rechte auch auf OEs mit deaktivierter Vererbung erteilen“)
notfixed-protected-containers-off-cli = die Vererbung ist hier deaktiviert, und --no-protected-containers wurde angegeben
notfixed-protected-users-off = die Vererbung ist für den Benutzer deaktiviert, und der Plan erteilt keine Rechte auf solche Benutzer
notfixed-protected-users-off-cli = die Vererbung ist für den Benutzer deaktiviert, und --no-protected-users wurde angegeben
notfixed-stale-admincount-off = adminCount bleibt bestehen (aktivieren Sie „adminCount bei … löschen“ unter „Optionen“)
notfixed-stale-admincount-off-cli = fügen Sie --clear-stale-admincount hinzu (oder lassen Sie --no-protected-users weg)
notfixed-classes-left-out = Objekte vom Typ { $classes } werden im Plan nicht berücksichtigt (inetOrgPerson-Objekte: { $mode })
notfixed-classes-left-out-cli = Objekte vom Typ { $classes } werden im Plan nicht berücksichtigt (--inetorgperson { $mode })
notfixed-own-dacl = der eigenen DACL dieses Benutzers fehlt das Recht, obwohl die darüber liegenden Erteilungen es gewähren würden; prüfen Sie ihre expliziten ACEs
notfixed-other = der Plan enthält keine Änderung, die das behebt

## Fehler beim Anwenden und Wiederherstellen (-cli: der nächste Schritt auf der Befehlszeile)
error-backup-other-domain = die Sicherungsdatei { $path } wurde für die Domäne { $backup } erstellt, dies ist aber { $domain }; es wurde nichts geschrieben. Melden Sie sich bei der Domäne an, in der die Sicherung erstellt wurde.
error-backup-other-domain-cli = die Sicherungsdatei { $path } wurde für die Domäne { $backup } erstellt, dies ist aber { $domain }; es wurde nichts geschrieben. Geben Sie mit --server einen DC der Domäne der Sicherung an.
error-backup-changed-since = { $dn } ({ $attribute }) wurde seit dem Anwenden geändert, daher wird der ganze ursprüngliche Wert nicht zurückgeschrieben (das würde die Änderung eines anderen rückgängig machen); es wurde nichts geschrieben. Stellen Sie stattdessen nur die Änderungen wieder her.
error-backup-changed-since-cli = { $dn } ({ $attribute }) wurde seit dem Anwenden geändert, daher wird der ganze ursprüngliche Wert nicht zurückgeschrieben (das würde die Änderung eines anderen rückgängig machen); es wurde nichts geschrieben. Stellen Sie ohne --whole wieder her, oder fügen Sie --force hinzu.
error-backup-restore = Wiederherstellen von { $dn }: { $reason }
error-apply-changed = { $dn } wurde geändert, seit der Plan erstellt wurde ({ $what }); angehalten nach { $written } Änderung(en). Gehen Sie zurück zu „Bereit zur Konfiguration“, um anhand der aktuellen Werte neu zu planen, und stellen Sie bei Bedarf aus der Sicherung wieder her.
error-apply-changed-cli = { $dn } wurde geändert, seit der Plan erstellt wurde ({ $what }); angehalten nach { $written } Änderung(en). Führen Sie plan erneut aus, oder wenden Sie mit --replan an, um die geplanten Einträge zum aktuellen Wert hinzuzufügen.

## Pläne (plan und apply auf der Befehlszeile; die Änderungen und Warnungen unter „Bereit zur Konfiguration“)
plan-heading = Plan für { $domain } (gelesen von { $from })
plan-read-from-pdc = { $dc }, PDC-Emulator { $pdc }
plan-connector = Connectorkonto
plan-nothing = Nichts zu ändern.
plan-before = vorher
plan-after = nachher
plan-warning = WARNUNG
plan-not-fixed = Von diesem Plan nicht behoben
plan-not-fixed-heading = Von diesem Plan nicht behoben ({ $n }): Eine Prüfung nach dem Anwenden meldet genau diese.
plan-not-fixed-line = { $id } bei { $object }: { $reason }{ $users ->
        [0] {""}
        [one] {" "}(1 Benutzer bleibt blockiert)
       *[other] {" "}({ $users } Benutzer bleiben blockiert)
    }
change-grant-root = Erlaubt { $name }, Kennwörter zurückzusetzen sowie pwdLastSet und lockoutTime auf untergeordneten Objekten vom Typ { $classes } der Domäne zu schreiben{ $unexpire ->
        [yes] , und den Kennwortablauf aufzuheben (Kennwortablauf aufheben)
       *[no] {""}
    }.
change-grant-protected = Erteilt { $name } die Rückschreiberechte auch für dieses Objekt vom Typ { $class }: Die Vererbung ist hier deaktiviert, daher erreicht die Berechtigung am Domänenstamm die Benutzer darunter nicht.
change-grant-below = Erteilt { $name } die Rückschreiberechte hier: Die Berechtigungen darüber erreichen die Benutzer unterhalb dieses Objekts vom Typ { $class } nicht.
change-grant-user = Erteilt { $name } die Rückschreiberechte für diesen Benutzer: Seine Vererbung ist deaktiviert, und er ist kein geschützter Administrator.
change-grant-adminsdholder = Erteilt die Rückschreiberechte für AdminSDHolder, damit SDProp sie auf geschützte Konten kopiert (nicht empfohlen).
change-min-age-domain = Setzt das Mindestkennwortalter der Domäne auf 0.
change-min-age-pso = Setzt das Mindestkennwortalter der Kennwortrichtlinie { $name } auf 0.
change-clear-admincount = Löscht adminCount: Das Konto ist in keiner geschützten Gruppe mehr.
change-enable-inheritance = Aktiviert die Vererbung wieder, damit die weiter oben erteilten Rechte dieses Konto erreichen.
plan-warning-adminsdholder = NICHT EMPFOHLEN: Berechtigungen für AdminSDHolder erlauben dem Connectorkonto, die Kennwörter aller geschützten Konten (auch der Domänen-Admins) zurückzusetzen, sobald SDProp läuft.
plan-warning-gpo-min-age = Die Kennwortrichtlinie der Domäne wird per Gruppenrichtlinie gesetzt: Sofern „Minimales Kennwortalter“ im am Domänenstamm verknüpften Gruppenrichtlinienobjekt ({ $gpos }) nicht 0 ist, setzt die nächste Richtlinienaktualisierung minPwdAge zurück.
plan-warning-gpo-min-age-unnamed = Die Kennwortrichtlinie der Domäne wird per Gruppenrichtlinie gesetzt: Sofern „Minimales Kennwortalter“ in dem Gruppenrichtlinienobjekt, das die Kennwortrichtlinie der Domäne setzt, nicht 0 ist, setzt die nächste Richtlinienaktualisierung minPwdAge zurück.
restore-already = bereits wie vor dem Anwenden
restore-whole = der ganze Wert vor dem Anwenden
restore-nothing-left = nichts, was beim Anwenden hinzugefügt wurde, ist noch vorhanden
restore-remove-added = entfernt, was beim Anwenden hinzugefügt wurde
restore-remove-added-keep = entfernt, was beim Anwenden hinzugefügt wurde; seitdem vorgenommene Änderungen bleiben erhalten
restore-put-back = stellt den Wert vor dem Anwenden wieder her
restore-changed-since = seit dem Anwenden geändert (jetzt { $now }); bleibt, wie er ist
restore-step-restored = zurückgeschrieben: { $dn } ({ $attribute }): { $note }
restore-step-unchanged = unverändert: { $dn } ({ $attribute }): { $note }
change-grant-root-unexpire = Erlaubt { $name }, den Kennwortablauf in der Domäne aufzuheben (Kennwortablauf aufheben).
change-grant-scope = Erlaubt { $name }, Kennwörter zurückzusetzen sowie pwdLastSet und lockoutTime auf untergeordneten Objekten vom Typ { $classes } dieses Objekts vom Typ { $class } des Synchronisierungsbereichs zu schreiben (und nirgends sonst).
plan-warning-grant-at-scope = Die Rechte werden nur auf den Organisationseinheiten des Synchronisierungsbereichs erteilt: Benutzer in später außerhalb davon erstellten oder dorthin verschobenen Organisationseinheiten werden nicht zurückgeschrieben, bis ein Plan auch dort Rechte erteilt.
plan-reach = Reichweite: Die Berechtigungen erreichen { $users ->
        [one] 1 Benutzerkonto
       *[other] { $users } Benutzerkonten
    }; { $privileged } davon { $privileged ->
        [one] ist
       *[other] sind
    } als privilegiert markiert (adminCount=1, durch AdminSDHolder geschützt, sofern dort nicht ebenfalls Rechte erteilt werden).
change-grant-samserver = Erlaubt nur dem Connectorkonto, das SAM-Serverobjekt zu lesen („Inhalt auflisten“, „Alle Eigenschaften lesen“, „Berechtigungen lesen“), das das Rückschreiben liest; „Prä-Windows 2000 kompatibler Zugriff“ wird dafür dann nicht mehr gebraucht.
report-engine-connect-sync = Entra Connect Sync
report-engine-cloud-sync = Entra Cloud Sync
error-apply-write = das Schreiben von { $dn } ist nach { $written } Änderung(en) fehlgeschlagen: { $reason }

## Errors of plan files, backups, apply and profiles
error-plan-file-checksum = Die Plandatei wurde nach dem Schreiben geändert oder beschädigt (ihre Prüfsumme stimmt nicht); nichts wurde geschrieben. Erstellen Sie einen neuen Plan.
error-plan-file-schema = Die Plandatei hat Schema { $found }, diese Version liest Schema { $expected }; nichts wurde geschrieben. Erstellen Sie mit dieser Version einen neuen Plan.
error-plan-file-shape = Die Plandatei verlangt eine Änderung, die dieses Werkzeug nie plant; sie wird abgelehnt und nichts wurde geschrieben: { $reason }
error-backup-read = Die Sicherungsdatei { $path } kann nicht gelesen werden: { $reason }. Wählen Sie die Sicherung, die beim Anwenden geschrieben wurde.
error-backup-read-cli = Die Sicherungsdatei { $path } kann nicht gelesen werden: { $reason }. Geben Sie die beim Anwenden geschriebene Sicherung mit --backup an.
error-backup-damaged = Die Sicherungsdatei { $path } ist beschädigt, abgeschnitten oder wurde bearbeitet ({ $reason }); nichts wurde geschrieben
error-backup-write = Die Sicherungsdatei { $path } kann nicht geschrieben werden: { $reason }. Im Verzeichnis wurde nichts geändert. Wählen Sie einen anderen Ort für die Sicherung.
error-backup-write-cli = Die Sicherungsdatei { $path } kann nicht geschrieben werden: { $reason }. Im Verzeichnis wurde nichts geändert. Geben Sie mit --backup einen anderen Ort an.
error-backup-exists = Die Sicherungsdatei { $path } gibt es schon; wählen Sie einen neuen Namen, damit keine Sicherung überschrieben wird
error-backup-verify = Nach dem Wiederherstellen von { $dn } enthält das Verzeichnis etwas anderes als geplant: { $detail }
error-apply-other-domain = Der Plan wurde für die Domäne { $plan } erstellt, dies ist aber { $domain }; nichts wurde geschrieben. Melden Sie sich bei der Domäne an, für die der Plan erstellt wurde.
error-apply-wrong-object = Der Plan ändert { $dn } als { $expected }, im Verzeichnis ist es aber { $found }; nichts wurde geschrieben. Erstellen Sie einen neuen Plan.
target-domain = das Domänenobjekt
target-user = ein Benutzer
target-password-settings = eine Kennwortrichtlinie
target-container = ein Container
target-sam-server = das SAM-Serverobjekt
apply-what-dacl = die Berechtigungen (DACL)
error-apply-not-permitted = Das angemeldete Konto darf { $what } von { $dn } nicht ändern; nichts wurde geschrieben. Melden Sie sich mit einem Konto an, das es darf (meist ein Domänen-Admin).
error-apply-concurrent = { $change }; angehalten nach { $written } Änderung(en). Nichts von dieser anderen Änderung wurde unbemerkt überschrieben.
error-apply-not-stale = { $dn } ist wieder in einer geschützten Gruppe (oder seine Gruppen sind nicht lesbar), sein adminCount ist also nicht mehr veraltet; angehalten nach { $written } Änderung(en), ohne ihn zu löschen. Prüfen Sie erneut und erstellen Sie einen neuen Plan.
error-apply-bad-plan = Der Plan ist beschädigt ({ $reason }); nichts weiter wurde geschrieben. Erstellen Sie einen neuen Plan.
error-apply-verify = Nach dem Schreiben von { $dn } enthält das Verzeichnis nicht, was geschrieben wurde ({ $detail }); angehalten nach { $written } Änderung(en). Stellen Sie aus der Sicherung wieder her.
error-apply-cancelled = Abgebrochen nach { $written } Änderung(en); die Sicherung enthält jeden ursprünglichen Wert
error-profile-read = Das Profil { $path } kann nicht gelesen werden: { $reason }
error-profile-format = { $path } ist kein Profil des Writeback Wizard: { $reason }
error-profile-write = Das Profil { $path } kann nicht geschrieben werden: { $reason }. Wählen Sie einen anderen Ort.

## Errors of the sign-in, Microsoft Graph, the pilot group and PowerShell
error-auth-network = Der Anmeldedienst unter { $url } ist nicht erreichbar: { $reason }. Prüfen Sie das Netzwerk, einen Proxy und die für den Mandanten gewählte Cloud.
error-auth-bad-response = Der Anmeldedienst hat etwas Unerwartetes geantwortet ({ $reason })
error-auth-refused = Die Anmeldung wurde abgelehnt: { $error }: { $description }
error-auth-declined = Die Anmeldung wurde im Browser oder auf dem Gerät abgelehnt
error-auth-expired = Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen war; beginnen Sie neu
error-auth-timeout = Innerhalb von { $seconds } s kam keine Anmeldung über die Loopback-Umleitung an. Versuchen Sie es erneut oder melden Sie sich mit einem Gerätecode an.
error-auth-timeout-cli = Innerhalb von { $seconds } s kam keine Anmeldung über die Loopback-Umleitung an. Versuchen Sie es erneut oder geben Sie --device-code an.
error-auth-loopback = Die Loopback-Umleitung konnte nicht eingerichtet werden: { $reason }. Melden Sie sich stattdessen mit einem Gerätecode an.
error-auth-loopback-cli = Die Loopback-Umleitung konnte nicht eingerichtet werden: { $reason }. Geben Sie stattdessen --device-code an.
error-auth-no-refresh-token = Die Sitzung ist abgelaufen und es gibt kein Aktualisierungstoken: Melden Sie sich erneut an
error-auth-session-expired = Die Anmeldung wurde abgelehnt, weil die Sitzung nicht mehr gültig ist ({ $reason }): Melden Sie sich erneut an
error-graph-network = Microsoft Graph unter { $url } ist nicht erreichbar: { $reason }. Prüfen Sie das Netzwerk, einen Proxy und die für den Mandanten gewählte Cloud.
error-graph-unauthorized = Microsoft Graph nimmt die Anmeldung nicht mehr an (401): Melden Sie sich erneut an
error-graph-forbidden = Microsoft Graph hat { $path } verweigert (403 { $code }): { $message }. Nötig ist { $needs }.
error-graph-not-found = { $path } wurde nicht gefunden (404)
error-graph-throttled = Microsoft Graph ist ausgelastet oder gestört (HTTP { $status }), auch nach { $retries } Wiederholungen: Versuchen Sie es in einigen Minuten erneut
error-graph-http = Microsoft Graph hat { $path } mit HTTP { $status } beantwortet: { $message }
error-graph-malformed = Microsoft Graph hat { $path } mit etwas Unerwartetem beantwortet: { $reason }
error-endpoint = { $which } „{ $url }“ ist nicht verwendbar: { $reason }
endpoint-authority = Die Authority-URL
endpoint-graph = Die Graph-URL
endpoint-not-a-url = sie ist keine URL ({ $reason })
endpoint-plain-http = unverschlüsseltes http ist nur auf einer Loopback-Adresse erlaubt; verwenden Sie https
endpoint-scheme = das Schema { $scheme } ist nicht https
endpoint-query = geben Sie eine Basis-URL ohne Query und Fragment an
error-pilot-group-not-found = Keine AD-Gruppe passt zu „{ $name }“: Geben Sie ihren DN oder ihren sAMAccountName an
error-pilot-group-ambiguous = „{ $name }“ passt zu mehreren AD-Gruppen ({ $candidates }): Geben Sie den DN an
error-pilot-user-ambiguous = „{ $name }“ passt zu mehreren Benutzern ({ $candidates }): Geben Sie den DN an
error-pilot-entra-group-ambiguous = mehrere Entra-Gruppen heißen „{ $name }“: Geben Sie die Objekt-ID der Gruppe an
pilot-unknown-cloud-account = Cloudkonto: { $reason }
pilot-unknown-licence = Lizenz: { $reason }
pilot-unknown-registration = SSPR-Registrierung: { $reason }
pilot-unknown-cloud-not-checked = die Cloud wurde nicht geprüft (keine Anmeldung bei Entra ID)
pilot-unknown-no-object-guid = das AD-Konto hat keine objectGUID, daher lässt sich sein synchronisierter Benutzer nicht finden
error-pilot-cloud = Das Lesen der Entra-Gruppe ist fehlgeschlagen: { $reason }
error-read-no-organization = Microsoft Graph antwortete ohne Organisationsobjekt.
error-read-no-upn-domain = Der Name des angemeldeten Benutzers hat keinen Domänenteil, daher konnte seine Domäne nicht gelesen werden.
error-read-no-sync-settings = Microsoft Graph antwortete ohne die Synchronisierungseinstellungen des Mandanten.
error-read-sync-settings = Die Synchronisierungseinstellungen des Mandanten konnten nicht gelesen werden: { $reason }
error-ps-not-found = PowerShell ist hier nicht verfügbar ({ $reason }): Dies ist kein Windows-Synchronisierungsserver
error-ps-timeout = PowerShell ist nicht innerhalb von { $seconds } s fertig geworden. Versuchen Sie es erneut; wenn es wieder passiert, prüfen Sie die Last des Servers.
error-ps-cmdlet = { $cmdlet } ist fehlgeschlagen: { $message }
error-ps-failed = PowerShell ist fehlgeschlagen (Exit { $code }): { $stderr }
error-ps-empty = PowerShell lief, hat aber nichts ausgegeben: Dies ist keine vollständige Windows PowerShell (oder ihre Ausgabe wird blockiert)
error-ps-output = PowerShell hat etwas Unerwartetes geantwortet: { $reason }
error-ps-staging-mode = Dieser Synchronisierungsserver ist im Stagingmodus: Er exportiert nicht, daher muss Writeback auf dem aktiven Server eingeschaltet werden
error-ps-no-entra-connector = Auf diesem Server wurde kein Entra-Connector gefunden: Schließen Sie zuerst die Einrichtung von Entra Connect ab
error-ps-still-off = { $cmdlet } lief, aber das Zurücklesen sagt, dass Writeback noch aus ist. Prüfen Sie das Ereignisprotokoll des Synchronisierungsservers (Quelle ADSync) und versuchen Sie es erneut.

## The command line's own messages (cli-…): never shown by the wizard, so they may name flags
cli-no-wizard = Dieser Build hat keinen Assistenten (built without the `gui` feature). Rufen Sie `writeback-wizard --help` für die Befehlszeile auf, oder bauen Sie mit den Standard-Features: `cargo build --release`
cli-writing-plan = Schreiben des Plans nach { $path }
cli-not-a-terminal = Kein Terminal, daher kann nichts bestätigt werden: Geben Sie --yes an, um fortzufahren
cli-reading-plan = Lesen des Plans { $path }
cli-not-a-plan = { $path } ist kein Plan, den `plan --format json` geschrieben hat
cli-undo-hint = { $written } Änderung(en) waren geschrieben; rückgängig machen mit: { $command }
cli-no-server = Kein --server angegeben, und dieser Rechner ist in keiner Domäne. Geben Sie den Domänencontroller mit --server dc1.corp.example.com an
cli-password-env-unset = --password-env { $var }: Die Variable ist nicht gesetzt
cli-reading-password = Lesen des Kennworts
cli-no-password = Kein Kennwort: Geben Sie --password-env VAR oder --password-file PFAD an (Kennwörter werden nie als Argumente angenommen)
cli-password-file = --password-file { $path }
cli-password-file-not-utf8 = --password-file { $path }: Die Datei ist kein UTF-8-Text. Speichern Sie sie als UTF-8 (das Kennwort selbst darf beliebige Zeichen enthalten).
cli-password-file-empty = --password-file { $path }: Die erste Zeile ist leer
cli-no-user = Kein --user: Geben Sie das Konto für die Anmeldung an, z. B. --user admin@corp.example.com, oder verwenden Sie --kerberos
cli-device-code-sign-in = Anmeldung mit Gerätecode
cli-browser-sign-in = Anmeldung im Browser
error-not-sync-server-cli = Entra Connect ist auf diesem Computer nicht installiert: Führen Sie apply --enable-writeback auf dem Synchronisierungsserver aus
cli-writing-pilot = Schreiben der Pilottabelle nach { $path }
cli-writing-report = Schreiben des Berichts nach { $path }
cli-reading-stdin = Lesen der Standardeingabe
cli-verify-signed-in = Angemeldet als { $user }, an { $dn }:
cli-verify-works = funktioniert
cli-verify-refused = abgelehnt: LDAP { $code } ({ $text })
cli-verify-all = Der Connector kann Kennwörter für diesen Benutzer zurückschreiben. (Sein Kennwort ist jetzt zufällig.)
cli-verify-not = Der Connector kann Kennwörter für diesen Benutzer NICHT zurückschreiben.
cli-nothing-to-change = Im Verzeichnis ist nichts zu ändern.
cli-apply-preview = Plan für { $domain } (Connector { $name }, { $sid }, { $dn }), wie er jetzt auf das Verzeichnis wirkt:
cli-apply-confirm = { $count } Änderung(en) anwenden?
cli-plan-file-options = --plan wendet die Optionen an, mit denen der Plan erstellt wurde; von den Planoptionen darf nur --include-adminsdholder mit angegeben werden (als Zustimmung zu diesem Teil jetzt). Erstellen Sie einen neuen Plan, um sie zu ändern.
cli-apply-file-dc = Die Plandatei wurde auf { $dc } erstellt (PDC-Emulator { $pdc }); das wird nur verglichen: das Verzeichnis wurde jetzt auf { $now } gelesen.
cli-apply-changed-since = Im Verzeichnis geändert, seit die Plandatei erstellt wurde (die Werte von jetzt werden verwendet):
cli-apply-not-in-file = Jetzt ebenfalls nötig, aber nicht in der Plandatei (wird nicht geschrieben; erstellen Sie einen neuen Plan, um es aufzunehmen):
cli-apply-in-place = In der Plandatei und schon im Verzeichnis (nichts zu schreiben):
cli-restore-run-not-authenticated = Hinweis: die Datei des Laufs ist nicht als eine beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }). Jede Sicherung, die sie aufführt, wird für sich geprüft.
cli-restore-not-authenticated = Hinweis: die Sicherung { $path } ist nicht als eine beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }): aus ihr werden nur die eigenen Berechtigungen des Werkzeugs zurückgenommen, und --whole wird abgelehnt.
cli-nothing-changed = Nichts wurde geändert.
cli-apply-backed-up = Sicherung von { $count } ursprünglichen Wert(en) nach { $path } geschrieben
cli-apply-writing = schreibe { $dn }
cli-apply-verified = geprüft { $dn }
cli-apply-already = schon wie geplant: { $dn }
cli-apply-done = Fertig: { $count } Änderung(en) geschrieben und geprüft.
    Sicherung: { $backup }
    Rückgängig: { $command }
cli-plan-written = Plan nach { $path } geschrieben ({ $count } Änderung(en))
cli-nothing-to-write = Nichts zu schreiben.
cli-restore-backup = Sicherung von { $domain } ({ $sid }) für den Connector { $name } ({ $connector }), erstellt { $time } auf { $dc }: { $count } Wert(e).
cli-restore-confirm = Diese { $count } Wert(e) schreiben?
cli-restore-done = { $restored } Wert(e) wiederhergestellt, { $unchanged } schon wie vor dem Anwenden; alles geprüft.
cli-restore-done-kept = { $restored } Wert(e) wiederhergestellt, { $unchanged } schon wie vor dem Anwenden, { $kept } seitdem von jemand anderem geändert und behalten; alles geprüft.
cli-tls-skip-verify = WARNUNG: --tls-skip-verify: Das Zertifikat des Servers wird NICHT geprüft. Jeder zwischen Ihnen und { $server } kann das Kennwort lesen. Verwenden Sie stattdessen --ca-file.
cli-pdc-connected = verbunden mit dem PDC-Emulator { $pdc }
cli-pdc-unreachable = WARNUNG: Der PDC-Emulator { $pdc } ist nicht erreichbar ({ $reason }); es wird stattdessen auf { $server } angewendet
cli-public-client = Anmeldung mit dem öffentlichen Client von Microsoft Graph Command Line Tools ({ $id }); mit --client-id verwenden Sie Ihre eigene App.
cli-device-code = Öffnen Sie zur Anmeldung { $uri } und geben Sie den Code { $code } ein
cli-open-address = Öffnen Sie diese Adresse in einem Browser, um sich anzumelden:
cli-waiting-browser = Warte auf die Anmeldung im Browser (oder verwenden Sie --device-code)…
cli-writeback-already-on = Kennwortrückschreiben ist auf diesem Synchronisierungsserver schon eingeschaltet.
cli-writeback-now-on = Kennwortrückschreiben ist auf diesem Synchronisierungsserver jetzt eingeschaltet (zurückgelesen und geprüft).
cli-hybrid-admin-password = Kennwort für { $user } (Administrator für Hybrididentität):{" "}
cli-no-hybrid-admin-password = Kein Kennwort für --hybrid-admin: Geben Sie --hybrid-admin-password-env VAR an, oder starten Sie in einem Terminal, um gefragt zu werden
cli-cloud-sync-writeback-on = Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true lief ohne Fehler. Microsoft dokumentiert keinen Weg, den Schalter zurückzulesen: Prüfen Sie „Kennwörter mit Microsoft Entra Connect Cloud Sync zurückschreiben“ unter Kennwortzurücksetzung → Lokale Integration.
cli-profile-target = --connector und --scope nennen ein Verzeichnis; mit --profile hat jedes Verzeichnis im Profil sein eigenes (connector, scopes)
cli-profile-empty = Das Profil { $path } nennt kein Verzeichnis: Geben Sie seinen "server" an (und weitere unter "directories")
error-baseline-syntax = die Datei ist keine Ausgangslage (Baseline) dieses Werkzeugs: { $reason }
error-baseline-version = die Ausgangslage hat Version { $version }; diese Version des Werkzeugs liest Version 1: Speichern Sie eine neue
error-baseline-version-cli = die Ausgangslage hat Version { $version }; diese Version des Werkzeugs liest Version 1: Speichern Sie eine neue mit check --save-baseline
error-baseline-not-sealed = die Ausgangslage wurde nach dem Speichern verändert oder von einem anderen Benutzer oder auf einem anderen Computer gespeichert, daher wird sie nicht verglichen: Speichern Sie eine neue
error-baseline-not-sealed-cli = die Ausgangslage wurde nach dem Speichern verändert oder von einem anderen Benutzer oder auf einem anderen Computer gespeichert, daher wird sie nicht verglichen: Speichern Sie eine neue mit check --save-baseline
error-baseline-other-domain = die Ausgangslage gehört zu { $then }, nicht zu { $now }: Geben Sie die Ausgangslage dieser Domäne an
error-baseline-not-in-set = die Datei der Ausgangslage enthält keine Ausgangslage von { $now }: Speichern Sie die Ausgangslagen dieses Profils neu
error-baseline-not-in-set-cli = die Datei der Ausgangslage enthält keine Ausgangslage von { $now }: Speichern Sie die Ausgangslagen dieses Profils neu mit check --profile … --save-baseline
error-baseline-write = das Schreiben der Ausgangslage { $path } schlug fehl: { $reason }
error-baseline-read = das Lesen der Ausgangslage { $path } schlug fehl: { $reason }
error-baseline-none-saved = auf diesem Computer wurde noch keine Konfiguration dieser Domäne gespeichert: Konfigurieren speichert eine ({ $path })
watch-started = { $label } wird auf Abweichungen seit der Ausgangslage vom { $time } überwacht: { $how }. Strg+C beendet.
watch-how-notifications = bei den Änderungsbenachrichtigungen des DC, und mindestens alle { $seconds } s
watch-how-timer = alle { $seconds } s
watch-no-notifications = { $label }: der DC bietet keine Änderungsbenachrichtigungen: Prüfung alle { $seconds } s.
watch-notifications-ended = { $label }: die Änderungsbenachrichtigungen endeten ({ $reason }): Prüfung alle { $seconds } s.
watch-event = { $time }, { $label }:
watch-check-failed = { $time }, { $label }: die Prüfung schlug fehl, die Überwachung läuft weiter: { $reason }
watch-stopped = Beendet.
cli-baseline-saved = Ausgangslage gespeichert in { $path }.
cli-baseline-not-taken = Keine Ausgangslage von { $label }: { $reason }
cli-baseline-none-taken = kein Verzeichnis des Profils konnte geprüft werden, daher wurde keine Ausgangslage gespeichert
cli-drift-directory = ── { $label } ──
cli-drift-not-compared = Nicht verglichen: { $reason }
cli-baseline-after-apply = Ausgangslage von { $label } gespeichert in { $path }: vergleichen Sie später mit check --baseline { $path }.
cli-baseline-after-apply-failed = Die Ausgangslage von { $label } konnte nicht aufgenommen werden ({ $reason }); die Änderungen sind gemacht. Nehmen Sie eine mit check --save-baseline auf.
cli-baseline-reading = beim Lesen der Ausgangslage { $path }
cli-baseline-writing = beim Schreiben der Ausgangslage { $path }
drift-none = Keine Abweichung seit der Ausgangslage vom { $time } (DC { $dc }): was über das Rückschreiben entscheidet, ist unverändert.
drift-title = Abweichungen seit der Ausgangslage
drift-heading = Abweichungen seit der Ausgangslage vom { $time } (DC { $dc }):
drift-cause-new = + { $cause }: neu, blockiert jetzt { $users }
drift-cause-gone = − { $cause }: entfallen (blockierte damals { $users })
drift-setting = ~ { $what }: { $then } → { $now }
drift-ace-added = + ACE an { $object }: { $ace }
drift-ace-removed = − ACE an { $object }: { $ace }
drift-inheritance = ~ { $object }: { $then } → { $now }
words-inherits = erbt von oben
words-inheritance-cut = Vererbung unterbrochen (geschützt)
drift-change = @ { $object }: { $attribute } geändert am { $time } auf { $dc } (Version { $then } → { $now }); seitdem { $blocked } blockiert, { $unblocked } freigegeben
drift-change-unwatched = @ { $object }: { $attribute } zuletzt geändert am { $time } auf { $dc } (Version { $now }; die Ausgangslage beobachtete es nicht); seitdem { $blocked } blockiert, { $unblocked } freigegeben
drift-change-older = @ { $object }: { $attribute } zuletzt geändert am { $time } auf { $dc } (Version { $now }), vor der Ausgangslage; seitdem { $blocked } blockiert, { $unblocked } freigegeben
drift-newly-blocked = { $n ->
        [one] 1 Benutzer ist seit der Ausgangslage blockiert:
       *[other] { $n } Benutzer sind seit der Ausgangslage blockiert:
    }
drift-older = (jede Ursache bestand schon zur Ausgangslage)
drift-more-reasons = { $n ->
        [one] 1 damals blockierter Benutzer ist jetzt auch aus neuen Gründen blockiert (das damalige Beheben reicht nicht mehr):
       *[other] { $n } damals blockierte Benutzer sind jetzt auch aus neuen Gründen blockiert (das damalige Beheben reicht nicht mehr):
    }
drift-unblocked = { $n ->
        [one] 1 Benutzer ist nicht mehr blockiert.
       *[other] { $n } Benutzer sind nicht mehr blockiert.
    }
drift-newly-excluded = { $n ->
        [one] 1 Benutzer wurde geschützter Administrator (adminCount=1, bewusst ausgenommen):
       *[other] { $n } Benutzer wurden geschützte Administratoren (adminCount=1, bewusst ausgenommen):
    }
drift-no-longer-excluded = { $n ->
        [one] 1 Benutzer ist kein geschützter Administrator mehr.
       *[other] { $n } Benutzer sind keine geschützten Administratoren mehr.
    }
drift-joined-protected = { $n ->
        [one] 1 Benutzer ist
       *[other] { $n } Benutzer sind
    } einer geschützten Gruppe beigetreten (Domänen-Admins, Administratoren, die Operatoren …): unter Windows schützt SDProp solche Benutzer innerhalb einer Stunde (adminCount=1, Vererbung aus), und das Rückschreiben nimmt sie dann bewusst aus. Für eine Gruppenmitgliedschaft hält das Verzeichnis keinen Zeitpunkt bereit, den dieses Werkzeug lesen kann:
drift-left-protected = { $n ->
        [one] 1 Benutzer ist in keiner geschützten Gruppe mehr.
       *[other] { $n } Benutzer sind in keiner geschützten Gruppe mehr.
    }
drift-more = … und { $n } weitere
drift-more-cli = … und { $n } weitere (--format json listet alle)
cli-user-not-found = Kein Benutzer passt zu „{ $name }“ (sAMAccountName, userPrincipalName oder DN) in { $directories }
cli-profile-no-user = Das Verzeichnis { $server } im Profil hat keinen "user" (oder "windows_credentials": true)
cli-profile-no-password = Kein Kennwort für { $user } an { $server }: Geben Sie im Profil den Namen einer Umgebungsvariablen als "password_env" an, oder starten Sie in einem Terminal, um gefragt zu werden
cli-directory-done = { $label }: geprüft
cli-directory-scanned = { $label }: { $count } Benutzer durchsucht
cli-profile-plan-file = --plan enthält den Plan eines Verzeichnisses; mit --profile wird jedes Verzeichnis neu geplant
cli-prompt-server = Domänencontroller (Hostname):{" "}
cli-prompt-password = Kennwort für { $user }:{" "}
cli-prompt-directory-password = Kennwort für { $user } ({ $server }):{" "}
cli-prompt-paste = Eingabe einfügen, dann Strg-D drücken:
cli-confirm-choices = [j/N]
cli-confirm-yes-words = j, ja
cli-verify-kerberos = (Kerberos)
cli-assets-creating = { $path } wird angelegt
cli-assets-man = Die Handbuchseiten werden nach { $path } geschrieben
cli-assets-completions = Die Vervollständigungen für { $shell } werden geschrieben
cli-assets-written = Handbuchseiten in { $man }, Vervollständigungen in { $completions }
cli-report-written-ready = Bericht nach { $path } geschrieben (bereit)
cli-report-written-not-ready = Bericht nach { $path } geschrieben (nicht bereit)
cli-error = Fehler: { $reason }

## Fortschritt der Benutzerprüfung (Kommandozeile und Assistent)
scan-pace = { $scanned } Benutzer geprüft
scan-pace-rate = { $scanned } Benutzer geprüft, { $rate } pro Sekunde
scan-pace-eta = { $scanned } von { $expected } Benutzern geprüft, { $rate } pro Sekunde, noch etwa { $left }
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min { $seconds } s

## Der Schreibpfad: Dateien sind Anfragen, verglichen mit dem Verzeichnis (-cli: der nächste Schritt auf der Befehlszeile)
error-backup-not-authenticated = die Sicherungsdatei { $path } ist nicht als eine beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }), daher wird aus ihr kein ganzer Wert zurückgeschrieben; es wurde nichts geschrieben. Eine einfache Wiederherstellung nimmt die eigenen Berechtigungen des Werkzeugs trotzdem zurück.
error-backup-not-authenticated-cli = die Sicherungsdatei { $path } ist nicht als eine beglaubigt, die dieses Werkzeug auf diesem Computer geschrieben hat ({ $why }), daher wird aus ihr kein ganzer Wert zurückgeschrieben; es wurde nichts geschrieben. Stellen Sie ohne --whole wieder her: das nimmt nur die eigenen Berechtigungen des Werkzeugs zurück.
error-backup-other-connector = die Sicherungsdatei { $path } wurde für das Connector-Konto { $backup } erstellt, hier ist der Connector aber { $connector }; es wurde nichts geschrieben. Stellen Sie mit dem Connector wieder her, für den die Sicherung erstellt wurde.
error-backup-other-connector-cli = die Sicherungsdatei { $path } wurde für das Connector-Konto { $backup } erstellt, hier ist der Connector aber { $connector }; es wurde nichts geschrieben. Geben Sie den Connector der Sicherung mit --connector an.
error-backup-outside-domain = die Sicherungsdatei { $path } nennt { $dn }, das kein Objekt der Domäne { $domain } ist (Konfigurations-, Schema- und Anwendungspartitionen gehören nicht dazu); es wurde nichts geschrieben
error-backup-raced = Die Wiederherstellung hat nach { $restored } Wert(en) angehalten, diesen eingeschlossen.
error-race-overwritten = Ein anderer Schreibvorgang auf { $dn } ({ $attribute }) kam zwischen dem letzten Lesen des Werkzeugs und seinem Schreiben an (Version { $before } → { $after }). Das Werkzeug hat ihn ersetzt: was dieser andere Schreibvorgang geändert hat, ist verloren. Finden Sie heraus, wer es geändert hat (die Replikationsmetadaten des DCs nennen den Zeitpunkt), und nehmen Sie die Änderung erneut vor, wenn sie noch gewünscht ist. Der Wert jetzt, verglichen mit dem Wert der Sicherung vor dem Anwenden:
error-race-kept = Ein anderer Schreibvorgang auf { $dn } ({ $attribute }) kam direkt nach dem Schreiben des Werkzeugs an (Version { $before } → { $after }). Er bleibt erhalten: der Wert ist jetzt nicht genau der, den das Werkzeug geschrieben hat. Prüfen Sie ihn. Der Wert jetzt, verglichen mit dem Wert der Sicherung vor dem Anwenden:
error-apply-outside-domain = der Plan ändert { $dn }, das kein Objekt der Domäne { $domain } ist (Konfigurations-, Schema- und Anwendungspartitionen gehören nicht dazu); es wurde nichts geschrieben
error-apply-raced = Angehalten nach { $written } Änderung(en), diese eingeschlossen; die Sicherung enthält jeden ursprünglichen Wert.
error-connector-none-found = in dieser Domäne wurde kein Connector-Konto gefunden; es wurde nichts geschrieben. Geben Sie es unter „Verzeichnisse verbinden“ an.
error-connector-none-found-cli = in dieser Domäne wurde kein Connector-Konto gefunden; es wurde nichts geschrieben. Geben Sie es mit --connector an.
error-connector-several = mehrere Konten sehen wie der Connector aus ({ $candidates }); es wurde nichts geschrieben. Wählen Sie unter „Verzeichnisse verbinden“ das Konto, das Entra Connect verwendet.
error-connector-several-cli = mehrere Konten sehen wie der Connector aus ({ $candidates }); es wurde nichts geschrieben. Geben Sie das Konto, das Entra Connect verwendet, mit --connector an.
error-connector-not-an-account = { $name } ({ $sid }) kann nicht der Connector sein: es ist { $what }, und die Rückschreiberechte gehen nur an ein Benutzerkonto oder ein gruppenverwaltetes Dienstkonto dieser Domäne; es wurde nichts geschrieben
error-connector-protected = { $name } ({ $dn }) ist ein geschütztes Konto (adminCount=1 oder Mitglied einer geschützten Gruppe wie Domänen-Admins); das Werkzeug erteilt ihm die Rückschreiberechte nicht, und es wurde nichts geschrieben. Verwenden Sie das Connector-Konto, das Entra Connect angelegt hat.
error-connector-file = die Datei wurde für das Connector-Konto { $file } erstellt, der Connector in diesem Verzeichnis ist aber { $name } ({ $sid }, { $dn }); es wurde nichts geschrieben. Erstellen Sie hier einen neuen Plan, oder stellen Sie mit dem Connector der Datei wieder her.
error-connector-file-cli = die Datei wurde für das Connector-Konto { $file } erstellt, der Connector in diesem Verzeichnis ist aber { $name } ({ $sid }, { $dn }); es wurde nichts geschrieben. Erstellen Sie hier einen neuen Plan, oder geben Sie den Connector der Datei mit --connector an.
error-file-domain = die Datei wurde für die Domäne { $file } erstellt, die Domäne des Verzeichnisses ist aber { $directory }; es wurde nichts geschrieben. Melden Sie sich bei der Domäne an, für die die Datei erstellt wurde.
error-file-domain-cli = die Datei wurde für die Domäne { $file } erstellt, die Domäne des Verzeichnisses ist aber { $directory }; es wurde nichts geschrieben. Geben Sie mit --server einen DC der Domäne der Datei an.
error-file-scope = die Plandatei wurde für den Synchronisierungsbereich { $file } erstellt, der Bereich ist jetzt aber { $now }; es wurde nichts geschrieben. Erstellen Sie einen neuen Plan.
error-file-scope-cli = die Plandatei wurde für den Synchronisierungsbereich { $file } erstellt, jetzt ist aber { $now } angegeben; es wurde nichts geschrieben. Geben Sie den Bereich des Plans mit --scope an, oder erstellen Sie einen neuen Plan.
error-file-unmatched = Sicherungen von { $domains } gehören zu diesem Lauf, aber keines der Verzeichnisse unter „Verzeichnisse verbinden“ ist diese Domäne; es wurde nichts geschrieben. Fügen Sie das Verzeichnis hinzu und stellen Sie erneut wieder her.
error-file-unmatched-cli = Sicherungen von { $domains } gehören zu diesem Lauf, aber keines der angegebenen Verzeichnisse ist diese Domäne; es wurde nichts geschrieben. Geben Sie jedes Verzeichnis des Laufs an (--profile) und stellen Sie erneut wieder her.
error-plan-file-not-planned = die Plandatei verlangt { $count } Änderung(en), die dieses Werkzeug in diesem Verzeichnis jetzt nicht planen würde, daher wird sie abgelehnt und es wurde nichts geschrieben. Erstellen Sie einen neuen Plan. Jetzt nicht geplant:
error-manifest-write = die Datei des Laufs { $path } kann nicht geschrieben werden: { $reason }. Im Verzeichnis wurde nichts geändert. Wählen Sie einen anderen Ort.
error-manifest-write-cli = die Datei des Laufs { $path } kann nicht geschrieben werden: { $reason }. Im Verzeichnis wurde nichts geändert. Geben Sie mit --backup einen anderen Ort an.
error-manifest-damaged = die Datei des Laufs { $path } ist beschädigt ({ $reason }); es wurde nichts geschrieben
error-manifest-backup = die Sicherung { $backup }, die die Datei des Laufs { $path } aufführt, fehlt oder wurde geändert ({ $reason }); es wurde nichts geschrieben. Legen Sie die Sicherungen des Laufs wieder neben seine Datei.
authenticity-authenticated = mit dem Schlüssel dieses Computers beglaubigt
authenticity-unsigned = sie hat keinen MAC: eine ältere Version hat sie geschrieben
authenticity-foreign = ihr MAC passt nicht zum Schlüssel dieses Computers: sie wurde auf einem anderen Computer oder von einem anderen Benutzer geschrieben, oder bearbeitet
error-key-io = der lokale Schlüssel { $path } kann nicht gelesen oder angelegt werden ({ $reason }); im Verzeichnis wurde nichts geändert
error-key-exposed = der lokale Schlüssel { $path } kann von anderen Konten gelesen oder geändert werden (Modus { $mode }), daher beweist er nichts; im Verzeichnis wurde nichts geändert. Machen Sie ihn nur für Sie lesbar (chmod 600), oder löschen Sie ihn.
error-key-damaged = der lokale Schlüssel { $path } ist beschädigt ({ $reason }); im Verzeichnis wurde nichts geändert. Löschen Sie ihn: ein neuer wird angelegt, und ältere Sicherungen gelten dann als nicht beglaubigt.

## Was ein Bericht abdeckt: die geprüften Teile, und die Benutzer, die die Synchronisierung auslässt
part-directory = das Verzeichnis
part-cloud = Microsoft Entra ID
part-sync-server = der Synchronisierungsserver
part-pilot = die Pilotgruppe
report-and = und
report-verdict-ready-partly = BEREIT lokal: { $readiness }; { $parts } nicht geprüft.
report-verdict-not-ready-partly = NICHT BEREIT: { $errors } Fehler, { $warnings } Warnung(en); { $readiness }; { $parts } nicht geprüft.
report-not-checked-directory = nicht geprüft: das Verzeichnis konnte nicht gelesen werden.
report-not-checked-cloud = nicht geprüft: melden Sie sich unter „Mit Microsoft Entra ID verbinden“ an (statt es zu überspringen) und prüfen Sie erneut.
report-not-checked-cloud-cli = nicht geprüft: fügen Sie --entra hinzu, um sich beim Mandanten anzumelden und ihn zu prüfen.
report-not-checked-sync-server = nicht geprüft: führen Sie den Assistenten auf dem Synchronisierungsserver aus (Entra Connect oder der Bereitstellungs-Agent von Cloud Sync).
report-not-checked-sync-server-cli = nicht geprüft: führen Sie die Prüfung auf dem Synchronisierungsserver mit --sync-server (oder --entra) aus.
report-not-checked-pilot = nicht geprüft: wählen Sie die Pilotgruppe unter „Pilotbenutzer“.
report-not-checked-pilot-cli = nicht geprüft: geben Sie die Pilotgruppe mit --pilot-group an.
report-not-synced-heading = Von der Synchronisierung nicht erfasst (weder als bereit noch als blockiert gezählt)
report-sync-filter-connect = Gezählt: die Benutzer, die Entra Connect Sync synchronisiert, nach seinen dokumentierten Standardregeln (die Synchronisierungsregeln des Servers wurden nicht gelesen).
report-sync-filter-connect-cli = Gezählt: die Benutzer, die Entra Connect Sync synchronisiert, nach seinen dokumentierten Standardregeln (die Synchronisierungsregeln des Servers wurden nicht gelesen: führen Sie die Prüfung auf dem Synchronisierungsserver mit --sync-server aus, um sie anzuwenden).
report-sync-filter-connect-rules = Gezählt: die Benutzer, die Entra Connect Sync synchronisiert, nach seinen dokumentierten Standardregeln und den auf diesem Server gelesenen Synchronisierungsregeln (eigene: { $rules }).
report-sync-filter-no-custom = keine
report-sync-filter-cloud = Gezählt: jeder Benutzer im Synchronisierungsbereich (Entra Cloud Sync dokumentiert keine eingebauten Ausschlüsse).
not-synced-critical-system-object = ein kritisches Systemobjekt (isCriticalSystemObject): die Regel „In from AD – User Join“ von Entra Connect übernimmt es nie
not-synced-admin-description = adminDescription beginnt mit „User_“: die Regel „In from AD – User Join“ übernimmt es nie
not-synced-no-sam-account-name = kein sAMAccountName: von den Standard-Synchronisierungsregeln gefiltert
not-synced-service-account = ein Synchronisierungsdienstkonto (sAMAccountName beginnt mit { $value }): von den Standard-Synchronisierungsregeln gefiltert
not-synced-support-account = SUPPORT_388945a0: von den Standard-Synchronisierungsregeln gefiltert
not-synced-exchange-system-mailbox = ein Exchange-Systempostfach: von den Standard-Synchronisierungsregeln gefiltert
not-synced-exchange-recipient-type = ein Exchange-Empfänger vom Typ { $value } (öffentlicher Ordner, System-, Schieds- oder Discovery-Postfach): von den Standard-Synchronisierungsregeln gefiltert
not-synced-replication-conflict = ein Replikationskonfliktobjekt (CNF): von den Standard-Synchronisierungsregeln gefiltert
not-synced-custom-rule = von der Synchronisierungsregel „{ $value }“ auf dem Synchronisierungsserver gefiltert
checks-not-checked = Nicht geprüft
checks-not-synced-title = Nicht synchronisiert ({ $count })
checks-not-synced-lead = Die Synchronisierung erfasst diese Konten nie, daher können sie ihr Kennwort in der Cloud gar nicht zurücksetzen. Sie zählen weder als bereit noch als blockiert.

## Explain: Ereignis-IDs und Fehlercodes des Kennwortrückschreibens (Microsofts Codes bleiben Codes).
explain-usual-causes = Übliche Ursachen:
explain-not-seen = (dieses Werkzeug sieht diese Ursache nicht; bitte von Hand prüfen)
explain-found-by = erkannt durch: { $ids }  →  { $run }
explain-sources = Quelle: { $documents }
explain-unknown = { $code } ist diesem Werkzeug nicht bekannt. Die allgemeine Checkliste:
explain-run-directory = die Voraussetzungen für das Rückschreiben unter „Konfigurieren“ oder „Diagnose“
explain-run-directory-cli = writeback-wizard check
explain-run-tenant = die Voraussetzungen für das Rückschreiben, mit Anmeldung bei Entra ID
explain-run-tenant-cli = writeback-wizard check --entra
explain-run-sync-server = die Voraussetzungen für das Rückschreiben, ausgeführt auf dem Synchronisierungsserver
explain-run-sync-server-cli = writeback-wizard check --sync-server (auf dem Synchronisierungsserver; --entra schließt es ein)
explain-checklist-check = Wählen Sie auf dem Synchronisierungsserver „Konfigurieren“ und lassen Sie die Voraussetzungen für das Kennwortrückschreiben mit der Anmeldung bei Entra ID prüfen: geprüft werden die Rechte des Connectorkontos, Vererbung, geschützte Benutzer, Kennwortalter, die Lizenz, der Administrator, der Synchronisierungsstatus und der Synchronisierungsserver.
explain-checklist-check-cli = Führen Sie `writeback-wizard check --entra` auf dem Synchronisierungsserver aus: Es prüft die Rechte des Connectors, die Vererbung, geschützte Benutzer, Kennwortalter, die Lizenz, den Administrator, den Synchronisierungsstatus und den Synchronisierungsserver.
explain-checklist-events = Suchen Sie im Anwendungsprotokoll des Synchronisierungsservers nach Ereignissen von PasswordResetService und ADSync um den Zeitpunkt des Fehlers, und schlagen Sie diese Codes hier nach.
explain-checklist-events-cli = Suchen Sie im Anwendungsprotokoll des Synchronisierungsservers nach Ereignissen von PasswordResetService und ADSync rund um den Fehler, und lassen Sie sich diese Codes mit explain erklären.
explain-checklist-switches = Prüfen Sie, dass das Rückschreiben an beiden Stellen eingeschaltet ist: auf dem Synchronisierungsserver (Optionale Features → Kennwortrückschreibung) und in den Einstellungen zur Kennwortzurücksetzung (Lokale Integration).
explain-checklist-try = Testen Sie es mit einem Testbenutzer: Setzen Sie sein Kennwort unter https://aka.ms/sspr zurück und beobachten Sie im Anwendungsprotokoll des Synchronisierungsservers die Rückschreibereignisse.
explain-checklist-try-cli = Probieren Sie die Rechte wirklich aus: `writeback-wizard verify-as-connector --canary <DN eines Testbenutzers>`.
explain-doc-writeback = Problembehandlung beim Self-Service-Kennwortrückschreiben in Microsoft Entra ID („Troubleshoot self-service password reset writeback in Microsoft Entra ID“)
explain-doc-sspr = Problembehandlung bei der Self-Service-Kennwortzurücksetzung in Microsoft Entra ID („Troubleshoot self-service password reset in Microsoft Entra ID“)
explain-doc-sspr0029 = Problembehandlung für den Fehler SSPR_0029 („Troubleshoot error SSPR_0029: Your organization hasn't properly set up the on-premises configuration for password reset“)
explain-doc-8023062c = Problembehandlung für den Fehlercode 8023062C („Troubleshoot error code 8023062C: Insecure password reset or change“)
explain-doc-tutorial = Tutorial: Aktivieren des Rückschreibens bei der Self-Service-Kennwortzurücksetzung in eine lokale Umgebung („Tutorial: Enable Microsoft Entra self-service password reset writeback to an on-premises environment“)
explain-doc-licensing = Lizenzanforderungen für die Self-Service-Kennwortzurücksetzung („Licensing requirements for Microsoft Entra self-service password reset“)
explain-doc-cloud-sync = Tutorial: Aktivieren des Kennwortrückschreibens mit Cloud Sync („Tutorial: Enable cloud sync self-service password reset writeback to an on-premises environment“)
explain-doc-cloud-sync-gmsa = Gruppenverwaltete Dienstkonten (gMSA) für Microsoft Entra Cloud Sync („Group Managed Service Accounts (gMSA) for Microsoft Entra Cloud Sync“)
explain-cause-cloud-sync-agent = Entra Cloud Sync bedient die Domäne, und sein Bereitstellungs-Agent kann nicht zurückschreiben: älter als 1.1.977.0, sein Dienst gestoppt, oder das Rückschreiben nicht mit Set-AADCloudSyncPasswordWritebackConfiguration eingeschaltet (was sich auf dem Agent-Server nicht zurücklesen lässt).
explain-cause-rights = Dem AD DS-Connectorkonto fehlt „Kennwort zurücksetzen“, „lockoutTime schreiben“ oder „pwdLastSet schreiben“ am Benutzer (fehlt am Domänenstamm, Vererbung an einer OU deaktiviert, oder eine ausdrückliche Verweigerung).
explain-cause-protected = Der Benutzer ist (oder war) in einer geschützten Gruppe: adminCount=1 und die DACL von AdminSDHolder, delegierte Rechte erreichen das Konto daher nie. So vorgesehen.
explain-cause-policy = Die lokale Kennwortrichtlinie hat das neue Kennwort abgelehnt: minimales Kennwortalter nicht erreicht, Kennwortchronik, Länge oder Komplexität, oder ein Kennwortfilter.
explain-cause-network = Ausgehendes HTTPS (TCP 443) vom Synchronisierungsserver zum Kennwortzurücksetzungsdienst und zu Service Bus wird von einer Firewall oder einem Proxy blockiert.
explain-cause-federated = Das Administratorkonto, mit dem das Rückschreiben eingeschaltet wurde, ist verbunden (federated) oder sein Kennwort ist falsch; nötig ist ein reiner Cloud-Globaladministrator.
explain-cause-restrict-sam = „Netzwerkzugriff: Clients einschränken, die Remoteaufrufe an SAM durchführen dürfen“ (RestrictRemoteSam) sperrt das Connectorkonto auf dem Synchronisierungsserver oder einem DC.
explain-cause-service-down = Der Dienst ADSync (und mit ihm der Rückschreibedienst) läuft auf dem Synchronisierungsserver nicht, oder das Rückschreiben ist dort ausgeschaltet.
explain-cause-cannot-change = Beim Benutzer ist „Benutzer kann Kennwort nicht ändern“ gesetzt.
explain-cause-policy-hints = Der DC unterstützt das Steuerelement für Kennwortrichtlinienhinweise nicht (Windows Server 2016 oder neuer ist nötig).
explain-cause-tls12 = TLS 1.2 ist für .NET auf dem Synchronisierungsserver nicht erzwungen, oder die Uhr geht falsch.
explain-cause-root-certificates = „Das Remotezertifikat ist ungültig“: Auf dem Synchronisierungsserver fehlen die Stammzertifizierungsstellen von Azure.
explain-cause-disabled = Das lokale Konto ist deaktiviert: Aktivieren Sie es.
explain-cause-locked-out = Das lokale Konto ist gesperrt; das Rückschreiben entsperrt es nur mit „lockoutTime schreiben“.
explain-cause-sign-and-encrypt = „LDAP-Datenverkehr signieren und verschlüsseln“ ist in den Verbindungsoptionen des AD-Connectors ausgeschaltet (Gesamtstruktur und die DC-Verbindung jeder Partition).
explain-cause-long-connector-password = Das Kennwort des AD DS-Connectorkontos ist länger als 256 Zeichen: Setzen Sie es zurück und aktualisieren Sie den AD-Connector.
explain-cause-forest-added-later = Eine Gesamtstruktur wurde hinzugefügt oder erneut hinzugefügt, nachdem das Rückschreiben eingeschaltet war: Schalten Sie das Rückschreiben aus und wieder ein.
explain-cause-several-anchors = Derselbe Benutzer ist in mehr als einer Domäne oder Gesamtstruktur aktiviert.
explain-cause-sspr-off = SSPR steht in den Eigenschaften der Kennwortzurücksetzung auf „Keine“.
explain-cause-writeback-off = Das Rückschreiben ist auf dem Synchronisierungsserver ausgeschaltet, oder der Server ist im Stagingmodus.
explain-cause-portal-switch-off = „Kennwörter in Ihr lokales Verzeichnis zurückschreiben“ ist in den Einstellungen der Kennwortzurücksetzung ausgeschaltet (über Graph nicht lesbar; prüfen Sie es im Admin Center).
explain-cause-no-licence = Keine Lizenz für Entra ID P1/P2 im Mandanten, oder keine dem Benutzer zugewiesen.
explain-cause-domain-rights = Das AD DS-Connectorkonto kann das SAM-Serverobjekt der Domäne nicht lesen (Prä-Windows 2000 kompatibler Zugriff), oder ihm fehlt „Kennwort nicht ablaufen lassen“ (Unexpire Password) an der Domäne.
explain-6329-source = ADSync-Ereignis (Anwendungsprotokoll des Synchronisierungsservers); mit 0x80230619
explain-6329-meaning = Das Synchronisierungsmodul konnte das Kennwort im AD nicht setzen. Mit 0x80230619 („A restriction prevents the password from being changed to the current one specified“) hat das AD das Kennwort aus Richtliniengründen abgelehnt.
explain-6800-source = ADSync-Ereignis
explain-6800-meaning = Der Endpunkt für das Kennwortrückschreiben startete nicht, als der Synchronisierungsdienst startete; die Synchronisierung selbst läuft weiter.
explain-31034-source = Ereignis von PasswordResetService
explain-31034-meaning = Der Rückschreibedienst konnte keine Verbindung zum Service-Bus-Listener des Mandanten herstellen.
explain-32002-source = Ereignis von PasswordResetService
explain-32002-meaning = Der Rückschreibedienst konnte keine Verbindung zum Service Bus des Mandanten herstellen („Error Connecting to ServiceBus“).
explain-32009-source = Ereignis von PasswordResetService
explain-32009-meaning = Der Dienst bekam kein Token für den Administrator, der beim Einschalten des Rückschreibens angegeben wurde („Error getting auth token“).
explain-32011-source = Ereignis von PasswordResetService
explain-32011-meaning = Die Anmeldung beim Kennwortzurücksetzungsdienst ist gescheitert: Der Dienst war nicht erreichbar.
explain-31003-source = Ereignis von PasswordResetService
explain-31003-meaning = Eine Kennwortzurücksetzung, -änderung oder Administratorzurücksetzung aus der Cloud erreichte den Server, scheiterte aber im AD.
explain-33004-source = Ereignis von PasswordResetService
explain-33004-meaning = Dem AD DS-Connectorkonto wurde das Setzen des Kennworts dieses Benutzers verweigert.
explain-33005-source = Ereignis von PasswordResetService
explain-33005-meaning = Das Konto des Benutzers ist lokal deaktiviert.
explain-33006-source = Ereignis von PasswordResetService
explain-33006-meaning = Das Konto des Benutzers ist lokal gesperrt.
explain-33008-source = Ereignis von PasswordResetService
explain-33008-meaning = Das neue Kennwort verstößt gegen die lokale Kennwortrichtlinie.
explain-8023062c-source = ADSync-Fehler (HRESULT)
explain-8023062c-meaning = Das Kennwort wurde über eine LDAP-Sitzung gesetzt, die nicht signiert und verschlüsselt war („a 128 bit TLS or SSL connection is required“).
explain-800700ce-source = ADSync-Fehler (HRESULT) nach einer Zurücksetzung oder Entsperrung
explain-800700ce-meaning = „Der Dateiname oder die Erweiterung ist zu lang“: Das Synchronisierungsmodul konnte die Anmeldeinformationen des Connectors nicht verwenden.
explain-8023061f-source = ADSync-Ereignis 6329
explain-8023061f-meaning = „Password synchronization is not enabled on this Management Agent“: Der Connector der Gesamtstruktur wurde nie für Kennwortvorgänge eingerichtet.
explain-80230402-source = ADSync-Fehler (HRESULT)
explain-80230402-meaning = Mehrere lokale Objekte passen zum Anker des Benutzers.
explain-sspr0029-source = SSPR-Portal (OnPremisesAdminActionRequired = 29)
explain-sspr0029-meaning = „Your organization hasn't properly set up the on-premises configuration for password reset“: Das Rückschreiben ist für diesen Benutzer lokal gescheitert.
explain-sspr0009-source = SSPR-Portal (TenantSSPRFlagDisabled = 9)
explain-sspr0009-meaning = Die Self-Service-Kennwortzurücksetzung ist für den Mandanten ausgeschaltet.
explain-sspr0010-source = SSPR-Portal (WritebackNotEnabled = 10)
explain-sspr0010-meaning = Das Kennwortrückschreiben ist nicht eingeschaltet.
explain-sspr0012-source = SSPR-Portal (UserNotLicensed = 12)
explain-sspr0012-meaning = Der Benutzer hat keine Lizenz, die das Rückschreiben umfasst (Entra ID P1/P2).
explain-sspr0030-source = SSPR-Portal (OnPremisesConnectivityError = 30)
explain-sspr0030-meaning = Die Verbindung zur lokalen Umgebung ist schlecht oder unterbrochen.
explain-predicted-for = Ein blockierter Benutzer mit einem dieser Gründe erhält diesen Code: { $ids }
## Was ein blockierter Benutzer sähe: die Meldung des Portals, das Ereignis des Synchronisierungsservers
predict-portal-sspr0029 = SSPR_0029 im Portal zur Kennwortzurücksetzung („Ihre Organisation hat die lokale Konfiguration für die Kennwortzurücksetzung nicht ordnungsgemäß eingerichtet“)
predict-portal-sspr0012 = SSPR_0012 im Portal zur Kennwortzurücksetzung (keine Lizenz, die das Rückschreiben enthält)
predict-portal-policy = die Meldung des Portals zur Kennwortzurücksetzung, dass das neue Kennwort die lokale Kennwortrichtlinie nicht erfüllt
predict-event = Ereignis { $event } auf dem Synchronisierungsserver (explain { $event })
predict-no-event = nichts auf dem Synchronisierungsserver: das Portal bricht vorher ab
predict-short-sspr0029 = SSPR_0029
predict-short-sspr0012 = SSPR_0012
predict-short-policy = Richtlinienmeldung
predict-cell = Ereignis { $event } · { $portal }
predict-none = nicht vorhersagbar
predict-user = Wenn { $user } das Kennwort jetzt zurücksetzte:
predict-user-ready = { $user } ist nicht blockiert: eine Zurücksetzung jetzt würde zurückgeschrieben.
predict-user-portal = Der Benutzer sähe: { $portal }
predict-user-event = Der Administrator sähe: { $event }
explain-cloudsync-source = Entra Cloud Sync (der Bereitstellungs-Agent und sein gMSA)
explain-cloudsync-meaning = Kennwortrückschreiben über Entra Cloud Sync: Der Bereitstellungs-Agent schreibt Kennwörter als sein gruppenverwaltetes Dienstkonto zurück (provAgentgMSA$, pGMSA_…$ oder ein eigenes gMSA), das „Kennwort zurücksetzen“, „lockoutTime schreiben“ und „pwdLastSet schreiben“ an untergeordneten Benutzern und „Ablauf des Kennworts aufheben“ am Domänenstamm braucht (Set-AADCloudSyncPermissions -PermissionType PasswordWriteBack).
