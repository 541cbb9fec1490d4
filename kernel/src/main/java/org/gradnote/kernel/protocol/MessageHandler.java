package org.gradnote.kernel.protocol;

/** Handles one verified request taken from a shell or control socket. */
@FunctionalInterface
public interface MessageHandler {
    void handle(JupyterMessage request) throws Exception;
}
