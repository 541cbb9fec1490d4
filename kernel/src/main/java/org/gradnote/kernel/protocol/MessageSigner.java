package org.gradnote.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes and checks the HMAC signature of Jupyter messages (constant-time comparison). */
public final class MessageSigner {
    private final Mac mac; // null when the connection file has an empty key: authentication disabled

    private MessageSigner(Mac mac) {
        this.mac = mac;
    }

    public static MessageSigner create(String scheme, String key) {
        if (key == null || key.isEmpty()) return new MessageSigner(null);
        String algorithm = switch (scheme) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha512" -> "HmacSHA512";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-md5" -> "HmacMD5";
            default -> throw new IllegalArgumentException("Unsupported signature scheme: " + scheme);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return new MessageSigner(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot create " + algorithm, e);
        }
    }

    public boolean enabled() {
        return mac != null;
    }

    /** Hex signature over header, parent header, metadata and content, as ASCII bytes. */
    public synchronized byte[] sign(byte[]... parts) {
        if (mac == null) return new byte[0];
        for (byte[] part : parts) mac.update(part);
        return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
    }

    /** True when the signature matches; a missing or empty signature is refused when a key is set. */
    public boolean verify(byte[] signature, byte[]... parts) {
        if (mac == null) return true;
        if (signature == null || signature.length == 0) return false;
        return MessageDigest.isEqual(sign(parts), signature);
    }
}
