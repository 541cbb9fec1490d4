/**
 * Jupyter wire protocol over ZeroMQ (JeroMQ): connection files, message framing, HMAC signing and the socket loops.
 *
 * <p>Why our own transport instead of {@code org.dflib.jjava:jjava-jupyter:1.0-a6}: its {@code ShellChannel} loop calls
 * {@code super.readMessage()} (an {@code invokespecial}, so a subclass cannot intercept it), and that method throws
 * {@code SecurityException} on a bad signature, which ends the loop thread; it also compares signatures with
 * {@code String.equals}. Here every incoming message is verified with {@link java.security.MessageDigest#isEqual},
 * a bad one is logged and dropped, and the loop carries on. Nothing in this package knows about Java evaluation.
 */
package org.gradnote.kernel.protocol;
