package org.gradnote.kernel.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stdin channel's socket: only the token holder gets lines, and answers are framed with their request id. */
@Timeout(30)
class StdinServerTest {

    @Test
    void wrongTokenIsRefusedRightTokenGetsFramedAnswers() throws Exception {
        try (StdinServer server = new StdinServer()) {
            StdinServer.Endpoint endpoint = server.endpoint();
            try (Socket intruder = connect(endpoint.port(), "not-the-token")) {
                assertEquals(-1, intruder.getInputStream().read(), "connection closed without ok");
            }
            try (Socket evaluator = connect(endpoint.port(), endpoint.token())) {
                DataInputStream in = new DataInputStream(evaluator.getInputStream());
                assertEquals("ok", StdinServer.readLine(in, 8));
                server.answer(7, Optional.of("héllo"));
                server.answer(8, Optional.empty());
                assertEquals(7, in.readLong());
                int n = in.readInt();
                assertEquals("héllo", new String(in.readNBytes(n), StandardCharsets.UTF_8));
                assertEquals(8, in.readLong());
                assertEquals(-1, in.readInt(), "end-of-file is length -1");
            }
        }
    }

    private static Socket connect(int port, String token) throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.getOutputStream().write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }
}
