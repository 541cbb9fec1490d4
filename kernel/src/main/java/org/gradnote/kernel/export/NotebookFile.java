package org.gradnote.kernel.export;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * A notebook read from disk.
 *
 * @param displayPath how generated code and messages name it: its folder and file name, e.g.
 *                    {@code notebooks/01-autograd-basics.ipynb}, the same whatever the working directory
 * @param json the whole document, kept so {@code update} and {@code clean} can write it back
 */
public record NotebookFile(Path path, String displayPath, JsonObject json, List<NotebookCell> cells) {

    /** The file name without {@code .ipynb}, e.g. {@code 01-autograd-basics}. */
    public String baseName() {
        String name = path.getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }
}
