package org.gradnote.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.gradnote.kernel.protocol.MessageFactory;

/** The {@code kernel_info_reply} content: who we are and the language we speak. */
final class KernelInfo {
    private KernelInfo() {}

    static String version() {
        String v = KernelInfo.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    static JsonObject content() {
        JsonObject language = new JsonObject();
        language.addProperty("name", "java");
        language.addProperty("version", Runtime.version().toString());
        language.addProperty("mimetype", "text/x-java");
        language.addProperty("file_extension", ".java");
        language.addProperty("codemirror_mode", "text/x-java");
        language.addProperty("pygments_lexer", "java");
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        c.addProperty("protocol_version", MessageFactory.PROTOCOL_VERSION);
        c.addProperty("implementation", "gradnote");
        c.addProperty("implementation_version", version());
        c.add("language_info", language);
        c.addProperty("banner", "gradnote " + version() + " — Java " + Runtime.version() + " (JShell)");
        c.addProperty("debugger", false);
        JsonArray links = new JsonArray();
        JsonObject magics = new JsonObject();
        magics.addProperty("text", "Magics: run %lsmagic");
        magics.addProperty("url", "https://github.com/gradnote");
        links.add(magics);
        c.add("help_links", links);
        return c;
    }
}
