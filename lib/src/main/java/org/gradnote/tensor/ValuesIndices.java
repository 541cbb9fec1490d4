package org.gradnote.tensor;

/**
 * The two results of sort and topk, like torch's {@code (values, indices)} named tuple: values differentiable,
 * indices int64 of the same shape.
 */
public record ValuesIndices(Tensor values, Tensor indices) {}
