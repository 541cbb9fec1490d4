package org.gradnote.kernel.protocol;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final WireCodec codec = new WireCodec(MessageSigner.create("hmac-sha256", "secret"));

    private JupyterMessage sample() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "1+1");
        return new JupyterMessage(
                List.of("id".getBytes()),
                new MessageFactory().header("execute_request"),
                new JsonObject(),
                new JsonObject(),
                content,
                List.of());
    }

    @Test
    void roundTripKeepsIdentitiesAndContent() throws Exception {
        JupyterMessage decoded = codec.decode(codec.encode(sample()));
        assertEquals("id", new String(decoded.identities().get(0)));
        assertEquals("execute_request", decoded.type());
        assertEquals("1+1", decoded.content().get("code").getAsString());
    }

    @Test
    void knownSignatureMatchesPythonHmac() {
        // python3 -c "import hmac,hashlib;print(hmac.new(b'secret',b'abcd',hashlib.sha256).hexdigest())"
        byte[] sig = MessageSigner.create("hmac-sha256", "secret")
                .sign("a".getBytes(), "b".getBytes(), "c".getBytes(), "d".getBytes());
        assertEquals(
                "3057ecbaeceffb90b97394a97267236eca9f9e5520dfe387831a22a0eb7709d2",
                new String(sig, StandardCharsets.US_ASCII));
    }

    @Test
    void wrongOrMissingSignatureIsRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(sample()));
        frames.set(2, "0".repeat(64).getBytes(StandardCharsets.US_ASCII));
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        frames.set(2, new byte[0]);
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void tamperedContentIsRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(sample()));
        frames.set(6, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void emptyKeyDisablesAuthentication() throws Exception {
        WireCodec open = new WireCodec(MessageSigner.create("hmac-sha256", ""));
        assertEquals("execute_request", open.decode(open.encode(sample())).type());
    }
}
