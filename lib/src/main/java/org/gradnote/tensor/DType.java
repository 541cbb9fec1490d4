package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/** Element types a {@link Tensor} can hold, mapped onto ND4J's data types. */
public enum DType {
    /** 32-bit floating point, the default for factories and parameters ({@code torch.float32}). */
    FLOAT32(DataType.FLOAT, "float32"),
    /** 64-bit floating point, for gradient checks and exact comparisons ({@code torch.float64}). */
    FLOAT64(DataType.DOUBLE, "float64"),
    /** 64-bit integers: class labels and indices ({@code torch.int64}). */
    INT64(DataType.INT64, "int64"),
    /** 32-bit integers ({@code torch.int32}). */
    INT32(DataType.INT32, "int32"),
    /** Booleans, the result of comparisons ({@code torch.bool}). */
    BOOL(DataType.BOOL, "bool");

    private final DataType nd4j;
    private final String label;

    DType(DataType nd4j, String label) {
        this.nd4j = nd4j;
        this.label = label;
    }

    /** The ND4J data type backing this dtype (inside this package only: ND4J stays behind the engine). */
    DataType nd4j() {
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
