package org.gradnote.kernel.jshell;

import java.util.List;

/** An error as Jupyter shows it: exception name, value and traceback lines. */
public record ErrorInfo(String ename, String evalue, List<String> traceback) {}
