/*
 * The bit-level helpers and the exps of gradnote's C loops, shared by the files that include it. Everything here
 * rounds as its Java counterpart does: built with -ffp-contract=off and without fast-math (lib/pom.xml).
 */
#ifndef GN_MATH_H
#define GN_MATH_H

#include <stdint.h>
#include <string.h>

static inline double from_bits(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static inline uint64_t to_bits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/*
 * True when a double lies within 2^16 double ulps (a relative 2^-36) of the midpoint between two floats: there its
 * rounding to float may depend on the last bits of the exp, which may differ from Java's Math.exp. The bound covers
 * gn_exp_guarded's error (under 2^-50 relative) and Math.exp's (an ulp), amplified by (1 - e)/(1 + e) (at most 8x
 * for |z| >= 1/16), with a margin of over 1000x. It flags about 1 element in 4,000.
 */
static inline int near_float_midpoint(double t) {
    int64_t low = (int64_t) (to_bits(t) & ((1ull << 29) - 1)) - (1ll << 28);
    return low > -65536 && low < 65536;
}

/*
 * The recurrent cells' e^x: RecurrentPrimitives.exp operation for operation (the Java side's reference), so both
 * give the same bits. Branch-free where it matters, so the cells' loops vectorise.
 */
static inline double gn_exp(double x) {
    const double shift = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    double xc = x > -746 ? (x > 710 ? 710 : x) : -746; /* a NaN goes to -746 here, and back below */
    double kd = xc * inv_ln2 + shift;
    int64_t k = (int64_t) (to_bits(kd) - to_bits(shift));
    kd -= shift;
    double r = (xc - kd * ln2_hi) - kd * ln2_lo;
    double p = 1.0 / 6227020800.0;
    p = 1.0 / 479001600.0 + r * p;
    p = 1.0 / 39916800.0 + r * p;
    p = 1.0 / 3628800.0 + r * p;
    p = 1.0 / 362880.0 + r * p;
    p = 1.0 / 40320.0 + r * p;
    p = 1.0 / 5040.0 + r * p;
    p = 1.0 / 720.0 + r * p;
    p = 1.0 / 120.0 + r * p;
    p = 1.0 / 24.0 + r * p;
    p = 1.0 / 6.0 + r * p;
    p = 0.5 + r * p;
    p = 1.0 + r * p;
    p = 1.0 + r * p;
    int64_t k1 = k >> 1, k2 = k - k1;
    double e = p * from_bits((uint64_t) (k1 + 1023) << 52) * from_bits((uint64_t) (k2 + 1023) << 52);
    e = x > 710 ? 1.0 / 0.0 : e;
    e = x > -746 ? e : 0.0;
    return x != x ? x : e;
}

/*
 * e^x for x <= 0 (or a NaN), for the loops whose results are guarded against Math.exp's last bits rather than equal
 * to them (tanh, cross-entropy): gn_exp's reduction and Taylor polynomial, evaluated by Estrin's scheme, whose short
 * dependency chains let the vector units overlap where gn_exp's Horner chain waits on itself (2.4 -> 1.4 ns an
 * element). Relative error under GN_EXP_GUARDED_ERR (2^-51.1 measured over 2*10^7 arguments); below 2^-1022, an
 * absolute error of two subnormal ulps.
 */
#define GN_EXP_GUARDED_ERR 0x1p-50

static inline double gn_exp_guarded(double x) {
    const double shift = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    double xc = x > -746 ? x : -746; /* a NaN goes to -746 here, and back below */
    double kd = xc * inv_ln2 + shift;
    int64_t k = (int64_t) (to_bits(kd) - to_bits(shift));
    kd -= shift;
    double r = (xc - kd * ln2_hi) - kd * ln2_lo;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double s0 = (1.0 + r) + r2 * (1.0 / 2 + r * (1.0 / 6));
    double s1 = (1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720 + r * (1.0 / 5040));
    double s2 = (1.0 / 40320 + r * (1.0 / 362880)) + r2 * (1.0 / 3628800 + r * (1.0 / 39916800));
    double s3 = 1.0 / 479001600 + r * (1.0 / 6227020800.0);
    double p = (s0 + r4 * s1) + r8 * (s2 + r4 * s3);
    /* 2^k as 2^(k + 600) 2^-600 below 2^-1000, so that the first factor stays a normal double. */
    int deep = k < -1000;
    double e = (p * from_bits((uint64_t) (k + (deep ? 600 : 0) + 1023) << 52)) * (deep ? 0x1p-600 : 1.0);
    e = x > -746 ? e : 0.0;
    return x != x ? x : e;
}

static inline double gn_sigmoid(double z) {
    return 1 / (1 + gn_exp(-z));
}

/* RecurrentPrimitives.cellTanh. */
static inline double gn_cell_tanh(double z) {
    double a = from_bits(to_bits(z) & ~(1ull << 63));
    double z2 = z * z;
    double poly = z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
    double e = gn_exp(-2 * a), t = (1 - e) / (1 + e);
    t = z < 0 ? -t : t;
    return a < 0.0625 ? poly : t;
}

#endif
