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
startup-profile = Das Profil konnte nicht verwendet werden: { $reason }. Fahren Sie ohne Profil fort, oder beenden Sie und geben Sie mit --profile eine andere Datei an.
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
error-connector-not-found = Kein Konto entspricht „{ $name }“. Geben Sie den sAMAccountName des Connectorkontos (oft MSOL_…), seinen UPN oder seinen DN an, oder lassen Sie das Feld leer, um es automatisch zu ermitteln.
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
welcome-explain-found-by = Erkannt durch: { $ids }
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
checks-phase-directory = Domäne wird gelesen, Benutzer werden geprüft… bisher { $users }
checks-phase-pilot = Pilotgruppe wird gelesen…
checks-phase-cloud = Mandant wird gelesen…
checks-phase-sync = Synchronisierungsserver wird gelesen…
checks-cancel = Abbrechen
checks-cancelled = Die Prüfung wurde abgebrochen.
checks-again = Erneut prüfen
checks-ready = Bereit für { $ready } von { $users } Benutzern ({ $excluded } geschützte Administratoren bewusst ausgenommen, { $blocked } blockiert); { $warnings } Warnungen.
checks-not-ready = Nicht bereit: { $errors } Fehler, { $warnings } Warnungen; bereit für { $ready } von { $users } Benutzern ({ $excluded } geschützte Administratoren bewusst ausgenommen, { $blocked } blockiert). „Weiter“ zeigt die Änderungen, die alles Behebbare beheben.
checks-group-ok = Keine Probleme gefunden.
checks-object = Objekt
checks-evidence = Nachweis
checks-fix = Maßnahme
checks-no-blocked = Kein Benutzer im Bereich ist blockiert.
checks-blocked-title = Blockierte Benutzer ({ $count })
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
pilot-summary = { $group }: { $ready } bereit, { $blocked } blockiert, { $unknown } unbekannt.
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
pilot-detail-ready = Für diesen Benutzer blockiert nichts die Kennwortzurücksetzung mit Rückschreiben.
pilot-detail-methods = Registrierte Methoden
pilot-detail-admin = Für Administratoren gilt unabhängig von den Piloteinstellungen die strengere Zwei-Gate-Richtlinie für die Zurücksetzung.

## Bereit zur Konfiguration
ready-title = Bereit zur Konfiguration
ready-lead = Diese Änderungen nimmt „Konfigurieren“ vor. Es wurde noch nichts geschrieben; die Originalwerte werden vor dem ersten Schreibvorgang in der Sicherungsdatei gespeichert.
ready-options = Optionen
ready-protected-containers = Rechte auch auf OEs mit deaktivierter Vererbung erteilen
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
configure-cancelling = Abbruch nach dem aktuellen Objekt…
configure-cancel-hint = „Beenden“ bricht die verbleibenden Änderungen ab; die Sicherung enthält alle Originalwerte.
configure-enabling = Kennwortrückschreiben wird in Entra Connect aktiviert…
configure-enabled = Das Kennwortrückschreiben ist in Entra Connect aktiviert (zurückgelesen und überprüft).
configure-enable-failed = Das Kennwortrückschreiben konnte nicht aktiviert werden: { $reason }
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
complete-restore-how = Zum Rückgängigmachen: Starten Sie den Assistenten, wählen Sie „Zusätzliche Aufgaben“ → „Aus Sicherung wiederherstellen“, und wählen Sie { $path } aus. Oder: writeback-wizard restore --backup "{ $path }".
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

## Aktuelle Konfiguration
current-title = Aktuelle Konfiguration
current-sync = Entra Connect auf diesem Computer
current-sync-cycle = Synchronisierungszyklus
current-connector = Konnektor
current-answers = Angaben im Assistenten
current-no-secrets = Kennwörter und Token werden nie gespeichert.

