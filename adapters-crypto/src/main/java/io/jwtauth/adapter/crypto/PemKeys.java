package io.jwtauth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Key pairs in PEM, the form operators make with {@code openssl}: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}), SEC 1 ({@code EC PRIVATE KEY}), with or without a {@code PUBLIC KEY} block. Reading is
 * Nimbus' (on Bouncy Castle's PEM parser), with one gap filled, see {@link #ecPkcs8WithEmbeddedPublicKey}.
 */
final class PemKeys {

    private PemKeys() {
    }

    /**
     * The private key in {@code pem} with its public half.
     *
     * @param what names the key in messages, such as {@code auth.signing-key}
     * @throws IllegalArgumentException if there is no unencrypted private RSA or EC key to read
     */
    static JWK readPrivate(String pem, String what) {
        JWK key;
        try {
            Optional<JWK> ec = ecPkcs8WithEmbeddedPublicKey(pem);
            key = ec.isPresent() ? ec.get() : JWK.parseFromPEMEncodedObjects(pem);
        } catch (NoPublicKey e) {
            throw new IllegalArgumentException(what + " holds an EC private key without its public key; append the public"
                    + " key to the PEM, e.g. openssl pkey -in KEY.pem -pubout >> KEY.pem");
        } catch (JOSEException | IOException | RuntimeException e) {
            // The parsers' messages are not shown: they may quote the text, and the text is a private key.
            throw new IllegalArgumentException(what + " holds no readable PEM key pair: expected an unencrypted RSA or EC"
                    + " private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        if (!key.isPrivate()) {
            throw new IllegalArgumentException(what + " holds a public key only; signing needs the private key");
        }
        return key;
    }

    /** A PKCS#8 EC private key whose SEC 1 structure leaves out the optional public key. */
    private static final class NoPublicKey extends Exception {
        NoPublicKey() {
            super(null, null, false, false);
        }
    }

    /**
     * Nimbus reads a PKCS#8 EC private key, which {@code openssl genpkey} writes, without its public half and then
     * refuses it. The SEC 1 structure inside usually carries the public point, so the pair is taken from there, by
     * Bouncy Castle's converter; no point arithmetic is done here. Empty when {@code pem} is anything else.
     */
    private static Optional<JWK> ecPkcs8WithEmbeddedPublicKey(String pem) throws IOException, JOSEException, NoPublicKey {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        if (objects.size() != 1 || !(objects.get(0) instanceof PrivateKeyInfo info)
                || !X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            return Optional.empty();
        }
        ASN1BitString publicPoint = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getPublicKey();
        if (publicPoint == null) {
            throw new NoPublicKey();
        }
        SubjectPublicKeyInfo publicInfo = new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), publicPoint.getBytes());
        KeyPair pair = new JcaPEMKeyConverter().getKeyPair(new PEMKeyPair(publicInfo, info));
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        return Optional.of(new ECKey.Builder(Curve.forECParameterSpec(publicKey.getParams()), publicKey)
                .privateKey((ECPrivateKey) pair.getPrivate())
                .build());
    }

    /**
     * The key pair as PEM: the private key in PKCS#8 and, after it, the public key, which a PKCS#8 EC key made by
     * Java does not carry. {@code openssl} and Nimbus read both blocks.
     */
    static String write(JWK keyPair) {
        try {
            KeyPair pair = keyPair instanceof RSAKey rsa ? rsa.toKeyPair() : ((ECKey) keyPair).toKeyPair();
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new PemObject("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writer.writeObject(new PemObject("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return text.toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encode the key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
