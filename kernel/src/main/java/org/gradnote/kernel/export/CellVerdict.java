package org.gradnote.kernel.export;

/**
 * The replay result of one cell.
 *
 * @param failure null when the cell passed, else what differed (with expected and actual)
 * @param skipped the cell was not exported ({@code //| skip}) or produced no step
 * @param slow a note when the cell got slower than its baseline by more than the set factor, else null
 */
public record CellVerdict(String cellId, String failure, boolean skipped, long millis, String slow, String stderr) {
    public boolean passed() {
        return failure == null;
    }
}
