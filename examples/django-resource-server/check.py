"""Checks docs/resource-servers.md's Django recipe (JWTStatelessUserAuthentication) against a running jwt-auth.

Usage: check.py BASE_URL ALGORITHM KEY
  KEY: the shared secret (HS*), or the path of jwt-auth's private key PEM (to sign an expired token with it).
The user myuser / mypassword must exist. run.sh does all of it.
"""
import base64, json, sys, time, urllib.parse, urllib.request

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

base, algorithm, key = sys.argv[1], sys.argv[2], sys.argv[3]
secret = key if algorithm.startswith("HS") else None

import django
from django.conf import settings

simple_jwt = {"ALGORITHM": algorithm, "USER_ID_CLAIM": "user_id", "TOKEN_TYPE_CLAIM": "token_type",
              "AUTH_TOKEN_CLASSES": ("rest_framework_simplejwt.tokens.AccessToken",), "LEEWAY": 0}
if algorithm.startswith("HS"):
    simple_jwt["SIGNING_KEY"] = secret
else:
    simple_jwt["JWK_URL"] = base + "/.well-known/jwks.json"
settings.configure(
    SECRET_KEY="django-insecure-not-the-jwt-key",
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    REST_FRAMEWORK={"DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication"]},
    SIMPLE_JWT=simple_jwt,
    DATABASES={},
)
django.setup()

from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView


class WhoAmI(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"id": request.user.id})


view = WhoAmI.as_view()


def call(token):
    response = view(APIRequestFactory().get("/", HTTP_AUTHORIZATION="Bearer " + token))
    response.render()
    return response.status_code, json.loads(response.content)


login = urllib.request.urlopen(base + "/api/token/",
                               urllib.parse.urlencode({"username": "myuser", "password": "mypassword"}).encode())
pair = json.loads(login.read())


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


header, payload, signature = pair["access"].split(".")
claims = json.loads(unb64(payload))
kid = {"kid": json.loads(unb64(header))["kid"]} if secret is None else {}


def private_pem(path):
    """The PRIVATE KEY block of jwt-auth's key file (the PUBLIC KEY block after it would make PyJWT read a public key)."""
    text = open(path).read()
    end = "-----END PRIVATE KEY-----"
    return text[text.index("-----BEGIN PRIVATE KEY-----"):text.index(end) + len(end)]


def another_private_pem():
    other = rsa.generate_private_key(65537, 2048) if algorithm.startswith(("RS", "PS")) \
        else ec.generate_private_key(ec.SECP256R1())
    return other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.NoEncryption())


our_key = secret if secret is not None else private_pem(key)
another_key = secret + "-another" if secret is not None else another_private_pem()
now = int(time.time())
expired = dict(claims, iat=now - 600, exp=now - 300)
results = {
    "access re-signed unchanged": call(jwt.encode(claims, our_key, algorithm=algorithm, headers=kid)),
    "expired": call(jwt.encode(expired, our_key, algorithm=algorithm, headers=kid)),
    "another key": call(jwt.encode(claims, another_key, algorithm=algorithm, headers=kid)),
    "access": call(pair["access"]),
    "refresh": call(pair["refresh"]),
    "alg none": call(b64(b'{"alg":"none","typ":"JWT"}') + "." + payload + "."),
    "payload changed (user_id 2)": call(header + "." + b64(json.dumps(dict(claims, user_id="2", sub="2")).encode())
                                        + "." + signature),
}
for name, (status, body) in results.items():
    print(f"{algorithm} {name}: {status} {body}")
accepted = ("access", "access re-signed unchanged")
assert all(results[name] == (200, {"id": "1"}) for name in accepted), results
assert all(status == 401 for name, (status, _) in results.items() if name not in accepted), results
print(f"{algorithm}: recipe OK; access token claims: {sorted(claims)}")
