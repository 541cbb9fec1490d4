package org.gradnote.tensor;

/** Thrown when an operation gets operands of incompatible shapes; the message names the op and the shapes. */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the operation and the shapes involved. */
    public ShapeException(String message) {
        super(message);
    }
}
