package org.gradnote.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converts between ZeroMQ frames and {@link JupyterMessage}, signing on the way out and verifying on the way in. */
public final class WireCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private final MessageSigner signer;

    public WireCodec(MessageSigner signer) {
        this.signer = signer;
    }

    public List<byte[]> encode(JupyterMessage m) {
        byte[] header = utf8(m.header().toString());
        byte[] parent = utf8(m.parentHeader().toString());
        byte[] metadata = utf8(m.metadata().toString());
        byte[] content = utf8(m.content().toString());
        List<byte[]> frames = new ArrayList<>(m.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(header, parent, metadata, content));
        frames.addAll(List.of(header, parent, metadata, content));
        frames.addAll(m.buffers());
        return frames;
    }

    /** Verifies the signature before parsing anything, so an unsigned message never reaches a handler. */
    public JupyterMessage decode(List<byte[]> frames) throws InvalidMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) throw new InvalidMessageException("no <IDS|MSG> delimiter");
        if (frames.size() < delimiter + 6) throw new InvalidMessageException("too few frames: " + frames.size());
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (!signer.verify(signature, header, parent, metadata, content)) {
            throw new InvalidMessageException("invalid or missing HMAC signature");
        }
        try {
            return new JupyterMessage(
                    List.copyOf(frames.subList(0, delimiter)),
                    object(header),
                    object(parent),
                    object(metadata),
                    object(content),
                    List.copyOf(frames.subList(delimiter + 6, frames.size())));
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidMessageException("malformed JSON", e);
        }
    }

    private static JsonObject object(byte[] json) {
        JsonElement e = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
        return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
