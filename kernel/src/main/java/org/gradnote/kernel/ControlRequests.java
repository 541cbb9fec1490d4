package org.gradnote.kernel;

import com.google.gson.JsonObject;
import org.gradnote.kernel.protocol.JupyterMessage;

/** Requests on the control socket, served on their own thread so they work while a cell runs. */
final class ControlRequests {
    private final GradnoteKernel kernel;
    private final ShellRequests shell;

    ControlRequests(GradnoteKernel kernel, ShellRequests shell) {
        this.kernel = kernel;
        this.shell = shell;
    }

    void handle(JupyterMessage request) {
        switch (request.type()) {
            case "interrupt_request" -> {
                kernel.interrupt();
                JsonObject c = new JsonObject();
                c.addProperty("status", "ok");
                kernel.transport().control().send(kernel.messages().reply(request, "interrupt_reply", c));
            }
            case "shutdown_request" ->
                shell.shutdown(request, kernel.transport().control());
            case "kernel_info_request" ->
                kernel.transport()
                        .control()
                        .send(kernel.messages().reply(request, "kernel_info_reply", KernelInfo.content()));
            default ->
                System.getLogger(ControlRequests.class.getName())
                        .log(System.Logger.Level.WARNING, "unhandled control message " + request.type());
        }
    }
}
