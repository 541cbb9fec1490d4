/**
 * The small runtime that classes exported from notebooks run on: typed {@code --name=value} parameters, a
 * {@code display(Object)} that prints text or saves charts under {@code plots/<notebook>/}, and the list of
 * steps (one per cell) that {@code gradnote replay} runs one by one, capturing each step's output.
 */
package org.gradnote.plots.notebook;
