/*
 * The float32 and float64 twins of gradnote's typed element loops: gn_typed.c includes this file once with
 * T = float (names ending in _f) and once with T = double (_d). Each loop is its Java twin's, operation for operation.
 */

/* ChannelLoops.addBias over rows [first, end) of a dense [outer, size, inner] array: x[o, i, j] += b[i]. */
static void GN_NAME(add_bias)(T *restrict v, const T *restrict b, int first, int end, int size, int inner) {
    if (inner == 1) {
        for (int k = first, i = first % size; k < end; k++) {
            v[k] += b[i];
            if (++i == size) i = 0;
        }
        return;
    }
    long k = (long) first * inner;
    for (int r = first, i = first % size; r < end; r++) {
        T bi = b[i];
        T *row = v + k;
        for (int j = 0; j < inner; j++) row[j] += bi;
        k += inner;
        if (++i == size) i = 0;
    }
}

/*
 * ChannelLoops.sumBias for i in [first, end): db[i] = the sum of g[o, i, j] over o then j, accumulated in double
 * in that order and rounded once to T. Returns 0, or -1 when scratch memory could not be had.
 */
static int GN_NAME(sum_bias)(const T *v, T *db, int first, int end, int outer, int size, int inner) {
    int m = end - first;
    double *acc = calloc(m > 0 ? (size_t) m : 1, sizeof(double));
    if (acc == NULL) return -1;
    if (inner == 1) {
        for (long o = 0, row = 0; o < outer; o++, row += size) {
            const T *r = v + row + first;
            for (int i = 0; i < m; i++) acc[i] += r[i];
        }
    } else {
        for (long o = 0; o < outer; o++) {
            const T *r = v + (o * size + first) * (long) inner;
            for (int i = 0; i < m; i++) {
                double sum = acc[i];
                for (int j = 0; j < inner; j++) sum += r[(long) i * inner + j];
                acc[i] = sum;
            }
        }
    }
    for (int i = 0; i < m; i++) db[first + i] = (T) acc[i];
    free(acc);
    return 0;
}

/* ChannelLoops.toBatchMajor for channels [first, end): out[n, c, p] = y[c, n·P + p] + bias[c] (bias may be NULL). */
static void GN_NAME(to_batch_major)(const T *restrict src, const T *restrict b, T *restrict dst, int first, int end, int n, int c, int p) {
    long cols = (long) n * p;
    for (int ci = first; ci < end; ci++) {
        for (int ni = 0; ni < n; ni++) {
            const T *from = src + ci * cols + (long) ni * p;
            T *to = dst + ((long) ni * c + ci) * p;
            if (b == NULL) {
                memcpy(to, from, (size_t) p * sizeof(T));
            } else {
                T bc = b[ci];
                for (int j = 0; j < p; j++) to[j] = from[j] + bc;
            }
        }
    }
}

/*
 * ChannelLoops.toChannelMajor for channels [first, end): gT[c, n·P + p] = g[n, c, p], and db[c] (when not NULL) the
 * sum of row c of gT in index order, in double, rounded once to T.
 */
static void GN_NAME(to_channel_major)(const T *src, T *dst, T *db, int first, int end, int n, int c, int p) {
    long cols = (long) n * p;
    for (int ci = first; ci < end; ci++) {
        double sum = 0;
        for (int ni = 0; ni < n; ni++) {
            const T *from = src + ((long) ni * c + ci) * p;
            T *to = dst + ci * cols + (long) ni * p;
            memcpy(to, from, (size_t) p * sizeof(T));
            if (db != NULL) {
                for (int j = 0; j < p; j++) sum += from[j];
            }
        }
        if (db != NULL) db[ci] = (T) sum;
    }
}

/* TanhLoops.backward over [0, n): dx = g (1 - y²), in T. */
static void GN_NAME(tanh_backward)(const T *restrict y, const T *restrict g, T *restrict dx, int n) {
    for (int i = 0; i < n; i++) dx[i] = g[i] * ((T) 1 - y[i] * y[i]);
}

/*
 * Updates.sgdMomentum over [0, n): d = g + wd·p (wd != 0), buf = m·buf + d, out = lr·(nesterov ? d + m·buf : buf),
 * each operation rounded to T.
 */
static void GN_NAME(sgd_momentum)(const T *restrict p, const T *restrict g, T *restrict buf, T *restrict out, int n,
        T lr, T m, T wd, int use_wd, int nesterov) {
    for (int i = 0; i < n; i++) {
        T d = use_wd ? g[i] + p[i] * wd : g[i];
        T bi = buf[i] * m + d;
        buf[i] = bi;
        out[i] = (nesterov ? d + bi * m : bi) * lr;
    }
}

