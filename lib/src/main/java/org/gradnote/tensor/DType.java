package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** Element types a {@link Tensor} can hold, mapped onto ND4J's data types. */
public enum DType {
    FLOAT32(DataType.FLOAT, "float32"),
    FLOAT64(DataType.DOUBLE, "float64"),
    INT64(DataType.INT64, "int64"),
    INT32(DataType.INT32, "int32"),
    BOOL(DataType.BOOL, "bool");

    private final DataType nd4j;
    private final String label;

    DType(DataType nd4j, String label) {
        this.nd4j = nd4j;
        this.label = label;
    }

    /** The ND4J data type backing this dtype. */
    public DataType nd4j() {
        return nd4j;
    }

    /** True for the types autograd can differentiate. */
    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    static DType of(DataType t) {
        for (DType d : values()) if (d.nd4j == t) return d;
        throw new IllegalArgumentException("unsupported ND4J data type " + t);
    }

    @Override
    public String toString() {
        return label;
    }
}
