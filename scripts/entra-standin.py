#!/usr/bin/python3
"""A local stand-in of the Microsoft identity platform and Microsoft Graph v1.0, for the demo
and the screenshot script (Microsoft's services cannot be reached from a lab machine).

It answers with the JSON Microsoft documents for the calls the wizard makes: the device code
flow (the code is accepted at once), /me, directory roles, subscribed SKUs (Entra ID P1),
the organization with a recent sync, the admin's managed domain, the synchronization features,
and for the pilot table: every user looked up by onPremisesImmutableId exists, is synced,
licensed and registered for SSPR with the Authenticator app; the authentication methods policy
enables Authenticator and SMS.

Usage: entra-standin.py PORT_FILE   (listens on 127.0.0.1, a free port, written to PORT_FILE)
The tenant is contoso.example. Nothing here is a real credential.
"""

import json
import re
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

P1 = "41781fb2-bc02-4b7c-bd55-b576c07bb09d"


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):  # quiet
        pass

    def reply(self, body, status=200):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.path.endswith("/oauth2/v2.0/devicecode"):
            return self.reply({
                "device_code": "demo-device-code", "user_code": "DEMO-0001",
                "verification_uri": "https://microsoft.com/devicelogin", "expires_in": 900,
                "interval": 1,
                "message": "To sign in, open https://microsoft.com/devicelogin and enter DEMO-0001.",
            })
        if self.path.endswith("/oauth2/v2.0/token"):
            return self.reply({"token_type": "Bearer", "expires_in": 3599,
                               "access_token": "demo-access", "refresh_token": "demo-refresh"})
        self.reply({"error": "not_found"}, 404)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        p = url.path
        q = urllib.parse.parse_qs(url.query)
        if p == "/v1.0/me":
            return self.reply({"id": "admin-1", "userPrincipalName": "ada@contoso.example",
                               "displayName": "Ada Lovelace"})
        if p == "/v1.0/me/transitiveMemberOf":
            return self.reply({"value": [{"@odata.type": "#microsoft.graph.directoryRole",
                                          "displayName": "Hybrid Identity Administrator",
                                          "roleTemplateId": "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"}]})
        if p == "/v1.0/subscribedSkus":
            return self.reply({"value": [{"skuPartNumber": "AAD_PREMIUM", "capabilityStatus": "Enabled",
                                          "servicePlans": [{"servicePlanId": P1, "servicePlanName": "AAD_PREMIUM",
                                                            "provisioningStatus": "Success"}]}]})
        if p == "/v1.0/organization":
            return self.reply({"value": [{"id": "tenant-1", "displayName": "Contoso (demo)",
                                          "onPremisesSyncEnabled": True, "onPremisesLastSyncDateTime": now()}]})
        if p.startswith("/v1.0/domains/"):
            return self.reply({"id": p.rsplit("/", 1)[1], "authenticationType": "Managed", "isVerified": True})
        if p == "/v1.0/directory/onPremisesSynchronization":
            return self.reply({"value": [{"id": "tenant-1", "features": {
                "passwordSyncEnabled": True, "groupWriteBackEnabled": False,
                "deviceWritebackEnabled": False, "directoryExtensionsEnabled": False}}]})
        if p == "/v1.0/policies/authenticationMethodsPolicy":
            return self.reply({"authenticationMethodConfigurations": [
                {"id": "MicrosoftAuthenticator", "state": "enabled"},
                {"id": "Sms", "state": "enabled"}, {"id": "Email", "state": "disabled"}]})
        if p == "/v1.0/users":
            m = re.search(r"onPremisesImmutableId eq '([^']+)'", q.get("$filter", [""])[0])
            if m:
                return self.reply({"value": [{"id": "u-" + m.group(1), "userPrincipalName": None,
                                              "onPremisesSyncEnabled": True}]})
            return self.reply({"value": []})
        if p.startswith("/v1.0/users/") and p.endswith("/licenseDetails"):
            return self.reply({"value": [{"skuPartNumber": "AAD_PREMIUM", "servicePlans": [
                {"servicePlanId": P1, "servicePlanName": "AAD_PREMIUM", "provisioningStatus": "Success"}]}]})
        if p.startswith("/v1.0/reports/authenticationMethods/userRegistrationDetails/"):
            return self.reply({"id": p.rsplit("/", 1)[1], "isSsprRegistered": True, "isSsprCapable": True,
                               "isAdmin": False, "methodsRegistered": ["microsoftAuthenticatorPush"]})
        if p.startswith("/v1.0/"):
            return self.reply({"value": []})
        self.reply({"error": "not_found"}, 404)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