/*
 * Unfold.scatterAdd's entries [first, stop): dst[map[i]] += src[i], skipping -1, in index order. Returns -1, having
 * added nothing past it, at an index outside [0, n): the Java side throws instead of writing out of bounds.
 */
static int GN_NAME(scatter_add)(const T *restrict src, const int *restrict map, T *restrict dst, int first, int stop,
        int n) {
    for (int i = first; i < stop; i++) {
        int k = map[i];
        if (k < 0) continue;
        if (k >= n) return -1;
        dst[k] += src[i];
    }
    return 0;
}

/*
 * SoftmaxLoops.backward for blocks [from, to) of [outer, len, inner]: dx = y (g - Σ y g) along len, each sum in order
 * along it in T. Returns -1 when scratch memory could not be had.
 */
static int GN_NAME(softmax_backward)(const T *restrict y, const T *restrict g, T *restrict dx, int from, int to,
        int len, int inner) {
    long block = (long) len * inner;
    if (inner == 1) {
        for (long o = from; o < to; o++) {
            const T *ys = y + o * block, *gs = g + o * block;
            T *d = dx + o * block;
            T sum = 0;
            for (int i = 0; i < len; i++) sum += ys[i] * gs[i];
            for (int i = 0; i < len; i++) d[i] = ys[i] * (gs[i] - sum);
        }
        return 0;
    }
    T *sums = malloc((size_t) inner * sizeof(T));
    if (sums == NULL) return -1;
    for (long o = from; o < to; o++) {
        const T *ys = y + o * block, *gs = g + o * block;
        T *d = dx + o * block;
        for (int k = 0; k < inner; k++) sums[k] = 0;
        for (long j = 0, at = 0; j < len; j++) {
            for (int k = 0; k < inner; k++, at++) sums[k] += ys[at] * gs[at];
        }
        for (long j = 0, at = 0; j < len; j++) {
            for (int k = 0; k < inner; k++, at++) d[at] = ys[at] * (gs[at] - sums[k]);
        }
    }
    free(sums);
    return 0;
}

/*
 * LayerPrimitives.layerNorm's input gradient for rows [first, end) of d elements, with the composite's roundings:
 * gx = g·gamma; the row means of gx·xhat and of gx, each summed in double from 0 in pieces split where the flat index
 * crosses a multiple of chunk (as Reduce.sums reads it), divided by d and rounded to T; then
 * dx = ((gx - xhat·mean(gx·xhat)) - mean(gx))·inv[r], every operation rounded to T.
 */
static void GN_NAME(layer_norm_dx)(const T *restrict g, const T *restrict gamma, const T *restrict xhat,
        const T *restrict inv, T *restrict dx, int first, int end, int d, int chunk) {
    double count = d;
    for (int r = first; r < end; r++) {
        const T *gr = g + (long) r * d, *xr = xhat + (long) r * d;
        T *out = dx + (long) r * d;
        long at = (long) r * d;
        double sa = 0, sg = 0, pa = 0, pg = 0;
        for (int j = 0; j < d; j++) {
            if (j > 0 && (at + j) % chunk == 0) {
                sa += pa;
                sg += pg;
                pa = 0;
                pg = 0;
            }
            T gx = gr[j] * gamma[j];
            T a = gx * xr[j];
            pa += (double) a;
            pg += (double) gx;
        }
        sa += pa;
        sg += pg;
        T ma = (T) (sa / count), mg = (T) (sg / count), is = inv[r];
        for (int j = 0; j < d; j++) {
            T gx = gr[j] * gamma[j];
            T proj = xr[j] * ma;
            T u = gx - proj;
            T w = u - mg;
            out[j] = w * is;
        }
    }
}

/*
 * layerNorm's dgamma and dbeta for columns [first, end) of rows x d: the sums over rows, in row order, in double, of
 * (T) (g·xhat) and of g, rounded once to T (Reduce.sums over the leading dimensions). acc holds 2·(end - first).
 */
static void GN_NAME(layer_norm_dgamma)(const T *restrict g, const T *restrict xhat, T *restrict dgamma,
        T *restrict dbeta, int first, int end, int rows, int d, double *restrict acc) {
    int w = end - first;
    double *ag = acc, *ab = acc + w;
    for (int j = 0; j < w; j++) ag[j] = ab[j] = 0;
    for (int r = 0; r < rows; r++) {
        const T *gr = g + (long) r * d + first, *xr = xhat + (long) r * d + first;
        for (int j = 0; j < w; j++) {
            T p = gr[j] * xr[j];
            ag[j] += (double) p;
            ab[j] += (double) gr[j];
        }
    }
    for (int j = 0; j < w; j++) {
        dgamma[first + j] = (T) ag[j];
        dbeta[first + j] = (T) ab[j];
    }
}