## Befunde (ein Titel und eine Maßnahme pro Befund-ID)
finding-connector-not-found = Das AD DS-Connectorkonto wurde nicht gefunden
finding-connector-not-found-fix = Geben Sie unter „Verzeichnisse verbinden“ das Konto ein, das Entra Connect für diese Gesamtstruktur verwendet.
finding-connector-ambiguous = Mehrere Konten kommen als Connectorkonto infrage
finding-connector-ambiguous-fix = Wählen Sie unter „Verzeichnisse verbinden“ das Konto aus, das Entra Connect verwendet.
finding-connector-candidates = Weitere Konten sehen wie Connectorkonten aus; das plausibelste wurde gewählt
finding-connector-candidates-fix = Falls Entra Connect ein anderes verwendet, wählen Sie es unter „Verzeichnisse verbinden“; entfernen Sie Reste alter Installationen.
finding-connector-privileged = Das Connectorkonto ist Mitglied einer geschützten Gruppe
finding-connector-privileged-fix = Verwenden Sie ein dediziertes, nicht privilegiertes Connectorkonto; geschützte Gruppen machen es zum Administrator.
finding-right-reset-password = Das Connectorkonto kann hier keine Kennwörter zurücksetzen
finding-right-reset-password-fix = Erteilen Sie „Kennwort zurücksetzen“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-write-lockouttime = Das Connectorkonto kann lockoutTime hier nicht schreiben
finding-right-write-lockouttime-fix = Erteilen Sie „lockoutTime schreiben“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-write-pwdlastset = Das Connectorkonto kann pwdLastSet hier nicht schreiben
finding-right-write-pwdlastset-fix = Erteilen Sie „pwdLastSet schreiben“ für untergeordnete Benutzerobjekte am Domänenstamm („Konfigurieren“ erledigt das).
finding-right-denied = Eine explizite Verweigerung blockiert das Connectorkonto
finding-right-denied-fix = Entfernen Sie den als Nachweis angezeigten Verweigerungseintrag; explizite Verweigerungen haben Vorrang vor den Rechten, die „Konfigurieren“ hinzufügt.
finding-right-unexpire-password = Das Connectorkonto kann den Kennwortablauf nicht aufheben
finding-right-unexpire-password-fix = Erteilen Sie „Ablauf des Kennworts aufheben“ am Domänenstamm, wenn Benutzer abgelaufene Kennwörter zurücksetzen müssen.
finding-right-change-password = Niemand im Token des Connectorkontos darf Kennwörter ändern
finding-right-change-password-fix = Stellen Sie den Standardeintrag „Kennwort ändern“ (Jeder oder SELBST) für Benutzerobjekte wieder her.
finding-inheritance-disabled = Die Vererbung ist für einen Container im Bereich deaktiviert
finding-inheritance-disabled-fix = Erteilen Sie die Rechte auch für diesen Container, oder aktivieren Sie die Vererbung (Option unter „Bereit zur Konfiguration“).
finding-admin-protected = Geschütztes Konto: Das Rückschreiben schlägt hierfür fehl
finding-admin-protected-fix = Bei Administratoren zu erwarten; setzen Sie deren Kennwörter lokal zurück. Rechte auf AdminSDHolder zu erteilen, ist möglich, aber nicht empfohlen.
finding-admincount-stale = adminCount ist bei einem Benutzer gesetzt, der nicht mehr geschützt ist
finding-admincount-stale-fix = Löschen Sie adminCount, und aktivieren Sie die Vererbung wieder (Option unter „Bereit zur Konfiguration“).
finding-min-password-age = Das Mindestkennwortalter der Domäne blockiert Zurücksetzungen
finding-min-password-age-fix = Setzen Sie das Mindestkennwortalter auf 0 (Option unter „Bereit zur Konfiguration“), auch im GPO, das es festlegt.
finding-pso-min-password-age = Eine differenzierte Kennwortrichtlinie legt ein Mindestkennwortalter fest
finding-pso-min-password-age-fix = Setzen Sie ihr Mindestkennwortalter auf 0 (Option unter „Bereit zur Konfiguration“).
finding-pdc-emulator = Für Änderungen an der Kennwortrichtlinie ist der PDC-Emulator maßgeblich
finding-pdc-emulator-fix = Ändern Sie Richtlinien auf dem PDC-Emulator, oder warten Sie vor dem Testen die Replikation ab.
finding-policy-hints-unsupported = Der DC unterstützt keine Kennwortrichtlinienhinweise
finding-policy-hints-unsupported-fix = Verwenden Sie DCs ab Windows Server 2016, damit die Kennwortchronik auch beim Zurücksetzen gilt.
finding-ldap-transport = Die Verbindung zum DC ist nicht verschlüsselt
finding-ldap-transport-fix = Verwenden Sie LDAPS oder StartTLS.
finding-samserver-read = Das Connectorkonto kann das SAM-Serverobjekt nicht lesen
finding-samserver-read-fix = Stellen Sie den Standard-Lesezugriff auf CN=Server,CN=System wieder her.
finding-pre2000-au = „Authentifizierte Benutzer“ fehlt in „Prä-Windows 2000 kompatibler Zugriff“
finding-pre2000-au-fix = Fügen Sie „Authentifizierte Benutzer“ wieder hinzu, oder erteilen Sie dem Connectorkonto Lesezugriff auf Benutzerattribute.
finding-read-incomplete = Ein Teil der Konfiguration konnte nicht gelesen werden
finding-read-incomplete-fix = Führen Sie die Prüfung mit einem Konto aus, das diesen Teil lesen kann; bis dahin ist das Ergebnis unvollständig.
finding-cloud-license = Keine Lizenz für Microsoft Entra ID P1 oder P2
finding-cloud-license-fix = Das Kennwortrückschreiben erfordert Entra ID P1 oder P2 (oder eine Suite, die es enthält).
finding-cloud-role = Das angemeldete Konto hat keine geeignete Rolle
finding-cloud-role-fix = Melden Sie sich zum Konfigurieren als Globaler Administrator oder Hybrididentitätsadministrator an; zum Prüfen genügt Sicherheitsleseberechtigter.
finding-cloud-federated-admin = Die Domäne des Administrators ist eine Verbunddomäne
finding-cloud-federated-admin-fix = Verwenden Sie für die Entra Connect-Konfiguration einen reinen Cloudadministrator (…onmicrosoft.com).
finding-cloud-sync-disabled = Die Verzeichnissynchronisierung ist im Mandanten nicht aktiviert
finding-cloud-sync-disabled-fix = Installieren und konfigurieren Sie zuerst Entra Connect (oder Cloud Sync).
finding-cloud-sync-stale = Die letzte Synchronisierung liegt lange zurück
finding-cloud-sync-stale-fix = Prüfen Sie den Synchronisierungsserver: Scheduler, Stagingmodus und Konnektivität.
finding-cloud-sync-features = Synchronisierungsfeatures des Mandanten
finding-cloud-sync-features-fix = Nur zur Information.
finding-sync-not-installed = Entra Connect ist auf diesem Computer nicht installiert
finding-sync-not-installed-fix = Führen Sie den Assistenten auf dem Synchronisierungsserver aus, um das Rückschreiben dort zu prüfen und zu aktivieren.
finding-sync-staging-mode = Der Synchronisierungsserver befindet sich im Stagingmodus
finding-sync-staging-mode-fix = Aktivieren Sie das Rückschreiben auf dem aktiven Synchronisierungsserver; ein Stagingserver exportiert nicht.
finding-writeback-disabled = Das Kennwortrückschreiben ist in Entra Connect deaktiviert
finding-writeback-disabled-fix = Aktivieren Sie es: „Bereit zur Konfiguration“ bietet dies auf dem Synchronisierungsserver an.
finding-restrict-remote-sam = RestrictRemoteSam schränkt den Synchronisierungsserver ein
finding-restrict-remote-sam-fix = Lassen Sie das Connectorkonto in der Richtlinie „Netzwerkzugriff: Clients einschränken, denen Remoteaufrufe an SAM erlaubt sind“ zu.
finding-outbound-blocked = Der Synchronisierungsserver erreicht den Rückschreibedienst nicht
finding-outbound-blocked-fix = Lassen Sie in Firewall oder Proxy ausgehendes HTTPS (TCP 443) zu den Dienstendpunkten zu.
finding-tls12-disabled = TLS 1.2 wird auf dem Synchronisierungsserver nicht erzwungen
finding-tls12-disabled-fix = Setzen Sie die Registrierungswerte für TLS 1.2 (.NET und SCHANNEL), und starten Sie den Server neu.
finding-pilot-user-blocked = Ein Pilotbenutzer ist blockiert
finding-pilot-user-blocked-fix = Beheben Sie die für diesen Benutzer aufgeführten Gründe („Konfigurieren“ behebt die Berechtigungsgründe).
finding-pilot-not-registered = Ein Pilotbenutzer ist nicht für SSPR registriert
finding-pilot-not-registered-fix = Bitten Sie den Benutzer, sich unter aka.ms/ssprsetup zu registrieren, oder füllen Sie seine Methoden vorab aus.
finding-pilot-not-synced = Ein Pilotbenutzer ist nicht mit Entra ID synchronisiert
finding-pilot-not-synced-fix = Nehmen Sie den Benutzer in den Synchronisierungsbereich auf („Filtern von Domänen und Organisationseinheiten“), und lassen Sie eine Synchronisierung laufen.
finding-pilot-no-license = Ein Pilotbenutzer hat keine Lizenz für Entra ID P1 oder P2
finding-pilot-no-license-fix = Weisen Sie eine Lizenz zu, die Entra ID P1 oder P2 enthält.
finding-pilot-admin = Ein Pilotbenutzer ist Administrator
finding-pilot-admin-fix = Für Administratoren gilt die Zwei-Gate-Richtlinie; testen Sie SSPR auch mit einem normalen Benutzer.
